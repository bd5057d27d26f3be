/**
 * Reporting verbs and phrases. Each verb form maps to its lemma and how it takes its content:
 *  - `clause`: a reported clause ("said (that) …", "told reporters (that) …"); postposed use ("…, police said") too.
 *  - `object`: may also take a plain object that is itself the reported act ("corroborated the movement of…",
 *    "urged residents to…", "put the toll at…"): the content then starts right after the source.
 *  - `thatOnly`: a cue only with a that-clause or in postposed use ("added that…", "announced that…").
 * `weak` verbs need a source-like subject (a name, a body, a pronoun, a document), not any noun phrase.
 * Generic English, no article-specific entries.
 */

export type CueMode = 'clause' | 'object' | 'thatOnly';

export interface CueEntry {
  lemma: string;
  mode: CueMode;
  weak: boolean;
  /** Takes an addressee object first ("told reporters", "assured investors"). */
  addressee?: boolean;
}

const CUES = new Map<string, CueEntry>();

function add(lemma: string, forms: string, mode: CueMode, weak = false, addressee = false): void {
  for (const f of forms.split(/\s+/).filter(Boolean)) CUES.set(f, { lemma, mode, weak, addressee });
}

add('say', 'say says said saying', 'clause');
add('tell', 'tell tells told telling', 'clause', false, true);
add('report', 'report reports reported reporting', 'object', true);
add('confirm', 'confirm confirms confirmed confirming', 'object', true);
add('corroborate', 'corroborate corroborates corroborated corroborating', 'object', true);
add('state', 'stated states stating', 'clause', true);
add('write', 'wrote writes writing', 'clause', true);
add('add', 'add adds added adding', 'thatOnly');
add('note', 'note notes noted noting', 'thatOnly', true);
add('explain', 'explain explains explained explaining', 'thatOnly', true);
add('find', 'find finds found finding', 'object', true);
add('show', 'show shows showed shown showing', 'object', true);
add('estimate', 'estimate estimates estimated estimating', 'object', true);
add('announce', 'announce announces announced announcing', 'thatOnly', true);
add('claim', 'claim claims claimed claiming', 'clause', true);
add('deny', 'deny denies denied denying', 'object', true);
add('insist', 'insist insists insisted insisting', 'clause', true);
add('argue', 'argue argues argued arguing', 'clause', true);
add('warn', 'warn warns warned warning', 'thatOnly', true);
add('stress', 'stress stresses stressed stressing', 'thatOnly', true);
add(
  'emphasize',
  'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising',
  'object',
  true,
);
add('acknowledge', 'acknowledge acknowledges acknowledged acknowledging', 'thatOnly', true);
add('admit', 'admit admits admitted admitting', 'thatOnly', true);
add('allege', 'allege alleges alleged alleging', 'thatOnly', true);
add('assert', 'assert asserts asserted asserting', 'clause', true);
add('maintain', 'maintained maintains', 'thatOnly', true);
add('contend', 'contend contends contended', 'clause', true);
add('suggest', 'suggest suggests suggested suggesting', 'thatOnly', true);
add('indicate', 'indicate indicates indicated indicating', 'thatOnly', true);
add('reveal', 'reveal reveals revealed revealing', 'object', true);
add('disclose', 'disclose discloses disclosed disclosing', 'object', true);
add('conclude', 'conclude concludes concluded concluding', 'thatOnly', true);
add('predict', 'predict predicts predicted predicting', 'thatOnly', true);
add('forecast', 'forecast forecasts forecasted', 'object', true);
add('reply', 'reply replies replied', 'clause', true);
add('respond', 'responded responds', 'thatOnly', true);
add('tweet', 'tweet tweets tweeted tweeting', 'clause', true);
add('testify', 'testify testifies testified', 'thatOnly', true);
add('recall', 'recalled recalls', 'thatOnly', true);
add('complain', 'complained complains', 'thatOnly', true);
add('believe', 'believes believed', 'thatOnly', true);
add('rule', 'ruled rules ruling', 'thatOnly', true);
add('highlight', 'highlight highlights highlighted highlighting', 'object', true);
add('describe', 'describe describes described describing', 'object', true);
add('put', 'put puts', 'object', true);
add('urge', 'urge urges urged urging', 'object', true);
add('pledge', 'pledge pledges pledged pledging', 'object', true);
add('promise', 'promise promises promised promising', 'object', true);
add('vow', 'vow vows vowed vowing', 'object', true);
add('call', 'called calls', 'object', true);
add('demand', 'demand demands demanded demanding', 'object', true);
add('dispute', 'dispute disputes disputed disputing', 'object', true);
add('reject', 'reject rejects rejected rejecting', 'object', true);
add('quote', 'quote quotes quoted quoting', 'object', true);
add('cite', 'cite cites cited', 'object', true);
add('accuse', 'accuse accuses accused accusing', 'object', true);
add('criticize', 'criticized criticised criticizes criticises', 'object', true);
add('praise', 'praised praises', 'object', true);
add('ask', 'ask asks asked', 'object', true);
add('think', 'think thinks thought', 'thatOnly', true);
add('believe', 'believe', 'thatOnly', true);
add('fear', 'fear fears feared', 'thatOnly', true);
add('worry', 'worry worries worried', 'thatOnly', true);
add('expect', 'expect expects expected', 'thatOnly', true);
add('hope', 'hopes hoped', 'thatOnly', true);
add('declare', 'declare declares declared declaring', 'thatOnly', true);
add('concede', 'concede concedes conceded conceding', 'thatOnly', true);
add('assure', 'assure assures assured assuring', 'thatOnly', true, true);
add('repeat', 'repeat repeats repeated repeating', 'thatOnly', true);
add('recount', 'recount recounts recounted recounting', 'thatOnly', true);
add('joke', 'joke jokes joked joking', 'thatOnly', true);
add('quip', 'quipped quips', 'thatOnly', true);
add('exclaim', 'exclaimed', 'thatOnly', true);
add('continue', 'continued continues', 'thatOnly', true);
add('post', 'posted', 'thatOnly', true);
add('charge', 'charged charges', 'thatOnly', true);
add('remark', 'remarked', 'thatOnly', true);
add('observe', 'observed', 'thatOnly', true);
add('caution', 'cautioned', 'thatOnly', true);
add('boast', 'boasted boasts', 'thatOnly', true);
add('signal', 'signaled signalled', 'thatOnly', true);
add('echo', 'echoed', 'object', true);
add('blast', 'blasted blasts', 'object', true);
add('question', 'questioned', 'object', true);
add('endorse', 'endorsed endorses', 'object', true);
add('dismiss', 'dismissed dismisses', 'object', true);
add('condemn', 'condemned condemns', 'object', true);
add('agree', 'agreed agrees', 'thatOnly', true);

