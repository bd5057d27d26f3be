/**
 * The sentence (or line) around text[start, end): from after the last sentence end or line break before `start`
 * to the first one at or after `end`. For reading a stored claim in its sentence when only a window of the
 * article is at hand. Linear in the distance walked; never throws.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  if (typeof text !== 'string' || !text) return '';
  const from = Math.max(0, Math.min(text.length, Math.trunc(start) || 0));
  const to = Math.max(from, Math.min(text.length, Math.trunc(end) || 0));
  let s = from;
  while (s > 0 && !isSentenceEnd(text, s - 1)) s--;
  let e = to;
  while (e < text.length && !isSentenceEnd(text, e)) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

/** A line break, or . ! ? followed by a space, a line break or the end (not "3.5", not "U.S."). */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  return next === undefined || next === ' ' || next === '\n' || next === '\t';
}
