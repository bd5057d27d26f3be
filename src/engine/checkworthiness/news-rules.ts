/**
 * Rule-based adjustments (in logit units) for news conventions the debate-trained model does not know:
 * calls to action, commitments, speculation, interpretation, predictions, stances, reporting meta-statements,
 * evaluative phrases, captions and boilerplate; and the news default that a past-tense event with an entity
 * or a figure is check-worthy. Every pattern is linear-time (no nested quantifiers).
 */

export interface RuleHit {
  delta: number;
  reason: string;
}

export interface RuleContext {
  /** The claim is inside a quotation or attributed to a source (hint from the claim analyser). */
  quoted?: boolean;
}

export type NewsRule = (text: string, sentence: string, ctx: RuleContext) => RuleHit | undefined;

const hit = (delta: number, reason: string): RuleHit => ({ delta, reason });

const DIGIT = /\d/;
const NUMBER_WORD =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|percent)\b/i;
const PERSONAL = /\b(?:i|me|my|we|us|our|you|your|i'm|we're|you're|i've|we've|i'd|we'd|i'll|we'll)\b/i;

const CALL_TO_ACTION =
  /\b(urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:on|upon|for)|appeal(?:s|ed|ing)? (?:to|for)|implor\w*|exhort\w*|demand(?:s|ed|ing)? that|encourag(?:e|es|ed|ing) \w+ to|advis(?:e|es|ed|ing) \w+ to)\b/i;

const COMMITMENT =
  /\b(pledg\w*|vow(?:s|ed|ing)?|promis(?:e|es|ed|ing)|reaffirm\w*|recommit\w*|commitment|committed to|dedication|determined to|cooperating fully|fully cooperat\w*|stand(?:s)? ready|remain(?:s)? committed|will continue to|would continue to|strong stance|firm stance)\b/i;

