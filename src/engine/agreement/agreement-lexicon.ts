/**
 * Vocabulary for deciding whether two claims state the same fact: a light stemmer, event-predicate families,
 * counted-unit classes, and the qualifiers that make two similar-looking figures different measures.
 * Entries are plain English words; they are stemmed with the same `stem` at load time, so any inflection listed
 * here matches the same inflection in a claim.
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['died', 'die'],
  ['dies', 'die'],
  ['dying', 'die'],
  ['fled', 'flee'],
  ['fleeing', 'flee'],
  ['flees', 'flee'],
  ['held', 'hold'],
  ['sought', 'seek'],
  ['sent', 'send'],
  ['took', 'take'],
  ['taken', 'take'],
  ['lost', 'lose'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['rose', 'rise'],
  ['risen', 'rise'],
  ['won', 'win'],
  ['children', 'child'],
  ['men', 'man'],
  ['women', 'woman'],
  ['people', 'people'],
  ['stood', 'stand'],
  ['paid', 'pay'],
  ['laid', 'lay'],
  ['sold', 'sell'],
  ['spent', 'spend'],
  ['grew', 'grow'],
  ['grown', 'grow'],
  ['shrank', 'shrink'],
  ['hurt', 'hurt'],
  ['shed', 'shed'],
  ['news', 'news'],
  ['police', 'police'],
  ['series', 'series'],
  ['species', 'species'],
  ['data', 'data'],
  ['stole', 'steal'],
  ['stolen', 'steal'],
  ['struck', 'strike'],
  ['stricken', 'strike'],
  ['fought', 'fight'],
  ['caught', 'catch'],
  ['bought', 'buy'],
  ['brought', 'bring'],
  ['kept', 'keep'],
  ['built', 'build'],
  ['gave', 'give'],
  ['given', 'give'],
  ['flew', 'fly'],
  ['flown', 'fly'],
  ['broke', 'break'],
  ['broken', 'break'],
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['swept', 'sweep'],
  ['underwent', 'undergo'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['bled', 'bleed'],
  ['slain', 'slay'],
  ['slew', 'slay'],
  ['lives', 'life'],
  ['leaked', 'leak'],
  ['plane', 'plane'],
  ['planes', 'plane'],
  ['casualties', 'casualty'],
]);

/** Light stemmer: irregular forms, then -ies/-ied → y, -ing, -ed, -s, final -e; consonant doubling undone. */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[aeiouslz]/.test(w[n - 1])) return w.slice(0, -1);
  return w;
}

/**
 * Event / measure predicate families. A multi-word entry matches its words in order with at most two other
 * words between consecutive ones ("forced 14,200 people from their homes" matches "forced from homes").
 */
