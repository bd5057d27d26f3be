/**
 * Per-claim features for agreement: tokens, predicate families, time frame, modality, and for each quantity its
 * interval, unit class and local context (what is counted, by which predicate, with which qualifiers).
 * Computed once per claim so that comparing pairs is cheap. Linear-time regexes only.
 */
import type { Quantity, SourceType } from '../types';
import {
  EVENT_NOUNS,
  FAMILY_INDEX,
  FAMILY_STEMS,
  GENERIC_WORDS,
  MONTH_NAMES,
  NEGATION,
  PARTITIVE_AFTER,
  PARTITIVE_BEFORE,
  PLACE_PHRASE,
  PROSPECTIVE,
  QUALIFIER_PATTERNS,
  REFERENCE_BEFORE,
  SOURCE_GENERIC,
  SUPERSEDED,
  UNIT_IMPLIED_FAMILY,
  WEEKDAYS,
  maskMonthMay,
  stem,
  unitClass,
  unitClassWords,
  type FamilyPattern,
  type UnitClass,
} from './agreement-lexicon';
import { quantityInterval, type QuantityInterval } from './quantity-interval';

export interface ComparableClaim {
  /** The claim's wording (a self-contained rewording or the span text). */
  text: string;
  quantities: Quantity[];
  /** Who said it; [] when the outlet asserts it. */
  sources: { name: string; type?: SourceType }[];
  /** Intermediaries; they do not make a claim independent ("Kirby via Yonhap" is Kirby). */
  via?: { name: string }[];
  /** Denial or negation; detected from the wording when absent. */
  negated?: boolean;
  /**
   * Optional: the sentence the claim stands in. Only used to read what a figure measures when the claim's own
   * wording elides it ("slowed to 6.8 percent" in "Inflation slowed to 6.8 percent, the office said").
   */
  context?: string;
  /**
   * Optional: the headline and opening of the claim's article (dateline included). Names there (places,
   * organisations, people) place the event, so claims of different articles compared with scope 'corpus' relate
   * only when they share one: "Nineteen people were killed" in a factory fire is no count of a cholera outbreak.
   */
  lead?: string;
  /** `false` keeps the claim out of relateClaims (headlines, opinions); absent means check-worthy. */
  checkworthy?: boolean;
}

export interface Token {
  raw: string;
  /** `raw` lower-cased. */
  lower: string;
  /** `lower` without a final possessive "'s". */
  bare: string;
  stem: string;
  start: number;
  end: number;
  /** Punctuation or a clause-opening word: local context stops here. */
  boundary: boolean;
}

export interface QuantityFeatures {
  quantity: Quantity;
  interval: QuantityInterval;
  unit: UnitClass;
  /** Predicate families near the figure. */
  families: Set<string>;
  /** Content stems near the figure (what is measured), minus generic words and the unit itself. */
  subject: Set<string>;
  /** Content stems after the figure (restrictive qualifiers of a part: "… on the plant in Dresko"). */
  after: Set<string>;
  /** Places or units the figure is narrowed to ("positions at the plant" → plant); event nouns excluded. */
  scope: Set<string>;
  qualifiers: Set<string>;
  /** "Four of them", "including 212": a part of a larger group. */
  partitive: boolean;
  /** "from $538 million": a point of comparison, not the claim's figure. */
  reference: boolean;
  /** Planned or threatened, read in the figure's own clause ("would cut 1,200 jobs", "700 positions at risk"). */
  prospective: boolean;
  /** Denied, read in the figure's own clause ("denied that 19 people were killed"). */
  negated: boolean;
  /** An earlier count named just before the figure ("from an earlier count of 30"): not the claim's figure. */
  superseded?: boolean;
}

