import { addWork } from './work-meter';

/**
 * A small offset-keeping tokenizer for attribution: words (with inner apostrophes, hyphens, abbreviation dots and
 * words broken across a line, "inspec\ntions") and single punctuation marks. Linear, no regular expressions.
 */

export interface Token {
  /** Absolute offsets into the original text. */
  s: number;
  e: number;
  /** Surface text. */
  t: string;
  /** Lower case, line breaks inside the word removed. */
  k: string;
  /** True for words, false for punctuation. */
  w: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Index of the quotation this token stands in (-1 outside quotes); quote marks carry -1. */
  q: number;
  /** 'o' opening quote mark, 'c' closing quote mark. */
  qm?: 'o' | 'c';
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gov',
  'sen',
  'rep',
  'gen',
  'col',
  'lt',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'corp',
  'co',
  'no',
  'vs',
  'capt',
  'sgt',
  'adm',
  'maj',
  'rev',
  'feb',
  'jan',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'gov',
]);

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x3ff) ||
  (c >= 0x400 && c <= 0x4ff);
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009;

/** Tokenize text.slice(from, to); offsets are absolute. */
export function tokenize(text: string, from: number, to: number): Token[] {
  addWork(Math.max(0, to - from));
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      // em/en dashes, quotes, commas … one token each
      out.push(mk(text, i, i + 1));
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const d = text.charCodeAt(j);
      if (isWordChar(d)) {
        j++;
        continue;
      }
      // inner joiners: don't, U.S, co-founder, AT&T, 3,000, 3.5
      if ((d === 39 || d === 0x2019 || d === 45 || d === 46 || d === 38 || d === 44) && j + 1 < to) {
        const n = text.charCodeAt(j + 1);
        if (isWordChar(n) && !(d === 44 && !(text.charCodeAt(j - 1) >= 48 && text.charCodeAt(j - 1) <= 57))) {
          j += 2;
          continue;
        }
      }
      // a word broken across a line: lower-case letters on both sides of a single newline
      if (
        d === 10 &&
        j + 1 < to &&
        isLower(text.charCodeAt(j + 1)) &&
        (isLower(text.charCodeAt(j - 1)) || isUpper(text.charCodeAt(j - 1)))
      ) {
        if (text.charCodeAt(j - 1) !== 46) {
          j += 2;
          continue;
        }
      }
      break;
    }
    // possessive s' ("Workers' Union") and abbreviation dots ("Dr.", "U.S.")
    if (j < to) {
      const d = text.charCodeAt(j);
      if ((d === 39 || d === 0x2019) && text.charCodeAt(j - 1) === 115) j++;
      else if (d === 46) {
        const word = text.slice(i, j).toLowerCase();
        if (ABBREVIATIONS.has(word) || /^(?:[a-z]\.)+[a-z]$/.test(word) || (j - i === 1 && isUpper(c))) j++;
      }
    }
    out.push(mk(text, i, j));
    i = j;
  }
  return out;
}

/** text[s, e) is all ASCII capitals. */
function allCaps(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** `t.toLowerCase()` for t = text[s, e), without a new string when t has no capital and is all ASCII. */
function lowerOf(text: string, s: number, e: number, t: string): string {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return t.toLowerCase();
  }
  return t;
}

function mk(text: string, s: number, e: number): Token {
  const t = text.slice(s, e);
  const c = t.charCodeAt(0);
  // acronyms keep their case so that "WHO" or "US" is no pronoun (a two-letter run is never "I")
  let k = e - s >= 2 && e - s <= 6 && allCaps(text, s, e) ? t : lowerOf(text, s, e, t);
  if (k.indexOf('\n') >= 0) k = k.replace(/\n/g, '');
  if (k.indexOf('\u2019') >= 0) k = k.replace(/\u2019/g, "'");
  // every token has the same shape (`qm` set later on quote marks), which keeps the attributor's reads monomorphic
  return {
    s,
    e,
    t,
    k,
    w: isWordChar(c),
    cap: isUpper(c),
    q: -1,
    qm: undefined,
  };
}
