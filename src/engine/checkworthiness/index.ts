/**
 * Check-worthiness scoring: is a claim a verifiable statement of fact (event, figure, date, official action,
 * what someone said or did) worth checking, or an opinion, prediction, call to action, commitment,
 * speculation, interpretation, headline, caption or boilerplate?
 *
 * A logistic-regression model trained on CheckThat! 2024 (political debates and speeches) gives a base logit;
 * rules for news conventions adjust it. Pure, linear time, never throws. See README.md for figures.
 */
import { MODEL_THRESHOLD, modelLogit } from './checkworthiness-model';
import {
  NEEDS_KEYWORD,
  NEWS_DEFAULT,
  NEWS_RULES,
  contextAdjustment,
  cueAdjustment,
  hasRuleKeyword,
  isNeutralCue,
  type RuleContext,
  type RuleHit,
} from './news-rules';

export interface CheckworthinessHints {
  /** The reporting verb/phrase, lemma-ish: 'said', 'urged', 'pledged', 'denied'. */
  cue?: string;
  inQuote?: boolean;
  hasQuantity?: boolean;
  attributed?: boolean;
  isHeadline?: boolean;
  isCaption?: boolean;
}

export interface CheckworthinessResult {
  /** 0..1; `checkworthy` is `score >= 0.5`. */
  score: number;
  checkworthy: boolean;
  /** The main rule that moved the decision, when one did ('call to action', 'headline', ...). */
  reason?: string;
}

const MAX_CHARS = 2000;
const LETTER = /[A-Za-z\u00C0-\u024F]/;
const MODEL_OFFSET = Math.log(MODEL_THRESHOLD / (1 - MODEL_THRESHOLD));
/**
 * The model's threshold-centred logit is scaled before the rules' deltas are added (the embedding model's
 * logits spread wider than the rules were written for): tuned on the CheckThat dev/devtest F1 of the whole
 * function (model trained on train alone) under the constraint that the dev articles keep recall ≥ 0.99
 * and rejection ≥ 0.93.
 */
const MODEL_SCALE = 0.7;

/** Weight of the clause against its sentence in the model logit (tuned on CheckThat split into clauses). */
const CLAUSE_WEIGHT = 0.5;

/**
 * One-entry memo of the sentence's normalised text and logit: the analyser scores a sentence's claims in a row.
 * The logit is computed on first use (a headline or caption returns before the model runs).
 */
let memoRaw = '';
let memoSentence = '';
let memoLogit = 0;
let memoHasLogit = true;
function normalizedSentence(raw: string): string {
  if (raw !== memoRaw) {
    memoSentence = normalize(raw);
    memoHasLogit = false;
    memoRaw = raw;
  }
  return memoSentence;
}

/** The model logit of the memoised sentence (0 for an empty one). */
function sentenceLogit(): number {
  if (!memoHasLogit) {
    memoLogit = memoSentence ? modelLogit(memoSentence) : 0;
    memoHasLogit = true;
  }
  return memoLogit;
}

/** Cue adjustments and neutrality by cue (a few dozen reporting verbs recur): bounded memo. */
const CUE_MEMO_LIMIT = 512;
const cueHits = new Map<string, RuleHit | null>();
const neutralCues = new Map<string, boolean>();

function memoCueAdjustment(cue: string): RuleHit | undefined {
  let r = cueHits.get(cue);
  if (r === undefined) {
    if (cueHits.size >= CUE_MEMO_LIMIT) cueHits.clear();
    r = cueAdjustment(cue) ?? null;
    cueHits.set(cue, r);
  }
  return r ?? undefined;
}

function memoIsNeutralCue(cue: string): boolean {
  let r = neutralCues.get(cue);
  if (r === undefined) {
    if (neutralCues.size >= CUE_MEMO_LIMIT) neutralCues.clear();
    r = isNeutralCue(cue);
    neutralCues.set(cue, r);
  }
  return r;
}

const QUOTED: RuleContext = Object.freeze({ quoted: true });
const NOT_QUOTED: RuleContext = Object.freeze({ quoted: false });

/**
 * The running sum of the logit and the strongest rule hit so far (largest |delta|, the first among equals):
 * module state rather than a closure and hit objects per call (assessCheckworthiness does not re-enter).
 */
let zSum = 0;
let strongestDelta = 0;
let strongestReason = '';
let hasStrongest = false;

function resetHits(z: number): void {
  zSum = z;
  strongestDelta = 0;
  strongestReason = '';
  hasStrongest = false;
}