export interface ClaimFeatures {
  claim: ComparableClaim;
  families: Set<string>;
  content: Set<string>;
  years: Set<string>;
  /** Relative periods ("last year", "this month"). */
  periods: Set<string>;
  months: Set<string>;
  weekdays: Set<string>;
  prospective: boolean;
  superseded: boolean;
  negated: boolean;
  quantities: QuantityFeatures[];
  /** Source identity keys (via collapsed into origin). Empty: the outlet's own claim. */
  origins: string[][];
  /**
   * Proper names in the claim and its sentence (places, organisations, people), source names left out: across
   * articles, two figures can only be the same fact when they name a common event anchor.
   */
  entities: Set<string>;
  /** Proper names in the article's opening (`lead`): with `entities`, what places the event across articles. */
  leadEntities: Set<string>;
  /** Places the claim's own wording locates its event in ("in Selt province" → selt). */
  places: Set<string>;
  /** Named doers of the claim's predicate ("Veldt won", "Marsh has received"): whose figure it is. */
  agents: Set<string>;
}

const TOKEN = /[A-Za-z][A-Za-z'’]*|\d[\d,.]*\d|\d|[,;:()—–"“”]/g;
const CLAUSE_WORDS = new Set([
  'and',
  'but',
  'while',
  'whereas',
  'as',
  'after',
  'because',
  'when',
  'which',
  'who',
  'whom',
  'where',
  'although',
  'though',
  'said',
  'says',
  'according',
  'that',
]);
/** Capitalised month and day names are dates, never verbs ("March" ≠ "marched", "May" ≠ "may"). */
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** "the three sites", "its two centres": entities already introduced, not a count being claimed. */
const DEFINITE_BEFORE = /\b(?:the|its|their|his|her|our|these|those)\s+$/i;
const RELATIVE_TIME = /\b(?:last|this|next)\s+(?:year|month|week)\b/i;
const WINDOW = 8;
const WINDOW_AFTER = 12;
const SCOPE_PREPOSITIONS = new Set(['in', 'at', 'on', 'across', 'throughout', 'inside', 'within']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'those',
]);
const MAX_TEXT = 5000;
/** How much of an article's opening is read for the names that place its event. */
const MAX_LEAD = 800;

/** /^(?:1[89]|20)\d\d$/: a year-like four-digit number. */
function isYear(raw: string): boolean {
  if (raw.length !== 4) return false;
  const a = raw.charCodeAt(0);
  const b = raw.charCodeAt(1);
  const c = raw.charCodeAt(2);
  const d = raw.charCodeAt(3);
  if (c < 48 || c > 57 || d < 48 || d > 57) return false;
  return (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
}

/** `w.replace(/['’]s$/, '')`. */
function withoutPossessive(w: string): string {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 115) return w;
  const q = w.charCodeAt(n - 2);
  return q === 39 || q === 0x2019 ? w.slice(0, n - 2) : w;
}

/** Stems of lower-cased words seen so far (a bounded memo: an article repeats most of its words). */
const STEMS = new Map<string, string>();
const MAX_STEMS = 20_000;

function stemOf(lower: string): string {
  let s = STEMS.get(lower);
  if (s === undefined) {
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    s = stem(lower);
    STEMS.set(lower, s);
  }
  return s;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const raw = m[0];
    // A token starts with a letter (a word), a digit (a number) or is one punctuation mark.
    const c0 = raw.charCodeAt(0);
    const digit = c0 >= 48 && c0 <= 57;
    const punct = !digit && !((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122));
    const lower = raw.toLowerCase();
    const calendar = c0 >= 65 && c0 <= 90 && CALENDAR.test(raw);
    out.push({
      raw,
      lower,
      bare: withoutPossessive(lower),
      stem: punct ? raw : digit ? '#' : calendar ? `@${lower}` : stemOf(lower),
      start: m.index,
      end: m.index + raw.length,
      boundary: punct || CLAUSE_WORDS.has(lower),
    });
  }
  return out;
}

/** A claim's body read once: shared by the claims of one sentence (they are read with the same context). */
interface BodyReading {
  tokens: readonly Token[];
  stems: readonly string[];
  /** The body lower-cased. */
  lower: string;
  /** `bare` forms of the tokens that read as proper names (see `properNames`), in order. */
  names: readonly string[];
}

/** A small memo of the last bodies read. Nothing in a reading is ever modified. */
const BODIES = new Map<string, BodyReading>();
const MAX_BODIES = 16;

