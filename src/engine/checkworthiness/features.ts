/**
 * Feature extraction for the check-worthiness model. Shared by the trainer (scripts/train-checkworthiness.ts)
 * and the runtime scorer, so that both see exactly the same features. Pure, linear time, allocation-light:
 * features are 32-bit FNV-1a hashes of their names, computed while scanning the text, never built as strings.
 *
 * Feature names (binary): `w:<token>` (unigram), `b:<tok> <tok>` (bigram), `f:<token>` / `f2:<tok> <tok>`
 * (first tokens), `h:<name>` (hand features: numbers, money, entities, tense, modals, first-person
 * opinion, questions...) and the pairwise conjunctions of the hand features present (`pairHash`). Tokens are lower-cased; numbers become `<num>` or `<year>`.
 * `featureHash('w:prices')` gives the hash the scanner produces for the token "Prices".
 */

/** Longest text we look at: longer input is cut (keeps the call linear and cheap). */
export const MAX_CHARS = 2000;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function feed(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

function feedString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = feed(h, s.charCodeAt(i));
  return h;
}

/** Folds a hash to 30 bits (a V8 small integer: no boxing in maps and arrays); never 0 (an empty slot). */
function finish(h: number): number {
  const f = (h ^ (h >>> 30)) & 0x3fffffff;
  return f === 0 ? 1 : f;
}

/** Hash of a feature name, as `featureHashes` produces it. */
export function featureHash(name: string): number {
  return finish(feedString(FNV_OFFSET, name));
}

// ---- character classes -------------------------------------------------------------------------------

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

const LOWER = new Uint16Array(0x250);
for (let c = 0; c < 0x250; c++) LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
const lower = (c: number): number => (c < 0x250 ? LOWER[c] : c);

// ---- word lists (looked up by the hash of the lower-cased token) --------------------------------------

const NUMBER_WORD = 1;
const MONEY_WORD = 2;
const DATE_WORD = 4;
const PAST_WORD = 8;
const MODAL = 16;
const FUTURE = 32;
const FIRST_PERSON = 64;
const SECOND_PERSON = 128;
const OPINION_VERB = 256;
const OPINION_ADJ = 512;
const HEDGE = 1024;
const NEGATION = 2048;
const NOT_PAST_ED = 4096;
const NOT_SUPERLATIVE = 8192;

const WORD_FLAGS = new Map<number, number>();
function addWords(flag: number, words: string): void {
  for (const w of words.split(' ')) {
    if (!w) continue;
    const h = finish(feedString(FNV_OFFSET, w));
    WORD_FLAGS.set(h, (WORD_FLAGS.get(h) ?? 0) | flag);
  }
}
addWords(
  NUMBER_WORD,
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands ' +
    'million millions billion billions trillion trillions dozen dozens half twice thrice double triple quarter ' +
    'percent percentage',
);
addWords(MONEY_WORD, 'dollar dollars euro euros pound pounds yen yuan cents budget deficit debt tax taxes');
addWords(
  DATE_WORD,
  'january february march april june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday yesterday today',
);
addWords(
  PAST_WORD,
  'was were had did said told took made won lost met left sent began rose fell grew paid sold bought built ' +
    'brought caught cut put set hit shut spent gave came went saw found held kept led knew thought became ran ' +
    'struck stood drew drove fought flew forgot froze got hid hurt lay meant rode rang sank shook shot sought ' +
    'spoke spread stole swept swore taught tore threw understood voted wrote broke chose ate fled bore burst cost ' +
    'dealt dug fed hung laid lent lit slid stuck swam swung woke wore withdrew overtook upheld oversaw blew',
);
addWords(
  MODAL,
  "will would should could might may must shall can ought won't wouldn't shouldn't couldn't can't cannot i'll " +
    "we'll you'll they'll he'll she'll it'll i'd we'd you'd they'd gonna",
);
addWords(FUTURE, "will shall going gonna won't i'll we'll you'll they'll he'll she'll it'll");
addWords(FIRST_PERSON, "i me my we our us i'm we're i've we've i'd we'd i'll we'll");
addWords(SECOND_PERSON, "you your you're you've you'll yourself");
addWords(OPINION_VERB, 'think believe feel hope wish want suppose guess mean agree disagree');
addWords(
  OPINION_ADJ,
  'good bad great terrible horrible wonderful awful best worst wrong right important necessary essential ' +
    'fair unfair ridiculous disgrace disgraceful shameful tremendous incredible amazing beautiful strong weak ' +
    'stupid smart dangerous safe crazy sad tragic proud fantastic disaster nice better worse serious ' +
    'outrageous unacceptable acceptable crucial vital urgent clear obvious',
);
addWords(
  HEDGE,
  'perhaps maybe possibly probably likely unlikely apparently seemingly presumably supposedly arguably',
);
addWords(NEGATION, 'not never no');
addWords(NOT_PAST_ED, 'need indeed feed seed speed proceed exceed succeed bleed breed greed shed hundred');
addWords(NOT_SUPERLATIVE, 'interest request protest');