const FAMILY_WORDS: Readonly<Record<string, readonly string[]>> = {
  death: [
    'kill',
    'killed',
    'killing',
    'kills',
    'dead',
    'death',
    'deaths',
    'died',
    'die',
    'dies',
    'dying',
    'fatality',
    'fatalities',
    'fatal',
    'perished',
    'death toll',
    'toll',
    'lost their lives',
    'lives lost',
    'drowned',
    'body count',
    'shot dead',
    'bodies',
    'bodies recovered',
    'gunned down',
    'casualty',
    'casualties',
    'claimed lives',
    'claimed the lives',
    'succumbed',
    'found dead',
    'slain',
    'fatally',
    'death count',
  ],
  injury: ['injured', 'injure', 'injury', 'injuries', 'injuring', 'wounded', 'wounding', 'wounds', 'hurt'],
  missing: ['missing', 'unaccounted', 'unaccounted for'],
  data_breach: [
    'breach',
    'breached',
    'data breach',
    'hacked',
    'hack',
    'cyberattack',
    'cyber attack',
    'stolen',
    'stole',
    'leaked',
    'leak',
    'compromised',
    'personal data',
    'personal information',
    'personal details',
    'customer data',
    'exposed data',
    'data exposed',
    'data of',
  ],
  on_board: ['on board', 'aboard', 'onboard', 'carrying'],
  hospital: [
    'hospitalised',
    'hospitalized',
    'hospitalisation',
    'hospitalization',
    'taken to hospital',
    'admitted to hospital',
    'taken to hospitals',
    'in hospital',
  ],
  critical: ['critical condition', 'intensive care', 'serious condition'],
  treatment: ['treated', 'treating', 'treatment'],
  arrest: [
    'arrested',
    'arrest',
    'arrests',
    'detained',
    'detain',
    'detention',
    'detentions',
    'detainees',
    'custody',
    'apprehended',
    'rounded up',
    'taken into custody',
  ],
  charge: ['charged', 'indicted', 'prosecuted', 'charges'],
  displacement: [
    'displaced',
    'displacement',
    'evacuated',
    'evacuation',
    'evacuate',
    'evacuees',
    'fled',
    'flee',
    'fleeing',
    'forced from homes',
    'driven from homes',
    'forced from home',
    'homeless',
    'refuge',
    'sought shelter',
    'in shelters',
    'refugees',
    'relocated',
    'rehoused',
    'moved to safety',
    'moved to tents',
    'in tents',
    'in camps',
    'temporary shelters',
    'uprooted',
    'made homeless',
  ],
  infection: [
    'infected',
    'infection',
    'infections',
    'case',
    'cases',
    'sickened',
    'tested positive',
    'contracted',
  ],
  job_loss: [
    'cut',
    'cuts',
    'cutting',
    'layoff',
    'layoffs',
    'laid off',
    'lay off',
    'eliminate',
    'eliminated',
    'eliminating',
    'elimination',
    'shed',
    'shedding',
    'axe',
    'axed',
    'axing',
    'slash',
    'slashed',
    'redundancy',
    'redundancies',
    'at risk',
    'job losses',
    'lose their jobs',
    'lost their jobs',
    'let go',
    'dismissed',
    'fired',
  ],
  hiring: [
    'hire',
    'hired',
    'hiring',
    'create jobs',
    'created jobs',
    'add jobs',
    'added jobs',
    'recruit',
    'recruited',
  ],
  employment: ['employ', 'employs', 'employed', 'employing', 'workforce', 'headcount'],
  attendance: [
    'took part',
    'take part',
    'taking part',
    'attended',
    'attend',
    'attendance',
    'joined',
    'gathered',
    'gathering',
    'crowd',
    'marched',
    'rally',
    'rallied',
    'turned out',
    'demonstrators',
    'protesters',
    'participants',
    'marchers',
    'attendees',
    'spectators',
    'audience',
    'visitors',
  ],
  deployment: [
    'dispatched',
    'dispatch',
    'deployed',
    'deploy',
    'deployment',
    'sent',
    'send',
    'sending',
    'moved',
    'movement',
    'transferred',
    'stationed',
  ],
  access_blocked: [
    'blocked',
    'block',
    'blocking',
    'censored',
    'inaccessible',
    'offline',
    'off the internet',
    'unavailable',
    'taken down',
    'taken offline',
  ],
  damage: [
    'damaged',
    'damage',
    'destroyed',
    'destroy',
    'flattened',
    'razed',
    'collapsed',
    'losses',
    'loss',
    'insured losses',
    'economic losses',
  ],
  election_win: [
    'won',
    'win',
    'wins',
    'secured',
    'captured',
    'of the vote',
    'of the votes',
    'garnered',
    'polled',
  ],
  turnout: ['turnout', 'voter participation', 'cast ballots', 'cast their ballots', 'went to the polls'],
  inflation: ['inflation', 'consumer prices', 'cpi'],
  unemployment: ['unemployment', 'jobless', 'jobless rate'],
  growth: [
    'gdp grew',
    'gdp growth',
    'gdp expanded',
    'gdp rose',
    'gdp fell',
    'gdp shrank',
    'gdp contracted',
    'growth',
    'economic growth',
    'economy grew',
    'economy expanded',
    'economy shrank',
    'economy contracted',
  ],
  revenue: ['revenue', 'revenues', 'sales', 'turnover'],
  profit: ['profit', 'profits', 'net income', 'earnings'],
  spending: ['spent', 'spend', 'spending', 'expenditure', 'outlay'],
  selling: [
    'sold',
    'sell',
    'selling',
    'sales',
    'shipped',
    'shipments',
    'deliveries',
    'delivered',
    'units sold',
  ],
  reserves: ['reserves', 'holdings'],
  rainfall: ['rain', 'rainfall', 'precipitation'],
  wind: ['wind', 'gusts', 'gust'],
  power_outage: [
    'without electricity',
    'without power',
    'outage',
    'outages',
    'blackout',
    'blackouts',
    'lost power',
  ],
  vaccination: [
    'vaccinated',
    'vaccine',
    'vaccines',
    'vaccination',
    'doses',
    'inoculated',
    'immunised',
    'immunized',
  ],
  // Not the noun "rescue": "rescue teams recovered 11 bodies" counts deaths.
  rescue: ['rescued', 'saved', 'pulled alive', 'pulled from', 'airlifted'],
  strike: ['strike', 'walkout', 'walked out', 'stoppage', 'on strike', 'striking', 'downed tools'],
  fine: ['fined', 'penalty', 'penalties'],
  debt: ['debt', 'borrowing'],
  deficit: ['deficit', 'shortfall'],
  arrival: ['arrived', 'arrivals', 'crossed', 'landed', 'entered the country'],
  burned_area: ['burned', 'burnt', 'scorched', 'charred'],
  aid: ['pledged', 'pledge', 'donated', 'donation', 'donations', 'aid', 'grant', 'grants', 'relief funds'],
  population: ['population', 'inhabitants', 'populated'],
  closure: ['closed', 'shut', 'shuttered', 'closure', 'closures'],
  // stems match with gaps: "grounded" alone, or "were grounded", would read "were on the ground"
  cancellation: [
    'cancelled',
    'canceled',
    'cancellations',
    'scrapped',
    'flights grounded',
    'grounded flights',
  ],
  sentence: ['sentenced', 'jailed', 'imprisoned', 'prison term', 'jail term', 'years in prison'],
  emissions: ['emissions', 'emitted', 'emit'],
  exports: ['exports', 'exported'],
  imports: ['imports', 'imported'],
  investment: ['invest', 'invested', 'investment', 'investments'],
  // not a bare "support": "firefighters, supported by nine aircraft," is no approval figure
  approval: [
    'approval rating',
    'approve',
    'approved of',
    'support for',
    'support the',
    'supported the',
    'in support',
    'backing',
    'backed the',
    'favour',
    'favor',
  ],
};