const WOULD_COMMIT =
  /\b(?:would|will|shall|'ll) (?:not )?(?:also )?(?:pay|deliver|provide|comply|seek|support|help|continue|ensure|work|consider|review|cooperate|make sure|respect|honou?r|fight|protect|defend|invest|offer|give|look into|investigate|appeal|take steps|take action|do (?:everything|whatever|all))\b/i;

const SPECULATION =
  /\b(?:(?:might|may|could) (?:be|have|also|well|soon|eventually|become|lead|mean|signal|indicate)|perhaps|possibly|presumably|conceivably|(?:is|are|was|were) (?:likely|unlikely) to|(?:appears?|appeared|seems?|seemed) to|it is (?:possible|unclear|not clear)|intended for|aimed at)\b/i;

const INTERPRETATION =
  /\b(?:interpret\w*|(?:seen|viewed|regarded|perceived|read|taken) as|signal(?:s|led|ling|ing)? (?:a|an|that|the)|marking (?:a|an)|(?:a|the) sign (?:of|that)|suggest(?:s|ing)? that|underscor\w*|highlight(?:s|ing) (?:a|the|how))\b/i;

const PREDICTION =
  /\b(?:expects?|forecasts?|predicts?|anticipates?|projects?|is expected to|are expected to|will likely)\b/i;
const PAST_BEFORE_PREDICTION =
  /\b(?:had|has|have|were|was) (?:\w+ )?(?:expected|forecast|predicted|projected)\b/i;
const WILL = /\b(?:will|won't|shall|'ll|going to)\b/i;

const META =
  /\b(?:did not (?:immediately )?respond|didn't (?:immediately )?respond|declined to comment|declined to (?:say|elaborate|discuss|give)|(?:could|can) ?not (?:immediately )?be (?:reached|explained|confirmed|verified|determined)|could not immediately be|no immediate comment|not available for comment|respond to (?:a|our|the) request|request for comment|(?:is|are|was|were|remain|remains) (?:disputed|contested|unclear))\b/i;

const STANCE =
  /\b(?:disput(?:e|es|ed)|reject(?:s|ed)?|question(?:s|ed)|challeng(?:e|es|ed)|dismiss(?:es|ed)?) (?:the|this|that|those|these|its|their|his|her|a) (?:[\w']+ ){0,3}(?:figures?|estimates?|claims?|numbers?|count|tally|account|allegations?|report|accusations?|characteri[sz]ation)\b/i;

const EVALUATIVE =
  /\b(?:victory for|milestone|triumph|disgrace\w*|tragedy|shame\w*|outrage\w*|scandal\w*|(?:right|wrong) direction|step (?:forward|backward|in the right)|no basis|baseless|unfounded|without limits|unacceptable|irresponsible|reckless|historic opportunity|heartbreaking|devastating blow|wake-up call)\b/i;

const FIRST_PERSON_STANCE =
  /\b(?:i|we) (?:(?:do not|don't|really|truly|strongly|firmly) )?(?:respect|regret|welcome|hope|believe|think|feel|trust|fear|want|wish|doubt|reckon|suspect|am (?:proud|confident|sure|pleased|disappointed|convinced|optimistic|worried|concerned)|are (?:proud|confident|sure|pleased|disappointed|convinced|optimistic|worried|concerned|not yet in a position))\b/i;

const EMOTIVE_THIRD =
  /\b(?:regret(?:s|ted)?|hop(?:es|ed)|wish(?:es|ed)|lament(?:s|ed)) (?:that|to)\b|\bexpressed (?:a |his |her |their )?(?:strong |firm )?(?:stance|hope|regret|confidence|optimism|solidarity|support)\b/i;

const OBLIGATION =
  /\b(?:have to|has to|need to|needs to|must|should|ought to|(?:is|are) (?:needed|necessary|essential|vital) (?:to|for)|not (?:yet )?in a position to)\b/i;

const BOILERPLATE =
  /\b(?:share this article|subscribe|sign in|sign up|advertisement|all rights reserved|copyright|click here|read more|related stories|related articles|latest posts|latest news|get in touch|follow us|newsletter|cookies?|terms of (?:use|service)|privacy policy|skip to (?:main )?content|toggle navigation|more from|most read|you may also like|(?:additional )?reporting by|editing by|writing by|contributed (?:to this )?report\w*|this (?:story|article) (?:has been|was) updated|download (?:the|our) app)\b/i;

const CREDIT_LINE =
  /^\(?(?:sources?|photos?|images?|credits?|video|graphics?|editing|reporting|writing|compiled by|with reporting by)\s*:/i;

const CAPTION_CREDIT =
  /(?:\(\s*(?:photo|image|picture|credit|file photo)s?\s*:|\b(?:photo|image|picture|photograph|file photo)\s*:\s*[A-Z]|\b(?:photo|image) by [A-Z]|\/\s*(?:AP|AFP|Reuters|Getty Images|EPA)\b)/i;

/** One-entry memo of CAPTION_CREDIT (it reads the whole sentence, and a sentence's claims come in a row). */
let captionText = '';
let captionCredit = false;
function isCaptionCredit(s: string): boolean {
  if (s !== captionText) {
    captionCredit = CAPTION_CREDIT.test(s);
    captionText = s;
  }
  return captionCredit;
}

const IMPERATIVE_FIRST = new Set(
  (
    "let let's imagine consider look remember strip take think stop join vote help keep don't please note see make " +
    'give tell ask check read watch listen follow share subscribe sign click get stay avoid do go be bring contact ' +
    'visit try beware boil wash evacuate'
  ).split(' '),
);

/** Past-tense verb (regular -ed or common irregular) — the news default for an event. */
const PAST =
  /\b(?:\w{3,}ed|was|were|had|did|said|told|took|made|won|lost|met|left|sent|began|rose|fell|grew|paid|sold|bought|built|brought|cut|put|set|hit|shut|spent|gave|came|went|saw|found|held|kept|led|struck|stood|drew|fought|fled|broke|chose|ran|swept|threw|wrote|spoke|spread|sank|shot|stole|tore|became|burst|cost|dealt|dug|fed|hung|laid|lent|lit|sought|slid|stuck|swam|swung|woke|wore|withdrew|overtook|upheld|oversaw|blew|knew|flew|froze|rode|rang|bore|ate|forgot|taught|caught|fell|got|heard|meant|read|sprang|stung|undertook|overthrew|quit|split|beat|bit)\b/i;
const NOT_PAST =
  /\b(?:need|indeed|feed|seed|speed|proceed|exceed|succeed|bleed|breed|greed|hundred|(?:to be|be|being|need to be|needs to be|want to be|wants to be) \w+ed)\b/gi;
const SPOKEN_OPENER =
  /^["']?(?:\.\.\.|\u2026|-|(?:well|so|now|look|oh|yes|yeah|and|but|see|okay|ok|listen)\b|(?:that|this|it)(?:'s| is| was| had| has)\b)/i;
const PAST_ANCHORED_BOOST = 1.8;
const PAST_BOOST = 1.2;
const PRESENT_BOOST = 1.0;
const PRESENT_ANCHORED_BOOST = 1.5;
/** Ongoing or just-completed event in the present: "are blocking", "has ended", "are being turned away". */
const PRESENT_EVENT = /\b(?:is|are|has|have)(?: (?:been|being|already|now|still|just))? \w{2,}(?:ing|ed)\b/i;
/** Scheduled event: "will be sentenced on Friday", "is due to vote in May". */
const SCHEDULED = /\b(?:will (?:be )?\w+|(?:is|are|was|were) (?:due|scheduled|set) to)\b/i;
const MODAL_ANY = /\b(?:will|would|should|could|might|may|must|shall|can)\b/i;
const ENTITY = /\s[A-Z][a-z\u00C0-\u024F]+/;
const FUNCTION_WORD_START =
  /^["']?(?:the|a|an|it|its|this|that|these|those|he|she|they|we|i|our|their|his|her|there|in|on|at|for|but|and|so|if|when|while|after|before|some|many|most|all|both|each|every|no|not)\b/i;

/** A capitalised word that is not just the sentence-initial function word. */
function hasEntity(t: string): boolean {
  if (ENTITY.test(t)) return true;
  return /^["']?[A-Z][a-z\u00C0-\u024F]+/.test(t) && !FUNCTION_WORD_START.test(t);
}
const DATE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|january|february|march|april|june|july|august|september|october|november|december|last (?:night|week|month|year)|this (?:week|month|year|morning|afternoon|evening)|overnight|tonight|earlier|(?:early|late) on)\b/i;

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const w = c > 32;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function hasNumber(s: string): boolean {
  return DIGIT.test(s) || NUMBER_WORD.test(s);
}

/** Share of words (longer than 3 letters) that start with a capital: title case / navigation. */
function titleCaseRatio(s: string): number {
  let words = 0;
  let capitalised = 0;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && s.charCodeAt(i) === 32) i++;
    const start = i;
    let letters = 0;
    while (i < s.length && s.charCodeAt(i) !== 32) {
      const c = s.charCodeAt(i) | 32;
      if (letters === i - start && c >= 97 && c <= 122) letters++;
      i++;
    }
    if (letters >= 4) {
      words++;
      const c = s.charCodeAt(start);
      if (c >= 65 && c <= 90) capitalised++;
    }
  }
  return words < 3 ? 0 : capitalised / words;
}

export const NEWS_RULES: NewsRule[] = [
  (t) => (BOILERPLATE.test(t) && wordCount(t) <= 12 ? hit(-5, 'boilerplate') : undefined),
  (t) => (CREDIT_LINE.test(t) ? hit(-5, 'boilerplate') : undefined),
  (t, s) => (isCaptionCredit(s || t) ? hit(-5, 'photo caption') : undefined),
  (t) => (titleCaseRatio(t) >= 0.75 && !/[.!?]"?$/.test(t) ? hit(-3, 'headline or title') : undefined),
  (t) => (CALL_TO_ACTION.test(t) ? hit(-3.5, 'call to action') : undefined),
  (t) => (COMMITMENT.test(t) ? hit(-3.5, 'commitment') : undefined),
  (t) => (WOULD_COMMIT.test(t) ? hit(-3, 'commitment') : undefined),
  (t) => (SPECULATION.test(t) ? hit(-3, 'speculation') : undefined),
  (t) => (INTERPRETATION.test(t) ? hit(-3, 'interpretation') : undefined),
  (t) => {
    if (PREDICTION.test(t) && !PAST_BEFORE_PREDICTION.test(t)) return hit(-4, 'prediction');
    // A scheduled event ("will be sentenced on May 3") is a fact; an undated "will" is a forecast.
    if (WILL.test(t) && !hasNumber(t) && !DATE.test(t)) return hit(-1.2, 'prediction');
    return undefined;
  },
  (t) => (META.test(t) ? hit(-4, 'reporting meta-statement') : undefined),
  (t) => (STANCE.test(t) && !DIGIT.test(t) ? hit(-3, 'stance') : undefined),
  (t) => (EVALUATIVE.test(t) && !DIGIT.test(t) ? hit(-3, 'opinion') : undefined),
  (t) => (FIRST_PERSON_STANCE.test(t) ? hit(DIGIT.test(t) ? -1.5 : -3, 'opinion') : undefined),
  (t) => (EMOTIVE_THIRD.test(t) ? hit(-2.5, 'opinion') : undefined),
  (t) => (OBLIGATION.test(t) && !/\bhad to\b/i.test(t) ? hit(-2, 'opinion or justification') : undefined),
  (t) => {
    // An imperative opens with a bare verb: not "Look, ..." (a discourse marker) nor "Do you ...".
    const m = /^["']?([A-Za-z']+)(\s*,|\s+(?:you|we|they|i|he|she|it)\b)?/i.exec(t);
    const first = m?.[1]?.toLowerCase();
    if (!first || m?.[2] || !IMPERATIVE_FIRST.has(first)) return undefined;
    return hit(-2.5, 'imperative');
  },
  (t) => (/\?["']?$/.test(t) ? hit(-2.5, 'question') : undefined),
  (t) => {
    // Quoted short characterisation without figures: the outbreak was "under control".
    const q = /"([^"]{1,60})"/.exec(t);
    if (!q || DIGIT.test(t) || wordCount(q[1]) > 5) return undefined;
    return wordCount(t) - wordCount(q[1]) <= 6 ? hit(-3, 'assessment') : undefined;
  },
];

/**
 * Which NEWS_RULES return a hit only when one of the KEYWORD_PATTERNS matches the claim: when none does
 * (most claims), the caller skips them, as they would all return undefined.
 */
export const NEEDS_KEYWORD: readonly boolean[] = NEWS_RULES.map((_, i) => i === 0 || (i >= 4 && i <= 15));
const KEYWORD_PATTERNS = [
  BOILERPLATE, // rule 0
  CALL_TO_ACTION, // rules 4-8
  COMMITMENT,
  WOULD_COMMIT,
  SPECULATION,
  INTERPRETATION,
  PREDICTION, // rule 9: a prediction hit needs PREDICTION or WILL
  WILL,
  META, // rules 10-15
  STANCE,
  EVALUATIVE,
  FIRST_PERSON_STANCE,
  EMOTIVE_THIRD,
  OBLIGATION,
];
/**
 * Matches where any of KEYWORD_PATTERNS matches (all case-insensitive, no other flags, each opening with
 * `\b`): one scan, not 14. The shared `\b` is taken out in front (`\b(?:a|b)` is `\ba|\bb`), so the scan
 * rejects a position inside a word at once.
 */
if (KEYWORD_PATTERNS.some((re) => re.flags !== 'i' || !re.source.startsWith('\\b')))
  throw new Error('keyword patterns must be /i only and open with \\b');
const ANY_KEYWORD = new RegExp(
  `\\b(?:${KEYWORD_PATTERNS.map((re) => `(?:${re.source.slice(2)})`).join('|')})`,
  'i',
);

/** Whether any rule flagged in NEEDS_KEYWORD can fire on `t`. */
export function hasRuleKeyword(t: string): boolean {
  return ANY_KEYWORD.test(t);
}

/**
 * Positive rule, applied only when no strong negative rule fired.
 */
export const NEWS_DEFAULT: NewsRule = (t, _s, ctx) => {
  // News default: a past-tense event with an entity, date or figure is check-worthy. First- and
  // second-person talk counts only inside an attributed quotation (debate speech is full of anecdotes);
  // conversational openers and questions get no boost.
  if (SPOKEN_OPENER.test(t) || /\?["']?$/.test(t)) return undefined;
  const personal = PERSONAL.test(t);
  if (!personal && SCHEDULED.test(t) && DATE.test(t)) return hit(1.5, 'scheduled event');
  if (MODAL_ANY.test(t)) return undefined;
  if (personal && !ctx.quoted) return DIGIT.test(t) ? hit(0.3, 'figure') : undefined;
  const past = PAST.test(t.replace(NOT_PAST, ''));
  const anchored = hasEntity(t) || DATE.test(t) || DIGIT.test(t);
  if (past && anchored) return hit(PAST_ANCHORED_BOOST, 'past event');
  if (past) return hit(PAST_BOOST, 'past event');
  if (PRESENT_EVENT.test(t)) return hit(anchored ? PRESENT_ANCHORED_BOOST : PRESENT_BOOST, 'ongoing event');
  if (hasNumber(t)) return hit(0.5, 'figure');
  return undefined;
};

const CUE_CHARACTERISATION =
  /\b(?:called|calls|describ(?:ed|es|ing)|termed|labell?ed|branded|hailed)\s+(?:\S+\s+){0,4}(?:as\s+)?"?\s*$/i;
const NOT_CHARACTERISATION = /\b(?:that|to|on|for|upon|by|off)\b/i;
const CUE_CALL =
  /\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|appeal(?:s|ed|ing)? to|implor\w*)\s+(?:\S+\s+){0,5}$/i;

/** Cues just before the claim inside its sentence ("urged X to <claim>", "called the ruling <claim>"). */
export function contextAdjustment(_text: string, _sentence: string, before: string): RuleHit | undefined {
  if (!before) return undefined;
  const ch = CUE_CHARACTERISATION.exec(before);
  if (ch && !NOT_CHARACTERISATION.test(ch[0].replace(/^\S+/, ''))) return hit(-3, 'characterisation');
  if (CUE_CALL.test(before)) return hit(-3.5, 'call to action');
  return undefined;
}

const CUE_NEGATIVE: Array<[RegExp, number, string]> = [
  [/^(?:urg|call(?:ed|s)? (?:on|for)|appeal|implor|exhort|demand)/i, -3.5, 'call to action'],
  [/^(?:pledg|vow|promis|reaffirm|commit)/i, -3.5, 'commitment'],
  [/^(?:predict|forecast|expect|anticipat|project)/i, -2.5, 'prediction'],
  [/^(?:hope|wish|regret|believe|think|feel|fear|doubt)/i, -2.5, 'opinion'],
  [/^(?:speculat|suggest|interpret)/i, -2.5, 'speculation'],
  [/^warn/i, -1.5, 'prediction'],
  [/^(?:call(?:ed|s)?|describ|term|label|brand|hail)\b/i, -2, 'characterisation'],
];

/** Adjustment from the reporting cue the claim analyser found. */
export function cueAdjustment(cue: string): RuleHit | undefined {
  const c = cue.trim().toLowerCase();
  for (const [re, delta, reason] of CUE_NEGATIVE) if (re.test(c)) return hit(delta, reason);
  return undefined;
}

const NEUTRAL_CUE =
  /^(?:say|said|says|tell|told|report|confirm|corroborat|state|write|wrote|add|note|explain|find|found|show|estimate|announce|reveal|disclose|testif|acknowledg|admit|according to|quote|cite|recall|conclude|indicate)/i;

/** Reporting verbs that carry a statement without colouring it ('said', 'reported', 'confirmed'). */
export function isNeutralCue(cue: string): boolean {
  return NEUTRAL_CUE.test(cue.trim());
}
