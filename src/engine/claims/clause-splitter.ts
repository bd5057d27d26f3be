/**
 * Splits one stretch of text (a sentence, or the content of an attribution) into discrete claims.
 *
 * Two kinds of split:
 * - coordination ("… and killed nine", "; …", ", while …", "… but only one had …", "and that …",
 *   "… and at least 34 injured"): the parts are siblings, with disjoint spans;
 * - dependents that carry their own fact (", which employs roughly 2,100 people", ", including 212 news sites",
 *   ", with about 3,000 already dispatched", ", its first round of layoffs since 2009", "… after its profit fell 42
 *   percent"): the dependent gets its own claim and span, NESTED in the span of the clause it depends on (a clause
 *   contains its dependents), while the head claim's text leaves the dependent out.
 *
 * Lexicon-driven, token based, linear in the region length.
 */
import type { Span } from '../types';
import {
  COMPARATIVES,
  DETERMINERS,
  FRAMING_PARTICIPLES,
  PRONOUN_SUBJECTS,
  QUANTIFIERS,
  REPORTING_PARTICIPLES,
  SUBORDINATORS,
  isNumberToken,
  isSuperlative,
  isVerbLike,
  isYearToken,
} from './word-lexicon';

export interface Token extends Span {
  raw: string;
  w: string;
}

export type ClaimPartRole = 'head' | 'coordinate' | 'dependent';

export interface ClaimPart extends Span {
  /** Self-contained wording. */
  text: string;
  role: ClaimPartRole;
}

export interface SplitStats {
  tokens: number;
}

const MAX_TOKENS = 400;
/** Bounds on the parts of one region: real sentences carry a handful; lists of figures must not explode. */
const MAX_DEPENDENTS = 6;
const MAX_CUTS = 8;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
/** Character classes of non-ASCII code points, memoised (an article uses a few dozen). */
const WORD_CLASS = new Map<number, number>();
const IS_WORD = 1;
const IS_LETTER = 2;

function charClass(cp: number): number {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90)) return IS_WORD | IS_LETTER;
    return cp >= 48 && cp <= 57 ? IS_WORD : 0;
  }
  let cls = WORD_CLASS.get(cp);
  if (cls === undefined) {
    const ch = String.fromCodePoint(cp);
    cls = (WORD_CHAR.test(ch) ? IS_WORD : 0) | (LETTER.test(ch) ? IS_LETTER : 0);
    if (WORD_CLASS.size < 4096) WORD_CLASS.set(cp, cls);
  }
  return cls;
}

/** `raw.toLowerCase()` for raw = text[s, e), without a new string when raw has no capital and is all ASCII. */
function lowerOf(text: string, s: number, e: number, raw: string): string {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return raw.toLowerCase();
  }
  return raw;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Characters that join two runs of word characters into one token: "10,000", "U.S", "don't", "so-called". */
function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 0x2019 || c === 38 || c === 45;
}

/** The code point at `i` of text[.., end): a surrogate pair cut by `end` is a lone surrogate. */
function codePointIn(text: string, i: number, end: number): number {
  const cp = text.codePointAt(i) as number;
  return cp > 0xffff && i + 1 >= end ? text.charCodeAt(i) : cp;
}

