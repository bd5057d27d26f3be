/**
 * Sentence segmentation by a single left-to-right scan (linear, no backtracking regexes).
 * Handles abbreviations (Mr., Dr., U.S., U.N., p.m., Feb. 24), initials, decimals, closing quotes and brackets,
 * and caps very long unpunctuated runs so that later stages stay bounded.
 */
import type { Span } from '../types';
import { MONTH_ABBREVIATIONS } from '../lexicon/month-abbreviations';

export interface SentenceSpan extends Span {
  text: string;
}

/** Never sentence-final in news prose. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'cpt',
  'sgt',
  'adm',
  'maj',
  'cmdr',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vol',
  'art',
  'sec',
  'fig',
  'figs',
  'pp',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'est',
  'dept',
  'univ',
  'assn',
  'ave',
  'blvd',
  'rd',
  'mmes',
  'messrs',
  'mme',
]);
/** Sentence-final only when the next word clearly starts a sentence. */
const AMBIGUOUS = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'plc',
  'jr',
  'sr',
  'bros',
  'etc',
  ...MONTH_ABBREVIATIONS,
  'a.m',
  'p.m',
  'u.s',
  'u.n',
  'u.k',
  'e.u',
  'd.c',
  'u.s.a',
]);
/** Words that typically begin a sentence (used after an ambiguous abbreviation). */
const STARTERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and or so yet ' +
    'in on at for from after before when while as if since although though however meanwhile also still then ' +
    'one two three some many most several all both each no not officials police authorities government ' +
    'mr mrs ms dr'
  ) // e.g. "…at 9 p.m. Mr. Smith said"
    .split(' '),
);

const MAX_SENTENCE = 1500;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v';
}
function isClosing(c: string): boolean {
  return (
    c === '"' || c === "'" || c === '\u201d' || c === '\u2019' || c === ')' || c === ']' || c === '\u00bb'
  );
}
function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The word ending just before position `dot` (letters and inner dots), lowercased. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (
    i > floor &&
    (isLetter(text[i - 1]) || (text[i - 1] === '.' && i - 1 > floor && isLetter(text[i - 2])))
  )
    i--;
  return text.slice(i, dot).toLowerCase();
}

function nextWord(text: string, from: number, end: number): string {
  let i = from;
  while (i < end && !isLetter(text[i]) && !isDigit(text[i])) i++;
  let j = i;
  while (j < end && (isLetter(text[j]) || text[j] === "'" || text[j] === '\u2019')) j++;
  return text.slice(i, j);
}

/** Is the '.' at `i` the end of a sentence? `j` is the first non-space position after the closing marks. */
function periodEndsSentence(text: string, i: number, j: number, floor: number, end: number): boolean {
  const prev = wordBefore(text, i, floor);
  const next = text[j];
  // Initials: "J. K. Rowling" — a single capital letter before the dot.
  if (prev.length === 1 && isUpper(text[i - 1]) && i - 1 >= floor) {
    const before = i - 2 >= floor ? text[i - 2] : ' ';
    if (isSpace(before) || before === '(' || before === '.') return false;
  }
  if (prev && TITLES.has(prev)) return false;
  const nw = nextWord(text, j, end);
  if (prev && (AMBIGUOUS.has(prev) || (prev.includes('.') && prev.length <= 6))) {
    if (isDigit(next)) return false;
    return STARTERS.has(nw.toLowerCase());
  }
  return true;
}

/**
 * Splits text[from, to) into sentences. Newlines inside the range are treated as spaces.
 * Returned spans are trimmed and never empty.
 */
export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const end = Math.min(to, text.length);
  let start = Math.max(0, from);
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (i - start > MAX_SENTENCE && (isSpace(c) || i - start > 2 * MAX_SENTENCE)) {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '\u2026') {
      // Decimals and inner dots: "3.5", "U.S.", "example.com".
      if (c === '.' && i + 1 < end && (isLetter(text[i + 1]) || isDigit(text[i + 1]))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '\u2026')) j++;
      while (j < end && isClosing(text[j])) j++;
      const boundary = j;
      if (j < end && !isSpace(text[j])) {
        i = j;
        continue;
      }
      while (j < end && isSpace(text[j])) j++;
      if (j >= end) {
        push(start, boundary);
        start = end;
        break;
      }
      const next = text[j];
      const startsSentence =
        isUpper(next) ||
        isDigit(next) ||
        next === '"' ||
        next === '\u201c' ||
        next === "'" ||
        next === '\u2018' ||
        next === '(' ||
        next === '[' ||
        next === '\u00ab' ||
        next === '-' ||
        next === '\u2014' ||
        next === '\u2013';
      let ends = startsSentence;
      if (ends && c === '.') {
        const closed = boundary > i + 1 && isClosing(text[boundary - 1]);
        ends = closed || periodEndsSentence(text, i, j, start, end);
      }
      if (c === '\u2026' || (c === '.' && text[i + 1] === '.')) ends = ends && isUpper(next);
      if (ends) {
        push(start, boundary);
        start = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (start < end) push(start, end);
  return out;
}
