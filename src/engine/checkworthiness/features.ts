/**
 * Feature extraction for the check-worthiness model. Shared by the trainer (scripts/train-checkworthiness.ts)
 * and the runtime scorer, so that both see exactly the same features. Pure, linear time.
 *
 * Features are binary and named: `w:<token>` (unigram), `b:<tok> <tok>` (bigram), `f:<token>` (first token)
 * and `h:<name>` (hand features: numbers, money, entities, tense, modals, first-person opinion, questions...).
 */

/** Longest text we look at: longer input is cut (keeps the call linear and cheap). */
export const MAX_CHARS = 2000;

const TOKEN_RE = /[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*|[%$€£?!]/g;

const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands ' +
    'million millions billion billions trillion trillions dozen dozens half twice thrice double triple quarter ' +
    'percent percentage per cent'
  ).split(' '),
);

const MONEY_WORDS = new Set(
  'dollar dollars euro euros pound pounds yen yuan cents budget deficit debt tax taxes'.split(' '),
);

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const WEEKDAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday yesterday today'.split(' '),
);

const IRREGULAR_PAST = new Set(
  (
    'was were had did said told took made won lost met left sent began rose fell grew paid sold bought built ' +
    'brought caught cut put set hit shut spent gave came went saw found held kept led knew thought became ran ' +
    'struck stood drew drove fought flew forgot froze got hid hurt lay meant rode rang sank shook shot sought ' +
    'spoke spread stole swept swore taught tore threw understood voted wrote broke chose ate fled bore burst cost ' +
    'dealt dug fed hung laid lent lit slid stuck swam swung woke wore withdrew overtook upheld oversaw blew'
  ).split(' '),
);
const NOT_PAST_ED = new Set(
  'need indeed feed seed speed proceed exceed succeed bleed breed greed red bed shed'.split(' '),
);

const MODALS = new Set(
  "will would should could might may must shall can ought won't wouldn't shouldn't couldn't can't cannot i'll we'll you'll they'll he'll she'll it'll i'd we'd you'd they'd gonna".split(
    ' ',
  ),
);
const FUTURE_STRONG = new Set(
  "will shall going gonna won't i'll we'll you'll they'll he'll she'll it'll".split(' '),
);

const FIRST_PERSON = new Set("i me my we our us i'm we're i've we've i'd we'd i'll we'll".split(' '));
const OPINION_VERBS = new Set(
  'think believe feel hope wish want suppose guess mean agree disagree'.split(' '),
);
const SECOND_PERSON = new Set("you your you're you've you'll yourself".split(' '));

const OPINION_ADJ = new Set(
  (
    'good bad great terrible horrible wonderful awful best worst wrong right important necessary essential ' +
    'fair unfair ridiculous disgrace disgraceful shameful tremendous incredible amazing beautiful strong weak ' +
    'stupid smart dangerous safe crazy sad tragic proud fantastic disaster nice better worse serious ' +
    'outrageous unacceptable acceptable crucial vital urgent clear obvious'
  ).split(' '),
);

const HEDGES = new Set(
  'perhaps maybe possibly probably likely unlikely apparently seemingly presumably supposedly arguably'.split(
    ' ',
  ),
);

function bucket(n: number, edges: number[]): number {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
}

export interface TokenizedText {
  /** Lower-cased tokens, numbers normalised to `<num>` / `<year>`. */
  tokens: string[];
  /** Original-case tokens (same length). */
  raw: string[];
}

export function tokenize(text: string): TokenizedText {
  const src = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const tokens: string[] = [];
  const raw: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(src)) !== null) {
    const t = m[0].replace(/\u2019/g, "'");
    raw.push(t);
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      tokens.push(/^(1[89]\d\d|20\d\d)$/.test(t) ? '<year>' : '<num>');
    } else {
      tokens.push(t.toLowerCase());
    }
  }
  return { tokens, raw };
}

/** Feature names present in `text` (may contain duplicates; callers treat them as a set). */
export function extractFeatures(text: string): string[] {
  const { tokens, raw } = tokenize(text);
  const feats: string[] = ['h:bias'];
  const n = tokens.length;
  if (n === 0) {
    feats.push('h:empty');
    return feats;
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
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const r = raw[i];
    feats.push('w:' + t);
    if (i > 0) feats.push('b:' + tokens[i - 1] + ' ' + t);
    if (t === '<num>') digits++;
    else if (t === '<year>') {
      years++;
      digits++;
    } else if (t === '%') percent++;
    else if (t === '$' || t === '€' || t === '£') money++;
    if (NUMBER_WORDS.has(t)) numWords++;
    if (t === 'percent' || t === 'cent') percent++;
    if (MONEY_WORDS.has(t)) money++;
    if (MONTHS.has(t) && t !== 'may') dates++;
    if (WEEKDAYS.has(t)) dates++;
    const c = r.charCodeAt(0);
    if (i > 0 && c >= 65 && c <= 90 && r !== 'I' && !r.startsWith("I'")) capsMid++;
    if (IRREGULAR_PAST.has(t) || (t.length > 4 && t.endsWith('ed') && !NOT_PAST_ED.has(t))) past++;
    if (MODALS.has(t)) modal++;
    if (FUTURE_STRONG.has(t)) future++;
    if (FIRST_PERSON.has(t)) firstPerson++;
    if (SECOND_PERSON.has(t)) secondPerson++;
    if (OPINION_VERBS.has(t)) opinionVerb++;
    if (OPINION_ADJ.has(t)) opinionAdj++;
    if (HEDGES.has(t)) hedge++;
    if (t === 'not' || t.endsWith("n't") || t === 'never' || t === 'no') negation++;
    if (t.length > 5 && t.endsWith('est') && t !== 'interest' && t !== 'request' && t !== 'protest')
      superlative++;
  }
  feats.push('f:' + tokens[0]);
  if (n > 1) feats.push('f2:' + tokens[0] + ' ' + tokens[1]);
  feats.push('h:len' + bucket(n, [3, 6, 10, 16, 25, 40]));
  if (digits) feats.push('h:digit', 'h:digit' + Math.min(digits, 3));
  if (numWords) feats.push('h:numword');
  if (digits || numWords) feats.push('h:anynum');
  if (money) feats.push('h:money');
  if (percent) feats.push('h:percent');
  if (years) feats.push('h:year');
  if (dates) feats.push('h:date');
  feats.push('h:caps' + Math.min(capsMid, 3));
  if (past) feats.push('h:past');
  if (modal) feats.push('h:modal');
  if (future) feats.push('h:future');
  if (firstPerson) feats.push('h:first');
  if (secondPerson) feats.push('h:second');
  if (opinionVerb && firstPerson) feats.push('h:iopinion');
  if (opinionAdj) feats.push('h:opadj');
  if (hedge) feats.push('h:hedge');
  if (negation) feats.push('h:neg');
  if (superlative) feats.push('h:superl');
  if (tokens[n - 1] === '?') feats.push('h:question');
  if (past && (digits || numWords)) feats.push('h:past_num');
  if (past && capsMid) feats.push('h:past_ent');
  if (modal && !past) feats.push('h:modal_nopast');
  const personal = firstPerson + secondPerson > 0;
  if (past && !personal) feats.push('h:past_third');
  if (past && firstPerson) feats.push('h:past_first');
  if ((digits || numWords) && !personal) feats.push('h:num_third');
  if (capsMid && !personal && !modal) feats.push('h:ent_third');
  return feats;
}
