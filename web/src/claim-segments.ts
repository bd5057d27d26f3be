/** A piece of the article text: plain (claimIndex -1) or inside a claim (the innermost one covering it). */
export interface TextSegment {
  start: number;
  end: number;
  claimIndex: number;
}

/** Same rule as the API's HTML report: cut at every claim boundary, each piece to the shortest covering claim. */
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
