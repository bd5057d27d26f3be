/** Word lists for the quantity extractor. Plain data, built once at module load. */
import type { QuantityBound } from '../types';
import { MONTH_ABBREVIATIONS } from '../lexicon/month-abbreviations';

export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/** Scale words that may follow a figure ("1.2 million", "4.5bn"). "m", "b", "k" are handled apart (ambiguous). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
  ['bln', 1e9],
  ['mn', 1e6],
  ['mln', 1e6],
  ['tn', 1e12],
  ['trn', 1e12],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['mil', 1e6],
]);

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['hundredth', 100],
  ['thousandth', 1000],
  ['millionth', 1e6],
]);

export const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

/** Vague amounts: "dozens of", "thousands of". */
export const VAGUE_PLURALS = new Set([
  'dozens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'trillions',
  'scores',
  'tens',
]);
/** Words making a following scale vague: "several thousand", "a few hundred". */
export const VAGUE_DETERMINERS = new Set(['several', 'few', 'many', 'some']);

/** Multipliers as words: "twice" → 2 times. */
export const TIMES_WORDS: ReadonlyMap<string, number> = new Map([
  ['twice', 2],
  ['thrice', 3],
]);

/** Fractions used as amounts of a whole: "half of the votes" → 50 percent. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2],
  ['third', 1 / 3],
  ['thirds', 1 / 3],
  ['quarter', 1 / 4],
  ['quarters', 1 / 4],
  ['fourth', 1 / 4],
  ['fourths', 1 / 4],
  ['fifth', 1 / 5],
  ['fifths', 1 / 5],
  ['tenth', 1 / 10],
  ['tenths', 1 / 10],
]);

/** Hedge phrases before a figure, longest first when matched. */
export const HEDGES_BEFORE: ReadonlyArray<readonly [string[], QuantityBound]> = (
  [
    ['about', 'approx'],
    ['around', 'approx'],
    ['approximately', 'approx'],
    ['approx', 'approx'],
    ['roughly', 'approx'],
    ['some', 'approx'],
    ['circa', 'approx'],
    ['an estimated', 'approx'],
    ['estimated', 'approx'],
    ['an approximate', 'approx'],
    ['just about', 'approx'],
    ['more or less', 'approx'],
    ['in the region of', 'approx'],
    ['on the order of', 'approx'],
    ['somewhere around', 'approx'],
    ['~', 'approx'],
    ['at least', 'at_least'],
    ['more than', 'at_least'],
    ['over', 'at_least'],
    ['above', 'at_least'],
    ['upwards of', 'at_least'],
    ['upward of', 'at_least'],
    ['in excess of', 'at_least'],
    ['greater than', 'at_least'],
    ['higher than', 'at_least'],
    ['larger than', 'at_least'],
    ['no fewer than', 'at_least'],
    ['no less than', 'at_least'],
    ['not less than', 'at_least'],
    ['a minimum of', 'at_least'],
    ['at a minimum', 'at_least'],
    ['over than', 'at_least'],
    ['exceeding', 'at_least'],
    ['>', 'at_least'],
    ['up to', 'at_most'],
    ['nearly', 'at_most'],
    ['almost', 'at_most'],
    ['less than', 'at_most'],
    ['fewer than', 'at_most'],
    ['lower than', 'at_most'],
    ['under', 'at_most'],
    ['below', 'at_most'],
    ['no more than', 'at_most'],
    ['not more than', 'at_most'],
    ['at most', 'at_most'],
    ['at the most', 'at_most'],
    ['as many as', 'at_most'],
    ['as much as', 'at_most'],
    ['as high as', 'at_most'],
    ['close to', 'at_most'],
    ['closer to', 'approx'],
    ['a maximum of', 'at_most'],
    ['just shy of', 'at_most'],
    ['shy of', 'at_most'],
    ['short of', 'at_most'],
    ['<', 'at_most'],
  ] as Array<[string, QuantityBound]>
)
  .map(([phrase, bound]) => [phrase.split(' '), bound] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Words that can sit between a hedge and its figure without breaking it: "just over", "well above". */
export const HEDGE_INTENSIFIERS = new Set([
  'just',
  'well',
  'slightly',
  'a',
  'little',
  'far',
  'only',
  'still',
  'even',
]);

export const UP_WORDS = new Set(
  (
    'rose rise rises rising risen increased increase increases increasing grew grow grows growing grown gained gain gains ' +
    'gaining climbed climb climbs climbing jumped jump jumps jumping surged surge surges surging soared soar soars ' +
    'soaring rallied rally rallies rallying advanced advance advances advancing added adds adding up rebounded ' +
    'rebound rebounds spiked spike spikes boosted raised raise raises raising expanded expand expands hiked hike ' +
    'strengthened appreciated accelerated swelled ballooned skyrocketed leapt leaped'
  ).split(' '),
);

export const DOWN_WORDS = new Set(
  (
    'fell fall falls falling fallen dropped drop drops dropping declined decline declines declining decreased ' +
    'decrease decreases decreasing slid slide slides sliding slipped slip slips slipping lost lose loses losing ' +
    'plunged plunge plunges plunging plummeted plummet plummets plummeting tumbled tumble tumbles tumbling sank sink sinks ' +
    'sinking slumped slump slumps eased ease eases easing dipped dip dips retreated retreat shrank shrink shrinks ' +
    'shrunk contracted contract weakened depreciated down cut cuts cutting reduced reduce reduces lowered slowed ' +
    'crashed dived dove sagged skidded'
  ).split(' '),
);

/** Nouns after a figure that make it a change: "a 3% drop". */
export const UP_NOUNS = new Set([
  'increase',
  'rise',
  'gain',
  'jump',
  'surge',
  'growth',
  'hike',
  'boost',
  'climb',
  'rally',
]);
export const DOWN_NOUNS = new Set([
  'drop',
  'decline',
  'fall',
  'decrease',
  'cut',
  'reduction',
  'slump',
  'plunge',
  'loss',
  'slide',
]);

/** Words allowed between a change verb and its figure: "rose sharply by 3%", "fell a further 2%". */
export const CHANGE_FILLERS = new Set([
  'by',
  'a',
  'an',
  'another',
  'further',
  'about',
  'some',
  'nearly',
  'almost',
  'over',
  'just',
  'more',
  'than',
  'roughly',
  'around',
  'approximately',
  'at',
  'least',
  'as',
  'much',
  'many',
  'only',
  'still',
  'also',
  'again',
  'slightly',
  'sharply',
  'steeply',
  'by',
]);

export const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  ...MONTH_ABBREVIATIONS,
]);

