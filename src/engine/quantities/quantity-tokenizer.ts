/**
 * A flat, linear-time tokenizer for the quantity extractor: digit figures, letter runs, single symbols.
 * Every token keeps its offsets into the original text.
 */

export type TokenKind = 'num' | 'word' | 'sym';

export interface Token {
  start: number;
  end: number;
  /** Surface text. */
  raw: string;
  /** Lower-cased surface text. */
  low: string;
  kind: TokenKind;
}

/**
 * A bare decimal (".500"), grouped figures ("1,234,567.89") first, then plain digits with an optional decimal part, then letter runs
 * (with inner apostrophes: "court's"), then any single non-space character. Every alternative is deterministic
 * (no nested quantifiers that can overlap), so a scan is linear in the input length.
 */
const TOKEN =
  /(?<![\p{L}\p{N}.])\.\d+|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*|\S/gu;
const DIGIT = /^\.?\d/;
const LETTER = /^[\p{L}\p{M}]/u;

export interface TokenizeResult {
  tokens: Token[];
  /** Loop iterations spent, for the linear-time test. */
  work: number;
}

export function tokenize(text: string, start: number, end: number): TokenizeResult {
  const tokens: Token[] = [];
  let work = 0;
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice)) !== null) {
    work++;
    const raw = m[0];
    const s = m.index + start;
    const kind: TokenKind = DIGIT.test(raw) ? 'num' : LETTER.test(raw) ? 'word' : 'sym';
    tokens.push({ start: s, end: s + raw.length, raw, low: raw.toLowerCase(), kind });
  }
  return { tokens, work };
}