export interface FamilyPattern {
  family: string;
  words: string[];
}

export const FAMILY_PATTERNS: readonly FamilyPattern[] = Object.entries(FAMILY_WORDS).flatMap(
  ([family, entries]) => entries.map((e) => ({ family, words: e.split(/\s+/).map(stem) })),
);

/** First-word index into FAMILY_PATTERNS. */
export const FAMILY_INDEX: ReadonlyMap<string, readonly FamilyPattern[]> = (() => {
  const m = new Map<string, FamilyPattern[]>();
  for (const p of FAMILY_PATTERNS) {
    const list = m.get(p.words[0]) ?? [];
    list.push(p);
    m.set(p.words[0], list);
  }
  return m;
})();

/** Every stem that takes part in a family pattern ("cut", "injur", "death"): a predicate, not a qualifier. */
export const FAMILY_STEMS: ReadonlySet<string> = new Set(FAMILY_PATTERNS.flatMap((p) => p.words));

/**
 * Nouns naming the event itself ("killed in the fire"): a phrase built on them does not narrow a figure to a part
 * of the whole the way "at the plant" or "in the capital" does.
 */
export const EVENT_NOUNS: ReadonlySet<string> = new Set(
  `fire blaze attack attacks explosion explosions blast crash accident clashes clash violence protest protests march
  rally demonstration demonstrations storm flood floods flooding earthquake quake outbreak epidemic pandemic shooting
  bombing strike strikes raid raids fighting war conflict collision incident disaster unrest riot riots eruption
  landslide hurricane cyclone typhoon tornado wildfire wildfires heatwave drought famine stampede sinking derailment
  risk end start beginning middle wake aftermath course total all least most operation operations campaign
  first second third fourth fifth sixth seventh eighth ninth tenth last quarter half period session trading
  morning afternoon evening night week month year weekend`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/**
 * Families of events that happen somewhere ("killed at a market in Doro"): a place phrase locates the event and
 * does not make the figure a part of a larger total, so a place named on one side only does not separate them.
 */
export const EVENT_FAMILIES: ReadonlySet<string> = new Set([
  'death',
  'injury',
  'missing',
  'hospital',
  'critical',
  'treatment',
  'arrest',
  'displacement',
  'infection',
  'attendance',
  'deployment',
  'damage',
  'rescue',
  'strike',
  'burned_area',
  'power_outage',
  'rainfall',
  'wind',
  'growth',
  'inflation',
  'unemployment',
  'turnout',
  'election_win',
  'arrival',
  'evacuation',
  'approval',
  'data_breach',
  'on_board',
  'charge',
]);

/** Families whose counted thing is jobs as well as people ("cut 1,200 jobs" vs "laid off 1,200 workers"). */
export const JOB_FAMILIES = new Set(['job_loss', 'hiring', 'employment']);

/**
 * Unit classes that count one population when the predicate family agrees: a breach of "records of 3 million
 * people" is a breach of 3 million records or accounts; "cut 1,200 jobs" counts the workers laid off.
 */
export const FAMILY_UNIT_CLASSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['data_breach', new Set(['person', 'record', 'account', 'file'])],
  ['job_loss', new Set(['person', 'job'])],
  ['hiring', new Set(['person', 'job'])],
  ['employment', new Set(['person', 'job'])],
]);