/** Symbols before a figure. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
  ['₪', 'ILS'],
  ['฿', 'THB'],
  ['₴', 'UAH'],
  ['₫', 'VND'],
]);

/** Letters glued before "$": "US$", "A$", "HK$". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'],
  ['u.s.', 'USD'],
  ['a', 'AUD'],
  ['au', 'AUD'],
  ['c', 'CAD'],
  ['ca', 'CAD'],
  ['can', 'CAD'],
  ['hk', 'HKD'],
  ['s', 'SGD'],
  ['sg', 'SGD'],
  ['nz', 'NZD'],
  ['r', 'BRL'],
  ['nt', 'TWD'],
  ['mx', 'MXN'],
]);

/** Letter prefixes glued before a figure that name a currency ("RM79", "Rs 500"). */
export const CURRENCY_PREFIX_WORDS: ReadonlyMap<string, string> = new Map([
  ['RM', 'MYR'],
  ['Rs', 'INR'],
  ['Rp', 'IDR'],
  ['R', 'ZAR'],
  ['Sh', 'KES'],
  ['Ksh', 'KES'],
  ['Tk', 'BDT'],
]);

export const CURRENCY_CODES = new Set(
  (
    'USD EUR GBP JPY CNY RMB INR AUD CAD CHF HKD SGD NZD RUB BRL ZAR KRW MXN SEK NOK DKK PLN TRY NGN KES EGP AED SAR ' +
    'ILS THB IDR MYR PHP VND PKR BDT UAH CZK HUF RON ARS CLP COP PEN TWD QAR KWD GHS ETB MAD'
  ).split(' '),
);

/** Currency names after a figure ("25,000 euros"). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['rupee', 'INR'],
  ['rupees', 'INR'],
  ['rouble', 'RUB'],
  ['roubles', 'RUB'],
  ['ruble', 'RUB'],
  ['rubles', 'RUB'],
  ['peso', 'MXN'],
  ['pesos', 'MXN'],
  ['reais', 'BRL'],
  ['rand', 'ZAR'],
  ['lira', 'TRY'],
  ['liras', 'TRY'],
  ['naira', 'NGN'],
  ['shilling', 'KES'],
  ['shillings', 'KES'],
  ['dirham', 'AED'],
  ['dirhams', 'AED'],
  ['riyal', 'SAR'],
  ['riyals', 'SAR'],
  ['franc', 'CHF'],
  ['francs', 'CHF'],
  ['krona', 'SEK'],
  ['kronor', 'SEK'],
  ['krone', 'NOK'],
  ['kroner', 'NOK'],
  ['zloty', 'PLN'],
  ['zlotys', 'PLN'],
  ['forint', 'HUF'],
  ['baht', 'THB'],
  ['ringgit', 'MYR'],
  ['rupiah', 'IDR'],
  ['hryvnia', 'UAH'],
  ['hryvnias', 'UAH'],
  ['won', 'KRW'],
  ['shekel', 'ILS'],
  ['shekels', 'ILS'],
  ['crowns', 'DKK'],
  ['sterling', 'GBP'],
]);

/** Nationality before "dollars": "Australian dollars". */
export const DOLLAR_NATIONS: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'],
  ['american', 'USD'],
  ['australian', 'AUD'],
  ['canadian', 'CAD'],
  ['singapore', 'SGD'],
  ['hong', 'HKD'],
  ['zealand', 'NZD'],
  ['taiwan', 'TWD'],
  ['danish', 'DKK'],
  ['swedish', 'SEK'],
  ['norwegian', 'NOK'],
]);