/** WORD_FLAGS as an open-addressing table (keys are non-zero 30-bit hashes): cheaper than a Map lookup. */
let flagCapacity = 16;
while (flagCapacity < WORD_FLAGS.size * 4) flagCapacity <<= 1;
const FLAG_MASK = flagCapacity - 1;
const FLAG_KEYS = new Int32Array(flagCapacity);
const FLAG_VALUES = new Int32Array(flagCapacity);
for (const [h, flags] of WORD_FLAGS) {
  let slot = h & FLAG_MASK;
  while (FLAG_KEYS[slot] !== 0) slot = (slot + 1) & FLAG_MASK;
  FLAG_KEYS[slot] = h;
  FLAG_VALUES[slot] = flags;
}

/** The flags of the word with hash `h` (0 when it is in no list). */
function wordFlags(h: number): number {
  let slot = h & FLAG_MASK;
  for (;;) {
    const k = FLAG_KEYS[slot];
    if (k === h) return FLAG_VALUES[slot];
    if (k === 0) return 0;
    slot = (slot + 1) & FLAG_MASK;
  }
}

// ---- hand feature hashes --------------------------------------------------------------------------------

const H = (name: string): number => featureHash('h:' + name);
const HF = {
  bias: H('bias'),
  empty: H('empty'),
  len: [0, 1, 2, 3, 4, 5, 6].map((i) => H('len' + i)),
  digit: H('digit'),
  digitN: [0, 1, 2, 3].map((i) => H('digit' + i)),
  numword: H('numword'),
  anynum: H('anynum'),
  money: H('money'),
  percent: H('percent'),
  year: H('year'),
  date: H('date'),
  caps: [0, 1, 2, 3].map((i) => H('caps' + i)),
  past: H('past'),
  modal: H('modal'),
  future: H('future'),
  first: H('first'),
  second: H('second'),
  iopinion: H('iopinion'),
  opadj: H('opadj'),
  hedge: H('hedge'),
  neg: H('neg'),
  superl: H('superl'),
  question: H('question'),
  pastNum: H('past_num'),
  pastEnt: H('past_ent'),
  modalNoPast: H('modal_nopast'),
  pastThird: H('past_third'),
  pastFirst: H('past_first'),
  numThird: H('num_third'),
  entThird: H('ent_third'),
};
const LEN_EDGES = [3, 6, 10, 16, 25, 40];
const HAND_BUFFER = new Int32Array(32);

/** Names (without `h:`) of every hand feature, so the trainer keeps them whatever their frequency. */
export const HAND_FEATURE_NAMES: string[] = [
  ...['bias', 'empty', 'digit', 'numword', 'anynum', 'money', 'percent', 'year', 'date', 'past', 'modal'],
  ...['future', 'first', 'second', 'iopinion', 'opadj', 'hedge', 'neg', 'superl', 'question', 'past_num'],
  ...['past_ent', 'modal_nopast', 'past_third', 'past_first', 'num_third', 'ent_third'],
  ...[0, 1, 2, 3, 4, 5, 6].map((i) => 'len' + i),
  ...[0, 1, 2, 3].map((i) => 'digit' + i),
  ...[0, 1, 2, 3].map((i) => 'caps' + i),
];