/** End of the run of word characters starting at `i` (code point aware). */
function wordRunEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const cp = codePointIn(text, i, end);
    if (!(charClass(cp) & IS_WORD)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Words (letters, digits and marks, joined by inner . , ' ’ & -) and single other characters of text[start, end).
 * "Seoul,Korea" splits at the comma when the first part is letters only ("10,000" stays whole). Hand-written
 * equivalent of /[\p{L}\p{N}\p{M}]+(?:[.,'’&-][\p{L}\p{N}\p{M}]+)*|\S/gu (a quarter of the splitter's time).
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const stop = Math.min(end, text.length);
  let i = Math.max(0, start);
  while (i < stop) {
    const cp = codePointIn(text, i, stop);
    const size = cp > 0xffff ? 2 : 1;
    if (isSpace(cp)) {
      i++;
      continue;
    }
    if (!(charClass(cp) & IS_WORD)) {
      // One character (a whole surrogate pair when both halves are in range).
      const raw = text.slice(i, i + size);
      out.push({ start: i, end: i + size, raw, w: lowerOf(text, i, i + size, raw) });
      i += size;
      continue;
    }
    let j = wordRunEnd(text, i, stop);
    while (j + 1 < stop && isJoiner(text.charCodeAt(j))) {
      if (!(charClass(codePointIn(text, j + 1, stop)) & IS_WORD)) break;
      j = wordRunEnd(text, j + 1, stop);
    }
    // "Seoul,Korea": letters only up to the first comma, and a letter after it.
    let k = i;
    while (k < j) {
      const c = codePointIn(text, k, j);
      if (!(charClass(c) & IS_LETTER)) break;
      k += c > 0xffff ? 2 : 1;
    }
    if (k > i && k < j && text.charCodeAt(k) === 44 && charClass(codePointIn(text, k + 1, j)) & IS_LETTER)
      j = k;
    const raw = text.slice(i, j);
    out.push({ start: i, end: j, raw, w: lowerOf(text, i, j, raw) });
    i = j;
  }
  return out;
}

interface Ctx {
  text: string;
  toks: Token[];
  /** Token indices inside a quantity span or parentheses: never split there. */
  locked: Uint8Array;
  /** The flags below are read at `base + i` for token i (the region's place in its sentence's run). */
  base: number;
  /** 1 where the token is verb-like. */
  verb: Uint8Array;
  /** Verb-like tokens in [0, i) (range questions in constant time: the splitter asks them at every token). */
  verbsBefore: Int32Array;
  /** Figures (numbers that are no year, "once" aside) in [0, i). */
  figuresBefore: Int32Array;
}

function isFigure(w: string): boolean {
  // "one of the …" without a figure is rarely a quantity claim; keep "one" only before a noun-ish token.
  return isNumberToken(w) && !isYearToken(w) && w !== 'once';
}

/**
 * The tokens of one stretch of text (a sentence) with their verb and figure flags, read once and shared by the
 * regions inside it (frame contents, the outlet's fragments, source mentions): see `runRange`.
 */
export interface TokenRun {
  start: number;
  end: number;
  toks: Token[];
  /** 1 where the token is verb-like. */
  verb: Uint8Array;
  /** Verb-like tokens in [0, i): only differences are read, so a region reads them at its offset as they are. */
  verbsBefore: Int32Array;
  /** Figures (numbers that are no year, "once" aside) in [0, i). */
  figuresBefore: Int32Array;
}

function flags(toks: Token[]): Pick<TokenRun, 'verb' | 'verbsBefore' | 'figuresBefore'> {
  const n = toks.length;
  const verb = new Uint8Array(n);
  const verbsBefore = new Int32Array(n + 1);
  const figuresBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const w = toks[i].w;
    verb[i] = isVerbLike(w) ? 1 : 0;
    verbsBefore[i + 1] = verbsBefore[i] + verb[i];
    figuresBefore[i + 1] = figuresBefore[i] + (isFigure(w) ? 1 : 0);
  }
  return { verb, verbsBefore, figuresBefore };
}

export function tokenRun(text: string, start: number, end: number): TokenRun {
  const toks = tokenize(text, start, end);
  return { start, end, toks, ...flags(toks) };
}

/**
 * The run's tokens [lo, hi) that are `tokenize(text, start, end)`, or null: when [start, end) lies in the run and
 * cuts none of its tokens, tokenizing it afresh yields exactly the run's tokens inside it (a token depends only on
 * the text from its own start up to where it ends). A range that cuts a token is read afresh.
 */
function runRange(run: TokenRun, start: number, end: number): [number, number] | null {
  if (start < run.start || end > run.end || start >= end) return null;
  const toks = run.toks;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < toks.length && toks[last].start < end) last++;
  if ((lo < toks.length && toks[lo].start < start) || (last > lo && toks[last - 1].end > end)) return null;
  return [lo, last];
}

function runTokens(run: TokenRun, [lo, hi]: [number, number]): Token[] {
  return lo === 0 && hi === run.toks.length ? run.toks : run.toks.slice(lo, hi);
}

/** `tokenize(text, start, end)`, from `run` when it holds the range uncut. The tokens are never modified. */
export function tokensIn(text: string, start: number, end: number, run?: TokenRun): Token[] {
  const range = run ? runRange(run, start, end) : null;
  return range ? runTokens(run!, range) : tokenize(text, start, end);
}

function isComma(t: Token | undefined): boolean {
  return !!t && (t.raw === ',' || t.raw === '\u2014' || t.raw === '\u2013');
}