/** Units of measure (kind 'measure'), as written → normalized form. Time spans included. */
export const MEASURE_UNITS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['second', 'seconds'],
      ['seconds', 'seconds'],
      ['minute', 'minutes'],
      ['minutes', 'minutes'],
      ['min', 'minutes'],
      ['mins', 'minutes'],
      ['hour', 'hours'],
      ['hours', 'hours'],
      ['hr', 'hours'],
      ['hrs', 'hours'],
      ['day', 'days'],
      ['days', 'days'],
      ['week', 'weeks'],
      ['weeks', 'weeks'],
      ['month', 'months'],
      ['months', 'months'],
      ['year', 'years'],
      ['years', 'years'],
      ['decade', 'decades'],
      ['decades', 'decades'],
      ['century', 'centuries'],
      ['centuries', 'centuries'],
      ['millimetre', 'millimetres'],
      ['millimetres', 'millimetres'],
      ['millimeter', 'millimeters'],
      ['millimeters', 'millimeters'],
      ['mm', 'mm'],
      ['centimetre', 'centimetres'],
      ['centimetres', 'centimetres'],
      ['centimeter', 'centimeters'],
      ['centimeters', 'centimeters'],
      ['cm', 'cm'],
      ['metre', 'metres'],
      ['metres', 'metres'],
      ['meter', 'meters'],
      ['meters', 'meters'],
      ['kilometre', 'kilometres'],
      ['kilometres', 'kilometres'],
      ['kilometer', 'kilometers'],
      ['kilometers', 'kilometers'],
      ['km', 'km'],
      ['kms', 'km'],
      ['mile', 'miles'],
      ['miles', 'miles'],
      ['yard', 'yards'],
      ['yards', 'yards'],
      ['foot', 'feet'],
      ['feet', 'feet'],
      ['ft', 'feet'],
      ['inch', 'inches'],
      ['inches', 'inches'],
      ['in', 'inches'],
      ['gram', 'grams'],
      ['grams', 'grams'],
      ['g', 'grams'],
      ['kilogram', 'kilograms'],
      ['kilograms', 'kilograms'],
      ['kilo', 'kilograms'],
      ['kilos', 'kilograms'],
      ['kg', 'kg'],
      ['kgs', 'kg'],
      ['tonne', 'tonnes'],
      ['tonnes', 'tonnes'],
      ['ton', 'tons'],
      ['tons', 'tons'],
      ['pound', 'pounds'],
      ['pounds', 'pounds'],
      ['lb', 'pounds'],
      ['lbs', 'pounds'],
      ['ounce', 'ounces'],
      ['ounces', 'ounces'],
      ['oz', 'ounces'],
      ['litre', 'litres'],
      ['litres', 'litres'],
      ['liter', 'liters'],
      ['liters', 'liters'],
      ['gallon', 'gallons'],
      ['gallons', 'gallons'],
      ['barrel', 'barrels'],
      ['barrels', 'barrels'],
      ['hectare', 'hectares'],
      ['hectares', 'hectares'],
      ['acre', 'acres'],
      ['acres', 'acres'],
      ['degree', 'degrees'],
      ['degrees', 'degrees'],
      ['mph', 'mph'],
      ['kph', 'km/h'],
      ['knots', 'knots'],
      ['mw', 'MW'],
      ['gw', 'GW'],
      ['kw', 'kW'],
      ['kwh', 'kWh'],
      ['mwh', 'MWh'],
      ['gwh', 'GWh'],
      ['watts', 'watts'],
      ['volts', 'volts'],
      ['hz', 'Hz'],
      ['ghz', 'GHz'],
      ['mhz', 'MHz'],
      ['gb', 'GB'],
      ['tb', 'TB'],
      ['mb', 'MB'],
      ['mah', 'mAh'],
      ['ppm', 'ppm'],
      ['ppb', 'ppb'],
      ['rpm', 'rpm'],
      ['hp', 'hp'],
      ['calories', 'calories'],
      ['bpd', 'barrels per day'],
      ['points', 'points'],
      ['basis', 'basis points'],
      ['bps', 'basis points'],
      ['cents', 'cents'],
      ['cent', 'cents'],
      ['pence', 'pence'],
      ['bhp', 'bhp'],
      ['ml', 'ml'],
      ['millilitres', 'millilitres'],
      ['milliliters', 'milliliters'],
      ['mg', 'mg'],
      ['milligrams', 'milligrams'],
      ['milligram', 'milligrams'],
      ['micrograms', 'micrograms'],
      ['mbps', 'Mbps'],
      ['gbps', 'Gbps'],
      ['khz', 'kHz'],
      ['kilohertz', 'kHz'],
      ['megawatt', 'megawatts'],
      ['megawatts', 'megawatts'],
      ['gigawatt', 'gigawatts'],
      ['gigawatts', 'gigawatts'],
      ['kilowatt', 'kilowatts'],
      ['kilowatts', 'kilowatts'],
      ['nanometer', 'nanometres'],
      ['nanometers', 'nanometres'],
      ['nanometre', 'nanometres'],
      ['nanometres', 'nanometres'],
      ['nm', 'nm'],
      ['deg', 'degrees'],
      ['degf', 'degrees fahrenheit'],
      ['degc', 'degrees celsius'],
      ['gigatonnes', 'gigatonnes'],
      ['gigatons', 'gigatons'],
      ['megatonnes', 'megatonnes'],
      ['decibels', 'decibels'],
      ['db', 'decibels'],
      ['mpg', 'mpg'],
      ['l', 'litres'],
      ['sqm', 'square metres'],
      ['sq', 'square'],
    ] as Array<[string, string]>
  ).map(([k, v]) => [k, v]),
);

