import { extractQuantities, quantityExtractionWork } from '../../../src/engine/quantities';
import type { Quantity, QuantityBound, QuantityKind } from '../../../src/engine/types';

interface Expect {
  /** The figure must be found overlapping this substring of the text. */
  at: string;
  value: number | null;
  bound?: QuantityBound;
  unit?: string | null;
  kind?: QuantityKind;
  change?: 'up' | 'down' | null;
  high?: number;
}

function findAt(text: string, at: string, qs: Quantity[]): Quantity | undefined {
  const start = text.indexOf(at);
  if (start < 0) throw new Error(`test anchor "${at}" not in "${text}"`);
  const end = start + at.length;
  return qs.find((q) => q.start < end && q.end > start);
}

const cases: Array<[string, Expect]> = [
  // Plain figures and number words
  [
    'The agency counted 3,000 ballots.',
    { at: '3,000', value: 3000, bound: 'exact', unit: 'ballots', kind: 'count' },
  ],
  ['A total of 1234567 parcels were shipped.', { at: '1234567', value: 1234567, unit: 'parcels' }],
  ['Nineteen miners were rescued.', { at: 'Nineteen', value: 19, unit: 'miners' }],
  ['The club signed twenty-five players.', { at: 'twenty-five', value: 25, unit: 'players' }],
  ['They planted ten thousand trees.', { at: 'ten thousand', value: 10000, unit: 'trees' }],
  ['Crews cleared two dozen roads.', { at: 'two dozen', value: 24, unit: 'roads' }],
  ['Officials expect a dozen lawsuits.', { at: 'a dozen', value: 12, unit: 'lawsuits' }],
  ['The town has two hundred and five shops.', { at: 'two hundred and five', value: 205, unit: 'shops' }],
  [
    'The port handled one and a half million containers.',
    { at: 'one and a half million', value: 1500000, unit: 'containers' },
  ],
  ['Inspectors visited half a dozen kitchens.', { at: 'half a dozen', value: 6, unit: 'kitchens' }],
  ['The region has 1.2 million residents.', { at: '1.2 million', value: 1200000, unit: 'residents' }],
  [
    'The tower is visited by 3 million tourists a year.',
    { at: '3 million', value: 3000000, unit: 'tourists' },
  ],
  ['The app reached 35m users in March.', { at: '35m', value: 35000000, unit: 'users' }],
  ['The bridge was closed twice this winter.', { at: 'twice', value: 2, unit: 'times' }],
  ['Output grew threefold after the upgrade.', { at: 'threefold', value: 3, unit: 'times' }],
  ['The batting average was .312 this season.', { at: '.312', value: 0.312 }],
  // Percentages
  ['Unemployment stood at 4.2% in May.', { at: '4.2%', value: 4.2, unit: 'percent', kind: 'percent' }],
  ['Turnout reached 61 percent.', { at: '61 percent', value: 61, unit: 'percent', kind: 'percent' }],
  ['Support was 48 per cent among older voters.', { at: '48 per cent', value: 48, unit: 'percent' }],
  [
    'The rate was cut by 0.25 percentage points.',
    { at: '0.25 percentage points', value: 0.25, unit: 'percentage points', kind: 'percent' },
  ],
  [
    'The bank raised rates by 75 basis points.',
    { at: '75 basis points', value: 75, unit: 'basis points', kind: 'measure' },
  ],
  [
    'More than half of the members voted yes.',
    { at: 'More than half', value: 50, bound: 'at_least', unit: 'percent' },
  ],
  ['Two-thirds of the stations reopened.', { at: 'Two-thirds', value: 66.666667, unit: 'percent' }],
  // Money
  ['The city borrowed $4.5 billion.', { at: '$4.5 billion', value: 4500000000, unit: 'USD', kind: 'money' }],
  ['The fine was €250,000.', { at: '€250,000', value: 250000, unit: 'EUR', kind: 'money' }],
  ['Tickets cost £12 each.', { at: '£12', value: 12, unit: 'GBP' }],
  ['The studio paid ¥3 billion for the rights.', { at: '¥3 billion', value: 3000000000, unit: 'JPY' }],
  ['The grant totals 40 million euros.', { at: '40 million euros', value: 40000000, unit: 'EUR' }],
  ['Each family receives 900 euro a month.', { at: '900 euro', value: 900, unit: 'EUR' }],
  ['The merger is worth $2.3bn.', { at: '$2.3bn', value: 2300000000, unit: 'USD' }],
  ['The club spent £80m on signings.', { at: '£80m', value: 80000000, unit: 'GBP' }],
  ['The deal is valued at 500 million yen.', { at: '500 million yen', value: 500000000, unit: 'JPY' }],
  ['Exports rose to 2 trillion won last year.', { at: '2 trillion won', value: 2000000000000, unit: 'KRW' }],
  ['The contract is worth A$1.2 billion.', { at: 'A$1.2 billion', value: 1200000000, unit: 'AUD' }],
  ['The company paid US$30 million in damages.', { at: 'US$30 million', value: 30000000, unit: 'USD' }],
  [
    'The mayor pledged 15 million Canadian dollars.',
    { at: '15 million Canadian dollars', value: 15000000, unit: 'CAD' },
  ],
  ['The farm sold for USD 2.1 million.', { at: 'USD 2.1 million', value: 2100000, unit: 'USD' }],
  ['Subsidies cost 3,000 rupees per household.', { at: '3,000 rupees', value: 3000, unit: 'INR' }],
  // Measures
  [
    'The storm dumped 250 millimetres of rain.',
    { at: '250 millimetres', value: 250, unit: 'millimetres', kind: 'measure' },
  ],
  [
    'Gusts hit 120 kilometres per hour.',
    { at: '120 kilometres per hour', value: 120, unit: 'kilometres per hour', kind: 'measure' },
  ],
  [
    'The queue lasted roughly six hours.',
    { at: 'roughly six hours', value: 6, bound: 'approx', unit: 'hours' },
  ],
  ['The line is 14 km long.', { at: '14 km', value: 14, unit: 'km' }],
  [
    'She waited almost a year for surgery.',
    { at: 'almost a year', value: 1, bound: 'at_most', unit: 'years' },
  ],
  ['The trial ran for 11 months.', { at: '11 months', value: 11, unit: 'months' }],
  ['The plant covers 40 hectares.', { at: '40 hectares', value: 40, unit: 'hectares' }],
  ['The engine makes 300bhp.', { at: '300bhp', value: 300, unit: 'bhp' }],
  ['The offence lost -5 yards on the drive.', { at: '-5 yards', value: -5, unit: 'yards' }],
  ['Temperatures fell to minus 12 degrees overnight.', { at: 'minus 12', value: -12 }],
  // Hedges
  [
    'Approximately 5,000 fans attended.',
    { at: 'Approximately 5,000', value: 5000, bound: 'approx', unit: 'fans' },
  ],
  ['The fire burned around 300 homes.', { at: 'around 300', value: 300, bound: 'approx', unit: 'homes' }],
  ['Some 80 vessels joined the search.', { at: 'Some 80', value: 80, bound: 'approx', unit: 'vessels' }],
  [
    'An estimated 12,000 people fled.',
    { at: 'An estimated 12,000', value: 12000, bound: 'approx', unit: 'people' },
  ],
  [
    'At least 14 climbers were stranded.',
    { at: 'At least 14', value: 14, bound: 'at_least', unit: 'climbers' },
  ],
  [
    'Police arrested more than 40 protesters.',
    { at: 'more than 40', value: 40, bound: 'at_least', unit: 'protesters' },
  ],
  ['Over 200 flights were cancelled.', { at: 'Over 200', value: 200, bound: 'at_least', unit: 'flights' }],
  ['Upwards of 1,000 workers walked out.', { at: 'Upwards of 1,000', value: 1000, bound: 'at_least' }],
  [
    'Damage is in excess of $5 million.',
    { at: 'in excess of $5 million', value: 5000000, bound: 'at_least', unit: 'USD' },
  ],
  ['The firm hired 10,000-plus engineers.', { at: '10,000-plus', value: 10000, bound: 'at_least' }],
  ['Residents of 50 or more villages were warned.', { at: '50 or more', value: 50, bound: 'at_least' }],
  ['Up to 30 centimetres of snow may fall.', { at: 'Up to 30', value: 30, bound: 'at_most' }],
  ['Nearly 9,000 voters signed.', { at: 'Nearly 9,000', value: 9000, bound: 'at_most', unit: 'voters' }],
  [
    'The number was closer to 9,000 people.',
    { at: 'closer to 9,000', value: 9000, bound: 'approx', unit: 'people' },
  ],
  [
    'Fewer than 20 lawmakers showed up.',
    { at: 'Fewer than 20', value: 20, bound: 'at_most', unit: 'lawmakers' },
  ],
  ['The loan must be less than $300.', { at: 'less than $300', value: 300, bound: 'at_most', unit: 'USD' }],
  [
    'Shares fell as much as 9 percent.',
    { at: 'as much as 9 percent', value: 9, bound: 'at_most', unit: 'percent' },
  ],
  ['Inflation is now below 3 percent.', { at: 'below 3 percent', value: 3, bound: 'at_most' }],
  ['Chips are made at sub-5 nanometre sizes.', { at: '5 nanometre', value: 5, bound: 'at_most' }],
  // Ranges
  ['The fee is between 10 and 12 dollars.', { at: '10 and 12', value: 10, high: 12, bound: 'range' }],
  [
    'Growth of 3 to 5 percent is expected.',
    { at: '3 to 5 percent', value: 3, high: 5, bound: 'range', unit: 'percent' },
  ],
  [
    'Repairs will cost $2 billion to $3 billion.',
    { at: '$2 billion to $3 billion', value: 2000000000, high: 3000000000, bound: 'range', unit: 'USD' },
  ],
  ['Expect 10-12 inches of snow.', { at: '10-12', value: 10, high: 12, bound: 'range' }],
  [
    'There were four to five thousand marchers.',
    { at: 'four to five thousand', value: 4000, high: 5000, bound: 'range', unit: 'marchers' },
  ],
  [
    'Between 200 million and 300 million euros was lost.',
    {
      at: '200 million and 300 million euros',
      value: 200000000,
      high: 300000000,
      bound: 'range',
      unit: 'EUR',
    },
  ],
  ['Prices range from $50 to $80 a night.', { at: '$50 to $80', value: 50, high: 80, bound: 'range' }],
  ['The pension age rises from 62 to 64.', { at: '62', value: 62, bound: 'exact' }],
  ['The pension age rises from 62 to 64.', { at: '64', value: 64, bound: 'exact' }],
  [
    'The work will take two or three days.',
    { at: 'two or three days', value: 2, high: 3, bound: 'range', unit: 'days' },
  ],
  // Shares of a whole
  [
    'Roughly one in four adults smokes.',
    { at: 'one in four', value: 25, bound: 'approx', unit: 'percent', kind: 'percent' },
  ],
  ['Only 3 out of 10 schools passed.', { at: '3 out of 10', value: 30, unit: 'percent' }],
  ['About 1/3 of the budget goes to salaries.', { at: '1/3', value: 33.333333, unit: 'percent' }],
  ['Add 1/2 cup of sugar.', { at: '1/2', value: 0.5 }],
  // Temperatures
  ['Madrid hit 44.1C on Monday.', { at: '44.1C', value: 44.1, unit: 'degrees celsius', kind: 'measure' }],
  ['The oven reached 450 °F.', { at: '450 °F', value: 450, unit: 'degrees fahrenheit' }],
  // Vague amounts
  [
    'The fraud cost tens of millions of dollars.',
    { at: 'tens of millions', value: null, bound: 'vague', unit: 'USD', kind: 'money' },
  ],
  ['Dozens of shops were looted.', { at: 'Dozens', value: null, bound: 'vague', unit: 'shops' }],
  ['Hundreds of volunteers came.', { at: 'Hundreds', value: null, bound: 'vague', unit: 'volunteers' }],
  [
    'Tens of thousands of fans cheered.',
    { at: 'Tens of thousands', value: null, bound: 'vague', unit: 'fans' },
  ],
  [
    'Several thousand farmers protested.',
    { at: 'Several thousand', value: null, bound: 'vague', unit: 'farmers' },
  ],
  ['Scores of birds died.', { at: 'Scores', value: null, bound: 'vague', unit: 'birds' }],
  // Changes
  ['Sales rose 0.3% in June.', { at: '0.3%', value: 0.3, change: 'up' }],
  ['Exports fell by 12 percent.', { at: '12 percent', value: 12, change: 'down' }],
  ['The index was up 5% at noon.', { at: '5%', value: 5, change: 'up' }],
  ['The stock closed down 2.5 percent.', { at: '2.5 percent', value: 2.5, change: 'down' }],
  ['Analysts saw a 3% drop in orders.', { at: '3%', value: 3, change: 'down' }],
  ['Rents were 7 percent higher than a year earlier.', { at: '7 percent', value: 7, change: null }],
  ['The index ended down 1.5% on Friday.', { at: '1.5%', value: 1.5, change: 'down' }],
  ['The firm gave up 40 points in a day.', { at: '40 points', value: 40, change: null }],
  ['The toll rose to 19 on Sunday.', { at: '19', value: 19, change: null, unit: 'people' }],
  ['Profit increased to $80 million from $60 million.', { at: '$60 million', value: 60000000, change: null }],
  ['The pill cut the risk of a stroke by 25 percent.', { at: '25 percent', value: 25, change: 'down' }],
  ['The firm cut 900 jobs in May.', { at: '900', value: 900, change: null, unit: 'jobs' }],
  ['The Dow +0.4% and the Nikkei gained.', { at: '+0.4%', value: 0.4, change: 'up' }],
  // Counted nouns
  ['Four of the nine judges dissented.', { at: 'Four', value: 4, unit: 'judges' }],
  ['Six of the hospital’s ten wards closed.', { at: 'Six', value: 6, unit: 'wards' }],
  ['Two of the city’s five polling stations opened late.', { at: 'Two', value: 2, unit: 'polling stations' }],
  ['Eight of the wounded were airlifted.', { at: 'Eight', value: 8, unit: 'people' }],
  ['The blast killed 12 and injured 30.', { at: '12', value: 12, unit: 'people' }],
  ['The fund employs 40 police officers.', { at: '40', value: 40, unit: 'police officers' }],
  [
    'The ministry sent 500 tents, with about 200 already delivered.',
    { at: 'about 200', value: 200, bound: 'approx', unit: 'tents' },
  ],
  [
    'The agency ordered three helicopters but only one arrived.',
    { at: 'one', value: 1, unit: 'helicopters' },
  ],
  ['The party won 31 of the 60 seats.', { at: '31', value: 31, unit: 'seats' }],
  ['The club lost 9 of its last 10 matches.', { at: '9', value: 9, unit: 'matches' }],
  ['The ward reported 12 deaths overnight.', { at: '12', value: 12, unit: 'deaths' }],
];

