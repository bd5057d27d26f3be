/**
 * Words broken across lines by a scraper ("Ukrai\nne", "inspec\ntions"): the line break is dropped from the view,
 * so the analysed text reads "Ukraine" while the mapped span still covers the original newline.
 *
 * A single newline between two letters (lowercase after it) is a broken word when the text is NOT hard-wrapped:
 * in hard-wrapped text (most lines continue on the next line) a newline is a space between words.
 */
import type { InputView } from './input-view';

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/** Positions of newlines that break a word, or [] when the text is hard-wrapped. */
export function findBrokenWordBreaks(text: string): number[] {
  const breaks: number[] = [];
  let runs = 0;
  let intra = 0;
  let prevLineNonEmpty = false;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const nonEmpty = text.slice(lineStart, i).trim().length > 0;
      if (nonEmpty && prevLineNonEmpty) intra++;
      else if (nonEmpty) runs++;
      prevLineNonEmpty = nonEmpty;
      if (nonEmpty && i < text.length) {
        const before = text[i - 1];
        const after = text[i + 1];
        if (before && after && LETTER.test(before) && LOWER.test(after) && i - lineStart >= 20)
          breaks.push(i);
      }
      lineStart = i + 1;
    }
  }
  if (intra > Math.max(2, runs)) return []; // hard-wrapped text: newlines are spaces
  return breaks;
}

/** Returns a view without the newlines that break words (maps composed), or the same view when there are none. */
export function rejoinBrokenWords(view: InputView): InputView {
  const breaks = findBrokenWordBreaks(view.text);
  if (breaks.length === 0) return view;
  const text = view.text;
  const n = text.length - breaks.length;
  const startMap = new Int32Array(n);
  const endMap = new Int32Array(n);
  const parts: string[] = [];
  let from = 0;
  let j = 0;
  const copy = (a: number, b: number): void => {
    parts.push(text.slice(a, b));
    for (let i = a; i < b; i++, j++) {
      startMap[j] = view.startMap ? view.startMap[i] : i;
      endMap[j] = view.endMap ? view.endMap[i] : i + 1;
    }
  };
  for (const b of breaks) {
    copy(from, b);
    from = b + 1;
  }
  copy(from, text.length);
  return { ...view, text: parts.join(''), startMap, endMap };
}
