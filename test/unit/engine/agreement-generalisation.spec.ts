/**
 * Generalisation of the agreement logic to news it was not tuned on: short paragraphs written for this test (none
 * from the dev set), on varied topics, with the figures read by the real quantity extractor. Each paragraph lists
 * the relations that must be found; every other pair of differently-sourced claims must stay unrelated.
 */
import {
  compareClaims,
  relateClaims,
  stem,
  unitClass,
  type ComparableClaim,
} from '../../../src/engine/agreement';
import { extractQuantities } from '../../../src/engine/quantities';
import type { Quantity, QuantityBound } from '../../../src/engine/types';

function q(text: string, value: number | null, bound: QuantityBound, unit: string | null): Quantity {
  const kind = unit === 'percent' ? 'percent' : unit && /^[A-Z]{3}$/.test(unit) ? 'money' : 'count';
  return { start: 0, end: text.length, text, value, bound, unit, kind };
}

function claim(text: string, quantities: Quantity[], source: string): ComparableClaim {
  return { text, quantities, sources: source ? [{ name: source }] : [] };
}

type Expect = 'agree' | 'conflict' | null;

describe('stem (light lemmatiser)', () => {
  it.each([
    ['stolen', 'stole'],
    ['stole', 'steal'],
    ['casualties', 'casualty'],
    ['lives', 'life'],
    ['evacuated', 'evacuate'],
    ['injuries', 'injury'],
    ['shipments', 'shipment'],
  ])('%s ~ %s', (a, b) => expect(stem(a)).toBe(stem(b)));

  it.each([
    ['plane', 'plan'],
    ['died', 'dead'],
  ])('%s ≁ %s', (a, b) => expect(stem(a)).not.toBe(stem(b)));
});

describe('unitClass for populations and goods', () => {
  it.each([
    ['customers', 'person'],
    ['users', 'person'],
    ['passengers', 'person'],
    ['voters', 'person'],
    ['records', 'record'],
    ['accounts', 'account'],
    ['cars', 'vehicle'],
    ['handsets', 'phone'],
    ['units', '?'],
  ])('%s → %s', (unit, cls) => expect(unitClass(unit).cls).toBe(cls));
});