/** Non-year numbers in tokens [a, b) (within the region's tokens). */
function hasQty(c: Ctx, a: number, b: number): boolean {
  return a < b && c.figuresBefore[c.base + b] > c.figuresBefore[c.base + a];
}

function hasVerb(c: Ctx, a: number, b: number): boolean {
  return a < b && c.verbsBefore[c.base + b] > c.verbsBefore[c.base + a];
}

/** Next comma (depth 0, not locked) at or after `from`, or `end`. */
function nextComma(c: Ctx, from: number, end: number): number {
  for (let i = from; i < end; i++) if (isComma(c.toks[i]) && !c.locked[i]) return i;
  return end;
}

/** Index of the first verb-like token in [a, b), or -1. */
function firstVerb(c: Ctx, a: number, b: number): number {
  for (let i = a; i < b; i++) if (c.verb[c.base + i]) return i;
  return -1;
}

/** A clause starts at `a`: a verb within the first 7 tokens, no comma before it. */
function clauseAt(c: Ctx, a: number, b: number): boolean {
  for (let i = a; i < Math.min(b, a + 7); i++) {
    if (isComma(c.toks[i])) return false;
    if (c.verb[c.base + i]) return i > a; // a subject first
  }
  return false;
}

/** The subject of the clause at `a` points back ("it", "every one of them", "each"): not a fact of its own. */
function anaphoricSubject(c: Ctx, a: number, b: number): boolean {
  for (let i = a; i < Math.min(b, a + 7); i++) {
    const w = c.toks[i].w;
    if (isVerbLike(w)) return false;
    if (PRONOUN_SUBJECTS.has(w) || ANAPHORIC_WORDS.has(w)) return true;
  }
  return false;
}
const ANAPHORIC_WORDS = new Set([
  'them',
  'it',
  'our',
  'my',
  'your',
  'each',
  'every',
  'both',
  'either',
  'neither',
  'such',
  'same',
]);

const ADVERBS = new Set([
  'already',
  'still',
  'now',
  'also',
  'just',
  'yet',
  'since',
  'then',
  'so',
  'later',
  'earlier',
  'reportedly',
]);
function isAdverb(w: string): boolean {
  return ADVERBS.has(w) || (w.length > 3 && w.endsWith('ly'));
}

function spanText(c: Ctx, a: number, b: number): string {
  if (b <= a) return '';
  return c.text.slice(c.toks[a].start, c.toks[b - 1].end);
}

const EDGE_WORDS = new Set([
  'and',
  'but',
  'or',
  'that',
  'while',
  'whereas',
  'yet',
  'then',
  'so',
  ',',
  ';',
  ':',
]);

/** Trims connective words and punctuation at both ends of [a, b). */
function trimRange(c: Ctx, a: number, b: number): [number, number] {
  while (a < b && (EDGE_WORDS.has(c.toks[a].w) || /^[,;:.\u2014\u2013-]$/.test(c.toks[a].raw))) a++;
  while (b > a && /^[,;:.\u2014\u2013(-]$/.test(c.toks[b - 1].raw)) b--;
  return [a, b];
}

const TRIM_CHARS = new Set([' ', '\n', '\t', '\r', ',', ';', ':', '\u2014', '\u2013', '-', '\u00a0']);

/** Whitespace collapsed, connective punctuation and a final full stop trimmed. Linear, no backtracking. */
export function cleanClaimText(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && TRIM_CHARS.has(s[a])) a++;
  while (b > a && TRIM_CHARS.has(s[b - 1])) b--;
  if (b > a && s[b - 1] === '.') b--;
  while (b > a && TRIM_CHARS.has(s[b - 1])) b--;
  return collapseSpaces(s.slice(a, b));
}

/** `t.replace(/\s+/g, ' ')`, without a new string when every space is already a single ' '. */
function collapseSpaces(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 ? i + 1 < t.length && isSpace(t.charCodeAt(i + 1)) : isSpace(c))
      return t.replace(/\s+/g, ' ');
  }
  return t;
}

/** The subject of a clause: tokens before its first verb, when short and not a pronoun-only stub. */
function subjectOf(c: Ctx, a: number, b: number): string | null {
  const v = firstVerb(c, a, b);
  if (v <= a || v - a > 12) return null;
  let e = v;
  // Drop adverbs right before the verb ("initially reported").
  while (e > a && /ly$/.test(c.toks[e - 1].w)) e--;
  if (e <= a) return null;
  for (let i = a; i < e; i++) if (isComma(c.toks[i])) return null;
  return spanText(c, a, e);
}