/**
 * Counted nouns that stand for people in general: any two of them count the same population when the predicate
 * matches ("19 people were killed" vs "23 workers had died"). Event nouns ("deaths", "cases") count people too.
 */
const PERSON_NOUNS = [
  'people',
  'person',
  'persons',
  'individuals',
  'individual',
  'residents',
  'civilians',
  'villagers',
  'workers',
  'worker',
  'employees',
  'staff',
  'passengers',
  'patients',
  'victims',
  'protesters',
  'demonstrators',
  'marchers',
  'participants',
  'migrants',
  'inhabitants',
  'citizens',
  'adults',
  'refugees',
  'evacuees',
  'casualties',
  'deaths',
  'fatalities',
  'cases',
  'infections',
  'injuries',
  'arrests',
  'detainees',
  'survivors',
  'dead',
  'injured',
  'wounded',
  'miners',
  'bodies',
  'pilgrims',
  'fans',
  'spectators',
  'customers',
  'users',
  'subscribers',
  'clients',
  'members',
  'voters',
  'students',
  'pupils',
  'tenants',
  'homeowners',
  'travellers',
  'travelers',
  'tourists',
  'visitors',
  'commuters',
  'shoppers',
  'consumers',
  'motorists',
  'drivers',
  'crew',
  'crew members',
  'account holders',
  'policyholders',
  'attendees',
  'hostages',
  'inmates',
  'prisoners',
  'suspects',
  'evacuees',
  'occupants',
  'casualty',
];

const UNIT_SYNONYMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['troop', ['troops', 'soldiers', 'soldier', 'servicemen', 'service members', 'personnel']],
  [
    'job',
    ['jobs', 'positions', 'posts', 'roles', 'layoffs', 'redundancies', 'job cuts', 'jobs cuts', 'cuts'],
  ],
  ['website', ['websites', 'sites', 'web sites', 'domains', 'webpages', 'pages']],
  ['home', ['homes', 'houses', 'dwellings', 'buildings', 'residences']],
  ['officer', ['police officers', 'officers', 'policemen', 'police', 'officers injured']],
  ['child', ['children', 'kids', 'minors']],
  ['vote', ['votes', 'ballots']],
  ['record', ['records', 'personal records', 'customer records', 'data records']],
  ['account', ['accounts', 'user accounts', 'customer accounts']],
  ['vehicle', ['vehicles', 'cars', 'passenger cars', 'autos']],
  ['phone', ['phones', 'smartphones', 'handsets', 'mobile phones']],
];

/** Counted nouns that say nothing of what is counted ("4.2 million units"): read like an unknown unit. */
const BLANK_UNITS = new Set(['unit', 'item', 'piece', 'thing']);