describe('extractQuantities', () => {
  it.each(cases)('%s → %j', (text, e) => {
    const qs = extractQuantities(text);
    const q = findAt(text, e.at, qs);
    expect(q).toBeDefined();
    if (!q) return;
    if (e.value === null) expect(q.value).toBeNull();
    else expect(q.value).toBeCloseTo(e.value, 4);
    if (e.bound) expect(q.bound).toBe(e.bound);
    if (e.unit !== undefined) expect(q.unit).toBe(e.unit);
    if (e.kind) expect(q.kind).toBe(e.kind);
    if (e.high !== undefined) expect(q.high).toBeCloseTo(e.high, 4);
    if (e.change !== undefined) expect(q.change ?? null).toBe(e.change);
    expect(q.text).toBe(text.slice(q.start, q.end));
  });

  const absent: Array<[string, string]> = [
    ['The law was passed in 2019 after a long debate.', '2019'],
    ['It finished third in the 22nd edition.', '22nd'],
    ['It finished third in the 22nd edition.', 'third'],
    ['The vote is on March 14 in the capital.', '14'],
    ['Polls close at 8 p.m. local time.', '8'],
    ['The meeting began at 10:30 on Monday.', '10:30'],
    ['They met at Gate 7 of the terminal.', '7'],
    ['The COVID-19 ward reopened.', '19'],
    ['No one was hurt in the crash.', 'one'],
    ['Rovers won the match 2-1 at home.', '2-1'],
    ['The six-speed gearbox is new.', 'six'],
    ['Stores are open 24/7 now.', '24/7'],
    ['The shop opened in the 1990s downtown.', '1990s'],
    ['See page 12 of the report.', '12'],
    ['A category 4 hurricane is approaching.', '4'],
    ['The office is at 221 Baker Street in London.', '221'],
    ['The bill passed 62-38 in the chamber.', '62-38'],
    ['The first iPhone 15 units shipped.', '15'],
    ['The team scored in the second half.', 'half'],
  ];
  it.each(absent)('%s has no quantity at "%s"', (text, at) => {
    expect(findAt(text, at, extractQuantities(text))).toBeUndefined();
  });

  it('returns ordinals and years only when asked', () => {
    const text = 'In 2019 the club finished 3rd for the second time.';
    const qs = extractQuantities(text, undefined, { ordinals: true, years: true });
    expect(qs.map((q) => [q.text, q.value, q.kind])).toEqual([
      ['2019', 2019, 'year'],
      ['3rd', 3, 'ordinal'],
      ['second', 2, 'ordinal'],
    ]);
  });

  it('returns quantities sorted by start, with offsets into the original text', () => {
    const text = 'About 40 people fled; 12 homes burned and $3 million was pledged.';
    const qs = extractQuantities(text);
    expect(qs.map((q) => q.text)).toEqual(['About 40', '12', '$3 million']);
    for (let i = 1; i < qs.length; i++) expect(qs[i].start).toBeGreaterThanOrEqual(qs[i - 1].end);
  });

  it('restricts the scan to the given range', () => {
    const text = 'First 10 apples. Then 20 pears. Finally 30 plums.';
    const start = text.indexOf('Then');
    const qs = extractQuantities(text, { start, end: text.indexOf('Finally') });
    expect(qs.map((q) => q.value)).toEqual([20]);
    expect(qs[0].start).toBe(text.indexOf('20'));
  });

  describe('robustness', () => {
    it('handles empty and whitespace input', () => {
      expect(extractQuantities('')).toEqual([]);
      expect(extractQuantities('   \n\t ')).toEqual([]);
    });

    it('does not throw on binary garbage', () => {
      let s = '';
      for (let i = 0; i < 50_000; i++) s += String.fromCharCode((i * 2654435761) % 65536);
      expect(() => extractQuantities(s)).not.toThrow();
    });

    it('does not throw on 200 KB of digits, or on text without spaces', () => {
      expect(() => extractQuantities('1234567890'.repeat(20_000))).not.toThrow();
      expect(() => extractQuantities('a1,b2.c3$4%'.repeat(20_000))).not.toThrow();
      expect(() => extractQuantities('one hundred and '.repeat(10_000))).not.toThrow();
    });

    it('tolerates ranges outside the text', () => {
      expect(extractQuantities('Only 5 left.', { start: -10, end: 1000 }).map((q) => q.value)).toEqual([5]);
      expect(extractQuantities('Only 5 left.', { start: 8, end: 2 })).toEqual([]);
    });
  });

  describe('linear cost', () => {
    const unit =
      'About 3,000 troops were sent, up 5% from March; between 10 and 12 ships and dozens of planes followed. ' +
      'Revenue fell 8 percent to $4.5 billion, while nearly two dozen plants closed in 2019. ';
    const inputs: Array<[string, string]> = [
      ['news-like text', unit],
      ['digits', '1234567890'],
      ['number words', 'one hundred and twenty '],
      ['symbols', '$%-+/.,'],
      ['hedges', 'at least more than about '],
    ];
    it.each(inputs)('work on %s doubles when the input doubles', (_name, piece) => {
      const size = (n: number): number => {
        extractQuantities(piece.repeat(n));
        return quantityExtractionWork();
      };
      const a = size(2000);
      const b = size(4000);
      expect(a).toBeGreaterThan(0);
      expect(b / a).toBeGreaterThan(1.8);
      expect(b / a).toBeLessThan(2.2);
    });
  });
});
