import {
  compareClaims,
  describeQuantity,
  independentOrigins,
  quantityInterval,
  relateClaims,
  type ComparableClaim,
} from '../../../src/engine/agreement';
import type { Quantity, QuantityBound } from '../../../src/engine/types';

function q(
  text: string,
  value: number | null,
  bound: QuantityBound,
  unit: string | null,
  high?: number,
): Quantity {
  const kind = unit === 'percent' ? 'percent' : unit && /^[A-Z]{3}$/.test(unit) ? 'money' : 'count';
  return {
    start: 0,
    end: text.length,
    text,
    value,
    bound,
    unit,
    kind,
    ...(high !== undefined ? { high } : {}),
  };
}

function claim(
  text: string,
  quantities: Quantity[],
  sources: string[],
  extra: Partial<ComparableClaim> = {},
): ComparableClaim {
  return { text, quantities, sources: sources.map((name) => ({ name })), ...extra };
}

describe('quantityInterval', () => {
  const cases: Array<[string, Quantity, [number, number] | null]> = [
    ['exact integer', q('19', 19, 'exact', 'people'), [19, 19]],
    ['exact decimal widens to its rounding', q('6.8 percent', 6.8, 'exact', 'percent'), [6.75, 6.85]],
    ['approx ±10%', q('about 3,000', 3000, 'approx', 'troops'), [2700, 3300]],
    ['at_least is open above', q('at least 3,000', 3000, 'at_least', 'troops'), [3000, Infinity]],
    ['at_most "fewer than" runs from 0', q('fewer than 400', 400, 'at_most', 'websites'), [0, 400]],
    ['at_most "almost" stays close', q('almost a year', 1, 'at_most', 'years'), [0.9, 1]],
    ['at_most "nearly" stays close', q('nearly 1.8 million euros', 1.8e6, 'at_most', 'EUR'), [1.62e6, 1.8e6]],
    ['at_most of a negative runs from -∞', q('up to -5', -5, 'at_most', null), [-Infinity, -5]],
    ['range', q('between 17,000 and 21,000', 17000, 'range', 'people', 21000), [17000, 21000]],
    [
      'range given high first is ordered',
      q('21,000 to 17,000', 21000, 'range', 'people', 17000),
      [17000, 21000],
    ],
    ['range without high is a point', q('17,000', 17000, 'range', 'people'), [17000, 17000]],
    ['vague thousands', q('thousands', null, 'vague', 'troops'), [2000, 9999]],
    ['vague dozens', q('Dozens', null, 'vague', 'workers'), [24, 99]],
    ['vague hundreds', q('Hundreds', null, 'vague', 'residents'), [200, 999]],
    ['vague tens of thousands', q('Tens of thousands', null, 'vague', 'people'), [20000, 99999]],
    ['vague several thousand', q('Several thousand', null, 'vague', 'people'), [2000, 9999]],
    ['vague hundreds of thousands', q('hundreds of thousands', null, 'vague', 'people'), [200000, 999999]],
    ['vague without a scale word', q('many', null, 'vague', 'people'), null],
    ['exact without a value', q('some', null, 'exact', null), null],
    ['approx with NaN', q('about x', Number.NaN, 'approx', null), null],
  ];
  it.each(cases)('%s', (_name, quantity, expected) => {
    const interval = quantityInterval(quantity);
    if (expected === null) expect(interval).toBeNull();
    else {
      expect(interval).not.toBeNull();
      expect(interval!.low).toBeCloseTo(expected[0], 6);
      if (expected[1] === Infinity) expect(interval!.high).toBe(Infinity);
      else expect(interval!.high).toBeCloseTo(expected[1], 6);
    }
  });

  it('returns null for malformed input instead of throwing', () => {
    expect(quantityInterval(null as unknown as Quantity)).toBeNull();
    expect(quantityInterval({} as Quantity)).toBeNull();
    expect(quantityInterval({ bound: 'weird', value: 'x' } as unknown as Quantity)).toBeNull();
  });
});