export const PERSON_UNIT = 'person';

const UNIT_CLASS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const n of PERSON_NOUNS) m.set(stem(n), PERSON_UNIT);
  for (const [cls, words] of UNIT_SYNONYMS)
    for (const w of words) m.set(w.split(/\s+/).map(stem).join(' '), cls);
  return m;
})();

/** Every word (stemmed) counted as the given class: 'job' → job, position, post, cut, layoff … */
export function unitClassWords(cls: string): ReadonlySet<string> {
  const cached = CLASS_WORDS.get(cls);
  if (cached) return cached;
  const out = new Set<string>();
  for (const [word, c] of UNIT_CLASS) if (c === cls) for (const w of word.split(' ')) out.add(w);
  CLASS_WORDS.set(cls, out);
  return out;
}
const CLASS_WORDS = new Map<string, ReadonlySet<string>>();

/** Convertible physical units: class and factor to the class's base unit. */
const MEASURES: ReadonlyMap<string, readonly [string, number]> = new Map<string, readonly [string, number]>([
  ['second', ['duration', 1 / 86400]],
  ['minute', ['duration', 1 / 1440]],
  ['hour', ['duration', 1 / 24]],
  ['day', ['duration', 1]],
  ['week', ['duration', 7]],
  ['month', ['duration', 30.44]],
  ['year', ['duration', 365.25]],
  ['decade', ['duration', 3652.5]],
  ['millimetre', ['length', 0.001]],
  ['millimeter', ['length', 0.001]],
  ['mm', ['length', 0.001]],
  ['centimetre', ['length', 0.01]],
  ['centimeter', ['length', 0.01]],
  ['cm', ['length', 0.01]],
  ['metre', ['length', 1]],
  ['meter', ['length', 1]],
  ['m', ['length', 1]],
  ['kilometre', ['length', 1000]],
  ['kilometer', ['length', 1000]],
  ['km', ['length', 1000]],
  ['mile', ['length', 1609.34]],
  ['foot', ['length', 0.3048]],
  ['feet', ['length', 0.3048]],
  ['inch', ['length', 0.0254]],
  ['gram', ['mass', 0.001]],
  ['kilogram', ['mass', 1]],
  ['kg', ['mass', 1]],
  ['tonne', ['mass', 1000]],
  ['ton', ['mass', 1000]],
  ['pound', ['mass', 0.4536]],
  ['hectare', ['area', 10000]],
  ['acre', ['area', 4046.86]],
  ['square kilometre', ['area', 1e6]],
  ['square kilometer', ['area', 1e6]],
  ['square mile', ['area', 2.59e6]],
  ['kilometres per hour', ['speed', 1]],
  ['kilometers per hour', ['speed', 1]],
  ['km/h', ['speed', 1]],
  ['kph', ['speed', 1]],
  ['miles per hour', ['speed', 1.60934]],
  ['mph', ['speed', 1.60934]],
]);

export interface UnitClass {
  /** 'person', 'percent', 'money:USD', 'duration', a stemmed counted noun ('troop', 'website'), or '?' unknown. */
  cls: string;
  /** Multiplier to the class's base unit (durations in days, lengths in metres); 1 otherwise. */
  factor: number;
  /** True for physical measures, percentages and money (no predicate needed to read them, but a subject is). */
  measure: boolean;
}

/** Canonical class of a quantity unit ("soldiers" → troop, "workers" → person, "years" → duration ×365.25). */
export function unitClass(unit: string | null | undefined): UnitClass {
  if (typeof unit !== 'string' || !unit.trim()) return { cls: '?', factor: 1, measure: false };
  const raw = unit.trim();
  if (/^[A-Z]{3}$/.test(raw)) return { cls: `money:${raw}`, factor: 1, measure: true };
  const u = raw.toLowerCase();
  if (u === '%' || u === 'percent' || u === 'per cent' || u === 'percentage' || u === 'pct')
    return { cls: 'percent', factor: 1, measure: true };
  if (/^(?:percentage\s+)?points?$/.test(u) || u === 'basis points' || u === 'bps')
    return { cls: u.startsWith('basis') || u === 'bps' ? 'basis_point' : 'point', factor: 1, measure: true };
  const measure = MEASURES.get(u) ?? MEASURES.get(u.replace(/s$/, '')) ?? MEASURES.get(u.replace(/es$/, ''));
  if (measure) return { cls: measure[0], factor: measure[1], measure: true };
  const words = u
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map(stem);
  const whole = words.join(' ');
  const cls =
    UNIT_CLASS.get(whole) ?? UNIT_CLASS.get(words[words.length - 1] ?? '') ?? words[words.length - 1] ?? '?';
  return { cls: BLANK_UNITS.has(cls) ? '?' : cls, factor: 1, measure: false };
}

