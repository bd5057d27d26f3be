/**
 * Rule-based quantity extractor: figures and number words, scales, money, percentages, measures, hedges (bounds),
 * ranges, vague amounts, changes and the counted noun. One pass over a token array with bounded look-around at
 * each figure, so the cost is linear in the text length.
 */
import type { Quantity, QuantityBound, QuantityKind, Span } from '../types';
import {
  ABBREVIATIONS,
  ADJECTIVE_WORDS,
  CHANGE_FILLERS,
  CURRENCY_CODES,
  CURRENCY_PREFIX_WORDS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_NATIONS,
  DOLLAR_PREFIXES,
  DOWN_NOUNS,
  DOWN_WORDS,
  FRACTIONS,
  HEDGE_INTENSIFIERS,
  HEDGES_BEFORE,
  MEASURE_PREFIXES,
  MEASURE_UNITS,
  MONTHS,
  NON_LABEL_CAPITALS,
  ORDINAL_SUFFIX,
  ORDINAL_WORDS,
  PEOPLE_STATES,
  PEOPLE_VERBS,
  SCALES,
  SMALL_NUMBERS,
  STOP_WORDS,
  TENS,
  TIMES_WORDS,
  UP_NOUNS,
  UP_WORDS,
  VAGUE_DETERMINERS,
  VAGUE_PLURALS,
} from './quantity-lexicon';
import { tokenize, type Token } from './quantity-tokenizer';

export interface ExtractQuantitiesOptions {
  /** Also return ordinals ("22nd", "third"), kind 'ordinal'. Off by default: they are positions, not amounts. */
  ordinals?: boolean;
  /** Also return years ("in 2019"), kind 'year'. Off by default. */
  years?: boolean;
}

/** A parsed figure: tokens [start, end) of the number itself. */
interface NumberParse {
  value: number | null;
  end: number;
  /** Multiplier applied by a scale word (1 when none). */
  scale: number;
  words: boolean;
  vague: boolean;
  ordinal: boolean;
  times: boolean;
  /** A fraction of a whole ("half of"): reported as percent. */
  fraction: boolean;
  /** Not a quantity at all (decade "1990s", code "5G"). */
  skip: boolean;
  /** Implied unit ("a year" → years). */
  unit?: string;
}

interface Suffix {
  unit: string;
  kind: QuantityKind;
  end: number;
}

const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);
const SENTENCE_END = new Set(['.', '!', '?']);
const QUOTES = new Set([
  '"',
  '\u201c',
  '\u201d',
  "'",
  '\u2018',
  '\u2019',
  '(',
  '[',
  '-',
  '\u2013',
  '\u2014',
  ':',
  ';',
]);
const TIME_ZONES = new Set([
  'gmt',
  'utc',
  'edt',
  'est',
  'bst',
  'cet',
  'cest',
  'pst',
  'pdt',
  'cst',
  'cdt',
  'ist',
  'jst',
  'kst',
  'et',
  'pt',
]);
const YEAR_PREPOSITIONS = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'during',
  'of',
  'early',
  'late',
  'mid',
  'before',
  'after',
  'through',
  'between',
  'and',
  'to',
  'year',
  'fiscal',
  'the',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'season',
  'around',
  'circa',
  'c',
]);
const NOT_PLURAL = new Set([
  'news',
  'series',
  'species',
  'means',
  'headquarters',
  'gas',
  'bus',
  'status',
  'this',
  'his',
  'its',
  'was',
  'has',
  'is',
  'as',
  'us',
  'yes',
  'less',
  'unless',
  'across',
  'towards',
  'always',
  'perhaps',
  'afterwards',
]);
const IRREGULAR_PLURALS = new Set([
  'people',
  'men',
  'women',
  'children',
  'police',
  'staff',
  'personnel',
  'cattle',
  'sheep',
  'fish',
  'feet',
  'geese',
  'mice',
  'teeth',
  'crew',
  'deer',
  'aircraft',
  'livestock',
  'troops',
  'data',
  'media',
  'youth',
  'military',
  'workforce',
  'population',
  'public',
]);
const PRONOUN_ONE_BEFORE = new Set([
  'no',
  'any',
  'every',
  'each',
  'the',
  'this',
  'that',
  'which',
  'same',
  'another',
  'little',
  'last',
  'someone',
  'anyone',
  'a',
  'big',
  'new',
  'right',
  'wrong',
]);
/** Nouns that form a compound with the counted noun and stay in the unit ("police officers", "polling stations"). */
const COMPOUND_MODIFIERS = new Set([
  'police',
  'emergency',
  'trade',
  'treatment',
  'polling',
  'insurance',
  'health',
  'fire',
  'rescue',
  'security',
  'border',
  'prison',
  'voting',
  'care',
  'aid',
  'intensive',
  'nursing',
  'power',
  'school',
  'medical',
  'customer',
  'board',
  'cabinet',
  'party',
  'city',
  'council',
  'state',
  'court',
  'search',
  'relief',
  'riot',
  'combat',
  'cargo',
  'passenger',
  'fighter',
  'war',
  'election',
  'family',
  'staff',
  'crew',
  'coast',
  'basis',
  'percentage',
  'square',
  'cubic',
  'kilowatt',
  'light',
]);
const WEAK_CHANGE = new Set([
  'cut',
  'cuts',
  'cutting',
  'reduced',
  'reduce',
  'reduces',
  'lowered',
  'raised',
  'raise',
  'raises',
  'raising',
  'added',
  'adds',
  'adding',
  'lost',
  'lose',
  'loses',
  'losing',
  'up',
  'down',
]);
const CONNECTIVES_BEFORE_RANGE = new Set(['between', 'from']);
const MOVEMENT_WORDS = new Set([
  'going',
  'went',
  'go',
  'goes',
  'gone',
  'moved',
  'move',
  'moving',
  'changed',
  'change',
  'revised',
  'narrowed',
  'widened',
  'extended',
  'shortened',
  'upgraded',
  'downgraded',
  'slow',
  'slowed',
  'accelerate',
  'lifted',
  'boost',
  'boosted',
  'switched',
  'shifted',
  'hiked',
  'trimmed',
  'expanded',
]);
const GIVE_UP = new Set([
  'gave',
  'give',
  'gives',
  'giving',
  'given',
  'picked',
  'pick',
  'set',
  'made',
  'make',
  'took',
  'take',
  'ended',
  'end',
  'wound',
  'signed',
  'summed',
  'showed',
  'turned',
  'came',
  'come',
  'put',
  'puts',
  'stepped',
  'back',
]);

/** Lower-case words that can begin a quantity (one Set lookup per word token). */
const NUMBER_STARTERS = new Set<string>([
  ...SMALL_NUMBERS.keys(),
  ...TENS.keys(),
  ...VAGUE_PLURALS,
  ...VAGUE_DETERMINERS,
  ...TIMES_WORDS.keys(),
  ...ORDINAL_WORDS.keys(),
  ...[...CURRENCY_CODES].map((c) => c.toLowerCase()),
  'a',
  'an',
  'half',
  'rs',
  'y',
  'us',
]);

/** Hedge phrases indexed by their last word, longest first. */
const HEDGES_BY_LAST_WORD = new Map<string, Array<readonly [string[], QuantityBound]>>();
for (const entry of HEDGES_BEFORE) {
  const key = entry[0][entry[0].length - 1];
  const list = HEDGES_BY_LAST_WORD.get(key) ?? [];
  list.push(entry);
  HEDGES_BY_LAST_WORD.set(key, list);
}
const NO_HEDGES: Array<readonly [string[], QuantityBound]> = [];

