/**
 * Within one article: which claims from different sources state the same fact, and do they agree or conflict.
 * Features are computed once per claim that can take part in a pair; pairs are then cheap set operations.
 */
import type { ClaimRelation } from '../types';
import { compareFeatures, sameOrigin } from './claim-comparison';
import {
  claimFeatures,
  claimOrigins,
  sourceKey,
  type ClaimFeatures,
  type ComparableClaim,
} from './claim-features';

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
function resolveAnaphora(features: Array<ClaimFeatures | null>, i: number): void {
  const f = features[i];
  if (!f || !f.quantities.length || !ANAPHORIC_ESTIMATE.test(f.claim.text)) return;
  if (f.quantities.some((q) => q.families.size > 0)) return;
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
    return;
  }
}

/**
 * Relations between claims of one article: pairs a < b (indices into `claims`), from different sources, stating
 * the same fact. Accepts engine `Claim`s directly; claims marked `checkworthy: false` and the outlet's own claims
 * are left out unless the options say otherwise.
 *
 * Features are built only for the claims that can take part in a pair (a candidate with another candidate of a
 * different origin) and for the antecedents those claims' anaphoric figures may read ("put the figure at …"): in
 * an article most claims are the outlet's own or share their source with every other candidate.
 */
export function relateClaims(claims: ComparableClaim[], options: RelateOptions = {}): ClaimRelation[] {
  const out: ClaimRelation[] = [];
  try {
    if (!Array.isArray(claims)) return out;
    const n = claims.length;
    // Candidates by their origins alone (the features' origins are the same keys).
    const origins: Array<{ origins: string[][] } | null> = claims.map((c) => {
      if (!options.includeNonCheckworthy && c?.checkworthy === false) return null;
      try {
        const keys = claimOrigins(c);
        return options.includeUnsourced || keys.length ? { origins: keys } : null;
      } catch {
        return null;
      }
    });
    const needed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const oa = origins[i];
      if (!oa) continue;
      for (let j = i + 1; j < n; j++) {
        const ob = origins[j];
        if (!ob || (needed[i] && needed[j]) || sameOrigin(oa, ob)) continue;
        needed[i] = 1;
        needed[j] = 1;
      }
    }
    // An anaphoric figure reads the figures of up to ANTECEDENT_DISTANCE claims before it (resolved in turn).
    for (let i = n - 1; i > 0; i--) {
      if (!needed[i] || !ANAPHORIC_ESTIMATE.test(String(claims[i]?.text ?? ''))) continue;
      for (let j = i - 1; j >= 0 && j >= i - ANTECEDENT_DISTANCE; j--) needed[j] = 1;
    }
    const features: Array<ClaimFeatures | null> = new Array<ClaimFeatures | null>(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (!needed[i]) continue;
      try {
        features[i] = claimFeatures(claims[i]);
      } catch {
        features[i] = null;
      }
      resolveAnaphora(features, i);
    }
    const minScore = options.minScore ?? 0;
    for (let i = 0; i < n; i++) {
      const fa = origins[i] && features[i];
      if (!fa) continue;
      for (let j = i + 1; j < n; j++) {
        const fb = origins[j] && features[j];
        if (!fb) continue;
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