/** Words that never identify what is measured: function words, reporting verbs, hedges, numbers, change verbs. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but of in on at to for from by with as into onto over under than then that this these those there
  it its it's they them their theirs he him his she her hers we us our you your i me my who whom whose which what when
  where while why how is are was were be been being am has have had having do does did done will would shall should can
  could may might must not no nor also still already only just even all any each every both either neither some such
  other another more most less least much many few several said say says saying told tell tells reported report reports
  according added add adds stated state states announced announce confirmed confirm confirms corroborated claimed claim
  claims noted estimated estimate put cited citing quoted quoting described showed shows found find finds
  about around approximately roughly some nearly almost up down over under below above between more less fewer least
  most upwards close just exactly precisely only one two three four five six seven eight nine ten eleven twelve
  thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
  hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter third percent per
  cent percentage number numbers figure figures total totals count tally rate level amount
  year years month months week weeks day days today yesterday tomorrow morning afternoon evening night overnight
  hour hours minute minutes time times now since earlier later last first past previous next recent recently
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december
  rose rise risen rising rises fell fall fallen falling falls increased increase increases decreased decrease
  decreases higher lower high low declined decline declines climbed climb dropped drop drops slowed slow grew grow
  jumped jump surged surge plunged plunge gained gain lost lose went reached reach stood stand stands remained
  remain remains stayed stay came come get got make made making take took taken go going gone become became new
  people person persons`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/**
 * Content words found in news of every kind (institutions, places in general, reporting nouns): sharing one says
 * little about sharing a measure, so the word-overlap fallback weighs them half.
 */
