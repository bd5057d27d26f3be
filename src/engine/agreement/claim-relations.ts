/**
 * Within one article: which claims from different sources state the same fact, and do they agree or conflict.
 * Features are computed once per claim; pairs are then cheap set operations.
 */
import type { ClaimRelation } from '../types';
import { compareFeatures, sameOrigin } from './claim-comparison';
import { claimFeatures, sourceKey, type ClaimFeatures, type ComparableClaim } from './claim-features';

export interface RelateOptions {
  /**
   * Relate the outlet's own claims (no source) too. Default false: in an article, the outlet's narration of the
   * same measure is usually background (another event, another year) rather than an independent report.
   */
  includeUnsourced?: boolean;
  /** Relate claims marked `checkworthy: false` too (default false). */
  includeNonCheckworthy?: boolean;
  /** Minimum score for a relation to be kept (default 0). */
  minScore?: number;
}

/**
 * Canonical origin keys of a claim for counting independent confirmations: one key per source, a "via" relay
 * collapsing into its origin (Kirby via Yonhap → "john kirby"); the relay only when no origin is named; [] for the
 * outlet's own claim.
 */
export function independentOrigins(claim: ComparableClaim): string[] {
  try {
    const sources = Array.isArray(claim?.sources) ? claim.sources : [];
    const via = Array.isArray(claim?.via) ? claim.via : [];
    const named = sources.length ? sources : via;
    const keys = named.map((s) => sourceKey(s?.name).join(' ')).filter(Boolean);
    return [...new Set(keys)];
  } catch {
    return [];
  }
}

/** "the company put the figure at about 4,500": the figure named just before, estimated by another source. */
const ANAPHORIC_ESTIMATE =
  /\b(?:put|puts|putting|estimated|estimates|estimating|placed|places|gave|gives|set|sets)\s+(?:the|its|their|his|her|that|this)\s+(?:own\s+)?(?:figure|number|count|tally|total|estimate|toll)\b/i;
const ANTECEDENT_DISTANCE = 3;

/**
 * A figure stated as "put the figure at N" measures what the nearest preceding figure measured: it takes that
 * figure's predicate families and subject. Revisions ("raised the figure to 15") are left alone: a source updating
 * its own count is a later snapshot, not a second estimate.
 */
function resolveAnaphora(features: Array<ClaimFeatures | null>): void {
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!f || !f.quantities.length || !ANAPHORIC_ESTIMATE.test(f.claim.text)) continue;
    if (f.quantities.some((q) => q.families.size > 0)) continue;
    for (let j = i - 1; j >= 0 && j >= i - ANTECEDENT_DISTANCE; j--) {
      const antecedent = features[j]?.quantities.find((q) => q.families.size > 0 && !q.reference);
      if (!antecedent) continue;
      features[i] = {
        ...f,
        quantities: f.quantities.map((q) => ({
          ...q,
          families: new Set(antecedent.families),
          subject: new Set([...q.subject, ...antecedent.subject]),
          unit: q.unit.cls === '?' ? antecedent.unit : q.unit,
        })),
      };
      break;
    }
  }
}

/**
 * Relations between claims of one article: pairs a < b (indices into `claims`), from different sources, stating
 * the same fact. Accepts engine `Claim`s directly; claims marked `checkworthy: false` and the outlet's own claims
 * are left out unless the options say otherwise.
 */
export function relateClaims(claims: ComparableClaim[], options: RelateOptions = {}): ClaimRelation[] {
  const out: ClaimRelation[] = [];
  try {
    if (!Array.isArray(claims)) return out;
    const all: Array<ClaimFeatures | null> = claims.map((c) => {
      try {
        return claimFeatures(c);
      } catch {
        return null;
      }
    });
    resolveAnaphora(all);
    const features = all.map((f, i) =>
      !options.includeNonCheckworthy && claims[i]?.checkworthy === false ? null : f,
    );
    const minScore = options.minScore ?? 0;
    for (let i = 0; i < features.length; i++) {
      const fa = features[i];
      if (!fa || (!options.includeUnsourced && !fa.origins.length)) continue;
      for (let j = i + 1; j < features.length; j++) {
        const fb = features[j];
        if (!fb || (!options.includeUnsourced && !fb.origins.length)) continue;
        if (sameOrigin(fa, fb)) continue;
        const cmp = compareFeatures(fa, fb);
        if (!cmp.relation || cmp.score < minScore) continue;
        out.push({ a: i, b: j, relation: cmp.relation, score: cmp.score, explanation: cmp.explanation });
      }
    }
  } catch {
    return out;
  }
  return out;
}
