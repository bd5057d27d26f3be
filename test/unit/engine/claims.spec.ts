import {
  splitClaims,
  cleanClaimText,
  tokenize,
  tokenRun,
  tokensIn,
} from '../../../src/engine/claims/clause-splitter';
import { buildClaims, isNegated, type AnalysedSentence } from '../../../src/engine/claims/claim-builder';
import type { AttributionFrame } from '../../../src/engine/attribution';

/** Claim parts of a sentence: [span text, claim text]. */
function parts(sentence: string): { span: string; text: string; role: string }[] {
  return splitClaims(sentence, 0, sentence.length).map((p) => ({
    span: sentence.slice(p.start, p.end),
    text: p.text,
    role: p.role,
  }));
}

describe('clause splitting: one claim per discrete fact', () => {
  // [case, sentence, substrings that must each be covered by its own claim span]
  const splits: [string, string, string[]][] = [
    [
      'with-phrase carrying its own figure',
      'The army plans to deploy approximately 5,000 soldiers to the border by March, with about 1,200 already stationed.',
      [
        'plans to deploy approximately 5,000 soldiers to the border by March',
        'about 1,200 already stationed',
      ],
    ],
    [
      'gapped participle after "and"',
      'Twelve miners were killed and at least 20 injured when a tunnel collapsed in the north.',
      ['Twelve miners were killed', 'at least 20 injured'],
    ],
    [
      'coordinated verb phrases',
      'The virus has infected 230 people and killed 14 since January.',
      ['has infected 230 people', 'killed 14 since January'],
    ],
    [
      '"and" + auxiliary',
      'The summit marks the third meeting this year and is the first in Asia.',
      ['marks the third meeting this year', 'is the first in Asia'],
    ],
    [
      '"and that" content clauses',
      'The agency said 800 homes were destroyed, and that 3,000 people were evacuated.',
      ['800 homes were destroyed', '3,000 people were evacuated'],
    ],
    [
      'semicolon',
      'The bank raised rates; inflation had reached 9 percent in May.',
      ['The bank raised rates', 'inflation had reached 9 percent in May'],
    ],
    [
      'contrastive "while"',
      'Exports rose 4 percent in June, while imports fell 2 percent.',
      ['Exports rose 4 percent in June', 'imports fell 2 percent'],
    ],
    [
      '", and" + a clause with its own subject',
      'Wind gusts reached 90 km/h on Tuesday night, and temperatures stayed above 35C until Friday.',
      ['Wind gusts reached 90 km/h on Tuesday night', 'temperatures stayed above 35C until Friday'],
    ],
    [
      '"but" + clause',
      'The city asked for four buses but only two had arrived by noon.',
      ['The city asked for four buses', 'only two had arrived by noon'],
    ],
    [
      '"then" + verb',
      'The service first reported five dead, then raised the figure to nine.',
      ['first reported five dead', 'raised the figure to nine'],
    ],
    [
      'relative "which" clause with a figure',
      "The region's fishing fleet, which employs about 12,000 people, has shrunk by half in a decade.",
      ['which employs about 12,000 people', 'has shrunk by half in a decade'],
    ],
    [
      '"including" + figure',
      'Rebels seized 40 towns, including 6 provincial capitals.',
      ['Rebels seized 40 towns', 'including 6 provincial capitals'],
    ],
    [
      'partitive "of them"',
      'The storm damaged 900 buildings, about 150 of them beyond repair.',
      ['The storm damaged 900 buildings', 'about 150 of them beyond repair'],
    ],
    [
      'comparative tail',
      'The court awarded 10,000 dollars, far less than the 2 million dollars the family had sought.',
      ['awarded 10,000 dollars', 'the 2 million dollars the family had sought'],
    ],
    [
      'superlative appositive',
      'In May the firm cut 300 jobs, its largest round of layoffs since 2015.',
      ['In May the firm cut 300 jobs', 'its largest round of layoffs since 2015'],
    ],
    [
      'appositive with a figure',
      'The unions, a coalition of 9 federations, called the strike.',
      ['a coalition of 9 federations', 'called the strike'],
    ],
    [
      'participle with a figure',
      'The river burst its banks, flooding 30 villages downstream.',
      ['The river burst its banks', 'flooding 30 villages downstream'],
    ],
    [
      'gapping with a bare figure',
      'The Liberals won 40 seats and the Greens nine.',
      ['The Liberals won 40 seats', 'the Greens nine'],
    ],
    [
      'parallel figures',
      'We have 60 beds and more than 200 patients who need one.',
      ['We have 60 beds', 'more than 200 patients who need one'],
    ],
    [
      'subordinate clause with its own figure',
      'The firm will cut 900 jobs after its profit fell 30 percent last year.',
      ['will cut 900 jobs', 'its profit fell 30 percent last year'],
    ],
  ];
  it.each(splits)('%s', (_n, sentence, facts) => {
    // Each fact gets its own claim: the shortest unused claim span containing it (a one-to-one assignment).
    const ps = parts(sentence).sort((x, y) => x.span.length - y.span.length);
    const used = new Set<number>();
    for (const fact of facts) {
      const i = ps.findIndex((p, k) => !used.has(k) && p.span.includes(fact));
      expect(i).toBeGreaterThanOrEqual(0);
      used.add(i);
    }
    expect(ps.length).toBeGreaterThanOrEqual(facts.length);
  });

  const wholes: [string, string][] = [
    ['NP coordination', 'The minister met the prime ministers of Spain and Portugal on Friday.'],
    ['range', 'Officials put the cost at between 200 million and 250 million euros.'],
    ['change reference', 'Turnover stood at 3.1 billion euros, down from 3.4 billion euros a year earlier.'],
    ['relative clause without a figure', 'The talks focused on the treaty, which might be signed in spring.'],
    ['"when" clause', 'Four people drowned when their boat capsized near the harbour.'],
    [
      'year-only tail',
      'Wages fell 2 percent, the steepest drop since 2009.'.replace('steepest drop', 'drop'),
    ],
    ['participle without a figure', 'The coalition won 23 seats, giving it a majority.'],
    ['short clause coordination without comma', 'The march has ended and crowds are dispersing.'],
    [
      'prepositional tail with a distance',
      'The column has reached the square, around 3 kilometres from the start.',
    ],
    ['too short to split', 'Prices rose.'],
    [
      '", and" + a clause leaning on the first',
      'We opened 46 shelters overnight, and every one of them is full.',
    ],
    [
      '", and" + a first-person clause',
      'We are cooperating with investigators, and our thoughts are with the families.',
    ],
  ];
  it.each(wholes)('keeps %s together', (_n, sentence) => {
    const ps = parts(sentence);
    expect(ps).toHaveLength(1);
    expect(ps[0].text).toBe(sentence.replace(/\.$/, ''));
  });

  it.each([
    [
      'restores an elided unit',
      'The army sent 4,000 troops to the front, with about 1,500 already deployed.',
      'about 1,500 [troops] already deployed',
    ],
    [
      'restores an elided subject',
      'The outbreak has infected 230 people and killed 14 since January.',
      '[The outbreak] killed 14 since January',
    ],
    [
      'restores a relative antecedent',
      'The fleet, which employs 12,000 people, has shrunk.',
      '[The fleet] employs 12,000 people',
    ],
    [
      'drops the connective of a coordinate',
      'Exports rose 4 percent, while imports fell 2 percent.',
      'imports fell 2 percent',
    ],
  ])('claim text is self-contained: %s', (_n, sentence, text) => {
    expect(parts(sentence).map((p) => p.text)).toContain(text);
  });

  it('a head claim leaves its dependents out of its text but spans them', () => {
    const s = 'The fleet, which employs 12,000 people, has shrunk by half.';
    const head = parts(s).find((p) => p.role === 'head')!;
    expect(head.text).not.toContain('which employs');
    expect(head.text).toMatch(/^The fleet,? has shrunk by half$/);
    expect(head.span).toContain('which employs');
  });

  it('never cuts inside a quantity span passed as a lock', () => {
    const s = 'Officials estimated the toll at 10 and 20 people, police said.';
    const lock = { start: s.indexOf('10 and 20'), end: s.indexOf('10 and 20') + '10 and 20 people'.length };
    expect(splitClaims(s, 0, s.length, [lock])).toHaveLength(1);
  });

  it.each([
    ['  , and the rest.  ', 'and the rest'],
    ['Prices rose.', 'Prices rose'],
    ['multiple\n  spaces here;', 'multiple spaces here'],
  ])('cleanClaimText(%j)', (raw, clean) => {
    expect(cleanClaimText(raw)).toBe(clean);
  });
});