function bodyReading(body: string): BodyReading {
  let reading = BODIES.get(body);
  if (reading === undefined) {
    if (BODIES.size >= MAX_BODIES) BODIES.delete(BODIES.keys().next().value as string);
    const tokens = tokenize(body);
    reading = {
      tokens,
      stems: tokens.map((t) => t.stem),
      lower: body.toLowerCase(),
      names: properNames(tokens, body),
    };
    BODIES.set(body, reading);
  }
  return reading;
}

/** Identity keys of the named sources (empty names dropped). */
function originKeys(named: ReadonlyArray<{ name: string } | null | undefined>): string[][] {
  const out: string[][] = [];
  for (const s of named) {
    const k = sourceKey(s?.name as string);
    if (k.length > 0) out.push(k);
  }
  return out;
}

/**
 * Source identity keys of a claim (via collapsed into origin: the relay only when no origin is named); empty for the
 * outlet's own claim. The same as `claimFeatures(claim).origins`, without the rest of the features.
 */
export function claimOrigins(claim: ComparableClaim): string[][] {
  const sources = Array.isArray(claim?.sources) ? claim.sources : [];
  const via = Array.isArray(claim?.via) ? claim.via : [];
  const origins = originKeys(sources);
  return !origins.length && via.length ? originKeys(via) : origins;
}

/** Lower-cased words of the source and relay names. */
function sourceWordsOf(
  sources: ReadonlyArray<{ name: string } | null | undefined>,
  via: ReadonlyArray<{ name: string } | null | undefined>,
): Set<string> {
  const words = new Set<string>();
  for (const list of [sources, via]) {
    for (const x of list) {
      for (const w of String(x?.name ?? '')
        .toLowerCase()
        .split(/[^a-z0-9]+/))
        words.add(w);
    }
  }
  return words;
}

/** Families matched by patterns over `stems[from, to)`; multi-word entries allow two words between parts. */
export function matchPatterns(
  stems: readonly string[],
  from: number,
  to: number,
  index: ReadonlyMap<string, readonly FamilyPattern[]>,
): Set<string> {
  const found = new Set<string>();
  for (let i = Math.max(0, from); i < Math.min(to, stems.length); i++) {
    const candidates = index.get(stems[i]);
    if (!candidates) continue;
    for (const p of candidates) {
      let pos = i;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) {
        let hit = -1;
        for (let j = pos + 1; j <= Math.min(pos + 3, to - 1); j++) {
          if (stems[j] === p.words[k]) {
            hit = j;
            break;
          }
        }
        if (hit < 0) ok = false;
        else pos = hit;
      }
      if (ok) found.add(p.family);
    }
  }
  return found;
}

const QUALIFIER_INDEX: ReadonlyMap<string, readonly FamilyPattern[]> = (() => {
  const m = new Map<string, FamilyPattern[]>();
  for (const p of QUALIFIER_PATTERNS) {
    const list = m.get(p.words[0]) ?? [];
    list.push(p);
    m.set(p.words[0], list);
  }
  return m;
})();

/** Qualifier phrases must be contiguous ("a day"), unlike predicate patterns. */
function matchQualifiers(stems: readonly string[], from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (let i = Math.max(0, from); i < Math.min(to, stems.length); i++) {
    const candidates = QUALIFIER_INDEX.get(stems[i]);
    if (!candidates) continue;
    for (const p of candidates) {
      if (i + p.words.length > to) continue;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) ok = stems[i + k] === p.words[k];
      if (ok) found.add(p.family);
    }
  }
  return found;
}

/**
 * Content words of an "in/at/on …" phrase attached to the counted noun right after the figure ("700 positions at
 * the plant" → plant): the part of a whole the figure is narrowed to. A phrase after a verb ("sought refuge in
 * schools", "killed in the fire") says where or how, not which part, and is ignored.
 */