describe('describeQuantity', () => {
  const cases: Array<[Quantity, string]> = [
    [q('about 3,000', 3000, 'approx', 'troops'), 'about 3,000 (2,700–3,300)'],
    [q('at least 3,000', 3000, 'at_least', 'troops'), 'at least 3,000 (3,000+)'],
    [q('fewer than 400', 400, 'at_most', 'websites'), 'fewer than 400 (up to 400)'],
    [q('thousands', null, 'vague', 'troops'), 'thousands (2,000–9,999)'],
    [q('Nineteen', 19, 'exact', 'people'), 'Nineteen (19)'],
    [q('45,000', 45000, 'exact', 'people'), '45,000'],
    [
      q('between 17,000 and 21,000', 17000, 'range', 'people', 21000),
      'between 17,000 and 21,000 (17,000–21,000)',
    ],
    [q('many', null, 'vague', 'people'), 'many'],
    [q('about 10 million euros', 1e7, 'approx', 'EUR'), 'about 10 million euros (9 million–11 million)'],
    [q('almost a year', 1, 'at_most', 'years'), 'almost a year (0.9–1)'],
  ];
  it.each(cases)('%j → %s', (quantity, expected) => {
    expect(describeQuantity(quantity)).toBe(expected);
  });
});

type Expect = 'agree' | 'conflict' | null;