describe('claims from attribution frames', () => {
  const text =
    'The ministry said 412 people were infected, according to officials. Organizers, a group of 14 unions, said 9,000 people took part.';
  const s1 = text.indexOf('The');
  const e1 = text.indexOf('officials.') + 'officials.'.length;
  const s2 = text.indexOf('Organizers');
  const sentences: AnalysedSentence[] = [
    { start: s1, end: e1, text: text.slice(s1, e1), kind: 'content' },
    { start: s2, end: text.length, text: text.slice(s2), kind: 'content' },
  ];
  const span = (needle: string) => ({
    start: text.indexOf(needle),
    end: text.indexOf(needle) + needle.length,
  });
  const frames: AttributionFrame[][] = [
    [
      {
        content: [span('412 people were infected')],
        sources: [{ name: 'ministry', type: 'government', mention: span('The ministry') }],
        via: [],
        cue: span('said'),
        cueLemma: 'say',
        kind: 'indirect',
      },
    ],
    [
      {
        content: [span('9,000 people took part')],
        sources: [
          { name: 'Organizers', type: 'organization', mention: span('Organizers, a group of 14 unions,') },
        ],
        via: [],
        cue: span('said 9'),
        cueLemma: 'say',
        kind: 'indirect',
      },
    ],
  ];
  frames[1][0].cue = { start: text.lastIndexOf('said'), end: text.lastIndexOf('said') + 4 };

  const drafts = buildClaims(text, sentences, frames, []);
  const byText = (t: string) => drafts.find((d) => text.slice(d.start, d.end) === t);

  it('the claim span is the frame content: source and cue stay out', () => {
    const d = byText('412 people were infected');
    expect(d).toBeDefined();
    expect(d!.sources.map((s) => s.name)).toEqual(['ministry']);
    expect(d!.attributed).toBe(true);
  });

  it('a fact inside a source mention becomes the outlet’s own claim', () => {
    const d = byText('a group of 14 unions');
    expect(d).toBeDefined();
    expect(d!.sources).toEqual([]);
  });

  it('a sentence without frames is one outlet claim region', () => {
    const only = buildClaims(
      'Prices rose 3 percent in May.',
      [{ start: 0, end: 29, text: 'Prices rose 3 percent in May.', kind: 'content' }],
      [[]],
      [],
    );
    expect(only).toHaveLength(1);
    expect(only[0].sources).toEqual([]);
    expect(only[0].attributed).toBe(false);
  });

  it('headlines and captions are single claims marked as such', () => {
    const t = 'Storm hits coast';
    const d = buildClaims(t, [{ start: 0, end: t.length, text: t, kind: 'headline' }], [[]], []);
    expect(d).toHaveLength(1);
    expect(d[0].isHeadline).toBe(true);
  });

  it('marks text inside quotation marks', () => {
    const t = '\u201cWe opened 46 shelters,\u201d she said.';
    const d = buildClaims(t, [{ start: 0, end: t.length, text: t, kind: 'content' }], [[]], []);
    expect(d[0].inQuote).toBe(false); // the region starts at the quote mark itself
    const inner = buildClaims(
      t,
      [{ start: 0, end: t.length, text: t, kind: 'content' }],
      [
        [
          {
            content: [{ start: 1, end: 23 }],
            sources: [{ name: 'she', type: 'person' }],
            via: [],
            kind: 'direct_quote',
          },
        ],
      ],
      [],
    );
    expect(inner[0].inQuote).toBe(true);
  });
});

