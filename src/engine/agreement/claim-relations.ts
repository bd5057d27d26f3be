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

/**
 * Relations between claims of one article: pairs a < b (indices into `claims`), from different sources, stating
 * the same fact. Accepts engine `Claim`s directly; claims marked `checkworthy: false` and the outlet's own claims
 * are left out unless the options say otherwise.
 */
export function relateClaims(claims: ComparableClaim[], options: RelateOptions = {}): ClaimRelation[] {
  const out: ClaimRelation[] = [];
  try {
    if (!Array.isArray(claims)) return out;
    const features: Array<ClaimFeatures | null> = claims.map((c) => {
      try {
        if (!options.includeNonCheckworthy && c?.checkworthy === false) return null;
        return claimFeatures(c);
      } catch {
        return null;
      }
    });
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