export function cueOf(k: string): CueEntry | undefined {
  return CUES.get(k);
}

/** Nouns that report a statement when followed by "from/by X that …" ("confirmations from Seoul that …"). */
export const NOMINAL_CUES = new Map<string, string>([
  ['confirmation', 'confirm'],
  ['confirmations', 'confirm'],
  ['claim', 'claim'],
  ['claims', 'claim'],
  ['assertion', 'assert'],
  ['assertions', 'assert'],
  ['reports', 'report'],
  ['warnings', 'warn'],
  ['warning', 'warn'],
  ['statement', 'say'],
  ['statements', 'say'],
  ['estimates', 'estimate'],
  ['assurances', 'assure'],
]);

/** Verbs used in "X quoted Y as saying …". */
export const AS_SAYING = new Set([
  'saying',
  'telling',
  'stating',
  'writing',
  'adding',
  'confirming',
  'describing',
]);

/** Participles that introduce a second statement by the same source after a comma: "…, adding that …". */
export const PARTICIPLE_CUES = new Set([
  'adding',
  'saying',
  'noting',
  'arguing',
  'claiming',
  'warning',
  'insisting',
  'ruling',
  'stating',
  'explaining',
  'acknowledging',
  'stressing',
  'suggesting',
  'telling',
  'writing',
  'urging',
  'calling',
]);

export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow morning afternoon evening
   night week weekend month year january february march april may june july august september october november december
   jan feb aug sept sep oct nov dec earlier later late early last this recently previously initially also again
   separately publicly privately repeatedly subsequently officially first then further once already still
   midday noon midnight hours days weeks months years ago`
    .split(/\s+/)
    .filter(Boolean),
);

/** Auxiliaries and adverbs that may stand between a source and its verb ("has also said", "initially reported"). */
export const PRE_VERB = new Set(
  `has have had will would also later initially previously earlier repeatedly then again separately publicly privately
   officially recently subsequently first further once already still just quickly reportedly, however`
    .split(/[\s,]+/)
    .filter(Boolean),
);

export const NEGATIONS = new Set([
  'not',
  "n't",
  'never',
  'no',
  'neither',
  'nor',
  'cannot',
  "didn't",
  "hasn't",
  "haven't",
  "won't",
  "wouldn't",
  "doesn't",
  "don't",
]);

export const BE_VERBS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);

export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there']);

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'some',
  'most',
  'many',
  'all',
  'each',
  'every',
  'its',
  'their',
  'his',
  'her',
  'our',
  'no',
  'both',
  'several',
  'any',
]);

export const ADJUNCT_PREPOSITIONS = new Set([
  'in',
  'at',
  'on',
  'during',
  'after',
  'before',
  'outside',
  'inside',
  'through',
  'via',
  'from',
  'over',
  'to',
  'with',
  'near',
  'ahead',
  'following',
  'for',
]);

/** Words that cannot be inside a source noun phrase: finite verbs, subordinators, conjunctions of clauses. */
export const NP_BREAKERS = new Set(
  `that which who whom whose when while because since if as but than though although whereas unless until is are was were
   has have had will would can could may might must should shall did does do been be being ; : ( ) — – said says say told
   reported according`
    .split(/\s+/)
    .filter(Boolean),
);