/** The noun right after the first number in [a, b) ("3,000 troops" → "troops"). */
function unitAfterNumber(c: Ctx, a: number, b: number): string | null {
  for (let i = a; i < b - 1; i++) {
    if (isNumberToken(c.toks[i].w) && !isYearToken(c.toks[i].w)) {
      let j = i + 1;
      while (j < b && (isNumberToken(c.toks[j].w) || c.toks[j].w === 'percent' || c.toks[j].raw === '%')) j++;
      const t = c.toks[j];
      if (t && /^[a-z][a-z-]+$/.test(t.raw) && !isVerbLike(t.w) && !EDGE_WORDS.has(t.w) && !/ly$/.test(t.w)) {
        if (
          ['of', 'in', 'at', 'to', 'for', 'from', 'by', 'on', 'with', 'per', 'a', 'an', 'the'].includes(t.w)
        )
          return null;
        return t.raw;
      }
      return null;
    }
  }
  return null;
}

/** Restores an elided unit: "about 3,000 already dispatched" → "about 3,000 [troops] already dispatched". */
function withUnit(c: Ctx, a: number, b: number, unit: string | null): string {
  const text = spanText(c, a, b);
  if (!unit) return text;
  for (let i = a; i < Math.min(b, a + 5); i++) {
    if (isNumberToken(c.toks[i].w) && !isYearToken(c.toks[i].w)) {
      let j = i + 1;
      while (j < b && isNumberToken(c.toks[j].w)) j++;
      const next = c.toks[j];
      if (next && (isVerbLike(next.w) || isAdverb(next.w))) {
        const cut = c.toks[j - 1].end - c.toks[a].start;
        return `${text.slice(0, cut)} [${unit}]${text.slice(cut)}`;
      }
      return text;
    }
  }
  return text;
}

interface Cut {
  /** Left part ends before token `leftEnd`; right part starts at `rightStart`. */
  leftEnd: number;
  rightStart: number;
  elidedSubject: boolean;
  gapped: boolean;
}

/** Coordination cuts in tokens [a, b). */
function coordinationCuts(c: Ctx, a: number, b: number): Cut[] {
  const cuts: Cut[] = [];
  let segStart = a;
  for (let k = a + 1; k < b - 1; k++) {
    if (c.locked[k]) continue;
    const t = c.toks[k];
    const prevComma = isComma(c.toks[k - 1]);
    let cut: Cut | null = null;
    if (t.raw === ';') {
      if (clauseAt(c, k + 1, b) || hasVerb(c, k + 1, Math.min(b, k + 8)))
        cut = { leftEnd: k, rightStart: k + 1, elidedSubject: false, gapped: false };
    } else if (
      t.w === 'and' ||
      t.w === 'but' ||
      (prevComma && (t.w === 'while' || t.w === 'whereas' || t.w === 'yet'))
    ) {
      let n = k + 1;
      if (c.toks[n]?.w === 'then') n++;
      const next = c.toks[n];
      if (!next) continue;
      const leftHasVerb = hasVerb(c, segStart, k);
      const prevTok = c.toks[k - 1];
      if (next.w === 'that' && leftHasVerb) {
        cut = { leftEnd: k, rightStart: n + 1, elidedSubject: false, gapped: false };
      } else if (isVerbLike(next.w) && leftHasVerb && !isVerbLike(prevTok.w) && t.w !== 'while') {
        cut = { leftEnd: k, rightStart: n, elidedSubject: true, gapped: false };
      } else if (
        (t.w === 'but' ||
          t.w === 'while' ||
          t.w === 'whereas' ||
          t.w === 'yet' ||
          (t.w === 'and' && prevComma && !anaphoricSubject(c, n, b))) &&
        leftHasVerb &&
        clauseAt(c, n, b)
      ) {
        // ", and temperatures stayed above 35C": a comma before "and" and a subject of its own start a new
        // clause; ", and every one of them is full" leans on the first one and stays with it
        cut = { leftEnd: k, rightStart: n, elidedSubject: false, gapped: false };
      } else if (t.w === 'and' && leftHasVerb && hasQty(c, segStart, k) && !prevComma) {
        // Gapping: "… were killed and at least 34 injured", "… took 15 seats and the Greens four".
        const m = gappedClause(c, n, b);
        if (m) cut = { leftEnd: k, rightStart: n, elidedSubject: false, gapped: true };
      }
    } else if (t.w === 'then' && prevComma && isVerbLike(c.toks[k + 1]?.w ?? '') && hasVerb(c, segStart, k)) {
      cut = { leftEnd: k, rightStart: k + 1, elidedSubject: true, gapped: false };
    }
    if (cut) {
      if (cuts.length >= MAX_CUTS) break;
      cuts.push(cut);
      segStart = cut.rightStart;
      k = cut.rightStart;
    }
  }
  return cuts;
}

