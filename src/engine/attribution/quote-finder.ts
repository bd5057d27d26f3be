/**
 * Quotations in a document: curly (“…”) and straight ("…") double quotes. A quotation that is not closed before the
 * end of its paragraph runs to the paragraph end (the convention for quotes continued in the next paragraph).
 * Linear single pass.
 */
import type { Span } from '../types';
import { addWork } from './work-meter';

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when unclosed. */
  close: number;
  closed: boolean;
}

export function findQuotes(text: string): Quote[] {
  addWork(text.length);
  const quotes: Quote[] = [];
  let open = -1;
  let straight = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // paragraph break: a blank line (or a newline followed by a new quotation) ends an open quotation
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 9))
        j++;
      if (open >= 0 && j < n && text.charCodeAt(j) === 10) {
        quotes.push({ open, close: i, closed: false });
        open = -1;
      }
      continue;
    }
    if (c === 0x201c) {
      if (open >= 0) quotes.push({ open, close: i, closed: false });
      open = i;
      straight = false;
    } else if (c === 0x201d) {
      if (open >= 0 && !straight) {
        quotes.push({ open, close: i, closed: true });
        open = -1;
      }
    } else if (c === 34 || (c === 39 && text.charCodeAt(i + 1) === 39)) {
      // straight quotes, and two apostrophes used as a double quote (''…'')
      const pair = c === 39;
      if (open >= 0 && straight) {
        quotes.push({ open, close: pair ? i + 1 : i, closed: true });
        open = -1;
      } else if (open < 0) {
        open = i;
        straight = true;
      }
      if (pair) i++;
    }
  }
  if (open >= 0) quotes.push({ open, close: n, closed: false });
  return quotes;
}

/** The inner span of a quotation (without its marks). */
export function quoteInner(q: Quote): Span {
  return { start: q.open + 1, end: q.close };
}