describe('negation', () => {
  it.each([
    ['Police have not confirmed any detentions', undefined, true],
    ["The firm didn't respond", undefined, true],
    ['The ministry denied the report', undefined, true],
    ['Officials never published the data', undefined, true],
    ['the factory was fined twice', 'deny', true],
    ['Prices rose 3 percent', 'say', false],
    ['Nothing changed', undefined, false],
  ])('%j (cue %s) → %s', (text, cue, negated) => {
    expect(isNegated(text, cue)).toBe(negated);
  });
});

describe("a sentence's tokens serve the ranges inside it", () => {
  // Every range [start, end) of the text, read from the sentence's run, gives what tokenizing it afresh gives, and
  // splits into the same parts, also where the range cuts a word, a number or a surrogate pair.
  it.each([
    ['plain words, numbers and punctuation', 'Police said 3,000 troops had been sent, about 1,200 of them.'],
    [
      'joined runs and a comma between letters',
      "U.S. officials, so-called \u201cexperts\u201d, and Seoul,Korea's 10,000 don\u2019t.",
    ],
    [
      'astral letters and symbols',
      'The \ud835\udc00\ud835\udc01 group \ud83d\ude00 counted 12 \ud840\udc00s, it said.',
    ],
    ['leading and trailing spaces', '  Rain fell; 40 homes were flooded and 12 people died.  '],
  ])('%s', (_case, text) => {
    const from = 1;
    const to = text.length - 1;
    const run = tokenRun(text, from, to);
    for (let start = from; start <= to; start++) {
      for (let end = start; end <= to; end++) {
        expect(tokensIn(text, start, end, run)).toEqual(tokenize(text, start, end));
        expect(splitClaims(text, start, end, [], undefined, run)).toEqual(splitClaims(text, start, end));
      }
    }
  });

  it('splitting a range with the run gives the parts of splitting it alone', () => {
    const text =
      'The agency said 14,200 people had left their homes and 3,100 homes were damaged, about 400 of them severely.';
    const run = tokenRun(text, 0, text.length);
    for (const [start, end] of [
      [0, text.length],
      [16, text.length],
      [16, 80],
      [17, 60],
    ])
      expect(splitClaims(text, start, end, [], undefined, run)).toEqual(splitClaims(text, start, end));
  });
});
