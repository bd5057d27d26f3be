/**
 * Does a published fact-check review the same statement as one of our claims? First the engine's claim comparison
 * (same fact: predicate, figures as intervals, time frame, modality; a fact-check naming a different figure for the
 * same fact still reviews it), then, when the engine cannot tell, the overlap of content words (stems, generic words
 * left out). Pure, never throws.
 */
import { claimFeatures, compareFeatures, type ClaimFeatures, type ComparableClaim } from '../agreement';
import { extractQuantities } from '../quantities';

export interface MatchableFactCheck {
  claimReviewed: string;
  claimant?: string | null;
}

export interface FactCheckMatch {
  /** 0..1: confidence that the fact-check reviews the claim. */
  score: number;
  /** 'engine:<comparison method>' or 'token-overlap'. */
  method: string;
  explanation: string;
}

/**
 * Engine verdicts that rule a match out whatever the wording shares. Not 'modality': fact-checks word claims in
 * headline style ("dam to be demolished"), which reads as a done fact next to "will be demolished".
 */
const VETO_METHODS = new Set(['time-frame', 'superseded']);
/** Content words both must share, and the share of the shorter side they must cover. */
const MIN_SHARED = 3;
const MIN_COVERAGE = 0.6;
const MIN_SCORE = 0.5;

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

function factCheckClaim(fc: MatchableFactCheck): ComparableClaim {
  return {
    text: fc.claimReviewed,
    quantities: extractQuantities(fc.claimReviewed),
    sources: fc.claimant ? [{ name: fc.claimant }] : [],
  };
}

function tokenOverlap(a: ClaimFeatures, b: ClaimFeatures): FactCheckMatch | null {
  let shared = 0;
  const words: string[] = [];
  for (const w of a.content) {
    if (b.content.has(w)) {
      shared++;
      if (words.length < 6) words.push(w);
    }
  }
  const smaller = Math.min(a.content.size, b.content.size);
  const union = a.content.size + b.content.size - shared;
  if (shared < MIN_SHARED || !smaller || !union) return null;
  const coverage = shared / smaller;
  const jaccard = shared / union;
  const score = round(0.6 * coverage + 0.4 * jaccard);
  if (coverage < MIN_COVERAGE || score < MIN_SCORE) return null;
  return {
    score,
    method: 'token-overlap',
    explanation: `the wordings share ${shared} of ${smaller} content words (${words.join(', ')})`,
  };
}

/** The match of a claim with a fact-check, or null when the fact-check reviews something else. */
export function matchFactCheck(claim: ComparableClaim, factCheck: MatchableFactCheck): FactCheckMatch | null {
  try {
    if (!claim?.text || !factCheck?.claimReviewed) return null;
    const a = claimFeatures({ ...claim, quantities: claim.quantities ?? extractQuantities(claim.text) });
    const b = claimFeatures(factCheckClaim(factCheck));
    // A different time frame rules the match out; checked without the corpus scope's entity test,
    // which would otherwise answer first.
    const frame = compareFeatures(a, b);
    if (VETO_METHODS.has(frame.method)) return null;
    const comparison = compareFeatures(a, b, { scope: 'corpus' });
    if (comparison.sameFact) {
      return {
        score: round(comparison.score),
        method: `engine:${comparison.method}`,
        explanation: comparison.explanation,
      };
    }
    return tokenOverlap(a, b);
  } catch {
    return null;
  }
}