export const COMMON_NEWS_WORDS: ReadonlySet<string> = new Set(
  `government official officials authority authorities ministry minister president country countries nation national
  state states city cities town region regional province provincial local area areas district capital public
  company companies firm group groups agency agencies office department service services report statement news
  world international country's centre center north south east west northern southern eastern western central
  policy plan plans program programme project market markets business data information system part parts
  major large small big latest official's member members union council committee board court police
  security case issue situation event events effort efforts support help work working worker workers family
  families home homes house school schools hospital health money fund funds price prices cost costs`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/** Qualifiers that make a figure a different measure ("target", "new cases", "a day", "average"). */
const QUALIFIER_WORDS: Readonly<Record<string, readonly string[]>> = {
  target: ['target', 'targets', 'goal', 'goals', 'aim', 'objective'],
  forecast: [
    'forecast',
    'forecasts',
    'projected',
    'projection',
    'projections',
    'expected',
    'expectations',
    'consensus',
  ],
  peak: [
    'peak',
    'peaked',
    'record high',
    'record low',
    'all-time high',
    'highest',
    'lowest',
    'maximum',
    'minimum',
    'max',
  ],
  average: ['average', 'averaged', 'mean', 'median'],
  // A poll measures what people say they will do, not what they did ("polls put her support at 44 percent"). Not
  // "survey": a price survey measures what happened.
  survey: ['poll', 'polls', 'polling', 'opinion poll'],
  limit: ['limit', 'cap', 'ceiling', 'threshold', 'quota'],
  new: ['new'],
  rate_daily: ['a day', 'per day', 'daily', 'each day', 'every day'],
  rate_weekly: ['a week', 'per week', 'weekly', 'each week', 'every week'],
  rate_hourly: ['an hour', 'per hour', 'hourly', 'each hour', 'every hour'],
  period_month: [
    'previous month',
    'month earlier',
    'month before',
    'month-on-month',
    'monthly',
    'on the month',
  ],
  period_year: [
    'year earlier',
    'past year',
    'previous year',
    'year-on-year',
    'annual',
    'annually',
    'year ago',
    'on the year',
    'last 12 months',
    'past 12 months',
  ],
  per_capita: ['per capita', 'per person', 'per head'],
};

export const QUALIFIER_PATTERNS: readonly FamilyPattern[] = Object.entries(QUALIFIER_WORDS).flatMap(
  ([family, list]) => list.map((e) => ({ family, words: e.split(/[\s-]+/).map(stem) })),
);

/** The month "May" (capitalised, not opening the text) is a date, not the modal verb: "died in May". */
export function maskMonthMay(text: string): string {
  return text.replace(/(\S[ \t]+)May\b/g, '$1Maymonth');
}

/**
 * Counted nouns that imply the predicate when the figure has none of its own ("a plane with 180 passengers" ~ "186
 * people on board"). Only used as a fallback, so "12 passengers were killed" stays a count of deaths.
 */
export const UNIT_IMPLIED_FAMILY: ReadonlyMap<string, string> = new Map(
  (
    [
      ['passenger', 'on_board'],
      ['crew', 'on_board'],
      ['evacuee', 'displacement'],
      ['detainee', 'arrest'],
      ['vote', 'election_win'],
      ['ballot', 'election_win'],
    ] as const
  ).map(([w, f]) => [stem(w), f]),
);

/** Future, planned or threatened (not yet happened): "would cut", "plans to send", "positions at risk". */
export const PROSPECTIVE =
  /\b(?:will|would|shall|'ll|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intended\s+to|aims?\s+to|expects?\s+to|expected\s+to|set\s+to|going\s+to|at\s+risk|threatened|could|may|might|proposed?\s+to|by\s+(?:year[-\s]end|the\s+end\s+of|end\s+of))\b/i;

/** An earlier, superseded figure ("initially reported seven dead"). */
export const SUPERSEDED =
  /\b(?:initially|originally|at\s+first|first\s+reported|earlier\s+(?:reported|said|put|gave|count|figure|toll|estimate)|(?:reported|said|put|gave)\s+earlier|previously|an\s+earlier|had\s+earlier|preliminary\s+count)\b/i;

/** Denial or negation of the stated fact. */
export const NEGATION =
  /\b(?:not(?!\s+(?:only|just|least|merely|\d))|never|no\s+longer|denied|denies|deny|denying|rejected|rejects|refuted|refutes|disputed|disputes|false|untrue)\b|n['’]t\b/i;

/** Words after a count that make it a part of a larger group ("Four of them", "11 of the injured"). */
export const PARTITIVE_AFTER =
  /^\s*(?:of\s+(?:the|them|its|their|those|these|whom|which|our|his|her|all)\b)/i;
/** Words before a count that make it a part of a larger group ("including 212 news sites"). */
export const PARTITIVE_BEFORE =
  /\b(?:including|includes|included|among\s+(?:them|whom|those)|of\s+(?:whom|which|those|them|these)\s*,?)\s*$/i;

/**
 * A named place the claim's event happened in ("in Selt province", "in the city of Rensk", "in neighbouring
 * Marova"). Only "in": "at the Rolt factory" names a site within the place, not another place.
 */
export const PLACE_PHRASE =
  /\b[Ii]n\s+(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central|coastal|rural)\s+)?(?:(?:city|town|village|province|region|district|state|county)\s+of\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)/g;

/** Words before a figure that make it a reference point ("fell to $312 million from $538 million"). */
export const REFERENCE_BEFORE =
  /\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|than|not|rather\s+than|instead\s+of)\s+(?:a\s+|an\s+|the\s+)?(?:(?:peak|high|low|level|total|figure|record)\s+of\s+)?$/i;

export const MONTH_NAMES = new Set([
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
export const WEEKDAYS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** Words that carry no identity in a source name ("a senior ministry official" ~ "ministry"). */
export const SOURCE_GENERIC = new Set(
  `a an the of for and official officials spokesman spokeswoman spokesperson representative representatives source
  sources senior person people familiar with matter plans talks said says who anonymous unnamed local national state
  spoke told condition anonymity`
    .split(/\s+/)
    .filter(Boolean),
);