/** Lower-case words after which digits name a thing rather than count it. */
const LABEL_WORDS = new Set([
  'page',
  'pages',
  'chapter',
  'article',
  'section',
  'clause',
  'paragraph',
  'route',
  'room',
  'gate',
  'platform',
  'terminal',
  'category',
  'grade',
  'level',
  'phase',
  'stage',
  'episode',
  'version',
  'model',
  'number',
  'highway',
  'interstate',
  'channel',
  'flight',
  'tier',
  'row',
  'seat',
  'table',
  'figure',
  'exhibit',
  'item',
  'no',
  'nos',
  'vol',
  'volume',
  'act',
  'scene',
  'lane',
  'pier',
  'hangar',
  'bay',
  'building',
  'block',
  'apartment',
  'suite',
  'unit',
  'ward',
  'district',
  'zone',
  'sector',
  'grid',
  'line',
]);
const STREET_WORDS = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'way',
  'drive',
  'dr',
  'lane',
  'ln',
  'boulevard',
  'blvd',
  'place',
  'court',
  'square',
  'terrace',
  'crescent',
  'highway',
  'parkway',
]);

let lastWork = 0;

/** Loop iterations spent by the last extractQuantities call (for tests that check linear cost). */
export function quantityExtractionWork(): number {
  return lastWork;
}

function isCapitalized(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isAdjectiveLike(w: string): boolean {
  if (ADJECTIVE_WORDS.has(w)) return true;
  return /(?:al|ic|ous|ive|est|ed|able|ible|ful|less|ern|ian|ese|ish)$/.test(w) && w.length > 4;
}

function isPlural(w: string): boolean {
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURAL.has(w) || STOP_WORDS.has(w)) return false;
  return w.length > 2 && w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w);
}

class Extraction {
  private readonly toks: Token[];
  private readonly n: number;
  private readonly sid: Int32Array;
  private readonly out: Quantity[] = [];
  work = 0;
  /** Last counted noun seen, with its sentence index. */
  private lastCount: { unit: string; sid: number } | null = null;

  constructor(
    private readonly text: string,
    start: number,
    end: number,
    private readonly opts: ExtractQuantitiesOptions,
  ) {
    const t = tokenize(text, start, end);
    this.toks = t.tokens;
    this.n = t.tokens.length;
    this.work += t.work;
    this.sid = new Int32Array(this.n);
    let s = 0;
    for (let i = 0; i < this.n; i++) {
      this.work++;
      const tok = this.toks[i];
      if (i > 0) {
        const prev = this.toks[i - 1];
        // A line break between tokens ends a sentence (headlines, list items). The gap is whitespace only.
        for (let c = prev.end; c < tok.start; c++) {
          this.work++;
          if (text.charCodeAt(c) === 10) {
            s++;
            break;
          }
        }
      }
      this.sid[i] = s;
      if (SENTENCE_END.has(tok.raw) && !this.isAbbreviationDot(i)) s++;
    }
  }

  private isAbbreviationDot(i: number): boolean {
    if (this.toks[i].raw !== '.' || i === 0) return false;
    const prev = this.toks[i - 1];
    if (prev.end !== this.toks[i].start) return false;
    return ABBREVIATIONS.has(prev.low) || (prev.kind === 'word' && prev.raw.length === 1);
  }

  private low(i: number): string {
    return i >= 0 && i < this.n ? this.toks[i].low : '';
  }

  private adjacent(i: number): boolean {
    return i > 0 && i < this.n && this.toks[i].start === this.toks[i - 1].end;
  }

  private isSentenceStart(i: number): boolean {
    if (i === 0) return true;
    if (this.sid[i] !== this.sid[i - 1]) return true;
    return QUOTES.has(this.toks[i - 1].raw);
  }

  run(): Quantity[] {
    let i = 0;
    while (i < this.n) {
      this.work++;
      const next = this.at(i);
      i = next > i ? next : i + 1;
    }
    return this.out;
  }

  /** Tries a quantity starting at token i; returns the index after what it consumed (or i when nothing). */
  private at(i: number): number {
    const tok = this.toks[i];
    if (tok.kind === 'sym' && !CURRENCY_SYMBOLS.has(tok.raw)) return i;
    if (tok.kind === 'word' && !this.mayStartNumber(tok.low) && !CURRENCY_PREFIX_WORDS.has(tok.raw)) return i;

    // Currency before the figure.
    let k = i;
    let currency: string | null = null;
    let negative = false;
    const sym = CURRENCY_SYMBOLS.get(tok.raw);
    let glued: string | undefined;
    if (sym) {
      currency = sym;
      k = i + 1;
      // "$US113 trillion", "$A82,615,680"
      const g = this.toks[k];
      if (
        sym === 'USD' &&
        g &&
        g.kind === 'word' &&
        this.adjacent(k) &&
        this.toks[k + 1]?.kind === 'num' &&
        this.adjacent(k + 1)
      ) {
        glued = DOLLAR_PREFIXES.get(g.low);
        if (glued && g.raw === g.raw.toUpperCase()) {
          currency = glued;
          k++;
        }
      }
      if (
        this.low(k) === '-' &&
        this.adjacent(k) &&
        this.toks[k + 1]?.kind === 'num' &&
        this.adjacent(k + 1)
      ) {
        negative = true;
        k++;
      }
      if (this.toks[k]?.kind !== 'num' && !SMALL_NUMBERS.has(this.low(k)) && !TENS.has(this.low(k))) return i;
    } else if (tok.kind === 'word' && CURRENCY_CODES.has(tok.raw) && this.toks[i + 1]?.kind === 'num') {
      currency = tok.raw === 'RMB' ? 'CNY' : tok.raw;
      k = i + 1;
    } else if (tok.kind === 'word' && CURRENCY_PREFIX_WORDS.has(tok.raw)) {
      let j = i + 1;
      if (this.low(j) === '.') j++;
      if (this.toks[j]?.kind !== 'num' || (tok.raw.length === 1 && !this.adjacent(j))) return i;
      currency = CURRENCY_PREFIX_WORDS.get(tok.raw) ?? null;
      k = j;
    }
    let qStart = i;
    if (currency === 'USD' && tok.raw === '$') {
      // "US$", "HK$", "A$" glued; or "US $84 billion".
      const prev = this.toks[i - 1];
      if (prev && prev.kind === 'word' && (this.adjacent(i) || prev.raw === prev.raw.toUpperCase())) {
        const code = DOLLAR_PREFIXES.get(prev.low);
        if (code) {
          currency = code;
          qStart = i - 1;
        }
      }
    }
    if (tok.raw === 'Y' && this.low(i + 1) === '=' && this.toks[i + 2]?.kind === 'num') {
      currency = 'JPY';
      k = i + 2;
    }

    let sign: 'minus' | 'plus' | null = null;
    if (k === i && currency === null && tok.kind === 'num') {
      const skipTo = this.skipNonQuantityDigits(i);
      if (skipTo > i) return skipTo;
      const fr = this.digitFraction(i);
      if (fr) return fr;
      sign = this.signBefore(i);
      if (sign)
        qStart = this.low(i - 1) === 'minus' || this.low(i - 2) === 'minus' ? this.indexOfMinus(i) : i - 1;
      if (sign === 'minus') negative = true;
    }

    const p = this.parseNumber(k, currency !== null);
    if (!p) return i;
    if (p.skip) return p.end;
    let value = p.value;
    if (negative && value !== null) value = -value;
    // "0 to 60 mph", "0-100": a starting point, not an amount.
    if (value === 0 && !p.words && (this.low(p.end) === 'to' || this.low(p.end) === '-')) return p.end;
    // Number words glued to a noun: "six-speed", "three-bed", "four-cylinder" (measures like "five-year" stay).
    if (
      p.words &&
      !p.vague &&
      !p.fraction &&
      this.low(p.end) === '-' &&
      this.adjacent(p.end) &&
      this.adjacent(p.end + 1)
    ) {
      const nx = this.low(p.end + 1);
      if (!MEASURE_UNITS.has(nx) && !SMALL_NUMBERS.has(nx) && !TENS.has(nx) && nx !== 'plus' && nx !== 'odd')
        return p.end + 2;
    }
    // "twice as loud": a comparison, not a count.
    if (p.times && this.low(p.end) === 'as') return p.end;

    // "one" used as a pronoun ("no one", "the one", "one another", "one-off").
    if (p.words && !p.fraction && p.end === k + 1 && this.low(k) === 'one') {
      const before = this.low(k - 1);
      const after = this.low(k + 1);
      if (
        PRONOUN_ONE_BEFORE.has(before) ||
        after === 'another' ||
        (after === 'of' && (before === 'every' || before === 'any'))
      )
        return k + 1;
      if (after === '-' && this.adjacent(k + 1) && !MEASURE_UNITS.has(this.low(k + 2))) return k + 1;
    }

    if (p.ordinal) {
      if (this.opts.ordinals && value !== null) this.emit(qStart, p.end, value, 'exact', null, 'ordinal');
      return p.end;
    }

    // "one in four residents", "3 out of 10": a share, reported in percent.
    const ratioEnd = currency === null ? this.ratio(qStart, p) : 0;
    if (ratioEnd) return ratioEnd;

    // Years: "in 2019", "2014 and 2017".
    if (currency === null && this.isYear(k, p)) {
      let end = p.end;
      // "2019-20", "2014-2017": swallow the second year too.
      if ((this.low(end) === '-' || this.low(end) === '\u2013') && this.toks[end + 1]?.kind === 'num')
        end += 2;
      if (this.opts.years && value !== null) this.emit(qStart, p.end, value, 'exact', null, 'year');
      return end;
    }

    // Suffix of the first figure (percent, currency word, measure) and a possible range.
    let suffix = this.readSuffix(p.end, value, p, currency);
    let end = suffix ? suffix.end : p.end;
    let high: number | undefined;
    let bound: QuantityBound = p.vague ? 'vague' : 'exact';
    const range = this.readRange(qStart, k, p, end, currency, suffix);
    if (range === 'skip') return this.skipScore(p.end);
    if (range) {
      if (this.low(qStart - 1) === 'between' || this.low(qStart - 1) === 'from') qStart--;
      value = range.low;
      high = range.high;
      bound = 'range';
      end = range.end;
      suffix = suffix ?? range.suffix;
    }

    let unit: string | null = suffix?.unit ?? currency ?? null;
    let kind: QuantityKind = suffix?.kind ?? (currency ? 'money' : 'count');
    if (p.fraction) {
      unit = 'percent';
      kind = 'percent';
      if (value !== null) value = Math.round(value * 100 * 1e6) / 1e6;
    } else if (p.times) {
      unit = 'times';
    } else if (p.unit) {
      unit = p.unit;
      kind = 'measure';
    }

    // Hedges before the figure (or its currency sign).
    let start = qStart;
    const hedge = bound === 'vague' ? null : this.hedgeBefore(qStart);
    if (hedge) {
      start = hedge.start;
      if (bound !== 'range') bound = hedge.bound;
    } else if (bound === 'exact') {
      // A conversion in brackets restates the hedged figure before it: "just under 296 hp (224 kW / 300 PS)".
      const opener = this.low(qStart - 1);
      const prev = this.out[this.out.length - 1];
      if (
        prev &&
        this.lastEmitEnd === qStart - 1 &&
        (opener === '(' || opener === '/') &&
        (prev.bound === 'approx' || prev.bound === 'at_least' || prev.bound === 'at_most')
      )
        bound = prev.bound;
    }
    // Hedges after: "10,000-plus", "50 or more", "40-odd", "10+".
    const after = this.hedgeAfter(end, bound);
    if (after) {
      if (bound !== 'range' && bound !== 'vague') bound = after.bound;
      end = after.end;
    }

    // "a year" with no hedge is not a quantity ("$14.95 a month", "twice a year").
    if (p.unit && !hedge && !after) return p.end;

    // Counted noun.
    if (kind === 'count' && unit === null) {
      const noun = this.countedNoun(end, p);
      if (noun) {
        unit = noun.unit;
        if (noun.measure) kind = 'measure';
        // "tens of millions of dollars"
        const code = CURRENCY_WORDS.get(noun.unit);
        if (code && noun.unit !== 'won' && noun.unit !== 'sterling') {
          unit = code;
          kind = 'money';
        }
      }
      if (after === null) {
        const again = this.hedgeAfterNoun(noun ? noun.end : end);
        if (again && bound !== 'range' && bound !== 'vague') bound = again;
      }
      if (unit === null) unit = this.impliedUnit(qStart, end);
      if (unit !== null && kind === 'count' && unit !== 'times') this.lastCount = { unit, sid: this.sid[k] };
    }

    let change = value === null ? undefined : this.changeOf(start, end, kind, unit);
    if (!change && sign === 'plus') change = 'up';
    if (!change && sign === 'minus' && kind === 'percent') change = 'down';
    this.emit(start, end, value, bound, unit, kind, high, change);
    return end;
  }