/** "at least 34 injured …" (number + participle) or "the Greens four" (short NP + bare number at the end). */
function gappedClause(c: Ctx, n: number, b: number): boolean {
  // number + participle
  let i = n;
  const lim = Math.min(b, n + 4);
  while (i < lim && !isNumberToken(c.toks[i].w)) i++;
  if (i < lim && hasQty(c, i, i + 1)) {
    let j = i + 1;
    while (j < b && isNumberToken(c.toks[j].w)) j++;
    if (j < b && /ed$|en$/.test(c.toks[j].w) && isVerbLike(c.toks[j].w)) return true;
    if (
      j < b &&
      ['injured', 'wounded', 'hurt', 'dead', 'missing', 'killed', 'arrested', 'detained'].includes(
        c.toks[j].w,
      )
    )
      return true;
  }
  // short NP + number, then end/comma
  let k = n;
  const npLim = Math.min(b, n + 5);
  while (k < npLim && !isNumberToken(c.toks[k].w) && !isComma(c.toks[k]) && !isVerbLike(c.toks[k].w)) k++;
  if (k > n && k < npLim && isNumberToken(c.toks[k].w) && !isYearToken(c.toks[k].w)) {
    const after = c.toks[k + 1];
    const first = c.toks[n];
    if (
      (!after || isComma(after) || after.raw === '.') &&
      (DETERMINERS.has(first.w) || /^\p{Lu}/u.test(first.raw))
    )
      return true;
  }
  return false;
}

interface Dependent {
  a: number;
  b: number;
  text?: string;
}

/** Antecedent NP of a relative pronoun at `k` (after a comma): short, no verb. */
function antecedent(c: Ctx, lo: number, comma: number): string | null {
  let i = comma;
  while (i > lo && !isComma(c.toks[i - 1]) && !isVerbLike(c.toks[i - 1].w) && comma - i < 8) {
    const w = c.toks[i - 1].w;
    if (
      [
        'to',
        'with',
        'by',
        'for',
        'on',
        'at',
        'from',
        'into',
        'over',
        'about',
        'amid',
        'against',
        'that',
      ].includes(w)
    )
      break;
    i--;
  }
  if (i >= comma || comma - i > 6) return null;
  return spanText(c, i, comma);
}

