/**
 * Wire copy: the same agency story carried by several outlets. Its claims come from one piece of reporting, so
 * the copies must not count as independent origins. Detected from claim texts: each claim long enough to be
 * distinctive gets a normalized form (case, punctuation, quotes and spacing folded), the pipeline hashes it, and an
 * article sharing most of its distinctive claims with an earlier one is a copy of it.
 */

/** A claim needs this many words to be distinctive ("Police said." is not evidence of a shared story). */
export const WIRE_MIN_WORDS = 6;
/** Two articles share at least this many distinctive claims… */
export const WIRE_MIN_SHARED = 2;
/** …and at least this share of the shorter article's distinctive claims. */
export const WIRE_MIN_OVERLAP = 0.6;

/**
 * The claim's text normalized for wire matching (lower case, letters and digits only, single spaces), or null
 * when it is too short to be distinctive. Near-identical copies (curly vs straight quotes, dashes, spacing, case)
 * normalize alike.
 */
export function wireText(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return words.length >= WIRE_MIN_WORDS ? words.join(' ') : null;
}

/** Another article sharing distinctive claims with the new one. */
export interface WireCandidate {
  articleId: string;
  /** Distinct distinctive claims the two articles share. */
  shared: number;
  /** Distinct distinctive claims of the candidate. */
  claims: number;
  /** When the candidate was stored (ISO date or epoch ms): the earliest qualifying one wins. */
  createdAt: string | number | Date;
  /** The candidate's own wire origin, when it is itself a copy. */
  wireOriginArticleId: string | null;
}

/** Whether two articles are copies of one story: overlap / min(claims) ≥ WIRE_MIN_OVERLAP and ≥ WIRE_MIN_SHARED. */
export function isWireCopy(shared: number, ownClaims: number, otherClaims: number): boolean {
  const smaller = Math.min(ownClaims, otherClaims);
  return smaller > 0 && shared >= WIRE_MIN_SHARED && shared / smaller >= WIRE_MIN_OVERLAP;
}

/**
 * The wire origin of a new article with `ownClaims` distinctive claims: the group of the earliest candidate that
 * is a copy of the same story (its own origin when it is a copy itself, so a group has one root), or null.
 */
export function wireOriginOf(ownClaims: number, candidates: readonly WireCandidate[]): string | null {
  const copies = candidates
    .filter((c) => isWireCopy(c.shared, ownClaims, c.claims))
    .sort(
      (a, b) =>
        new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
        (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0),
    );
  const first = copies[0];
  return first ? (first.wireOriginArticleId ?? first.articleId) : null;
}