function scopeOf(
  tokens: readonly Token[],
  skip: ReadonlySet<number>,
  unitWords: ReadonlySet<string>,
  from: number,
  to: number,
): Set<string> {
  const scope = new Set<string>();
  let i = from;
  while (i < to && isQuote(tokens[i].raw)) i++;
  const nounFrom = i;
  // The counted noun: the unit's words, or (unit unknown) up to two plain nouns/adjectives.
  while (
    i < to &&
    i < nounFrom + 3 &&
    !skip.has(i) &&
    (unitWords.has(tokens[i].stem) ||
      tokens[i].stem === 'people' ||
      (!unitWords.size && isContent(tokens[i].stem) && !FAMILY_STEMS.has(tokens[i].stem)))
  )
    i++;
  while (i < to && !skip.has(i) && SCOPE_PREPOSITIONS.has(tokens[i].lower)) {
    let j = i + 1;
    let taken = 0;
    for (; j < to && taken < 4; j++) {
      const t = tokens[j];
      const lower = t.lower;
      if (skip.has(j) || t.boundary || SCOPE_PREPOSITIONS.has(lower)) break;
      if (DETERMINERS.has(lower)) continue;
      taken++;
      if (isContent(t.stem) && !EVENT_NOUNS.has(t.stem) && !FAMILY_STEMS.has(t.stem)) scope.add(t.stem);
    }
    i = j;
  }
  return scope;
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'reportedly']);
const ASIDE_PUNCT = new Set([',', '—', '–', '(', ')']);
const ASIDE_REACH = 16;

/**
 * The predicate of a figure whose clause is interrupted by an aside ("38 people, including 12 children, were
 * killed"): read on past commas, dashes and the aside's own figure, up to the next clause word ("who", "and").
 */
function predicateAcrossAside(
  tokens: readonly Token[],
  masked: readonly string[],
  from: number,
): Set<string> {
  let to = from;
  while (to < tokens.length && to < from + ASIDE_REACH) {
    const t = tokens[to];
    if (t.boundary && !ASIDE_PUNCT.has(t.raw)) break;
    to++;
  }
  return to > from ? matchPatterns(masked, from, to, FAMILY_INDEX) : new Set<string>();
}

/** Capitalised words that are no names: sentence starters, pronouns, titles, calendar words. */
const NAME_STOP = new Set(
  `the a an this that these those he she it they we i you his her its their our my in on at by for from of and but
  or as after before when while with without according officials official police mr mrs ms dr president minister
  prime governor mayor chief spokesman spokeswoman monday tuesday wednesday thursday friday saturday sunday january
  february march april may june july august september october november december`.split(/\s+/),
);

/** A capitalised word not opening a sentence (or an acronym); a dateline dash opens a sentence too. */
function isProperName(t: Token, src: string, first: boolean): boolean {
  if (first || t.boundary || t.raw.length < 2 || !/^[A-Z]/.test(t.raw)) return false;
  if (/^[A-Z]{2,}$/.test(t.raw)) return true;
  return !/[.!?:"“—–]\s*$/.test(src.slice(Math.max(0, t.start - 3), t.start));
}

/**
 * The wire credit of a dateline ("BRANNOCK, Carvenia (Meridian Press Agency) —"): the outlet, named in every article
 * it files, so no anchor of the event itself.
 */
const CREDIT = /\(([^()]{1,80})\)\s*[—–-]/g;
function creditRanges(src: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  CREDIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CREDIT.exec(src)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** `bare` forms of the proper names among `tokens` of `src`, in order; the dateline's wire credit left out. */
function properNames(tokens: readonly Token[], src: string): string[] {
  const out: string[] = [];
  const credits = creditRanges(src);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isProperName(t, src, i === 0)) continue;
    if (credits.some(([from, to]) => t.start >= from && t.end <= to)) continue;
    out.push(t.bare);
  }
  return out;
}

function isQuote(raw: string): boolean {
  return raw === '"' || raw === '“' || raw === '”';
}

function isContent(s: string): boolean {
  return s.length > 1 && s !== '#' && !GENERIC_WORDS.has(s) && /^[a-z]/.test(s);
}