  private mayStartNumber(w: string): boolean {
    return NUMBER_STARTERS.has(w) || (w.length > 5 && w.endsWith('fold'));
  }

  /** "one in four residents", "3 out of 10 households": emits a percent share, returns the index after it (0 when none). */
  private ratio(qStart: number, p: NumberParse): number {
    if (
      p.value === null ||
      p.vague ||
      p.fraction ||
      p.times ||
      p.unit ||
      p.scale !== 1 ||
      !Number.isInteger(p.value)
    )
      return 0;
    let j = p.end;
    if (this.low(j) === 'in') j++;
    else if (this.low(j) === 'out' && this.low(j + 1) === 'of') j += 2;
    else return 0;
    const t = this.toks[j];
    if (!t || (t.kind !== 'num' && !SMALL_NUMBERS.has(t.low) && !TENS.has(t.low))) return 0;
    const q = this.parseNumber(j, false);
    if (
      !q ||
      q.value === null ||
      q.skip ||
      q.vague ||
      q.ordinal ||
      q.scale !== 1 ||
      !Number.isInteger(q.value)
    )
      return 0;
    if (!(q.value > p.value && q.value <= 1000) || this.readSuffix(q.end, q.value, q, null)) return 0;
    const hedge = this.hedgeBefore(qStart);
    const value = Math.round((p.value / q.value) * 100 * 1e6) / 1e6;
    this.emit(
      hedge ? hedge.start : qStart,
      q.end,
      value,
      hedge ? hedge.bound : 'exact',
      'percent',
      'percent',
    );
    return q.end;
  }

  /** "-5 yards", "minus 387", "+0.2%": a sign glued to the figure, not a dash after a word ("COVID -19"). */
  private signBefore(i: number): 'minus' | 'plus' | null {
    const prev = this.toks[i - 1];
    if (!prev) return null;
    if (prev.low === 'minus') return 'minus';
    if (prev.raw === '-' && this.low(i - 2) === 'minus' && this.adjacent(i - 1)) return 'minus';
    if ((prev.raw === '-' || prev.raw === '\u2212' || prev.raw === '+') && this.adjacent(i)) {
      const pp = this.toks[i - 2];
      if (pp && this.adjacent(i - 1)) return null;
      const pct = this.toks[i + 1]?.raw === '%' || this.low(i + 1) === 'percent';
      if (pp && pp.kind === 'word' && isCapitalized(pp.raw) && !pct) return null;
      if (pp && pp.kind === 'num' && !pct) return null;
      return prev.raw === '+' ? 'plus' : 'minus';
    }
    return null;
  }

  private indexOfMinus(i: number): number {
    return this.low(i - 1) === 'minus' ? i - 1 : i - 2;
  }

  /** "1/2 pound", "1/16 of a pint": a fraction written with digits. Dates and "24/7" are skipped by the caller. */
  private digitFraction(i: number): number {
    const slash = this.toks[i + 1];
    const den = this.toks[i + 2];
    if (!slash || !den || (slash.raw !== '/' && slash.raw !== '\u2044') || den.kind !== 'num') return 0;
    if (!this.adjacent(i + 1) || !this.adjacent(i + 2)) return 0;
    const a = Number(this.toks[i].raw);
    const b = Number(den.raw);
    if (!(Number.isInteger(a) && Number.isInteger(b) && a > 0 && a < b && b <= 1000)) return 0;
    if (this.toks[i + 3]?.raw === '/') return i + 5;
    // "1/3 of the seats" is a share, reported in percent like "a third of".
    if (this.low(i + 3) === 'of' && this.low(i + 4) !== 'a' && this.low(i + 4) !== 'an') {
      this.emit(i, i + 3, Math.round((a / b) * 100 * 1e6) / 1e6, 'exact', 'percent', 'percent');
      return i + 3;
    }
    const suffix = this.readSuffix(i + 3, a / b, this.plain(i + 3), null);
    const end = suffix ? suffix.end : i + 3;
    this.emit(i, end, a / b, 'exact', suffix?.unit ?? null, suffix?.kind ?? 'count');
    return end;
  }