/** Prefixes that make a two-word measure unit: "square kilometres", "cubic feet". */
export const MEASURE_PREFIXES = new Set(['square', 'cubic', 'sq', 'light']);

/** Words that end a noun phrase when looking for the counted noun. */
export const STOP_WORDS = new Set(
  (
    'the a an of in on at to for from by with and or but nor is are was were be been being had have has will would ' +
    'shall should can could may might must said says say that which who whom whose this these those than as per ' +
    'into onto over under about after before since until during while when where why how each every all both ' +
    'more most less least already also still just only even so too very not no yet again ago its their his her ' +
    'our your my it they them he she we you i there here then now if out up down off away back last next ' +
    'another such own same some any many much few several including include includes total altogether ' +
    'respectively apiece each per cent percent do does did get got across among against between through via ' +
    'because though although unless whether like near toward towards around within without upon'
  ).split(' '),
);

/** Adjectives dropped in front of the counted noun ("three largest customers" → "customers"). */
export const ADJECTIVE_WORDS = new Set(
  (
    'new old big small large largest biggest smallest major minor public private independent registered local ' +
    'foreign other additional extra further more fewer full part young older younger elderly senior junior ' +
    'innocent armed civilian unarmed critical serious separate different similar key top leading main former ' +
    'current existing remaining single double individual confirmed suspected reported possible potential ' +
    'active inactive known unknown missing dead injured wounded oral daily weekly monthly annual yearly ' +
    'high low higher lower average whole entire first last previous next'
  ).split(' '),
);

/** A figure followed or preceded by these counts people ("seven dead", "killed nine"). */
export const PEOPLE_STATES = new Set([
  'dead',
  'killed',
  'injured',
  'wounded',
  'hurt',
  'missing',
  'died',
  'drowned',
  'infected',
  'sickened',
  'hospitalised',
  'hospitalized',
  'arrested',
  'detained',
  'evacuated',
  'displaced',
  'homeless',
]);
export const PEOPLE_VERBS = new Set([
  'killed',
  'killing',
  'kills',
  'kill',
  'injured',
  'injuring',
  'injures',
  'wounded',
  'wounding',
  'infected',
  'infecting',
  'sickened',
  'arrested',
  'detained',
  'evacuated',
  'toll',
  'hospitalised',
  'hospitalized',
]);

/** Title-case words that do not make the following digits a label ("Section 427", "Model 3"). */
export const NON_LABEL_CAPITALS = new Set(
  (
    'about around approximately roughly some nearly almost over under at more less fewer up only just by in on of ' +
    'the and or to from for with some than as estimated an a since after before until between from through ' +
    'about total all just'
  ).split(' '),
);

export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  ...MONTH_ABBREVIATIONS,
  'u',
  's',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'inc',
  'corp',
  'co',
  'vs',
  'etc',
  'approx',
]);