/** Identity tokens of a source name: "South Korea's intelligence agency" → [south, korea, intelligence, agency]. */
export function sourceKey(name: string): string[] {
  if (typeof name !== 'string') return [];
  const words = name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept = words.filter((w) => !SOURCE_GENERIC.has(w)).map(stemOf);
  return kept.length ? kept : words.map(stemOf);
}

/**
 * Where a figure stands in `lower` (the lower-cased body) inside the claim's own wording [from, to): -1 when it is
 * not there, -2 when it stands only elsewhere in the sentence (a figure of another clause, not of this claim).
 */
function locate(lower: string, from: number, to: number, q: Quantity, used: Set<number>): number {
  const needle = typeof q.text === 'string' ? q.text.toLowerCase().trim() : '';
  if (!needle) return -1;
  let at = lower.indexOf(needle, from);
  while (at >= 0 && used.has(at)) at = lower.indexOf(needle, at + 1);
  if (at >= 0 && at + needle.length <= to) return at;
  return lower.indexOf(needle) >= 0 ? -2 : -1;
}

function safeText(s: unknown): string {
  return typeof s === 'string' ? s.slice(0, MAX_TEXT) : '';
}

/** Builds the features of one claim. Never throws: malformed input yields an empty feature set. */
export function claimFeatures(claim: ComparableClaim): ClaimFeatures {
  const text = safeText(claim?.text);
  const context = safeText(claim?.context);
  // Read figures in their sentence when the claim's wording is a piece of it.
  const ctxAt = context && text ? context.indexOf(text) : -1;
  const body = ctxAt >= 0 ? context : text;
  const offset = ctxAt >= 0 ? ctxAt : 0;
  const reading = bodyReading(body);
  const tokens = reading.tokens;
  const stems = reading.stems;
  const inClaim = (t: Token): boolean => t.start >= offset && t.end <= offset + text.length;
  const claimIdx: number[] = [];
  tokens.forEach((t, i) => {
    if (inClaim(t)) claimIdx.push(i);
  });
  const cFrom = claimIdx.length ? claimIdx[0] : 0;
  const cTo = claimIdx.length ? claimIdx[claimIdx.length - 1] + 1 : 0;

  const families = matchPatterns(stems, cFrom, cTo, FAMILY_INDEX);
  const content = new Set<string>();
  const years = new Set<string>();
  const months = new Set<string>();
  const weekdays = new Set<string>();
  const yearAt: number[] = [];
  for (let i = cFrom; i < cTo; i++) {
    const t = tokens[i];
    // "since 2009" opens a period up to now; it does not date the claim to another event.
    if (isYear(t.raw) && tokens[i - 1]?.lower !== 'since') yearAt.push(i);
    const bare = t.bare;
    if (MONTH_NAMES.has(bare)) months.add(bare);
    if (WEEKDAYS.has(bare)) weekdays.add(bare);
    if (isContent(t.stem)) content.add(t.stem);
  }

  const quantities: QuantityFeatures[] = [];
  const list = Array.isArray(claim?.quantities) ? claim.quantities : [];
  const lowerBody = reading.lower;
  const used = new Set<number>();
  const spans: Array<{ q: Quantity; from: number; to: number } | { q: Quantity; from: -1; to: -1 }> = [];
  for (const q of list) {
    // Years and ordinals are dates and ranks, not amounts of anything.
    if (!q || typeof q !== 'object' || q.kind === 'year' || q.kind === 'ordinal') continue;
    const at = locate(lowerBody, offset, offset + text.length, q, used);
    if (at >= 0) {
      used.add(at);
      const end = at + String(q.text).trim().length;
      let from = -1;
      let to = -1;
      for (let i = 0; i < tokens.length && tokens[i].start < end; i++) {
        if (tokens[i].start >= at && tokens[i].end <= end) {
          if (from < 0) from = i;
          to = i + 1;
        }
      }
      spans.push(from >= 0 ? { q, from, to } : { q, from: -1, to: -1 });
    } else if (at === -1) spans.push({ q, from: -1, to: -1 });
  }
  const qTokens = new Set<number>();
  for (const s of spans) for (let i = s.from; i >= 0 && i < s.to; i++) qTokens.add(i);
  const masked = stems.map((st, i) => (qTokens.has(i) ? '#' : st));
  const refWindows: Array<[number, number]> = [];

  for (const s of spans) {
    const interval = quantityInterval(s.q);
    if (!interval) continue;
    const unit = unitClass(s.q.unit);
    const unitWordsList = String(s.q.unit ?? '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean)
      .map(stemOf);
    const unitWords = new Set(unitWordsList);
    if (unit.cls !== '?' && !unit.measure) for (const w of unitClassWords(unit.cls)) unitWords.add(w);
    let lo = s.from;
    let hi = s.to;
    if (s.from >= 0) {
      let n = 0;
      // A quotation mark hugging the figure ('"around 700" positions') does not end its clause.
      const open = (i: number): boolean =>
        !tokens[i].boundary || (isQuote(tokens[i].raw) && (i === s.from - 1 || i === s.to));
      while (lo > 0 && n < WINDOW && open(lo - 1) && !qTokens.has(lo - 1)) {
        lo--;
        n++;
      }
      n = 0;
      while (hi < tokens.length && n < WINDOW_AFTER && open(hi) && !qTokens.has(hi)) {
        hi++;
        n++;
      }
    }
    const local = s.from >= 0;
    // A figure that cannot be found in the wording is only usable when it is the claim's only figure.
    if (!local && spans.length > 1) continue;
    let fams = local ? matchPatterns(masked, lo, hi, FAMILY_INDEX) : new Set<string>();
    if (local && !fams.size && spans.length > 1) fams = predicateAcrossAside(tokens, masked, hi);
    const useClaim = !local || (fams.size === 0 && spans.length === 1);
    const famSet = useClaim && fams.size === 0 ? new Set(families) : fams;
    if (!famSet.size) {
      // "180 passengers": the counted noun implies the predicate when nothing else names one.
      const implied = UNIT_IMPLIED_FAMILY.get(unitWordsList[unitWordsList.length - 1] ?? '');
      if (implied) famSet.add(implied);
    }
    const subject = new Set<string>();
    const after = new Set<string>();
    const range = useClaim ? [cFrom, cTo] : [lo, hi];
    for (let i = range[0]; i < range[1]; i++) {
      if (qTokens.has(i)) continue;
      const st = stems[i];
      if (!isContent(st) || unitWords.has(st)) continue;
      subject.add(st);
      if (s.from >= 0 && i >= s.to && !FAMILY_STEMS.has(st)) after.add(st);
    }
    const qualifiers = matchQualifiers(masked, range[0], range[1]);
    const scope = s.from >= 0 ? scopeOf(tokens, qTokens, unitWords, s.to, hi) : new Set<string>();
    const beforeText =
      s.from >= 0 ? body.slice(Math.max(0, tokens[s.from].start - 60), tokens[s.from].start) : '';
    const afterText = s.from >= 0 ? body.slice(tokens[s.to - 1].end, tokens[s.to - 1].end + 40) : '';
    const percentLike = unit.cls === 'percent';
    const partitive = !percentLike && (PARTITIVE_AFTER.test(afterText) || PARTITIVE_BEFORE.test(beforeText));
    const reference = REFERENCE_BEFORE.test(beforeText) || (!percentLike && DEFINITE_BEFORE.test(beforeText));
    if (reference) refWindows.push([lo, hi]);
    const clause = local ? body.slice(tokens[lo].start, tokens[hi - 1].end) : text;
    // A denial governs the clause from just outside it ("denied that 19 people were killed").
    const denial = local ? body.slice(tokens[Math.max(0, lo - 4)].start, tokens[hi - 1].end) : text;
    const clauseNegated = local
      ? NEGATION.test(denial)
      : typeof claim?.negated === 'boolean'
        ? claim.negated
        : NEGATION.test(text);
    quantities.push({
      quantity: s.q,
      interval,
      unit,
      families: famSet,
      subject,
      after,
      scope,
      qualifiers,
      partitive,
      reference,
      prospective: PROSPECTIVE.test(maskMonthMay(clause)),
      negated: clauseNegated,
      superseded:
        s.from >= 0 &&
        SUPERSEDED.test(body.slice(Math.max(0, tokens[s.from].start - 30), tokens[s.from].start)),
    });
  }

  // Relative dates ("last year" vs "this year") name periods just as years do.
  const relative = RELATIVE_TIME.exec(text);
  const periods = new Set<string>();
  if (relative) periods.add(relative[0].toLowerCase().replace(/\s+/g, ' '));
  // A year next to a point of comparison ("down from 46.8 percent in 2020") dates that point, not the claim.
  for (const i of yearAt) if (!refWindows.some(([lo, hi]) => i >= lo && i < hi)) years.add(tokens[i].raw);
  const claimText = text;
  const negated = typeof claim?.negated === 'boolean' ? claim.negated : NEGATION.test(claimText);
  const sources = Array.isArray(claim?.sources) ? claim.sources : [];
  const via = Array.isArray(claim?.via) ? claim.via : [];
  const sourceWords = sourceWordsOf(sources, via);
  const entities = new Set<string>();
  const nameSrc = ctxAt >= 0 || !context ? body : `${text} . ${context}`;
  const names = nameSrc === body ? reading.names : properNames(tokenize(nameSrc), nameSrc);
  for (const w of names) if (!sourceWords.has(w) && !NAME_STOP.has(w)) entities.add(w);
  const leadEntities = new Set<string>();
  const lead = safeText(claim?.lead).slice(0, MAX_LEAD);
  if (lead) {
    const leadTokens = tokenize(lead);
    const leadCredits = creditRanges(lead);
    for (let i = 0; i < leadTokens.length; i++) {
      const t = leadTokens[i];
      if (!isProperName(t, lead, i === 0)) continue;
      // a word opening a line (headline, "Share this article") is no name either, but a dateline ("BRANNOCK,") is
      const nl = lead.lastIndexOf('\n', t.start - 1);
      if (nl >= 0 && !/[\p{L}\p{N}]/u.test(lead.slice(nl, t.start)) && !/^[A-Z]{3,}$/.test(t.raw)) continue;
      if (leadCredits.some(([from, to]) => t.start >= from && t.end <= to)) continue;
      if (!NAME_STOP.has(t.bare)) leadEntities.add(t.bare);
    }
  }
  const agents = new Set<string>();
  for (let i = cFrom; i + 1 < cTo; i++) {
    const t = tokens[i];
    if (t.boundary || !/^[A-Z][a-z]/.test(t.raw) || CALENDAR.test(t.raw)) continue;
    const w = t.bare;
    if (NAME_STOP.has(w) || sourceWords.has(w)) continue;
    let j = i + 1;
    if (AUXILIARIES.has(tokens[j].lower) && j + 1 < cTo) j++;
    if (FAMILY_STEMS.has(tokens[j].stem) && /^[a-z]/.test(tokens[j].raw)) agents.add(w);
  }
  const places = new Set<string>();
  PLACE_PHRASE.lastIndex = 0;
  let pm: RegExpExecArray | null;
  while ((pm = PLACE_PHRASE.exec(text)) !== null) {
    const first = pm[1].split(/[ -]/)[0].toLowerCase();
    if (!NAME_STOP.has(first) && !CALENDAR.test(pm[1].split(/[ -]/)[0])) places.add(first);
  }
  const origins = claimOrigins(claim);
  return {
    claim,
    families,
    content,
    years,
    periods,
    months,
    weekdays,
    prospective: PROSPECTIVE.test(maskMonthMay(claimText)),
    // With several figures, the earlier count is set aside and the current one kept ("rose to 38 from an earlier
    // count of 30"); a claim whose figures are all earlier ones, or that has one figure, is superseded as a whole —
    // also when the marker stands in its frame ("officials said earlier that seven miners had died").
    superseded:
      (SUPERSEDED.test(claimText) && (quantities.length < 2 || quantities.every((q) => q.superseded))) ||
      (quantities.length > 0 && quantities.every((q) => q.superseded)),
    negated,
    quantities,
    origins,
    entities,
    leadEntities,
    places,
    agents,
  };
}