/** Dependents with their own fact inside the segment [a, b). */
function dependents(c: Ctx, a: number, b: number): Dependent[] {
  const out: Dependent[] = [];
  for (let k = a + 1; k < b; k++) {
    if (c.locked[k]) continue;
    const t = c.toks[k];
    const afterComma = isComma(c.toks[k - 1]) && !c.locked[k - 1];
    let dep: Dependent | null = null;
    if (afterComma) {
      const end = nextComma(c, k + 1, b);
      const w = t.w;
      if (w === 'which' || w === 'where') {
        const own = c.toks[k + 1];
        const ownSubject = w === 'where' && own && !PRONOUN_SUBJECTS.has(own.w) && end - k >= 5;
        if ((hasVerb(c, k + 1, end) && hasQty(c, k + 1, end)) || ownSubject) {
          const ante = w === 'which' ? antecedent(c, a, k - 1) : null;
          const rest = spanText(c, k + 1, end);
          dep = { a: k, b: end, text: ante ? `[${ante}] ${rest}` : w === 'where' ? rest : undefined };
          if (w === 'where' && !hasVerb(c, k + 1, end) && !hasQty(c, k + 1, end) && !ownSubject) dep = null;
        }
      } else if (w === 'including' && hasQty(c, k + 1, end)) {
        dep = { a: k, b: end };
      } else if (w === 'with' && hasQty(c, k + 1, Math.min(end, k + 5))) {
        dep = { a: k + 1, b: end };
      } else if (
        (QUANTIFIERS.has(w) || isNumberToken(w) || w === 'about' || w === 'around' || w === 'roughly') &&
        ofThem(c, k, end)
      ) {
        if (hasQty(c, k, end) || hasParticiple(c, k, end)) dep = { a: k, b: end };
      } else if (REPORTING_PARTICIPLES.has(w)) {
        const s = c.toks[k + 1]?.w === 'that' ? k + 2 : k + 1;
        if (s < b && clauseAt(c, s, b)) dep = { a: s, b: b };
      } else if (
        (/ing$/.test(w) || (/ed$/.test(w) && isVerbLike(w))) &&
        w.length > 4 &&
        !FRAMING_PARTICIPLES.has(w) &&
        hasQty(c, k + 1, end) &&
        hasVerb(c, a, k - 1)
      ) {
        dep = { a: k, b: end };
      } else if (isComparativeStart(c, k, end)) {
        dep = { a: k, b: end };
      } else if (isSuperlativePhrase(c, k, end)) {
        dep = { a: k, b: end };
      } else if (
        DETERMINERS.has(w) &&
        (end < b || isComma(c.toks[end])) &&
        hasQty(c, k + 1, end) &&
        !hasVerb(c, k + 1, end)
      ) {
        dep = { a: k, b: end }; // ", a coalition of 14 trade unions,"
      }
    } else if (
      t.w === 'and' &&
      !isComma(c.toks[k - 1]) &&
      hasQty(c, k + 1, Math.min(b, k + 5)) &&
      hasQty(c, Math.max(a, k - 4), k) &&
      !rangeBefore(c, a, k)
    ) {
      // Parallel figures: "80 beds and more than 150 people who need one".
      const end = nextComma(c, k + 1, b);
      if (!hasVerb(c, k + 1, Math.min(end, k + 3))) dep = { a: k + 1, b: end };
    } else if (SUBORDINATORS.has(t.w) && !isComma(c.toks[k - 1])) {
      const end = b;
      if (clauseAt(c, k + 1, end) && hasQty(c, k + 1, end) && hasQty(c, a, k) && hasVerb(c, a, k))
        dep = { a: k + 1, b: end };
    }
    if (dep) {
      const [da, db] = trimRange(c, dep.a, dep.b);
      if (db - da >= 2) out.push({ a: da, b: db, text: dep.text });
      if (out.length >= MAX_DEPENDENTS) break;
    }
  }
  return out;
}

function ofThem(c: Ctx, k: number, end: number): boolean {
  for (let i = k; i < Math.min(end, k + 5); i++) {
    if (
      c.toks[i].w === 'of' &&
      ['them', 'it', 'those', 'these', 'whom', 'which'].includes(c.toks[i + 1]?.w ?? '')
    )
      return true;
  }
  return false;
}

function hasParticiple(c: Ctx, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isVerbLike(c.toks[i].w) && /ed$|en$/.test(c.toks[i].w)) return true;
  return false;
}

function isComparativeStart(c: Ctx, k: number, end: number): boolean {
  let i = k;
  if (
    ['far', 'much', 'well', 'slightly', 'significantly', 'considerably', 'substantially'].includes(
      c.toks[i]?.w ?? '',
    )
  )
    i++;
  return i + 1 < end && COMPARATIVES.has(c.toks[i].w) && c.toks[i + 1].w === 'than' && hasQty(c, i + 2, end);
}

function isSuperlativePhrase(c: Ctx, k: number, end: number): boolean {
  let i = k;
  if (['in', 'at', 'for', 'as'].includes(c.toks[i]?.w ?? '')) i++;
  if (!DETERMINERS.has(c.toks[i]?.w ?? '')) return false;
  if (['down', 'up'].includes(c.toks[k].w)) return false;
  for (let j = i + 1; j < Math.min(end, i + 4); j++) if (isSuperlative(c.toks[j].w)) return !hasVerb(c, i, j);
  return false;
}

function rangeBefore(c: Ctx, a: number, k: number): boolean {
  for (let i = Math.max(a, k - 5); i < k; i++)
    if (c.toks[i].w === 'between' || c.toks[i].w === 'from') return true;
  return false;
}

/**
 * Splits text[start, end) into claim parts. `locks` are spans (quantities, parentheses) that must not be cut;
 * `run`, the tokens of the sentence around the range, spares reading them again. Returns at least one part for any
 * non-empty region.
 */