describe('compareClaims on measures stated as nouns, and on populations under other nouns', () => {
  const cases: Array<[string, ComparableClaim, ComparableClaim, Expect]> = [
    // (1) a toll stated as a noun phrase is the same measure as a count of people who died
    [
      'put the death toll at N ~ N people have died',
      claim('the governor put the death toll at 38', [q('38', 38, 'exact', null)], 'governor'),
      claim('at least 38 people have died', [q('at least 38', 38, 'at_least', 'people')], 'hospital'),
      'agree',
    ],
    [
      'the number of dead stood at N ~ N were killed',
      claim('the number of dead stood at 61', [q('61', 61, 'exact', null)], 'ministry'),
      claim('about 60 people were killed', [q('about 60', 60, 'approx', 'people')], 'red cross'),
      'agree',
    ],
    [
      'N fatalities vs N people died (disjoint)',
      claim('there were 12 fatalities', [q('12', 12, 'exact', 'fatalities')], 'police'),
      claim('17 people died in the crash', [q('17', 17, 'exact', 'people')], 'fire service'),
      'conflict',
    ],
    [
      'the toll rose to N ~ about N killed',
      claim('the toll rose to 41', [q('41', 41, 'exact', null)], 'officials'),
      claim('about 40 people were killed', [q('about 40', 40, 'approx', 'people')], 'witnesses'),
      'agree',
    ],
    [
      'casualty figure ~ killed',
      claim('the casualty figure reached 55', [q('55', 55, 'exact', null)], 'army'),
      claim('at least 50 people were killed', [q('at least 50', 50, 'at_least', 'people')], 'medics'),
      'agree',
    ],
    [
      'claimed the lives of N ~ N deaths',
      claim('the storm claimed the lives of 9 people', [q('9', 9, 'exact', 'people')], 'agency'),
      claim('officials recorded 14 deaths', [q('14', 14, 'exact', 'deaths')], 'mayor'),
      'conflict',
    ],
    [
      'N dead vs N injured: different measures',
      claim('the blast left 12 dead', [q('12', 12, 'exact', 'dead')], 'police'),
      claim('30 people were injured', [q('30', 30, 'exact', 'people')], 'hospital'),
      null,
    ],
    // (2) people counted under different nouns, the predicate making them one population
    [
      'data of N customers ~ records of N people stolen (disjoint)',
      claim(
        'hackers accessed the personal data of about 2.3 million customers',
        [q('about 2.3 million', 2300000, 'approx', 'customers')],
        'retailer',
      ),
      claim(
        'records of more than 3 million people were stolen',
        [q('more than 3 million', 3000000, 'at_least', 'people')],
        'researchers',
      ),
      'conflict',
    ],
    [
      'stolen accounts ~ users affected by the breach',
      claim(
        'the breach exposed 1.1 million user accounts',
        [q('1.1 million', 1100000, 'exact', 'accounts')],
        'regulator',
      ),
      claim(
        'data of roughly 1 million users was leaked',
        [q('roughly 1 million', 1000000, 'approx', 'users')],
        'company',
      ),
      'agree',
    ],
    [
      'residents evacuated ~ people evacuated',
      claim('4,100 residents were evacuated', [q('4,100', 4100, 'exact', 'residents')], 'firefighters'),
      claim(
        'roughly 4,000 people had been evacuated',
        [q('roughly 4,000', 4000, 'approx', 'people')],
        'civil protection',
      ),
      'agree',
    ],
    [
      'N passengers ~ N people on board (disjoint)',
      claim('the ferry had 312 passengers', [q('312', 312, 'exact', 'passengers')], 'coast guard'),
      claim('298 people were on board', [q('298', 298, 'exact', 'people')], 'operator'),
      'conflict',
    ],
    [
      'detained suspects ~ people arrested',
      claim('police detained 35 suspects', [q('35', 35, 'exact', 'suspects')], 'police'),
      claim(
        'about three dozen people were arrested',
        [q('about three dozen', 36, 'approx', 'people')],
        'lawyers',
      ),
      'agree',
    ],
    // common news events
    [
      'vaccinated vs inoculated',
      claim(
        'about 2 million children were vaccinated',
        [q('about 2 million', 2000000, 'approx', 'children')],
        'unicef',
      ),
      claim(
        '1.9 million children had been inoculated',
        [q('1.9 million', 1900000, 'exact', 'children')],
        'ministry',
      ),
      'agree',
    ],
    [
      'sold vs shipped units',
      claim('the company sold 4.2 million phones', [q('4.2 million', 4200000, 'exact', 'phones')], 'firm'),
      claim(
        'shipments reached about 3.1 million phones',
        [q('about 3.1 million', 3100000, 'approx', 'phones')],
        'analysts',
      ),
      'conflict',
    ],
    [
      'rescued vs pulled alive',
      claim('11 miners were rescued', [q('11', 11, 'exact', 'miners')], 'fire service'),
      claim('rescuers pulled 11 people alive from the shaft', [q('11', 11, 'exact', 'people')], 'union'),
      'agree',
    ],
    [
      'insured losses vs damage in money',
      claim(
        'the storm caused $2.1 billion in damage',
        [q('$2.1 billion', 2100000000, 'exact', 'USD')],
        'insurers association',
      ),
      claim(
        'insured losses of about $2 billion',
        [q('about $2 billion', 2000000000, 'approx', 'USD')],
        'reinsurer',
      ),
      'agree',
    ],
    [
      'turnout percent vs turnout percent',
      claim('turnout reached 61.2 percent', [q('61.2 percent', 61.2, 'exact', 'percent')], 'commission'),
      claim(
        'observers put turnout at about 61 percent',
        [q('about 61 percent', 61, 'approx', 'percent')],
        'observers',
      ),
      'agree',
    ],
    [
      'turnout vs share of the vote: different measures',
      claim('turnout reached 48 percent', [q('48 percent', 48, 'exact', 'percent')], 'commission'),
      claim(
        'the incumbent won 52 percent of the vote',
        [q('52 percent', 52, 'exact', 'percent')],
        'observers',
      ),
      null,
    ],
    [
      'people treated for injuries are a subgroup of the injured, not a count of them',
      claim('more than 300 people were injured', [q('more than 300', 300, 'at_least', 'people')], 'agency'),
      claim(
        'its teams treated roughly 250 injured people at field clinics',
        [q('roughly 250', 250, 'approx', 'people')],
        'Red Crescent',
      ),
      null,
    ],
    [
      'charged vs arrested: different measures',
      claim('14 people were charged', [q('14', 14, 'exact', 'people')], 'prosecutors'),
      claim('40 people were arrested', [q('40', 40, 'exact', 'people')], 'police'),
      null,
    ],
    // traps
    [
      'a plan vs a fact (same measure)',
      claim('the company will cut 800 jobs next year', [q('800', 800, 'exact', 'jobs')], 'company'),
      claim('the company laid off 1,400 workers', [q('1,400', 1400, 'exact', 'workers')], 'union'),
      null,
    ],
    [
      'a date in May is no modal',
      claim('27 people died in the floods in May', [q('27', 27, 'exact', 'people')], 'disaster agency'),
      claim('the floods killed 31 people', [q('31', 31, 'exact', 'people')], 'red cross'),
      'conflict',
    ],
    [
      'part vs whole: "Of those, N"',
      claim('Of those, 12 died in the city', [q('12', 12, 'exact', null)], 'mayor'),
      claim('floods killed 43 people', [q('43', 43, 'exact', 'people')], 'disaster agency'),
      null,
    ],
    [
      'different places named on both sides',
      claim(
        'in Marova province, 230 cases were confirmed',
        [q('230', 230, 'exact', 'cases')],
        'health officials',
      ),
      claim('in Selt province, 310 cases were confirmed', [q('310', 310, 'exact', 'cases')], 'ministry'),
      null,
    ],
    [
      'the same place named on both sides still compares',
      claim(
        '230 cases were confirmed in Marova province',
        [q('230', 230, 'exact', 'cases')],
        'health officials',
      ),
      claim('in Marova, 310 cases were confirmed', [q('310', 310, 'exact', 'cases')], 'ministry'),
      'conflict',
    ],
    [
      'different weekdays: two snapshots',
      claim('on Monday the toll stood at 20', [q('20', 20, 'exact', null)], 'agency'),
      claim('by Wednesday 35 people had died', [q('35', 35, 'exact', 'people')], 'red cross'),
      null,
    ],
    [
      'a denial of the same figure conflicts',
      claim('23 people were killed', [q('23', 23, 'exact', 'people')], 'activists'),
      claim('denied that 23 people had died', [q('23', 23, 'exact', 'people')], 'army'),
      'conflict',
    ],
    [
      'arrests over a breach are no count of its victims',
      claim('police arrested 5 people over the hack', [q('5', 5, 'exact', 'people')], 'police'),
      claim(
        'hackers stole the data of 5 million people',
        [q('5 million', 5000000, 'exact', 'people')],
        'company',
      ),
      null,
    ],
    [
      'bodies recovered by rescue teams ~ people died',
      claim('rescue teams recovered 11 bodies', [q('11', 11, 'exact', 'bodies')], 'civil defence'),
      claim('11 people died', [q('11', 11, 'exact', 'people')], 'hospital'),
      'agree',
    ],
    [
      'an aside between figure and predicate: "38 people, including 12 children, were killed"',
      claim(
        '38 people, including 12 children, were killed',
        [q('38', 38, 'exact', 'people'), q('12', 12, 'exact', 'children')],
        'police',
      ),
      claim('40 people died', [q('40', 40, 'exact', 'people')], 'hospital'),
      'conflict',
    ],
    [
      'the aside figure is a part: only the whole (38) compares with 12 dead',
      claim(
        '38 people, including 12 children, were killed',
        [q('38', 38, 'exact', 'people'), q('12', 12, 'exact', 'children')],
        'police',
      ),
      claim('12 people died', [q('12', 12, 'exact', 'people')], 'hospital'),
      'conflict',
    ],
    [
      'evacuated ~ moved to tents',
      claim(
        'more than 6,000 residents were evacuated',
        [q('more than 6,000', 6000, 'at_least', 'residents')],
        'civil protection',
      ),
      claim(
        'roughly 6,000 people had been moved to tents',
        [q('roughly 6,000', 6000, 'approx', 'people')],
        'aid groups',
      ),
      'agree',
    ],
    [
      'sold cars ~ vehicle sales',
      claim('the group sold 9.2 million cars', [q('9.2 million', 9200000, 'exact', 'cars')], 'group'),
      claim(
        'vehicle sales of about 9 million vehicles',
        [q('about 9 million', 9000000, 'approx', 'vehicles')],
        'analysts',
      ),
      'agree',
    ],
    [
      'shipped units ~ phones sold',
      claim('the firm shipped 58 million units', [q('58 million', 58000000, 'exact', 'units')], 'tracker'),
      claim('it sold 61 million phones', [q('61 million', 61000000, 'exact', 'phones')], 'company'),
      'conflict',
    ],
    [
      'no known predicate, same rare subject words: compares',
      claim(
        'the price of rice at wholesale markets rose 12 percent',
        [q('12 percent', 12, 'exact', 'percent')],
        'traders',
      ),
      claim('wholesale rice prices were up 9 percent', [q('9 percent', 9, 'exact', 'percent')], 'ministry'),
      'conflict',
    ],
    [
      'no known predicate, different subjects: no relation',
      claim('wholesale rice prices rose 12 percent', [q('12 percent', 12, 'exact', 'percent')], 'traders'),
      claim('diesel prices rose 9 percent', [q('9 percent', 9, 'exact', 'percent')], 'ministry'),
      null,
    ],
    [
      'two candidates, each with a share of the vote: different subjects',
      claim('Veldt won 52 percent of the vote', [q('52 percent', 52, 'exact', 'percent')], 'commission'),
      claim('Marsh won 41 percent of the vote', [q('41 percent', 41, 'exact', 'percent')], 'observers'),
      null,
    ],
    [
      'two companies cutting jobs: different subjects',
      claim('Ostmann has cut 900 jobs', [q('900', 900, 'exact', 'jobs')], 'analysts'),
      claim('Keltrix cut 1,200 jobs', [q('1,200', 1200, 'exact', 'jobs')], 'union'),
      null,
    ],
    [
      'the same company named on both sides still compares',
      claim('Keltrix cut 1,200 jobs', [q('1,200', 1200, 'exact', 'jobs')], 'union'),
      claim('Keltrix laid off about 1,250 workers', [q('about 1,250', 1250, 'approx', 'workers')], 'company'),
      'agree',
    ],
    [
      'a revised toll: the current figure compares, the earlier one is set aside',
      claim(
        'the toll rose to 38, up from an earlier count of 30',
        [q('38', 38, 'exact', null), q('30', 30, 'exact', null)],
        'governor',
      ),
      claim('at least 38 people were killed', [q('at least 38', 38, 'at_least', 'people')], 'hospital'),
      'agree',
    ],
    [
      'an earlier figure alone stays out',
      claim('officials initially reported 30 dead', [q('30', 30, 'exact', 'dead')], 'governor'),
      claim('at least 38 people were killed', [q('at least 38', 38, 'at_least', 'people')], 'hospital'),
      null,
    ],
    [
      'a poll vs the result',
      claim(
        'polls had put her support at between 44 and 48 percent',
        [{ ...q('between 44 and 48 percent', 44, 'range', 'percent'), high: 48 }],
        'pollster',
      ),
      claim(
        'Veldt won 52.4 percent of the vote',
        [q('52.4 percent', 52.4, 'exact', 'percent')],
        'commission',
      ),
      null,
    ],
    [
      'two polls compare',
      claim(
        'a poll put support for the plan at 45 percent',
        [q('45 percent', 45, 'exact', 'percent')],
        'newspaper',
      ),
      claim(
        'another poll put support for the plan at 61 percent',
        [q('61 percent', 61, 'exact', 'percent')],
        'institute',
      ),
      'conflict',
    ],
    [
      'votes received ~ votes won (the counted noun implies the predicate)',
      claim('Veldt received 12,400 votes', [q('12,400', 12400, 'exact', 'votes')], 'commission'),
      claim('Veldt won about 12,000 votes', [q('about 12,000', 12000, 'approx', 'votes')], 'campaign'),
      'agree',
    ],
    [
      'a price survey is a measurement, not a poll',
      claim(
        'its own survey showed food prices up about 15 percent',
        [q('about 15 percent', 15, 'approx', 'percent')],
        'consumer group',
      ),
      claim(
        'food prices were 11.2 percent higher',
        [q('11.2 percent', 11.2, 'exact', 'percent')],
        'statistics office',
      ),
      'conflict',
    ],
    [
      'no predicate, common news words only: no relation',
      claim('the government said 40 people', [q('40', 40, 'exact', 'people')], 'agency'),
      claim('the city said 55 people', [q('55', 55, 'exact', 'people')], 'mayor'),
      null,
    ],
  ];

  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(compareClaims(a, b).relation).toBe(expected);
    expect(compareClaims(b, a).relation).toBe(expected);
  });
});