const P_W = feedString(FNV_OFFSET, 'w:');
const P_B = feedString(FNV_OFFSET, 'b:');
const P_F = feedString(FNV_OFFSET, 'f:');
const P_F2 = feedString(FNV_OFFSET, 'f2:');
const MAY = finish(feedString(FNV_OFFSET, 'may'));
const NUM_TOKEN = '<num>';
const YEAR_TOKEN = '<year>';
const SPACE = 32;

// ---- scanner ----------------------------------------------------------------------------------------------

const KIND_WORD = 0;
const KIND_NUM = 1;
const KIND_YEAR = 2;
const KIND_SYMBOL = 3;

const MAX_TOKENS = MAX_CHARS;
const tokStart = new Int32Array(MAX_TOKENS);
const tokEnd = new Int32Array(MAX_TOKENS);
const tokKind = new Uint8Array(MAX_TOKENS);
/** The scanned text's token characters as the hashes read them (lower-cased, apostrophes straightened). */
const folded = new Uint16Array(MAX_CHARS);

function isSymbol(c: number): boolean {
  return c === 37 || c === 36 || c === 0x20ac || c === 0xa3 || c === 63 || c === 33; // % $ € £ ? !
}

/** Tokenises into the module buffers; returns the token count. */
function scan(text: string): number {
  const len = Math.min(text.length, MAX_CHARS);
  let n = 0;
  let i = 0;
  while (i < len && n < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      const s = i;
      folded[i++] = lower(c);
      for (;;) {
        let d = 0;
        while (i < len && isLetter((d = text.charCodeAt(i)))) folded[i++] = lower(d);
        if (i + 1 < len && isApostrophe(d) && isLetter(text.charCodeAt(i + 1))) {
          folded[i++] = 39;
          continue;
        }
        break;
      }
      tokStart[n] = s;
      tokEnd[n] = i;
      tokKind[n++] = KIND_WORD;
    } else if (isDigit(c)) {
      const s = i;
      i++;
      for (;;) {
        while (i < len && isDigit(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if (i + 1 < len && (d === 46 || d === 44) && isDigit(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      let year = false;
      if (i - s === 4) {
        const a = text.charCodeAt(s);
        const b = text.charCodeAt(s + 1);
        year = (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
      }
      tokStart[n] = s;
      tokEnd[n] = i;
      tokKind[n++] = year ? KIND_YEAR : KIND_NUM;
    } else if (isSymbol(c)) {
      folded[i] = c;
      tokStart[n] = i;
      tokEnd[n] = i + 1;
      tokKind[n++] = KIND_SYMBOL;
      i++;
    } else {
      i++;
    }
  }
  return n;
}

/** Feeds token k (lower-cased, apostrophes straightened, numbers as <num>/<year>) into hash h. */
function feedToken(h: number, text: string, k: number): number {
  const kind = tokKind[k];
  if (kind === KIND_NUM) return feedString(h, NUM_TOKEN);
  if (kind === KIND_YEAR) return feedString(h, YEAR_TOKEN);
  const e = tokEnd[k];
  for (let i = tokStart[k]; i < e; i++) h = feed(h, folded[i]);
  return h;
}

function endsWith2(text: string, k: number, a: number, b: number): boolean {
  const e = tokEnd[k];
  return e - tokStart[k] >= 2 && lower(text.charCodeAt(e - 2)) === a && lower(text.charCodeAt(e - 1)) === b;
}

function bucket(n: number, edges: number[]): number {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
}

/**
 * Writes the hashes of the features present in `text` into `out` (from index 0) and returns how many it
 * wrote. Duplicates are possible; callers treat the features as a set. `out` must hold FEATURE_BUFFER_SIZE.
 */
export function featureHashes(text: string, out: Int32Array): number {
  return scanFeatures(text, out, undefined);
}

let wordCount = 0;

/** Word count of the last `scanFeatures` call that was given a `words` buffer. */
export function scannedWordCount(): number {
  return wordCount;
}

/**
 * `featureHashes`, and with `words` (MAX_CHARS entries) also what `wordTokenHashes` writes there, from the
 * same scan (its count from `scannedWordCount()`): the model needs both, and scanning once is cheaper.
 */
export function scanFeatures(text: string, out: Int32Array, words: Int32Array | undefined): number {
  const n = scan(text);
  let m = 0;
  let w = 0;
  out[m++] = HF.bias;
  if (n === 0) {
    out[m++] = HF.empty;
    if (words) wordCount = 0;
    return m;
  }
  let digits = 0;
  let numWords = 0;
  let money = 0;
  let percent = 0;
  let years = 0;
  let dates = 0;
  let capsMid = 0;
  let past = 0;
  let modal = 0;
  let future = 0;
  let firstPerson = 0;
  let secondPerson = 0;
  let opinionVerb = 0;
  let opinionAdj = 0;
  let hedge = 0;
  let negation = 0;
  let superlative = 0;
  let prev = 0;
  for (let k = 0; k < n; k++) {
    const kind = tokKind[k];
    // The word's own hash (flags, embedding): numbers and symbols need none.
    const word = kind === KIND_WORD ? finish(feedToken(FNV_OFFSET, text, k)) : 0;
    if (words && kind === KIND_WORD) words[w++] = word;
    out[m++] = finish(feedToken(P_W, text, k));
    if (k > 0) out[m++] = finish(feedToken(feed(feedToken(P_B, text, prev), SPACE), text, k));
    prev = k;
    if (kind === KIND_NUM) digits++;
    else if (kind === KIND_YEAR) {
      years++;
      digits++;
    } else if (kind === KIND_SYMBOL) {
      const c = text.charCodeAt(tokStart[k]);
      if (c === 37) percent++;
      else if (c !== 63 && c !== 33) money++;
    }
    if (kind !== KIND_WORD) continue;
    const c0 = text.charCodeAt(tokStart[k]);
    const tokLen = tokEnd[k] - tokStart[k];
    let flags = wordFlags(word);
    if (word === MAY && k > 0 && c0 === 77) flags = DATE_WORD; // "in May": the month, not the modal
    if (flags & NUMBER_WORD) {
      numWords++;
      if (tokLen === 7 && lower(c0) === 112 && endsWith2(text, k, 110, 116)) percent++; // percent
    }
    if (flags & MONEY_WORD) money++;
    if (flags & DATE_WORD) dates++;
    if (
      k > 0 &&
      isUpper(c0) &&
      !(c0 === 73 && (tokLen === 1 || isApostrophe(text.charCodeAt(tokStart[k] + 1))))
    )
      capsMid++;
    if (flags & PAST_WORD || (tokLen > 4 && endsWith2(text, k, 101, 100) && !(flags & NOT_PAST_ED))) past++;
    if (flags & MODAL) modal++;
    if (flags & FUTURE) future++;
    if (flags & FIRST_PERSON) firstPerson++;
    if (flags & SECOND_PERSON) secondPerson++;
    if (flags & OPINION_VERB) opinionVerb++;
    if (flags & OPINION_ADJ) opinionAdj++;
    if (flags & HEDGE) hedge++;
    if (
      flags & NEGATION ||
      (endsWith2(text, k, 39, 116) && tokLen > 3) ||
      (endsWith2(text, k, 0x2019, 116) && tokLen > 3)
    )
      negation++;
    if (
      tokLen > 5 &&
      endsWith2(text, k, 115, 116) &&
      lower(text.charCodeAt(tokEnd[k] - 3)) === 101 &&
      !(flags & NOT_SUPERLATIVE)
    )
      superlative++;
  }
  out[m++] = finish(feedToken(P_F, text, 0));
  if (n > 1) out[m++] = finish(feedToken(feed(feedToken(P_F2, text, 0), SPACE), text, 1));
  const hand = m;
  out[m++] = HF.len[bucket(n, LEN_EDGES)];
  if (digits) {
    out[m++] = HF.digit;
    out[m++] = HF.digitN[Math.min(digits, 3)];
  }
  if (numWords) out[m++] = HF.numword;
  if (digits || numWords) out[m++] = HF.anynum;
  if (money) out[m++] = HF.money;
  if (percent) out[m++] = HF.percent;
  if (years) out[m++] = HF.year;
  if (dates) out[m++] = HF.date;
  out[m++] = HF.caps[Math.min(capsMid, 3)];
  if (past) out[m++] = HF.past;
  if (modal) out[m++] = HF.modal;
  if (future) out[m++] = HF.future;
  if (firstPerson) out[m++] = HF.first;
  if (secondPerson) out[m++] = HF.second;
  if (opinionVerb && firstPerson) out[m++] = HF.iopinion;
  if (opinionAdj) out[m++] = HF.opadj;
  if (hedge) out[m++] = HF.hedge;
  if (negation) out[m++] = HF.neg;
  if (superlative) out[m++] = HF.superl;
  if (tokKind[n - 1] === KIND_SYMBOL && text.charCodeAt(tokStart[n - 1]) === 63) out[m++] = HF.question;
  if (past && (digits || numWords)) out[m++] = HF.pastNum;
  if (past && capsMid) out[m++] = HF.pastEnt;
  if (modal && !past) out[m++] = HF.modalNoPast;
  const personal = firstPerson + secondPerson > 0;
  if (past && !personal) out[m++] = HF.pastThird;
  if (past && firstPerson) out[m++] = HF.pastFirst;
  if ((digits || numWords) && !personal) out[m++] = HF.numThird;
  if (capsMid && !personal && !modal) out[m++] = HF.entThird;
  if (words) wordCount = w;
  return handPairs(out, hand, m);
}

/**
 * Conjunctions of the hand features present (`out[from..to)`, each pair once, order-free): "past tense and a
 * figure and no first person" as single features, the interactions a linear model cannot form. Appends them
 * and returns the new end; at most 29 hand features, so at most 406 pairs.
 */
function handPairs(out: Int32Array, from: number, to: number): number {
  const k = to - from;
  const hs = HAND_BUFFER;
  for (let i = 0; i < k; i++) {
    // insertion sort (k ≤ 29): the pair's hash is taken smaller hash first
    const v = out[from + i];
    let j = i;
    while (j > 0 && hs[j - 1] > v) {
      hs[j] = hs[j - 1];
      j--;
    }
    hs[j] = v;
  }
  let m = to;
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) out[m++] = pairHash(hs[i], hs[j]);
  return m;
}

/** Hash of the conjunction of two hand features (a < b); 30 bits, odd, so never 0. */
export function pairHash(a: number, b: number): number {
  return ((Math.imul(a, FNV_PRIME) ^ b) & 0x3fffffff) | 1;
}

/**
 * Writes the hashes of the lower-cased word tokens of `text` (letters only: no numbers or symbols; the same
 * tokens and hashes as `featureHash(token)`, e.g. `featureHash("don't")`) into `out` and returns how many.
 * The model looks them up in its word-embedding table. `out` must hold MAX_CHARS entries.
 */
export function wordTokenHashes(text: string, out: Int32Array): number {
  const n = scan(text);
  let m = 0;
  for (let k = 0; k < n; k++) if (tokKind[k] === KIND_WORD) out[m++] = finish(feedToken(FNV_OFFSET, text, k));
  return m;
}

/** Lower-cased word tokens of `text`, as `wordTokenHashes` sees them (for the trainer; allocates). */
export function wordTokens(text: string): string[] {
  const n = scan(text);
  const words: string[] = [];
  for (let k = 0; k < n; k++) {
    if (tokKind[k] !== KIND_WORD) continue;
    let w = '';
    for (let i = tokStart[k]; i < tokEnd[k]; i++) {
      const c = text.charCodeAt(i);
      w += String.fromCharCode(c === 0x2019 ? 39 : lower(c));
    }
    words.push(w);
  }
  return words;
}

/** Buffer size `featureHashes` needs. */
export const FEATURE_BUFFER_SIZE = 2 * MAX_CHARS + 64 + 406;

/** The distinct feature hashes of `text`, sorted (convenience for training and tests; allocates). */
export function featureSet(text: string): Int32Array {
  const buf = new Int32Array(FEATURE_BUFFER_SIZE);
  const m = featureHashes(text, buf);
  const sorted = buf.subarray(0, m).sort();
  let u = 0;
  for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
  return sorted.slice(0, u);
}
