/**
 * A piece of the article text: plain, or inside the claim numbered `claimIndex` (innermost claim wins). Shared by
 * the API's reports and the web app (web/src imports this file).
 */
export interface TextSegment {
  start: number;
  end: number;
  /** Index into the claims array, or -1 for text outside every claim. */
  claimIndex: number;
}

/**
 * Cuts the text at every claim boundary; each piece belongs to the shortest claim covering it (so nested claims
 * stay visible), and adjacent pieces of the same claim are merged. Spans outside the text are clamped. Linear in
 * the number of boundaries times the claims covering each piece.
 */
export function claimSegments(textLength: number, claims: { start: number; end: number }[]): TextSegment[] {
  const clamp = (n: number): number => Math.max(0, Math.min(textLength, n));
  const spans = claims
    .map((c, i) => ({ start: clamp(c.start), end: clamp(c.end), i }))
    .filter((c) => c.end > c.start);
  const cuts = [...new Set([0, textLength, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = cuts[k];
    const end = cuts[k + 1];
    let best = -1;
    let bestLength = Infinity;
    for (const s of spans) {
      if (s.start <= start && s.end >= end && s.end - s.start < bestLength) {
        best = s.i;
        bestLength = s.end - s.start;
      }
    }
    const last = segments[segments.length - 1];
    if (last && last.claimIndex === best) last.end = end;
    else segments.push({ start, end, claimIndex: best });
  }
  return segments;
}