interface ParagraphClaim {
  text: string;
  source: string;
}

interface Paragraph {
  topic: string;
  text: string;
  claims: ParagraphClaim[];
  /** Index pairs that must be related with the label; every other pair must not be. */
  relations: Array<[number, number, 'agree' | 'conflict']>;
}

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !/[.!?]/.test(text[e])) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

function paragraphClaims(p: Paragraph): ComparableClaim[] {
  const figures = extractQuantities(p.text);
  return p.claims.map((c) => {
    const at = p.text.indexOf(c.text);
    if (at < 0) throw new Error(`claim not in paragraph: ${c.text}`);
    const end = at + c.text.length;
    return {
      text: c.text,
      quantities: figures.filter((f) => f.start >= at && f.end <= end),
      sources: [{ name: c.source }],
      context: sentenceAround(p.text, at, end),
    };
  });
}

const PARAGRAPHS: Paragraph[] = [
  {
    topic: 'mine collapse: tolls stated as nouns and verbs',
    text:
      'Rescuers in the northern district of Velka said on Thursday that 27 miners had died after a tunnel ' +
      'collapsed. The regional governor put the death toll at 29, while a union representative said the number ' +
      'of dead stood at 27. Eleven miners were pulled alive from the shaft, the fire service said.',
    claims: [
      { text: '27 miners had died after a tunnel collapsed', source: 'rescuers' },
      { text: 'put the death toll at 29', source: 'regional governor' },
      { text: 'the number of dead stood at 27', source: 'union representative' },
      { text: 'Eleven miners were pulled alive from the shaft', source: 'fire service' },
    ],
    relations: [
      [0, 1, 'conflict'],
      [0, 2, 'agree'],
      [1, 2, 'conflict'],
    ],
  },
  {
    topic: 'data breach: customers, people and a planned notification',
    text:
      'The retailer Holmgate said hackers had accessed the personal data of about 2.3 million customers. ' +
      'Security researchers at Tallis Labs said records of more than 3 million people had been stolen. ' +
      'Holmgate said it would notify 500,000 account holders by post.',
    claims: [
      { text: 'hackers had accessed the personal data of about 2.3 million customers', source: 'Holmgate' },
      { text: 'records of more than 3 million people had been stolen', source: 'Tallis Labs' },
      { text: 'it would notify 500,000 account holders by post', source: 'Holmgate' },
    ],
    relations: [[0, 1, 'conflict']],
  },
  {
    topic: 'wildfire: residents and people evacuated, homes destroyed',
    text:
      'Firefighters said 4,100 residents were evacuated from hillside villages on Saturday. The civil ' +
      'protection agency said roughly 4,000 people had been evacuated. The mayor said 150 homes were destroyed.',
    claims: [
      { text: '4,100 residents were evacuated from hillside villages', source: 'firefighters' },
      { text: 'roughly 4,000 people had been evacuated', source: 'civil protection agency' },
      { text: '150 homes were destroyed', source: 'mayor' },
    ],
    relations: [[0, 1, 'agree']],
  },
  {
    topic: 'ferry: passengers vs people on board, injured apart',
    text:
      'The ferry had 312 passengers when it ran aground, the coast guard said. The operator said 298 people ' +
      'were on board. Police said 14 passengers were injured.',
    claims: [
      { text: 'The ferry had 312 passengers when it ran aground', source: 'coast guard' },
      { text: '298 people were on board', source: 'operator' },
      { text: '14 passengers were injured', source: 'police' },
    ],
    relations: [[0, 1, 'conflict']],
  },
  {
    topic: 'election: turnout agreed, share of the vote apart',
    text:
      'Turnout reached 61.2 percent, the electoral commission said. Observers from the Civic Watch group put ' +
      'turnout at about 61 percent. The incumbent won 48 percent of the vote, according to the commission.',
    claims: [
      { text: 'Turnout reached 61.2 percent', source: 'electoral commission' },
      { text: 'put turnout at about 61 percent', source: 'Civic Watch' },
      { text: 'The incumbent won 48 percent of the vote', source: 'the commission' },
    ],
    relations: [[0, 1, 'agree']],
  },
  {
    topic: 'layoffs: workers vs jobs, and a plan',
    text:
      'Dravo Motors said it laid off 1,400 workers last month. The metalworkers union said about 1,450 jobs had ' +
      'been cut. The company will cut a further 800 jobs next year, its chief executive said.',
    claims: [
      { text: 'it laid off 1,400 workers last month', source: 'Dravo Motors' },
      { text: 'about 1,450 jobs had been cut', source: 'metalworkers union' },
      { text: 'The company will cut a further 800 jobs next year', source: 'chief executive' },
    ],
    relations: [[0, 1, 'agree']],
  },
  {
    topic: 'floods: whole, part, and a later day',
    text:
      'Floods killed 43 people on Tuesday, the disaster agency said. Of those, 12 died in the city of Rensk, ' +
      'the mayor said. By Friday the toll had risen to 58, the Red Cross said.',
    claims: [
      { text: 'Floods killed 43 people on Tuesday', source: 'disaster agency' },
      { text: 'Of those, 12 died in the city of Rensk', source: 'mayor' },
      { text: 'By Friday the toll had risen to 58', source: 'Red Cross' },
    ],
    relations: [],
  },
  {
    topic: 'flights: grounded and cancelled, and crews "on the ground" that are no cancellation',
    text:
      'Airlines cancelled 300 flights on Monday, the aviation authority said. Airport staff said about 310 ' +
      'flights were grounded. The union said only 40 ground crew were working, supported by 12 volunteers.',
    claims: [
      { text: 'Airlines cancelled 300 flights on Monday', source: 'aviation authority' },
      { text: 'about 310 flights were grounded', source: 'Airport staff' },
      { text: 'only 40 ground crew were working, supported by 12 volunteers', source: 'union' },
    ],
    relations: [[0, 1, 'agree']],
  },
  {
    topic: 'mine collapse: a toll said earlier is no conflict with the current one',
    text:
      'The death toll has risen to nine, according to the regional health department. Police and hospital ' +
      'officials said earlier that seven miners had died.',
    claims: [
      { text: 'The death toll has risen to nine', source: 'regional health department' },
      { text: 'seven miners had died', source: 'Police' },
    ],
    relations: [],
  },
  {
    topic: 'outbreak: two provinces',
    text:
      'Health officials in Marova province reported 230 cholera cases. In neighbouring Selt province, the ' +
      'ministry said 310 cases had been confirmed.',
    claims: [
      { text: 'Health officials in Marova province reported 230 cholera cases', source: 'health officials' },
      {
        text: 'In neighbouring Selt province, the ministry said 310 cases had been confirmed',
        source: 'ministry',
      },
    ],
    relations: [],
  },
];

