/**
 * Small closed word lists used by the clause splitter: auxiliaries, common irregular verb forms, number words,
 * ordinals and superlatives. Lexicon-based (no tagger): fast, deterministic, linear.
 */

const list = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const AUXILIARIES = list(`
  is are was were be been being am has have had will would could can may might should must shall did does do
  isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't cannot mustn't shouldn't didn't doesn't don't
`);

/** Irregular past tenses/participles and other unambiguous finite verb forms common in news. */
export const IRREGULAR_VERBS = list(`
  said told took made won lost met left sent began begun rose risen fell fallen saw seen gave given went gone came
  held kept paid sold bought built brought found ran struck spent shed cut set put hit let became grew grown drew
  drawn flew flown threw thrown wrote written spoke spoken broke broken chose chosen drove driven rode ate fought
  thought caught taught sought stood understood hung led fled read heard meant knew known got gotten swept swore
  sworn bore born wore worn tore torn woke forgot forgotten hid hidden shot shut spread sank sunk stole stolen
  struck stuck swung burst cost hurt sprang sprung dug slid split sped quit bet beat beaten bit bitten blew blown bled lit lay lain
  says tells takes makes wins loses meets leaves sends begins rises falls sees gives goes comes holds keeps pays sells
  buys builds brings finds runs spends cuts sets puts hits lets becomes grows draws leads reads hears means knows gets
  employs includes plans marks ends shows remains expects wants needs uses tracks owns operates faces says
  estimates reports claims warns argues insists denies confirms announces adds notes
  happened occurred died killed
`);

/** -ed words that are not verbs. */
export const ED_EXCEPTIONS = list(`
  hundred red bed need needs speed seed feed breed creed greed deed weed indeed shed sled bled fled led wed
  federated united embed naked sacred wicked rugged ragged wretched beloved alleged tired
`);

export const NUMBER_WORDS = list(`
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
  trillion dozen dozens hundreds thousands millions billions half twice once
`);

export const ORDINALS = list(`
  first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth hundredth last
`);

export const SUPERLATIVE_EXCEPTIONS = list(`
  interest protest request suggest contest test rest arrest west best-known honest modest forest harvest
  guest chest nest pest quest vest zest manifest invest digest latest earnest priest
`);

export const PRONOUN_SUBJECTS = list(`i you he she it we they this that these those there who which`);

export const DETERMINERS = list(`a an the its their his her our my your this that these those`);

export const QUANTIFIERS = list(`most many some all half none each both several majority part much few`);

export const REPORTING_PARTICIPLES = list(`
  ruling saying adding noting stating arguing warning concluding finding claiming insisting explaining
  announcing confirming reporting estimating
`);

/** Participles that introduce attribution or framing, not a separate fact. */
export const FRAMING_PARTICIPLES = list(`
  according citing quoting speaking referring describing calling reflecting matching including
  compared following
`);

export const COMPARATIVES = list(`less more fewer lower higher greater smaller bigger larger`);

export const SUBORDINATORS = list(`after as because before since while when although though whereas`);

export const NEGATIONS =
  /\b(?:not|no longer|never|nobody|none|neither|nor|denied|denies|deny|denying|refused|refuses|rejected|rejects)\b|n['\u2019]t\b/i;

/** A word that can start a verb phrase: auxiliary, irregular form, -ed past, or a known 3rd-person form. */
export function isVerbLike(w: string): boolean {
  if (!w) return false;
  if (AUXILIARIES.has(w) || IRREGULAR_VERBS.has(w)) return true;
  return w.length > 4 && w.endsWith('ed') && !ED_EXCEPTIONS.has(w) && /^[a-z-]+$/.test(w);
}

export function isNumberToken(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return NUMBER_WORDS.has(w);
}

/** A four-digit year (1800–2100). */
export function isYearToken(w: string): boolean {
  if (!/^\d{4}$/.test(w)) return false;
  const n = Number(w);
  return n >= 1800 && n <= 2100;
}

export function isSuperlative(w: string): boolean {
  return (
    ORDINALS.has(w) ||
    w === 'most' ||
    w === 'least' ||
    (w.length > 5 && w.endsWith('est') && /^[a-z]+$/.test(w) && !SUPERLATIVE_EXCEPTIONS.has(w))
  );
}