  private plain(end: number): NumberParse {
    return {
      value: null,
      end,
      scale: 1,
      words: false,
      vague: false,
      ordinal: false,
      times: false,
      fraction: false,
      skip: false,
    };
  }

  /** Digits that are not amounts: times, dates, labels ("Section 427", "COVID-19"), "24/7". Returns index to skip to. */
  private skipNonQuantityDigits(i: number): number {
    const t = this.toks[i];
    const next = this.toks[i + 1];
    // 12:01, 9/11, 24/7
    if (
      next &&
      (next.raw === ':' || next.raw === '/' || next.raw === '.') &&
      this.adjacent(i + 1) &&
      this.toks[i + 2]?.kind === 'num' &&
      this.adjacent(i + 2)
    ) {
      if (next.raw === '/') {
        const a = Number(t.raw);
        const b = Number(this.toks[i + 2].raw);
        if (a > 0 && a < b && b <= 1000 && this.toks[i + 3]?.raw !== '/') return i;
      }
      return i + 3;
    }
    // 1.99×10−30: scientific notation is left alone.
    if (
      next &&
      (next.raw === '\u00d7' || next.raw === 'x') &&
      this.low(i + 2) === '10' &&
      this.adjacent(i + 1)
    )
      return this.skipDashChain(i + 3, true);
    // 9 p.m., 5am, 0401 GMT
    const nl = this.low(i + 1);
    if (nl === 'am' || nl === 'pm' || (TIME_ZONES.has(nl) && next && isCapitalized(next.raw))) return i + 2;
    if ((nl === 'a' || nl === 'p') && this.low(i + 2) === '.' && this.low(i + 3) === 'm') return i + 4;
    // 26 March / March 26 / Dec. 2
    const v = Number(t.raw);
    if (Number.isInteger(v) && v >= 1 && v <= 31 && !t.raw.includes(',')) {
      if (next && next.kind === 'word' && isCapitalized(next.raw) && MONTHS.has(next.low)) return i + 2;
      let b = i - 1;
      if (this.low(b) === '.') b--;
      const prev = this.toks[b];
      if (prev && prev.kind === 'word' && isCapitalized(prev.raw) && MONTHS.has(prev.low))
        return this.skipDashChain(i + 1);
    }
    // Labels: glued to letters ("G7", "COVID-19"), after "#" or "No.", or after a capitalised word mid-sentence.
    const prev = this.toks[i - 1];
    if (prev && !this.unitFollows(i + 1)) {
      if (prev.raw === '#') return i + 1;
      if (prev.kind === 'word' && this.adjacent(i) && !CURRENCY_CODES.has(prev.raw)) return i + 1;
      if (
        (prev.raw === '-' || prev.raw === '/') &&
        this.adjacent(i) &&
        this.toks[i - 2]?.kind === 'word' &&
        this.adjacent(i - 1)
      )
        return i + 1;
      if (prev.raw === '.' && this.low(i - 2) === 'no' && isCapitalized(this.toks[i - 2].raw)) return i + 1;
      // "COVID -19": a dash glued to the figure after a capitalised word.
      if (
        prev.raw === '-' &&
        this.adjacent(i) &&
        this.toks[i - 2]?.kind === 'word' &&
        isCapitalized(this.toks[i - 2].raw)
      )
        return i + 1;
      // Lower-case label words: "page 3", "category 4 hurricane", "level 2".
      if (prev.kind === 'word' && LABEL_WORDS.has(prev.low)) return this.skipDashChain(i + 1);
      // A jersey or list number in brackets after a name: "Prescott (4)".
      if (
        prev.raw === '(' &&
        this.low(i + 1) === ')' &&
        this.toks[i - 2]?.kind === 'word' &&
        isCapitalized(this.toks[i - 2].raw)
      )
        return i + 1;
      if (
        prev.kind === 'word' &&
        (isCapitalized(prev.raw) || /^[a-z]+[A-Z]/.test(prev.raw)) &&
        !NON_LABEL_CAPITALS.has(prev.low) &&
        !MONTHS.has(prev.low) &&
        !CURRENCY_CODES.has(prev.raw) &&
        !this.isSentenceStart(i - 1) &&
        !(prev.raw.length > 1 && prev.raw === prev.raw.toUpperCase() && this.isAllCaps(i))
      ) {
        // Possessive or plural proper nouns are not labels: "Keltrix's 300 observers".
        if (!/['\u2019]s$/.test(prev.raw)) return this.skipDashChain(i + 1);
      }
    }
    if (this.isStreetNumber(i)) return i + 1;
    return i;
  }

  /** "49 Zorro Ranch Road", "9 E 71st St": a house number. */
  private isStreetNumber(i: number): boolean {
    for (let j = i + 1; j <= i + 4 && j < this.n; j++) {
      this.work++;
      const t = this.toks[j];
      if (t.kind === 'word' && STREET_WORDS.has(t.low) && isCapitalized(t.raw)) return j > i + 1;
      if (t.kind === 'num' && this.low(j + 1).length === 2 && ORDINAL_SUFFIX.has(this.low(j + 1))) continue;
      if (t.kind !== 'word' || !isCapitalized(t.raw)) return false;
    }
    return false;
  }

  /** A unit or percent sign right after a figure overrides the label reading ("Pro 16 inch", "Energy's 550 megawatt"). */
  private unitFollows(j: number): boolean {
    const t = this.toks[j];
    if (!t) return false;
    if (t.raw === '%' || t.low === 'percent' || t.low === 'per') return true;
    if (
      t.kind !== 'word' ||
      t.low === 'in' ||
      t.low === 'm' ||
      t.low === 'g' ||
      t.low === 'l' ||
      t.low === 'p'
    )
      return false;
    if (
      t.low === 'million' ||
      t.low === 'billion' ||
      t.low === 'trillion' ||
      (CURRENCY_WORDS.has(t.low) && t.low !== 'won')
    )
      return true;
    if (t.low === 'sq' || t.low === 'square' || t.low === 'cubic') return true;
    return MEASURE_UNITS.has(t.low) && !TIME_UNITS.has(t.low.replace(/s$/, '')) && t.low !== 'points';
  }

  /** After a skipped label, also skip "-2" / "/3" glued to it ("ISO 3888-2", "Charlton 2-1", "Oct. 18-22"). */
  private skipDashChain(j: number, minus = false): number {
    let e = j;
    let guard = 0;
    while (
      guard < 4 &&
      (this.low(e) === '-' ||
        this.low(e) === '/' ||
        this.low(e) === '\u2013' ||
        (minus && this.low(e) === '\u2212')) &&
      this.toks[e + 1]?.kind === 'num' &&
      this.adjacent(e + 1)
    ) {
      this.work++;
      guard++;
      e += 2;
    }
    return e;
  }

  /** Text in capitals (headlines) makes capitalisation meaningless. */
  private isAllCaps(i: number): boolean {
    const a = this.toks[i - 2];
    return a !== undefined && a.kind === 'word' && a.raw.length > 1 && a.raw === a.raw.toUpperCase();
  }

  private isYear(k: number, p: NumberParse): boolean {
    const t = this.toks[k];
    if (p.words || p.scale !== 1 || p.end !== k + 1 || t.kind !== 'num') return false;
    if (!/^\d{4}$/.test(t.raw)) return false;
    const v = Number(t.raw);
    if (v < 1500 || v > 2100) return false;
    const prev = this.low(k - 1);
    if (this.unitFollows(k + 1)) return false;
    if (
      prev === 'of' &&
      /^(?:average|total|sum|maximum|minimum|figure|price|cost|value|score)$/.test(this.low(k - 2))
    )
      return false;
    if (YEAR_PREPOSITIONS.has(prev)) return true;
    const next = this.toks[k + 1];
    if (!next || next.kind !== 'word') return true;
    if (MEASURE_UNITS.has(next.low) || next.low === 'percent' || next.low === 'per') return false;
    if (isPlural(next.low) && !isCapitalized(next.raw)) return false;
    return true;
  }

  /** Parses a figure at token k: digits with scales, number words, "a dozen", vague amounts, fractions. */
  private parseNumber(k: number, hasCurrency: boolean): NumberParse | null {
    const t = this.toks[k];
    if (!t) return null;
    const base: NumberParse = {
      value: null,
      end: k + 1,
      scale: 1,
      words: false,
      vague: false,
      ordinal: false,
      times: false,
      fraction: false,
      skip: false,
    };
    if (t.kind === 'num') {
      let value = Number(t.raw.replace(/,/g, ''));
      if (!Number.isFinite(value)) return null;
      let j = k + 1;
      const nx = this.toks[j];
      if (nx && nx.kind === 'word' && this.adjacent(j)) {
        const w = nx.low;
        if (ORDINAL_SUFFIX.has(w) && !t.raw.includes('.'))
          return { ...base, value, end: j + 1, ordinal: true };
        if (w === 's' && !hasCurrency) return { ...base, end: j + 1, skip: true };
        if (nx.raw === 'G' || nx.raw === 'D') return { ...base, end: j + 1, skip: true };
        if (w === 'fold') return { ...base, value, end: j + 1, times: true };
        if (w === 'am' || w === 'pm') return { ...base, end: j + 1, skip: true };
        let scale = SCALES.get(w) ?? 0;
        if (!scale && (w === 'k' || (w === 'b' && hasCurrency) || w === 'tr'))
          scale = w === 'k' ? 1e3 : w === 'b' ? 1e9 : 1e12;
        if (!scale && w === 'm') {
          const after = this.low(j + 1);
          if (hasCurrency || nx.raw === 'M' || after === 'of' || isPlural(after) || t.raw.includes('.'))
            scale = 1e6;
        }
        if (scale) return { ...base, value: value * scale, end: j + 1, scale };
        if (
          !MEASURE_UNITS.has(w) &&
          w !== 'pc' &&
          w !== 'p' &&
          w !== 'x' &&
          nx.raw !== 'C' &&
          nx.raw !== 'F' &&
          !CURRENCY_CODES.has(nx.raw) &&
          w !== 'm'
        )
          return { ...base, end: j + 1, skip: true };
        return { ...base, value, end: j };
      }
      // Spaced scales: "1.2 million", "3 dozen", "5 hundred thousand".
      let scale = 1;
      let steps = 0;
      while (j < this.n && steps < 4) {
        this.work++;
        steps++;
        const w = this.low(j);
        const s = SCALES.get(w) ?? (w === 'hundred' ? 100 : w === 'dozen' ? 12 : 0);
        if (!s || s <= 1) break;
        scale *= s;
        j++;
      }
      value *= scale;
      return { ...base, value, end: j, scale };
    }
    if (t.kind !== 'word') return null;
    const w = t.low;

    const times = TIMES_WORDS.get(w);
    if (times !== undefined) return { ...base, value: times, words: true, times: true };
    if (w.endsWith('fold') && w.length > 5) {
      const stem = w.slice(0, -4);
      const fv = SMALL_NUMBERS.get(stem) ?? TENS.get(stem) ?? (stem === 'hundred' ? 100 : undefined);
      if (fv !== undefined) return { ...base, value: fv, words: true, times: true };
    }

    // Vague: "dozens", "tens of thousands", "hundreds of thousands".
    if (VAGUE_PLURALS.has(w)) {
      let j = k + 1;
      if (w === 'tens' || w === 'scores') {
        if (this.low(j) !== 'of') return null;
        if (w === 'tens' && !VAGUE_PLURALS.has(this.low(j + 1))) return null;
      }
      if (this.low(j) === 'of' && VAGUE_PLURALS.has(this.low(j + 1)) && this.low(j + 1) !== 'dozens') j += 2;
      if (this.low(j) === 'upon' && VAGUE_PLURALS.has(this.low(j + 1))) j += 2;
      return { ...base, end: j, words: true, vague: true };
    }
    // "several thousand", "a few hundred", "many thousands".
    if (VAGUE_DETERMINERS.has(w) || (w === 'a' && this.low(k + 1) === 'few')) {
      const j = w === 'a' ? k + 2 : k + 1;
      const s = this.low(j);
      if (
        s === 'hundred' ||
        s === 'thousand' ||
        s === 'million' ||
        s === 'billion' ||
        s === 'dozen' ||
        (w === 'many' && VAGUE_PLURALS.has(s))
      ) {
        let e = j + 1;
        if (this.low(e) === 'thousand' || this.low(e) === 'million') e++;
        return { ...base, end: e, words: true, vague: true };
      }
      return null;
    }

    // "a"/"an": "a dozen", "a million", "almost a year", "a third of".
    if (w === 'a' || w === 'an') {
      const nx = this.low(k + 1);
      if (
        nx === 'hundred' ||
        nx === 'thousand' ||
        nx === 'million' ||
        nx === 'billion' ||
        nx === 'trillion' ||
        nx === 'dozen'
      ) {
        const r = this.wordNumber(k + 1, 1);
        return r ? { ...r, words: true } : null;
      }
      if (TIME_UNITS.has(nx))
        return { ...base, value: 1, end: k + 2, words: true, unit: MEASURE_UNITS.get(nx) };
      const frac = FRACTIONS.get(nx);
      if (frac !== undefined && nx !== 'half' && this.low(k + 2) === 'of')
        return this.fractionOf(k + 2, frac);
      return null;
    }
    if (w === 'half') {
      const nx = this.low(k + 1);
      if (nx === 'a' || nx === 'an') {
        const s = this.low(k + 2);
        const sv = s === 'dozen' ? 12 : (SCALES.get(s) ?? 0);
        if (sv) return { ...base, value: sv / 2, end: k + 3, words: true, scale: sv };
        if (TIME_UNITS.has(s))
          return { ...base, value: 0.5, end: k + 3, words: true, unit: MEASURE_UNITS.get(s) };
        return null;
      }
      const pv = this.low(k - 1);
      if (
        pv === 'second' ||
        pv === 'first' ||
        pv === 'other' ||
        pv === 'better' ||
        pv === 'latter' ||
        pv === 'this'
      )
        return null;
      if (nx === 'of' || nx === 'the' || nx === 'its' || nx === 'their' || nx === 'all')
        return this.fractionOf(k + 1, 0.5);
      return null;
    }
    const ord = ORDINAL_WORDS.get(w);
    if (ord !== undefined && !SMALL_NUMBERS.has(w))
      return { ...base, value: ord, words: true, ordinal: true };
    if (!SMALL_NUMBERS.has(w) && !TENS.has(w)) return null;
    const r = this.wordNumber(k, 0);
    if (!r) return null;
    // "two-thirds of", "three quarters of".
    let j = r.end;
    if (this.low(j) === '-' && this.adjacent(j)) j++;
    const frac = FRACTIONS.get(this.low(j));
    if (
      frac !== undefined &&
      r.value !== null &&
      r.value <= 10 &&
      this.low(j) !== 'half' &&
      this.low(j + 1) === 'of'
    ) {
      const f = this.fractionOf(j + 1, r.value * frac);
      return f;
    }
    return { ...r, words: true };
  }

  private fractionOf(ofIndex: number, fraction: number): NumberParse {
    // "a quarter of a million" is a number, not a share.
    if (this.low(ofIndex) === 'of' && (this.low(ofIndex + 1) === 'a' || this.low(ofIndex + 1) === 'an')) {
      const s = SCALES.get(this.low(ofIndex + 2));
      if (s)
        return {
          value: fraction * s,
          end: ofIndex + 3,
          scale: s,
          words: true,
          vague: false,
          ordinal: false,
          times: false,
          fraction: false,
          skip: false,
        };
    }
    return {
      value: fraction,
      end: ofIndex,
      scale: 1,
      words: true,
      vague: false,
      ordinal: false,
      times: false,
      fraction: true,
      skip: false,
    };
  }

  /** Number words: "two hundred and five thousand", "twenty-five", "one and a half million", "three dozen". */
  private wordNumber(k: number, startValue: number): NumberParse | null {
    let total = 0;
    let cur = startValue;
    let last: 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'dozen' | 'a' = startValue
      ? 'a'
      : 'none';
    let end = k;
    let j = k;
    let maxScale = Infinity;
    let usedScale = 1;
    while (j < this.n) {
      this.work++;
      const w = this.low(j);
      const small = SMALL_NUMBERS.get(w);
      const ten = TENS.get(w);
      const sc =
        w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion' ? (SCALES.get(w) ?? 0) : 0;
      if (small !== undefined) {
        if (last !== 'none' && last !== 'hundred' && last !== 'scale' && last !== 'ten') break;
        if (last === 'ten' && small >= 10) break;
        cur += small;
        last = small < 10 ? 'unit' : 'teen';
      } else if (ten !== undefined) {
        if (last !== 'none' && last !== 'hundred' && last !== 'scale') break;
        cur += ten;
        last = 'ten';
      } else if (w === 'hundred') {
        if (last === 'hundred' || last === 'none') break;
        cur = (cur || 1) * 100;
        last = 'hundred';
      } else if (sc) {
        if (last === 'none' || sc >= maxScale) break;
        total += (cur || 1) * sc;
        usedScale = Math.max(usedScale, sc);
        maxScale = sc;
        cur = 0;
        last = 'scale';
      } else if (w === 'dozen') {
        if (last === 'none' || last === 'dozen') break;
        cur = (cur || 1) * 12;
        last = 'dozen';
      } else if (w === '-' && last === 'ten' && this.adjacent(j) && this.adjacent(j + 1)) {
        const nx = this.low(j + 1);
        const sv = SMALL_NUMBERS.get(nx);
        if (sv !== undefined && sv > 0 && sv < 10) {
          j++;
          continue;
        }
        const ov = ORDINAL_WORDS.get(nx);
        if (ov !== undefined && ov < 10)
          return {
            value: cur + ov,
            end: j + 2,
            scale: 1,
            words: true,
            vague: false,
            ordinal: true,
            times: false,
            fraction: false,
            skip: false,
          };
        break;
      } else if (
        w === 'and' &&
        (last === 'hundred' || last === 'scale' || last === 'unit' || last === 'teen' || last === 'ten')
      ) {
        // "one and a half million", "two hundred and five".
        if (this.low(j + 1) === 'a' && this.low(j + 2) === 'half' && last !== 'scale') {
          cur += 0.5;
          j += 3;
          end = j;
          last = 'unit';
          continue;
        }
        const nx = this.low(j + 1);
        if ((last === 'hundred' || last === 'scale') && (SMALL_NUMBERS.has(nx) || TENS.has(nx))) {
          j++;
          continue;
        }
        break;
      } else {
        break;
      }
      j++;
      end = j;
    }
    if (end === k || last === 'none' || last === 'a') return null;
    return {
      value: total + cur,
      end,
      scale: usedScale,
      words: true,
      vague: false,
      ordinal: false,
      times: false,
      fraction: false,
      skip: false,
    };
  }

  /** Percent sign or word, currency word, measure unit right after a figure. */
  private readSuffix(
    j: number,
    value: number | null,
    p: NumberParse,
    currency: string | null,
  ): Suffix | null {
    const t = this.toks[j];
    if (!t) return null;
    const w = t.low;
    if (t.raw === '%') return { unit: 'percent', kind: 'percent', end: j + 1 };
    // Temperatures: "47.3C", "47.3°C", "104 °F".
    if (t.raw === '\u00b0' || ((t.raw === 'C' || t.raw === 'F') && this.adjacent(j))) {
      const scaleTok = t.raw === '\u00b0' ? this.toks[j + 1] : t;
      const e = t.raw === '\u00b0' ? j + 1 : j;
      if (scaleTok && (scaleTok.raw === 'C' || scaleTok.raw === 'F') && this.adjacent(e))
        return {
          unit: scaleTok.raw === 'C' ? 'degrees celsius' : 'degrees fahrenheit',
          kind: 'measure',
          end: e + 1,
        };
      if (t.raw === '\u00b0') return { unit: 'degrees', kind: 'measure', end: j + 1 };
    }
    if (w === 'percent' || w === 'pct' || (w === 'pc' && this.adjacent(j)))
      return { unit: 'percent', kind: 'percent', end: j + 1 };
    if (w === 'per' && this.low(j + 1) === 'cent') return { unit: 'percent', kind: 'percent', end: j + 2 };
    if (w === 'percentage' && (this.low(j + 1) === 'points' || this.low(j + 1) === 'point'))
      return { unit: 'percentage points', kind: 'percent', end: j + 2 };
    if (currency) {
      // "$5 million US dollars" rarely; stop here.
      return null;
    }
    if (t.kind === 'word' && CURRENCY_CODES.has(t.raw))
      return { unit: t.raw === 'RMB' ? 'CNY' : t.raw, kind: 'money', end: j + 1 };
    const nation = DOLLAR_NATIONS.get(w);
    if (nation) {
      if (CURRENCY_WORDS.has(this.low(j + 1)) && this.low(j + 1) !== 'won')
        return { unit: nation, kind: 'money', end: j + 2 };
      if ((w === 'hong' || w === 'new') && (this.low(j + 2) === 'dollars' || this.low(j + 2) === 'dollar'))
        return { unit: nation, kind: 'money', end: j + 3 };
    }
    if (w === 'pounds' || w === 'pound') {
      if (this.low(j + 1) === 'sterling') return { unit: 'GBP', kind: 'money', end: j + 2 };
    }
    const cw = CURRENCY_WORDS.get(w);
    if (cw && w !== 'sterling') {
      if (w === 'won' && !(p.scale > 1 || (value !== null && value >= 1000))) return null;
      return { unit: cw, kind: 'money', end: j + 1 };
    }
    // Measures, possibly hyphenated ("6.1-inch", "five-year").
    let u = j;
    if ((w === '-' || w === '\u2011') && this.adjacent(j) && this.adjacent(j + 1)) u = j + 1;
    const ut = this.toks[u];
    if (!ut || ut.kind !== 'word') return null;
    const uw = ut.low;
    let uEnd = u + 1;
    if (MEASURE_PREFIXES.has(uw) && (MEASURE_UNITS.has(this.low(u + 1)) || this.low(u + 1) === 'm')) {
      const base = this.low(u + 1) === 'm' ? 'metres' : (MEASURE_UNITS.get(this.low(u + 1)) ?? '');
      return { unit: `${uw === 'sq' ? 'square' : uw} ${base}`, kind: 'measure', end: u + 2 };
    }
    if (uw === 'basis' && (this.low(u + 1) === 'points' || this.low(u + 1) === 'point'))
      return { unit: 'basis points', kind: 'measure', end: u + 2 };
    if (uw === 'parts' && this.low(u + 1) === 'per' && SCALES.has(this.low(u + 2)))
      return { unit: `parts per ${this.low(u + 2)}`, kind: 'measure', end: u + 3 };
    // Glued abbreviations only: "16in", "5g", "100m".
    if ((uw === 'in' || uw === 'g' || uw === 'm' || uw === 'p' || uw === 'l') && !this.adjacent(u))
      return null;
    if (uw === 'sq' || uw === 'square' || uw === 'cubic') return null;
    if (uw === 'm') return { unit: 'metres', kind: 'measure', end: uEnd };
    if (uw === 'p') return { unit: 'pence', kind: 'money', end: uEnd };
    let unit = MEASURE_UNITS.get(uw);
    if (!unit) return null;
    if (uw === 'points' && this.low(u - 1) === 'percentage') return null;
    if (uw === 'degrees' || uw === 'degree') {
      const nx = this.low(u + 1);
      if (nx === 'celsius' || nx === 'fahrenheit' || nx === 'c' || nx === 'f') {
        unit = `degrees ${nx === 'c' ? 'celsius' : nx === 'f' ? 'fahrenheit' : nx}`;
        uEnd = u + 2;
      }
    }
    if (this.low(uEnd) === 'per' || (this.low(uEnd) === '/' && this.adjacent(uEnd))) {
      const per = this.low(uEnd + 1);
      const perUnit = MEASURE_UNITS.get(per);
      if (perUnit && TIME_UNITS.has(per.replace(/s$/, ''))) {
        unit = `${unit} per ${per.replace(/s$/, '')}`;
        uEnd += 2;
      } else if (per === 'h' && this.low(uEnd) === '/') {
        unit = `${unit}/h`;
        uEnd += 2;
      }
    }
    return { unit, kind: 'measure', end: uEnd };
  }

  /** "3 to 5 percent", "between 44 and 48 percent", "10-12", "$3 billion to $5 billion". */
  private readRange(
    qStart: number,
    k: number,
    p: NumberParse,
    end: number,
    currency: string | null,
    suffix: Suffix | null,
  ): { low: number; high: number; end: number; suffix: Suffix | null } | 'skip' | null {
    if (p.value === null || p.vague || p.fraction || p.unit) return null;
    const c = this.toks[end];
    if (!c) return null;
    const before = this.low(qStart - 1);
    let conn: 'dash' | 'to' | 'and' | 'or' | null = null;
    if ((c.raw === '-' || c.raw === '\u2013' || c.raw === '\u2014') && !suffix) {
      if (c.raw === '-' && !(this.adjacent(end) && this.adjacent(end + 1))) return null;
      conn = 'dash';
    } else if (c.low === 'to' && (!CONNECTIVES_BEFORE_RANGE.has(before) || before === 'between')) {
      conn = 'to';
    } else if (c.low === 'and' && before === 'between') {
      conn = 'and';
    } else if (c.low === 'or' && !suffix && Number.isInteger(p.value) && p.value < 100) {
      // "two or three days": a small spread of adjacent counts.
      conn = 'or';
    } else if (c.low === 'to' && before === 'from') {
      // "rose from 65 to 67" is two levels; "prices range from $370,000 to $5.5 million" is a range.
      if (this.movementBefore(qStart - 1)) return null;
      conn = 'to';
    }
    if (!conn) return null;
    let j = end + 1;
    let cur2: string | null = null;
    const sym = CURRENCY_SYMBOLS.get(this.toks[j]?.raw ?? '');
    if (sym) {
      cur2 = sym;
      j++;
    }
    if (cur2 && currency && cur2 !== currency && !(currency !== 'USD' && cur2 === 'USD')) return null;
    if (cur2 && !currency) return null;
    const t2 = this.toks[j];
    if (!t2 || (t2.kind !== 'num' && !SMALL_NUMBERS.has(t2.low) && !TENS.has(t2.low))) return null;
    if (t2.kind === 'num' && this.skipNonQuantityDigits(j) > j && !(conn === 'dash' && this.adjacent(j)))
      return null;
    const p2 = this.parseNumber(j, currency !== null);
    if (!p2 || p2.skip || p2.ordinal || p2.vague || p2.value === null || p2.unit || p2.fraction || p2.times)
      return null;
    const suffix2 = this.readSuffix(p2.end, p2.value, p2, currency);
    if (suffix && (!suffix2 || suffix2.unit !== suffix.unit)) return null;
    let low = p.value;
    const high = p2.value;
    if (p2.scale > 1 && p.scale === 1 && low < 1000 && low * p2.scale <= high) low *= p2.scale;
    if (
      conn === 'or' &&
      !(p2.words === p.words && Number.isInteger(high) && high - low >= 1 && high - low <= 2)
    )
      return null;
    if (!(low < high)) {
      if (
        conn === 'dash' &&
        p.words === false &&
        p2.words === false &&
        Number.isInteger(low) &&
        Number.isInteger(high) &&
        low < 1000
      )
        return 'skip';
      return null;
    }
    // Years ("2014 to 2017", "2019-2020") are not ranges of amounts.
    if (!currency && !suffix && !suffix2 && this.isYear(k, p)) return null;
    return { low, high, end: suffix2 ? suffix2.end : p2.end, suffix: suffix2 };
  }

  /** A verb of change or motion shortly before "from" ("raise the retirement age from 65 to 67"). */
  private movementBefore(fromIndex: number): boolean {
    for (let b = fromIndex - 1; b >= Math.max(0, fromIndex - 5); b--) {
      this.work++;
      const w = this.low(b);
      if (SENTENCE_END.has(w) || w === ',' || w === ';') return false;
      if (UP_WORDS.has(w) || DOWN_WORDS.has(w) || MOVEMENT_WORDS.has(w)) return true;
    }
    return false;
  }

  /** A score ("2-2", "3-1"): skip both figures. */
  private skipScore(end: number): number {
    return end + 2 <= this.n ? end + 2 : end;
  }

  private hedgeBefore(qStart: number): { bound: QuantityBound; start: number } | null {
    // "sub-7 nanometre", "sub-300 sq m"
    if (
      this.low(qStart - 1) === '-' &&
      this.low(qStart - 2) === 'sub' &&
      this.adjacent(qStart) &&
      this.adjacent(qStart - 1)
    )
      return { bound: 'at_most', start: qStart - 2 };
    for (let skip = 0; skip <= 1; skip++) {
      const last = qStart - 1 - skip;
      if (skip === 1 && !HEDGE_INTENSIFIERS.has(this.low(qStart - 1))) break;
      for (const [words, bound] of HEDGES_BY_LAST_WORD.get(this.low(last)) ?? NO_HEDGES) {
        this.work++;
        const first = last - words.length + 1;
        if (first < 0) continue;
        let ok = true;
        for (let w = 0; w < words.length; w++) {
          if (this.toks[first + w].low !== words[w]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        // "from under 5": the hedge belongs to a range start, not to this figure.
        if (words.length === 1 && words[0] === 'under' && this.low(first - 1) === 'from') continue;
        return { bound, start: first };
      }
    }
    return null;
  }

  private hedgeAfter(end: number, bound: QuantityBound): { bound: QuantityBound; end: number } | null {
    const a = this.low(end);
    const b = this.low(end + 1);
    if (a === '+' && this.adjacent(end)) return { bound: 'at_least', end: end + 1 };
    if ((a === '-' && b === 'plus' && this.adjacent(end)) || (a === 'plus' && this.adjacent(end)))
      return { bound: 'at_least', end: a === '-' ? end + 2 : end + 1 };
    if (a === '-' && b === 'odd' && this.adjacent(end)) return { bound: 'approx', end: end + 2 };
    if (a === 'odd' && bound === 'exact') return { bound: 'approx', end: end + 1 };
    if (a === 'or') {
      if (b === 'more' || b === 'greater' || b === 'above' || b === 'higher')
        return { bound: 'at_least', end: end + 2 };
      if (b === 'so') return { bound: 'approx', end: end + 2 };
      if (b === 'less' || b === 'fewer' || b === 'below' || b === 'lower')
        return { bound: 'at_most', end: end + 2 };
    }
    return null;
  }

  private hedgeAfterNoun(j: number): QuantityBound | null {
    if (this.low(j) !== 'or') return null;
    const b = this.low(j + 1);
    if (b === 'more') return 'at_least';
    if (b === 'so') return 'approx';
    if (b === 'less' || b === 'fewer') return 'at_most';
    return null;
  }

  /** The noun a count counts: "31 people", "four emergency exits", "Seven of the court's nine judges". */
  private countedNoun(j: number, p: NumberParse): { unit: string; end: number; measure: boolean } | null {
    let i = j;
    if (this.low(i) === 'of') {
      const nx = this.low(i + 1);
      if (nx === 'them' || nx === 'those' || nx === 'whom' || nx === 'these' || nx === 'us') {
        if (this.lastCount && this.sid[Math.min(i, this.n - 1)] - this.lastCount.sid <= 8)
          return { unit: this.lastCount.unit, end: i + 2, measure: false };
        return null;
      }
      i++;
      let guard = 0;
      while (i < this.n && guard < 4) {
        this.work++;
        guard++;
        const w = this.low(i);
        if (
          w === 'the' ||
          w === 'its' ||
          w === 'their' ||
          w === 'his' ||
          w === 'her' ||
          w === 'our' ||
          w === 'these' ||
          w === 'those' ||
          w === 'last' ||
          w === 'first' ||
          w === 'next' ||
          w === 'top' ||
          w === 'remaining' ||
          /['\u2019]s$/.test(w)
        ) {
          i++;
          continue;
        }
        // "of the 17 economists", "of the city's 212 polling stations"
        if (this.toks[i].kind === 'num' || SMALL_NUMBERS.has(w) || TENS.has(w)) {
          i++;
          continue;
        }
        break;
      }
      if (PEOPLE_STATES.has(this.low(i))) return { unit: 'people', end: i + 1, measure: false };
      const np = this.nounPhrase(i, false);
      return np ? { ...np, measure: false } : null;
    }
    const first = this.low(i);
    if (PEOPLE_STATES.has(first)) return { unit: 'people', end: i + 1, measure: false };
    if (first === 'times' && !p.words) return { unit: 'times', end: i + 1, measure: false };
    const np = this.nounPhrase(i, p.value === 1);
    return np ? { ...np, measure: false } : null;
  }

  private nounPhrase(i: number, singular: boolean): { unit: string; end: number } | null {
    const words: string[] = [];
    let j = i;
    const q = this.low(j);
    if ((q === '"' || q === '\u201d' || q === "'" || q === '\u2019') && this.adjacent(j)) j++;
    while (j < this.n && words.length < 4) {
      this.work++;
      const t = this.toks[j];
      if (t.kind !== 'word') {
        // Hyphenated compounds: "year-old", "low-income families".
        if (
          t.raw === '-' &&
          words.length > 0 &&
          this.adjacent(j) &&
          this.toks[j + 1]?.kind === 'word' &&
          this.adjacent(j + 1)
        ) {
          words[words.length - 1] += '-' + this.toks[j + 1].low;
          j += 2;
          if (isPlural(words[words.length - 1].split('-').pop() ?? '')) break;
          continue;
        }
        break;
      }
      const w = t.low;
      if (STOP_WORDS.has(w)) break;
      if (isCapitalized(t.raw)) {
        // A proper-noun modifier before a lowercase noun: "two of its Arnish plants".
        const nx = this.toks[j + 1];
        if (
          nx &&
          nx.kind === 'word' &&
          !isCapitalized(nx.raw) &&
          !STOP_WORDS.has(nx.low) &&
          words.length === 0
        ) {
          j++;
          continue;
        }
        break;
      }
      if (SMALL_NUMBERS.has(w) || TENS.has(w) || SCALES.has(w)) break;
      words.push(w);
      j++;
      if (isPlural(w)) {
        // "police officers", "public wells": a plural-looking modifier before a plural noun.
        const nx = this.toks[j];
        if (!(
          nx &&
          nx.kind === 'word' &&
          !isCapitalized(nx.raw) &&
          !STOP_WORDS.has(nx.low) &&
          isPlural(nx.low) &&
          words.length < 3
        ))
          break;
      }
      if (singular && words.length === 1 && !isAdjectiveLike(w) && !/(?:ed|ing|ly)$/.test(w)) break;
    }
    if (!words.length) return null;
    const head = words[words.length - 1];
    const headLast = head.split('-').pop() ?? head;
    if (!isPlural(headLast) && !singular) return null;
    if (/(?:ed|ly)$/.test(headLast) || (singular && /ing$/.test(headLast) && words.length === 1)) return null;
    let unit = head;
    if (words.length >= 2) {
      const prev = words[words.length - 2];
      if (COMPOUND_MODIFIERS.has(prev)) unit = `${prev} ${head}`;
    }
    return { unit, end: j };
  }

  /** Unit when the noun is elided: people after killing verbs, or the previous count's noun in the sentence. */
  private impliedUnit(qStart: number, end: number): string | null {
    for (let b = qStart - 1; b >= Math.max(0, qStart - 4); b--) {
      this.work++;
      if (this.sid[b] !== this.sid[Math.min(qStart, this.n - 1)]) break;
      if (PEOPLE_VERBS.has(this.low(b))) return 'people';
    }
    const s = this.sid[Math.min(qStart, this.n - 1)];
    if (this.lastCount && this.lastCount.sid === s) return this.lastCount.unit;
    if (end < this.n && PEOPLE_STATES.has(this.low(end))) return 'people';
    return null;
  }

  /** "rose 0.3%", "fell by 12", "up 5%", "a 3% drop", "11 percent higher"; "rose to 19" is a level. */
  private changeOf(
    start: number,
    end: number,
    kind: QuantityKind,
    unit: string | null,
  ): 'up' | 'down' | undefined {
    let b = start - 1;
    let steps = 0;
    let sawBy = false;
    // Weak verbs ("cut 1,200 jobs", "added 300 staff") state a change only for rates, money and points, or with "by".
    const weakOk = kind === 'percent' || unit === 'points';
    while (b >= 0 && steps < 7) {
      this.work++;
      steps++;
      const w = this.low(b);
      if (w === 'to' || w === 'from' || w === 'at') return undefined;
      const weak = WEAK_CHANGE.has(w);
      const okWeak = !weak || sawBy || weakOk || ((w === 'up' || w === 'down') && steps === 1);
      if (w === 'up' && GIVE_UP.has(this.low(b - 1))) return undefined;
      if (UP_WORDS.has(w) && okWeak) return 'up';
      if (DOWN_WORDS.has(w) && okWeak) return 'down';
      if (w === 'or' && steps === 1) {
        // "125,600 positions or 2.2 per cent": same change as the figure before.
        const prev = this.out[this.out.length - 1];
        if (prev && prev.change && b - this.lastEmitEnd <= 3) return prev.change;
        return undefined;
      }
      if (w === 'by') {
        sawBy = true;
      } else if (!sawBy || steps > 6) {
        if (!CHANGE_FILLERS.has(w) && !/ly$/.test(w)) break;
      } else if (SENTENCE_END.has(w) || w === ',' || STOP_WORDS.has(w)) {
        // "grow sales by 35 per cent": skip the object, but not across clauses.
        if (w !== 'its' && w !== 'their' && w !== 'the' && w !== 'of' && w !== 'a' && w !== 'an') break;
      }
      b--;
    }
    // After: "a 3% drop". ("11.2 percent higher" compares two levels; NewsQuant does not call it a change either.)
    const a = this.low(end);
    if (this.low(start - 1) === 'a' || this.low(start - 1) === 'an') {
      if (UP_NOUNS.has(a)) return 'up';
      if (DOWN_NOUNS.has(a)) return 'down';
    }
    return undefined;
  }

  private lastEmitEnd = -10;

  private emit(
    s: number,
    e: number,
    value: number | null,
    bound: QuantityBound,
    unit: string | null,
    kind: QuantityKind,
    high?: number,
    change?: 'up' | 'down',
  ): void {
    if (e <= s || s < 0 || e > this.n) return;
    const start = this.toks[s].start;
    const end = this.toks[e - 1].end;
    const q: Quantity = { start, end, text: this.text.slice(start, end), value, bound, unit, kind };
    if (high !== undefined) q.high = high;
    if (change) q.change = change;
    this.out.push(q);
    this.lastEmitEnd = e;
  }
}

export function extract(text: string, range: Span | undefined, opts: ExtractQuantitiesOptions): Quantity[] {
  const start = Math.max(0, Math.min(text.length, range?.start ?? 0));
  const end = Math.max(start, Math.min(text.length, range?.end ?? text.length));
  const x = new Extraction(text, start, end, opts);
  try {
    return x.run();
  } finally {
    lastWork = x.work;
  }
}