describe('relateClaims on paragraphs written for this test', () => {
  it.each(PARAGRAPHS.map((p) => [p.topic, p] as const))('%s', (_topic, p) => {
    const claims = paragraphClaims(p);
    const found = relateClaims(claims).map((r) => [r.a, r.b, r.relation]);
    expect(found.sort()).toEqual([...p.relations].sort());
  });

  it("across articles, the names of each article's opening place the event", () => {
    const fire: ComparableClaim = {
      text: 'Nineteen people were killed',
      quantities: [q('Nineteen', 19, 'exact', 'people')],
      sources: [{ name: 'police' }],
      context: 'Nineteen people were killed when fire swept through a garment factory, police said.',
      lead: 'Death toll in factory fire rises to 19\n\nBRANNOCK, Carvenia (Meridian Press Agency) — Nineteen people…',
    };
    const outbreak: ComparableClaim = {
      text: 'nine people had died',
      quantities: [q('nine', 9, 'exact', 'people')],
      sources: [{ name: 'health ministry' }],
      context: 'The health ministry said nine people had died.',
      lead: 'Cholera spreads in the south\n\nDORVAL, Estrana (Meridian Press Agency) — A cholera outbreak…',
    };
    const sameFire: ComparableClaim = {
      ...outbreak,
      context: 'The union said nine people had died.',
      lead: 'Union disputes fire toll\n\nBRANNOCK — The garment workers union said on Wednesday…',
    };
    // the wire credit and line-opening words ("Death", "Cholera", "Union") place nothing
    expect(compareClaims(fire, outbreak, { scope: 'corpus' }).method).toBe('different-event');
    expect(compareClaims(fire, sameFire, { scope: 'corpus' }).relation).toBe('conflict');
    // within one article the opening is not needed
    expect(compareClaims(fire, outbreak).relation).toBe('conflict');
  });

  it('relates the same toll across two articles only when they share a place', () => {
    const a: ComparableClaim = {
      text: 'put the death toll at 29',
      quantities: [q('29', 29, 'exact', null)],
      sources: [{ name: 'governor' }],
      context: 'The regional governor of Velka put the death toll at 29.',
    };
    const sameEvent: ComparableClaim = {
      text: '27 miners had died',
      quantities: [q('27', 27, 'exact', 'miners')],
      sources: [{ name: 'rescuers' }],
      context: 'Rescuers in Velka said 27 miners had died.',
    };
    const otherEvent: ComparableClaim = {
      ...sameEvent,
      context: 'Rescuers in Doroth said 27 miners had died.',
    };
    expect(compareClaims(a, sameEvent, { scope: 'corpus' }).relation).toBe('conflict');
    expect(compareClaims(a, otherEvent, { scope: 'corpus' }).relation).toBeNull();
  });
});