export function splitClaims(
  text: string,
  start: number,
  end: number,
  locks: Span[] = [],
  stats?: SplitStats,
  run?: TokenRun,
): ClaimPart[] {
  const range = run ? runRange(run, start, end) : null;
  const toks = range ? runTokens(run!, range) : tokenize(text, start, end);
  if (stats) stats.tokens += toks.length;
  if (toks.length === 0) return [];
  const whole: ClaimPart = {
    start: toks[0].start,
    end: toks[toks.length - 1].end,
    text: cleanClaimText(text.slice(toks[0].start, toks[toks.length - 1].end)),
    role: 'head',
  };
  if (toks.length > MAX_TOKENS || toks.length < 4) return [whole];
  const locked = new Uint8Array(toks.length);
  let depth = 0;
  let li = 0;
  const sortedLocks = [...locks].sort((x, y) => x.start - y.start);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.raw === '(' || t.raw === '[') depth++;
    while (li < sortedLocks.length && sortedLocks[li].end <= t.start) li++;
    const inLock =
      li < sortedLocks.length &&
      sortedLocks[li].start <= t.start &&
      sortedLocks[li].end > t.start &&
      sortedLocks[li].start < t.start;
    if (depth > 0 || inLock) locked[i] = 1;
    if ((t.raw === ')' || t.raw === ']') && depth > 0) depth--;
  }
  const c: Ctx = range
    ? {
        text,
        toks,
        locked,
        base: range[0],
        verb: run!.verb,
        verbsBefore: run!.verbsBefore,
        figuresBefore: run!.figuresBefore,
      }
    : { text, toks, locked, base: 0, ...flags(toks) };
  const parts: ClaimPart[] = [];
  const cuts = coordinationCuts(c, 0, toks.length);
  // Rebuild segments with their cuts.
  const segs: { a: number; b: number; cut?: Cut }[] = [];
  let from = 0;
  let pendingCut: Cut | undefined;
  for (const cut of cuts) {
    segs.push({ a: from, b: cut.leftEnd, cut: pendingCut });
    from = cut.rightStart;
    pendingCut = cut;
  }
  segs.push({ a: from, b: toks.length, cut: pendingCut });
  const first = segs[0];
  const subject = subjectOf(c, first.a, first.b);
  const unit = unitAfterNumber(c, first.a, first.b);
  for (const seg of segs) {
    const [a, b] = trimRange(c, seg.a, seg.b);
    if (b <= a) continue;
    const deps = dependents(c, a, b);
    let headText: string;
    if (deps.length) {
      // Head text leaves its dependents out.
      const pieces: string[] = [];
      let p = a;
      for (const d of deps) {
        if (d.a < p) continue;
        let cutAt = d.a;
        while (
          cutAt > p &&
          (isComma(c.toks[cutAt - 1]) ||
            [
              'which',
              'where',
              'with',
              'including',
              'and',
              'after',
              'as',
              'because',
              'before',
              'since',
              'while',
              'when',
              'although',
              'though',
              'whereas',
              'that',
            ].includes(c.toks[cutAt - 1].w) ||
            REPORTING_PARTICIPLES.has(c.toks[cutAt - 1].w))
        )
          cutAt--;
        pieces.push(spanText(c, p, cutAt));
        p = d.b;
        while (p < b && isComma(c.toks[p])) p++;
      }
      if (p < b) pieces.push(spanText(c, p, b));
      headText = pieces.filter(Boolean).join(', ');
    } else headText = spanText(c, a, b);
    let text = headText;
    if (seg.cut?.elidedSubject && subject && !clauseAt(c, a, b)) text = `[${subject}] ${headText}`;
    else if (seg.cut?.gapped) text = withUnit(c, a, b, unit);
    parts.push({
      start: toks[a].start,
      end: toks[b - 1].end,
      text: cleanClaimText(text),
      role: seg === segs[0] ? 'head' : 'coordinate',
    });
    for (const d of deps) {
      const dt = d.text ?? withUnit(c, d.a, d.b, unitAfterNumber(c, a, d.a));
      parts.push({
        start: toks[d.a].start,
        end: toks[d.b - 1].end,
        text: cleanClaimText(dt),
        role: 'dependent',
      });
    }
  }
  return parts.length ? parts : [whole];
}