describe('compareClaims', () => {
  const cases: Array<[string, ComparableClaim, ComparableClaim, Expect]> = [
    // agreement: overlapping intervals, same predicate, different sources
    [
      'about vs at least, same deployment',
      claim(
        'about 3,000 troops already dispatched',
        [q('about 3,000', 3000, 'approx', 'troops')],
        ['intelligence agency'],
      ),
      claim(
        'the movement of at least 3,000 troops to Russia',
        [q('at least 3,000', 3000, 'at_least', 'troops')],
        ['White House'],
      ),
      'agree',
    ],
    [
      'vague thousands vs about 3,000 (soldiers = troops)',
      claim('dispatched thousands of soldiers', [q('thousands', null, 'vague', 'soldiers')], ['Seoul']),
      claim(
        'about 3,000 troops already dispatched',
        [q('about 3,000', 3000, 'approx', 'troops')],
        ['intelligence agency'],
      ),
      'agree',
    ],
    [
      'about two dozen vs 23 detained',
      claim(
        'about two dozen people had been detained',
        [q('about two dozen', 24, 'approx', 'people')],
        ['interior minister'],
      ),
      claim(
        '23 people were arrested during the afternoon',
        [q('23', 23, 'exact', 'people')],
        ['city police'],
      ),
      'agree',
    ],
    [
      'at least 34 vs about three dozen injured',
      claim('at least 34 injured', [q('at least 34', 34, 'at_least', 'people')], ['hospital officials']),
      claim(
        'put the number of wounded at about three dozen',
        [q('about three dozen', 36, 'approx', 'people')],
        ['fire service'],
      ),
      'agree',
    ],
    [
      // A candidate and her party are one doer only through the sentence that names both.
      'more than half vs 52.4 percent of the vote',
      claim(
        'Veldt won the race with 52.4 percent of the vote',
        [q('52.4 percent', 52.4, 'exact', 'percent')],
        ['electoral commission'],
        { context: 'Hana Veldt of the Civic Alliance won the race with 52.4 percent of the vote.' },
      ),
      claim(
        'the Alliance had won more than half of the votes cast',
        [q('more than half', 50, 'at_least', 'percent')],
        ['campaign manager'],
      ),
      'agree',
    ],
    [
      'months vs years convert',
      claim(
        'the sites had been inaccessible for 11 months',
        [q('11 months', 11, 'exact', 'months')],
        ['court'],
      ),
      claim(
        'our clients were off the internet for almost a year',
        [q('almost a year', 1, 'at_most', 'years')],
        ['lawyer'],
      ),
      'agree',
    ],
    [
      'deaths noun vs people died',
      claim('the outbreak has caused nine deaths', [q('nine', 9, 'exact', 'deaths')], ['health ministry']),
      claim('nine people had died', [q('nine', 9, 'exact', 'people')], ['provincial health department']),
      'agree',
    ],
    [
      'laid off workers vs cut jobs',
      claim('the firm laid off about 500 workers', [q('about 500', 500, 'approx', 'workers')], ['union']),
      claim('the firm cut 520 jobs', [q('520', 520, 'exact', 'jobs')], ['company']),
      'agree',
    ],
    // conflict: disjoint intervals
    [
      '12 dead vs 15 dead',
      claim('12 people were killed in the attack', [q('12', 12, 'exact', 'people')], ['police']),
      claim('15 people died', [q('15', 15, 'exact', 'people')], ['hospital']),
      'conflict',
    ],
    [
      'people killed vs workers died',
      claim('Nineteen people were killed', [q('Nineteen', 19, 'exact', 'people')], ['police']),
      claim('at least 23 workers had died', [q('at least 23', 23, 'at_least', 'workers')], ['union']),
      'conflict',
    ],
    [
      'crowd sizes',
      claim('About 8,000 people took part', [q('About 8,000', 8000, 'approx', 'people')], ['police']),
      claim('45,000 people took part', [q('45,000', 45000, 'exact', 'people')], ['organizers']),
      'conflict',
    ],
    [
      'crowd size vs range',
      claim('About 8,000 people took part', [q('About 8,000', 8000, 'approx', 'people')], ['police']),
      claim(
        'between 17,000 and 21,000 people had joined the march',
        [q('between 17,000 and 21,000', 17000, 'range', 'people', 21000)],
        ['CrowdScope'],
      ),
      'conflict',
    ],
    [
      'turnout by subject word',
      claim(
        'Turnout was 41.3 percent',
        [q('41.3 percent', 41.3, 'exact', 'percent')],
        ['electoral commission'],
      ),
      claim(
        'turnout was roughly 37 percent',
        [q('roughly 37 percent', 37, 'approx', 'percent')],
        ['monitoring group'],
      ),
      'conflict',
    ],
    [
      'job cuts, both planned',
      claim('it would cut 1,200 jobs worldwide', [q('1,200', 1200, 'exact', 'jobs')], ['company']),
      claim(
        'the company planned to eliminate at least 1,800 jobs',
        [q('at least 1,800', 1800, 'at_least', 'jobs')],
        ['union'],
      ),
      'conflict',
    ],
    [
      'infected people vs cases',
      claim('has infected 412 people', [q('412', 412, 'exact', 'people')], ['health ministry']),
      claim(
        'it had recorded 530 cases as of Saturday evening',
        [q('530', 530, 'exact', 'cases')],
        ['provincial health department'],
      ),
      'conflict',
    ],
    [
      'food prices by subject words',
      claim(
        'Food prices were 11.2 percent higher than a year earlier',
        [q('11.2 percent', 11.2, 'exact', 'percent')],
        ['statistics office'],
      ),
      claim(
        'food prices up about 15 percent over the past year',
        [q('about 15 percent', 15, 'approx', 'percent')],
        ['consumers federation'],
      ),
      'conflict',
    ],
    // no relation: not the same fact
    [
      'killed vs injured',
      claim('19 people were killed', [q('19', 19, 'exact', 'people')], ['police']),
      claim('at least 34 people were injured', [q('at least 34', 34, 'at_least', 'people')], ['hospital']),
      null,
    ],
    [
      'same source twice (superseded snapshot)',
      claim('seven people dead', [q('seven', 7, 'exact', 'people')], ['fire service']),
      claim('the death toll rose to 15', [q('15', 15, 'exact', 'people')], ['regional fire service']),
      null,
    ],
    [
      'counted things differ (troops vs vehicles)',
      claim('dispatched 3,000 troops', [q('3,000', 3000, 'exact', 'troops')], ['Seoul']),
      claim('dispatched 500 vehicles', [q('500', 500, 'exact', 'vehicles')], ['Tokyo']),
      null,
    ],
    [
      'percent vs count',
      claim('turnout was 41 percent', [q('41 percent', 41, 'exact', 'percent')], ['commission']),
      claim('turnout was 61,204 voters', [q('61,204', 61204, 'exact', 'voters')], ['observers']),
      null,
    ],
    [
      'money in different currencies',
      claim('revenue of $4.5 billion', [q('$4.5 billion', 4.5e9, 'exact', 'USD')], ['company']),
      claim('revenue of 4.5 billion euros', [q('4.5 billion euros', 4.5e9, 'exact', 'EUR')], ['analysts']),
      null,
    ],
    [
      'plan vs done',
      claim(
        'North Korea plans to send approximately 10,000 troops by year-end',
        [q('approximately 10,000', 10000, 'approx', 'troops')],
        ['intelligence agency'],
      ),
      claim(
        'North Korea dispatched thousands of troops',
        [q('thousands', null, 'vague', 'troops')],
        ['Seoul'],
      ),
      null,
    ],
    [
      'earlier superseded figure',
      claim('initially reported seven dead', [q('seven', 7, 'exact', 'people')], ['fire service']),
      claim('Nineteen people were killed', [q('Nineteen', 19, 'exact', 'people')], ['police']),
      null,
    ],
    [
      'part of a group ("Four of them")',
      claim(
        'Four of them drowned when their car was swept off a bridge',
        [q('Four', 4, 'exact', 'people')],
        ['police'],
      ),
      claim('the death toll had risen to seven', [q('seven', 7, 'exact', 'people')], ['governor']),
      null,
    ],
    [
      'part at a place vs the whole',
      claim(
        '"around 700" positions at the plant were at risk',
        [q('around 700', 700, 'approx', 'positions')],
        ['works council'],
      ),
      claim('it would cut 1,200 jobs worldwide', [q('1,200', 1200, 'exact', 'jobs')], ['company']),
      null,
    ],
    [
      'inflation target vs inflation',
      claim(
        "the bank's target range for inflation is 3 to 5 percent",
        [q('3 to 5 percent', 3, 'range', 'percent', 5)],
        ['governor'],
      ),
      claim(
        'inflation was now below 7 percent',
        [q('below 7 percent', 7, 'at_most', 'percent')],
        ['finance minister'],
      ),
      null,
    ],
    [
      'new cases a day vs total cases',
      claim(
        'recording between 30 and 40 new cases a day',
        [q('between 30 and 40', 30, 'range', 'cases', 40)],
        ['doctor'],
      ),
      claim('it had recorded 530 cases', [q('530', 530, 'exact', 'cases')], ['health department']),
      null,
    ],
    [
      'analysts expected vs reported revenue',
      claim(
        'Analysts had on average expected revenue of $4.7 billion',
        [q('$4.7 billion', 4.7e9, 'exact', 'USD')],
        ['MarketLens'],
      ),
      claim(
        'Revenue declined 8 percent to $4.5 billion',
        [q('$4.5 billion', 4.5e9, 'exact', 'USD')],
        ['company'],
      ),
      null,
    ],
    [
      'monthly vs annual change',
      claim(
        'Prices rose 0.5 percent from the previous month',
        [q('0.5 percent', 0.5, 'exact', 'percent')],
        ['statistics office'],
      ),
      claim(
        'prices up about 15 percent over the past year',
        [q('about 15 percent', 15, 'approx', 'percent')],
        ['consumers federation'],
      ),
      null,
    ],
    [
      'a dated past event vs the current one',
      claim('A fire at a dye works in 2019 killed 31 people', [q('31', 31, 'exact', 'people')], ['union']),
      claim('Nineteen people were killed', [q('Nineteen', 19, 'exact', 'people')], ['police']),
      null,
    ],
    [
      '"since 2021" does not date the claim to another event',
      claim(
        'the factory had been fined twice since 2021',
        [q('twice', 2, 'exact', 'times')],
        ['labour minister'],
      ),
      claim('inspectors fined the factory two times', [q('two', 2, 'exact', 'times')], ['inspectorate']),
      'agree',
    ],
    [
      'different years',
      claim('the flood in 2014 killed 11 people', [q('11', 11, 'exact', 'people')], ['agency']),
      claim('the flood in 2021 killed 6 people', [q('6', 6, 'exact', 'people')], ['ministry']),
      null,
    ],
    [
      'a shared word is not the measured subject',
      claim(
        'Food makes up about 38 percent of the basket used to calculate the index',
        [q('about 38 percent', 38, 'approx', 'percent')],
        ['analyst'],
      ),
      claim(
        'Food prices were 11.2 percent higher than a year earlier',
        [q('11.2 percent', 11.2, 'exact', 'percent')],
        ['statistics office'],
      ),
      null,
    ],
    [
      'the three sites (entities already named) is no count',
      claim(
        'the three sites had been blocked for 11 months',
        [q('three', 3, 'exact', 'sites'), q('11 months', 11, 'exact', 'months')],
        ['court'],
      ),
      claim(
        'about 350 sites had been blocked under the law',
        [q('about 350', 350, 'approx', 'websites')],
        ['justice minister'],
      ),
      null,
    ],
    [
      'only one states a figure',
      claim('19 people were killed', [q('19', 19, 'exact', 'people')], ['police']),
      claim('people were killed in the fire', [], ['union']),
      null,
    ],
    [
      'via collapses into its origin (Kirby via Yonhap is Kirby)',
      claim(
        'about 3,000 troops were dispatched',
        [q('about 3,000', 3000, 'approx', 'troops')],
        ['John Kirby'],
        { via: [{ name: 'Yonhap' }] },
      ),
      claim('3,500 troops were dispatched', [q('3,500', 3500, 'exact', 'troops')], ['Kirby']),
      null,
    ],
    [
      'a police official is the police',
      claim('19 people were killed', [q('19', 19, 'exact', 'people')], ['police']),
      claim('21 people died', [q('21', 21, 'exact', 'people')], ['a police official']),
      null,
    ],
    [
      'different weekdays (possessive)',
      claim("five people were killed in Monday's attack", [q('five', 5, 'exact', 'people')], ['police']),
      claim("12 people were killed in Tuesday's attack", [q('12', 12, 'exact', 'people')], ['hospital']),
      null,
    ],
    [
      'last year vs this year',
      claim('the company cut 300 jobs last year', [q('300', 300, 'exact', 'jobs')], ['union']),
      claim('the company cut 450 jobs this year', [q('450', 450, 'exact', 'jobs')], ['company']),
      null,
    ],
    [
      'shot dead is a death',
      claim('police shot dead three protesters', [q('three', 3, 'exact', 'protesters')], ['rights group']),
      claim('three people were killed', [q('three', 3, 'exact', 'people')], ['police']),
      'agree',
    ],
    [
      'opposite directions of the same change',
      claim(
        'exports rose 3 percent',
        [{ ...q('3 percent', 3, 'exact', 'percent'), change: 'up' }],
        ['ministry'],
      ),
      claim(
        'exports fell 3 percent',
        [{ ...q('3 percent', 3, 'exact', 'percent'), change: 'down' }],
        ['chamber of commerce'],
      ),
      'conflict',
    ],
    [
      'a place locating the event does not split a death toll',
      claim(
        'Gunmen killed at least eight people at a market in Doro',
        [q('at least eight', 8, 'at_least', 'people')],
        ['police'],
      ),
      claim(
        '11 bodies had been brought to the morgue',
        [q('11', 11, 'exact', 'bodies')],
        ['hospital official'],
      ),
      'agree',
    ],
    [
      'a time phrase is no part ("in the second quarter")',
      claim(
        'The economy grew 2.1 percent in the second quarter',
        [q('2.1 percent', 2.1, 'exact', 'percent')],
        ['statistics agency'],
      ),
      claim(
        'growth was above 2 percent',
        [q('above 2 percent', 2, 'at_least', 'percent')],
        ['finance minister'],
      ),
      'agree',
    ],
    [
      'debt vs deficit',
      claim('public debt stood at 90 percent of GDP', [q('90 percent', 90, 'exact', 'percent')], ['IMF']),
      claim(
        'the deficit reached 4 percent of GDP',
        [q('4 percent', 4, 'exact', 'percent')],
        ['finance ministry'],
      ),
      null,
    ],
    // stance
    [
      'denial of the same figure',
      claim(
        'the ministry denied that 19 people were killed',
        [q('19', 19, 'exact', 'people')],
        ['health ministry'],
      ),
      claim('19 people were killed', [q('19', 19, 'exact', 'people')], ['police']),
      'conflict',
    ],
    [
      'the reference figure ("from 7.4 percent") is not the claim',
      claim(
        'inflation slowed to 6.8 percent in March from 7.4 percent in February',
        [q('6.8 percent', 6.8, 'exact', 'percent'), q('7.4 percent', 7.4, 'exact', 'percent')],
        ['statistics office'],
      ),
      claim(
        'inflation was now below 7 percent',
        [q('below 7 percent', 7, 'at_most', 'percent')],
        ['finance minister'],
      ),
      'agree',
    ],
    [
      'partitive part named the same way by both',
      claim(
        "about 700 of the cuts would fall on the company's plant in Dresko",
        [q('about 700', 700, 'approx', 'jobs')],
        ['a person familiar with the plans'],
      ),
      claim(
        '"around 700" positions at the plant were at risk',
        [q('around 700', 700, 'approx', 'positions')],
        ['works council'],
      ),
      'agree',
    ],
    // no figures
    [
      'paraphrase from two sources',
      claim(
        'the cabinet held an emergency meeting on Tuesday to discuss the ruling',
        [],
        ['government official'],
      ),
      claim('the cabinet held an emergency meeting on Tuesday about the ruling', [], ['Corvessan Post']),
      'agree',
    ],
    [
      'denied paraphrase',
      claim('the cabinet did not hold an emergency meeting on Tuesday', [], ['presidential office']),
      claim('the cabinet held an emergency meeting on Tuesday', [], ['government official']),
      'conflict',
    ],
    [
      'loosely related statements stay unrelated',
      claim('the justice ministry had begun drafting a replacement law', [], ['official']),
      claim('all blocking orders issued under the law had been lifted', [], ['spokeswoman']),
      null,
    ],
    [
      'outlet claim compared with a sourced claim',
      claim('Nineteen people were killed', [q('Nineteen', 19, 'exact', 'people')], []),
      claim('at least 23 workers had died', [q('at least 23', 23, 'at_least', 'workers')], ['union']),
      'conflict',
    ],
  ];

  it.each(cases)('%s', (_name, a, b, expected) => {
    const ab = compareClaims(a, b);
    const ba = compareClaims(b, a);
    expect(ab.relation).toBe(expected);
    expect(ba.relation).toBe(expected);
    if (expected) {
      expect(ab.sameFact).toBe(true);
      expect(ab.score).toBeGreaterThan(0);
      expect(ab.score).toBeLessThanOrEqual(1);
      expect(ab.explanation.length).toBeGreaterThan(10);
    }
  });

  it('explains an agreement with both intervals', () => {
    const r = compareClaims(cases[0][1], cases[0][2]);
    expect(r.method).toBe('quantity-interval');
    expect(r.explanation).toContain('about 3,000 (2,700–3,300) overlaps at least 3,000 (3,000+)');
  });

  it('explains a conflict with both figures', () => {
    const r = compareClaims(
      claim('12 people were killed', [q('12', 12, 'exact', 'people')], ['police']),
      claim('15 people died', [q('15', 15, 'exact', 'people')], ['hospital']),
    );
    expect(r.explanation).toBe('12 does not overlap 15 (deaths)');
  });

  it('reports the same fact from the same source without a relation', () => {
    const r = compareClaims(
      claim('seven people dead', [q('seven', 7, 'exact', 'people')], ['fire service']),
      claim('the death toll rose to 15', [q('15', 15, 'exact', 'people')], ['fire service']),
    );
    expect(r).toMatchObject({ sameFact: true, relation: null, method: 'same-source' });
  });

  it('across articles, relates figures only when the claims name a common place, body or person', () => {
    const brannock = claim(
      'Nineteen people were killed in the fire at the Harrow-Lint factory in Brannock',
      [q('Nineteen', 19, 'exact', 'people')],
      ['police'],
    );
    const union = claim(
      'at least 23 workers died in the Brannock blaze',
      [q('at least 23', 23, 'at_least', 'workers')],
      ['union'],
    );
    const elsewhere = claim(
      'A fire in Orsa Vale killed 31 people',
      [q('31', 31, 'exact', 'people')],
      ['fire service'],
    );
    const bare = claim(
      'at least 23 workers had died',
      [q('at least 23', 23, 'at_least', 'workers')],
      ['union'],
    );
    expect(compareClaims(brannock, union, { scope: 'corpus' }).relation).toBe('conflict');
    expect(compareClaims(brannock, elsewhere, { scope: 'corpus' })).toMatchObject({
      relation: null,
      method: 'different-event',
    });
    expect(compareClaims(brannock, bare, { scope: 'corpus' }).relation).toBeNull();
    expect(compareClaims(brannock, bare).relation).toBe('conflict');
    const withContext = { ...bare, context: 'In Brannock, at least 23 workers had died, the union said.' };
    expect(compareClaims(brannock, withContext, { scope: 'corpus' }).relation).toBe('conflict');
  });

  it("ignores a figure of the sentence that stands outside the claim's wording", () => {
    const sentence =
      'The agency said North Korea plans to send approximately 10,000 troops by year-end, with about 3,000 already dispatched.';
    const plan = claim(
      'North Korea plans to send approximately 10,000 troops by year-end',
      [q('approximately 10,000', 10000, 'approx', 'troops'), q('about 3,000', 3000, 'approx', 'troops')],
      ['intelligence agency'],
      { context: sentence },
    );
    const done = claim(
      'the movement of at least 3,000 troops',
      [q('at least 3,000', 3000, 'at_least', 'troops')],
      ['White House'],
    );
    expect(compareClaims(plan, done)).toMatchObject({ relation: null, method: 'modality' });
  });

  it('treats two spokespeople of one body as one origin', () => {
    const r = compareClaims(
      claim('the cabinet held an emergency meeting on Tuesday', [], ['government spokeswoman']),
      claim('the cabinet held an emergency meeting on Tuesday', [], ['a government official']),
    );
    expect(r.method).toBe('same-source');
    expect(r.relation).toBeNull();
  });

  it('uses the negated flag when given instead of reading the wording (claims without figures)', () => {
    const a = claim('the cabinet held an emergency meeting on Tuesday', [], ['presidential office'], {
      negated: true,
    });
    const b = claim('the cabinet held an emergency meeting on Tuesday', [], ['government official']);
    expect(compareClaims(a, b).relation).toBe('conflict');
    expect(compareClaims({ ...a, negated: false }, b).relation).toBe('agree');
  });

  it("reads a figure's denial and modality in the figure's own clause", () => {
    const union = claim(
      'the company planned to eliminate at least 1,800 jobs, not 1,200',
      [q('at least 1,800', 1800, 'at_least', 'jobs'), q('1,200', 1200, 'exact', 'jobs')],
      ['union'],
      { negated: true },
    );
    const company = claim(
      'it would cut 1,200 jobs worldwide',
      [q('1,200', 1200, 'exact', 'jobs')],
      ['company'],
    );
    expect(compareClaims(union, company)).toMatchObject({
      relation: 'conflict',
      method: 'quantity-interval',
    });
  });

  it('reads an elided subject from the optional sentence context', () => {
    const a = claim(
      'slowed to 6.8 percent in March',
      [q('6.8 percent', 6.8, 'exact', 'percent')],
      ['statistics office'],
    );
    const b = claim(
      'inflation was now below 7 percent',
      [q('below 7 percent', 7, 'at_most', 'percent')],
      ['minister'],
    );
    expect(compareClaims(a, b).relation).toBeNull();
    const withContext = {
      ...a,
      context: 'Annual inflation slowed to 6.8 percent in March, the office said.',
    };
    expect(compareClaims(withContext, b).relation).toBe('agree');
  });
});