function applyHit(delta: number, reason: string): void {
  zSum += delta;
  if (!hasStrongest || Math.abs(delta) > Math.abs(strongestDelta)) {
    hasStrongest = true;
    strongestDelta = delta;
    strongestReason = reason;
  }
}

function applyRule(hit: RuleHit | undefined): void {
  if (hit) applyHit(hit.delta, hit.reason);
}

/** More than 18 space-separated parts (`s.split(' ').length > 18`, without the array). */
function moreThan18Parts(s: string): boolean {
  let spaces = 0;
  for (let i = s.indexOf(' '); i !== -1; i = s.indexOf(' ', i + 1)) if (++spaces >= 18) return true;
  return false;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function result(z: number, reason?: string): CheckworthinessResult {
  const s = Number.isFinite(z) ? sigmoid(z) : 0;
  const score = round(s);
  const out: CheckworthinessResult = { score, checkworthy: score >= 0.5 };
  if (reason) out.reason = reason;
  return out;
}

const NEEDS_NORMALIZING =
  /[\u2018\u2019\u201B\u2032\u201C\u201D\u201E\u2033\t\n\r\f\v\u00A0\u2028\u2029]| {2}/;

/** Straight quotes and apostrophes, collapsed whitespace, bounded length. */
function normalize(s: string): string {
  const t = s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s;
  if (!NEEDS_NORMALIZING.test(t)) return t.trim();
  return t
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const TRAILING_RELATIVE = /,\s+(?:which|who|whom|whose)\s/;

/** The claim up to a trailing non-restrictive relative clause (when enough is left to judge). */
function mainClause(text: string): string {
  const m = TRAILING_RELATIVE.exec(text);
  return m && m.index >= 20 ? text.slice(0, m.index) : text;
}

/** The part of the sentence before the claim (for cues like "urged X to" / "called the ruling"). */
function precedingContext(claim: string, sentence: string): string {
  if (!sentence || sentence === claim) return '';
  const i = sentence.indexOf(claim);
  if (i <= 0) return '';
  return sentence.slice(Math.max(0, i - 80), i);
}

export function assessCheckworthiness(
  claimText: string,
  sentenceText?: string,
  hints?: CheckworthinessHints,
): CheckworthinessResult {
  try {
    const text = typeof claimText === 'string' ? normalize(claimText) : '';
    if (!text || !LETTER.test(text)) return result(-6, 'empty');
    const sentence = typeof sentenceText === 'string' ? normalizedSentence(sentenceText) : '';
    const h: CheckworthinessHints = hints && typeof hints === 'object' ? hints : {};

    if (h.isHeadline) return result(-3, 'headline');
    if (h.isCaption) return result(-3, 'photo caption');

    // A clause is read with its sentence: the model sees both (a fragment alone loses the speaker's framing).
    // A claim that is its whole sentence has the sentence's logit.
    let z = sentence === text ? sentenceLogit() : modelLogit(text);
    if (sentence && sentence !== text) z = CLAUSE_WEIGHT * z + (1 - CLAUSE_WEIGHT) * sentenceLogit();
    z = MODEL_SCALE * (z - MODEL_OFFSET);
    resetHits(z);
    const ctx = h.inQuote === true || h.attributed === true ? QUOTED : NOT_QUOTED;
    // The rules judge the main clause: a trailing ", which observers interpret as …" does not undo it.
    const head = mainClause(text);
    // In a long sentence with figures a cue may govern only one clause: soften the negative rules.
    const soften = /\d/.test(text) && moreThan18Parts(text) ? 0.6 : 1;
    const keyword = hasRuleKeyword(head);
    for (let i = 0; i < NEWS_RULES.length; i++) {
      if (!keyword && NEEDS_KEYWORD[i]) continue;
      const r = NEWS_RULES[i](head, sentence, ctx);
      if (r) applyHit(r.delta < 0 ? r.delta * soften : r.delta, r.reason);
    }
    applyRule(contextAdjustment(head, sentence, precedingContext(text, sentence)));
    if (typeof h.cue === 'string' && h.cue) applyRule(memoCueAdjustment(h.cue));
    if (!hasStrongest || strongestDelta > -2) {
      applyRule(NEWS_DEFAULT(head, sentence, ctx));
      // What a source said or reported, under a neutral reporting verb, is a statement worth checking.
      if (h.attributed === true && (!h.cue || memoIsNeutralCue(h.cue))) applyHit(0.8, 'attributed statement');
    }
    z = zSum;
    if (h.hasQuantity) z += 0.5;
    if (!Number.isFinite(z)) return result(0, 'error');
    return result(z, hasStrongest ? strongestReason : undefined);
  } catch {
    return { score: 0, checkworthy: false, reason: 'error' };
  }
}