describe('relateClaims', () => {
  const crowd = [
    claim('About 8,000 people took part', [q('About 8,000', 8000, 'approx', 'people')], ['police']),
    claim('45,000 people took part', [q('45,000', 45000, 'exact', 'people')], ['organizers']),
    claim(
      'about two dozen people had been detained',
      [q('about two dozen', 24, 'approx', 'people')],
      ['interior minister'],
    ),
    claim(
      'between 17,000 and 21,000 people had joined the march',
      [q('between 17,000 and 21,000', 17000, 'range', 'people', 21000)],
      ['CrowdScope'],
    ),
    claim('23 people were detained during the afternoon', [q('23', 23, 'exact', 'people')], ['police']),
    claim(
      'Several thousand people are already gathered',
      [q('Several thousand', null, 'vague', 'people')],
      [],
    ),
  ];

  it('relates every pair of different sources stating the same fact, a < b', () => {
    const rel = relateClaims(crowd).map((r) => [r.a, r.b, r.relation]);
    expect(rel).toEqual([
      [0, 1, 'conflict'],
      [0, 3, 'conflict'],
      [1, 3, 'conflict'],
      [2, 4, 'agree'],
    ]);
  });

  it('gives each relation a score and a plain-language explanation', () => {
    for (const r of relateClaims(crowd)) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.explanation).toMatch(/overlap/);
    }
  });

  it("leaves the outlet's own claims out unless asked", () => {
    expect(relateClaims(crowd).some((r) => r.a === 5 || r.b === 5)).toBe(false);
    const withOutlet = relateClaims(crowd, { includeUnsourced: true });
    expect(withOutlet.some((r) => r.b === 5 && r.a === 0 && r.relation === 'agree')).toBe(true);
  });

  it('skips claims marked not check-worthy', () => {
    const marked = crowd.map((c, i) => (i === 1 ? { ...c, checkworthy: false } : c));
    expect(relateClaims(marked).some((r) => r.a === 1 || r.b === 1)).toBe(false);
  });

  it('reads "put the figure at N" as the figure named just before', () => {
    const strike = [
      claim('12,000 employees joined the strike', [q('12,000', 12000, 'exact', 'employees')], ['union']),
      claim(
        'the company put the figure at about 4,500',
        [q('about 4,500', 4500, 'approx', null)],
        ['company'],
      ),
    ];
    expect(relateClaims(strike)).toMatchObject([{ a: 0, b: 1, relation: 'conflict' }]);
    expect(compareClaims(strike[0], strike[1]).relation).toBeNull();
  });

  it('does not read a revision ("raised the figure to 15") as a second estimate', () => {
    const fire = [
      claim('Nineteen people were killed', [q('Nineteen', 19, 'exact', 'people')], ['police']),
      claim('initially reported seven dead', [q('seven', 7, 'exact', 'people')], ['fire service']),
      claim('raised the figure to 15 in the afternoon', [q('15', 15, 'exact', 'people')], ['fire service']),
    ];
    expect(relateClaims(fire)).toEqual([]);
  });

  it('never relates two claims of the same source', () => {
    const snapshots = [
      claim('seven people were killed', [q('seven', 7, 'exact', 'people')], ['fire service']),
      claim('the death toll rose to 15', [q('15', 15, 'exact', 'people')], ['fire service']),
    ];
    expect(relateClaims(snapshots)).toEqual([]);
  });

  it('survives malformed input', () => {
    const junk = [
      null,
      {},
      { text: 42, quantities: 'x', sources: null },
      {
        text: 'x'.repeat(200000),
        quantities: [{ text: 'x', value: 1, bound: 'exact' }],
        sources: [{ name: 'a' }],
      },
      claim(
        '19 people were killed',
        [q('19', 19, 'exact', 'people'), null as unknown as Quantity],
        ['police'],
      ),
    ] as unknown as ComparableClaim[];
    expect(() => relateClaims(junk)).not.toThrow();
    expect(relateClaims(null as unknown as ComparableClaim[])).toEqual([]);
    expect(() => compareClaims(null as unknown as ComparableClaim, junk[3])).not.toThrow();
  });
});

describe('independentOrigins', () => {
  const cases: Array<[string, ComparableClaim, string[]]> = [
    [
      'a via relay collapses into its origin',
      claim('x', [], ['John Kirby'], { via: [{ name: 'Yonhap' }] }),
      ['john kirby'],
    ],
    [
      'a relay alone stands for the claim',
      claim('x', [], [], { via: [{ name: 'Yonhap News Agency' }] }),
      ['yonhap news agency'],
    ],
    ["the outlet's own claim has none", claim('x', [], []), []],
    [
      'two sources, titles and articles dropped',
      claim('x', [], ['the police', 'hospital officials']),
      ['police', 'hospital'],
    ],
  ];
  it.each(cases)('%s', (_name, c, expected) => {
    expect(independentOrigins(c)).toEqual(expected);
  });
});
