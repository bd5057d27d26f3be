import {
  givenNamesAgree,
  type MatchCandidate,
  matchKeys,
  matchSourceMention,
  nameTokens,
  sameAffiliation,
  type SourceMatch,
  surnameKey,
} from '../../../src/sources/source-matching';
import type { SourceKind } from '../../../src/sources/source.entity';

const src = (
  id: string,
  name: string,
  extra: Partial<Omit<MatchCandidate, 'id' | 'name'>> = {},
): MatchCandidate => ({ id, name, type: 'person', aliases: [], affiliation: null, ...extra });

const johnKirby = src('john', 'John Kirby', {
  aliases: ['National Security Communications Advisor John Kirby'],
  affiliation: 'White House',
});
const janeKirby = src('jane', 'Jane Kirby', { affiliation: 'Pentagon' });
const kirbyOnly = src('kirby', 'Kirby');
const kimMin = src('kim-min', 'Min Kim', { affiliation: 'Samsung' });
const kimJi = src('kim-ji', 'Ji Kim', { affiliation: 'LG' });
const merged = src('old', 'Jon Kirby', { mergedIntoId: 'john' });

interface Case {
  what: string;
  mention: { name: string; type?: SourceKind; affiliation?: string | null };
  candidates: MatchCandidate[];
  expected: Pick<SourceMatch, 'sourceId' | 'reason'>;
}

const cases: Case[] = [
  {
    what: 'a surname-only mention attaches to the only person of that last name',
    mention: { name: 'Kirby' },
    candidates: [johnKirby],
    expected: { sourceId: 'john', reason: 'surname' },
  },
  {
    what: 'a surname written in another case or with a possessive is the same key',
    mention: { name: "KIRBY's" },
    candidates: [johnKirby],
    expected: { sourceId: 'john', reason: 'surname' },
  },
  {
    what: 'the exact canonical name wins',
    mention: { name: 'John Kirby' },
    candidates: [johnKirby, janeKirby],
    expected: { sourceId: 'john', reason: 'exact-name' },
  },
  {
    what: 'a full name found as an alias of an earlier source',
    mention: { name: 'Johnny Kirby' },
    candidates: [src('jk', 'John Kirby', { aliases: ['Johnny Kirby'] }), janeKirby],
    expected: { sourceId: 'jk', reason: 'alias' },
  },
  {
    what: 'a non-person found by alias',
    mention: { name: 'OpenLine', type: 'organization' },
    candidates: [src('ol', 'OpenLine Rights Group', { type: 'organization', aliases: ['OpenLine'] })],
    expected: { sourceId: 'ol', reason: 'alias' },
  },
  {
    what: 'a non-person is never matched on a shared last word',
    mention: { name: 'Brannock Hospital', type: 'organization' },
    candidates: [src('bg', 'Brannock General Hospital', { type: 'organization' })],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'two people of that surname: ambiguous, no merge',
    mention: { name: 'Kirby' },
    candidates: [johnKirby, janeKirby],
    expected: { sourceId: null, reason: 'ambiguous' },
  },
  {
    what: 'two Kims: ambiguous',
    mention: { name: 'Kim' },
    candidates: [kimMin, kimJi],
    expected: { sourceId: null, reason: 'ambiguous' },
  },
  {
    what: 'two Kims, the mention names the affiliation of one',
    mention: { name: 'Kim', affiliation: 'Samsung Electronics' },
    candidates: [kimMin, kimJi],
    expected: { sourceId: 'kim-min', reason: 'affiliation' },
  },
  {
    what: 'the only person of that surname speaks for another organisation',
    mention: { name: 'Kim', affiliation: 'Hyundai' },
    candidates: [kimMin],
    expected: { sourceId: null, reason: 'affiliation-differs' },
  },
  {
    what: 'an affiliation written longer is the same affiliation',
    mention: { name: 'Kirby', affiliation: 'the White House press office' },
    candidates: [johnKirby],
    expected: { sourceId: 'john', reason: 'surname' },
  },
  {
    what: 'a full-name mention when the earlier source has only the surname',
    mention: { name: 'John Kirby' },
    candidates: [kirbyOnly],
    expected: { sourceId: 'kirby', reason: 'surname-only-source' },
  },
  {
    what: 'a full-name mention does not take a surname-only source when other people share the surname',
    mention: { name: 'John Kirby' },
    candidates: [kirbyOnly, janeKirby],
    expected: { sourceId: null, reason: 'ambiguous' },
  },
  {
    what: 'different given names are different people',
    mention: { name: 'Jane Kirby' },
    candidates: [johnKirby],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'an initial agrees with the given name',
    mention: { name: 'J. Kirby' },
    candidates: [johnKirby],
    expected: { sourceId: 'john', reason: 'full-name' },
  },
  {
    what: 'a middle initial does not stop the match',
    mention: { name: 'John F. Kirby' },
    candidates: [johnKirby, janeKirby],
    expected: { sourceId: 'john', reason: 'full-name' },
  },
  {
    what: 'an initial shared by two people is ambiguous',
    mention: { name: 'J. Kirby' },
    candidates: [johnKirby, janeKirby],
    expected: { sourceId: null, reason: 'ambiguous' },
  },
  {
    what: 'an initial shared by two people, one of another organisation',
    mention: { name: 'J. Kirby', affiliation: 'Pentagon' },
    candidates: [johnKirby, janeKirby],
    expected: { sourceId: 'jane', reason: 'full-name' },
  },
  {
    what: 'an initial shared by two people, told apart by affiliation',
    mention: { name: 'J. Kirby', affiliation: 'Pentagon' },
    candidates: [src('jk', 'John Kirby'), janeKirby],
    expected: { sourceId: 'jane', reason: 'affiliation' },
  },
  {
    what: 'anonymous mentions are never matched',
    mention: { name: 'a senior official', type: 'anonymous' },
    candidates: [src('anon', 'a senior official', { type: 'anonymous' })],
    expected: { sourceId: null, reason: 'anonymous' },
  },
  {
    what: 'a source of another type is not a candidate',
    mention: { name: 'Kirby' },
    candidates: [src('org', 'Kirby', { type: 'organization' })],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'a merged source is never a match itself',
    mention: { name: 'Jon Kirby' },
    candidates: [merged],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'a Korean name is not matched on its first token',
    mention: { name: 'Kim' },
    candidates: [src('kju', 'Kim Jong-un')],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'a surname alias still goes through the ambiguity check',
    mention: { name: 'Kirby' },
    candidates: [src('jk', 'John Kirby', { aliases: ['Kirby'] }), janeKirby],
    expected: { sourceId: null, reason: 'ambiguous' },
  },
  {
    what: 'a surname alias does not make a person with another given name fit a full-name mention',
    mention: { name: 'Paul Kirby' },
    candidates: [src('jk', 'John Kirby', { aliases: ['Kirby'] })],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
  {
    what: 'a hyphenated surname',
    mention: { name: 'Jean-Pierre' },
    candidates: [src('kjp', 'Karine Jean-Pierre')],
    expected: { sourceId: 'kjp', reason: 'full-name' },
  },
  {
    what: 'an empty name',
    mention: { name: ' — ' },
    candidates: [johnKirby],
    expected: { sourceId: null, reason: 'empty-name' },
  },
  {
    what: 'no candidates at all',
    mention: { name: 'Kirby' },
    candidates: [],
    expected: { sourceId: null, reason: 'no-candidate' },
  },
];

describe('matchSourceMention', () => {
  it.each(cases)('$what', ({ mention, candidates, expected }) => {
    const result = matchSourceMention({ type: 'person', ...mention }, candidates);
    expect({ sourceId: result.sourceId, reason: result.reason }).toEqual(expected);
  });

  it('names the candidates when ambiguous', () => {
    const result = matchSourceMention({ name: 'Kirby', type: 'person' }, [johnKirby, janeKirby]);
    expect(result).toEqual({ sourceId: null, reason: 'ambiguous', candidateIds: ['jane', 'john'] });
  });

  it('does not depend on the order of the candidates', () => {
    for (const c of cases) {
      const m = { type: 'person' as const, ...c.mention };
      const a = matchSourceMention(m, c.candidates);
      const b = matchSourceMention(m, [...c.candidates].reverse());
      expect(b).toEqual(a);
    }
  });
});

describe('source match helpers', () => {
  it.each([
    ['John Kirby', 'person', 'kirby'],
    ['Karine Jean-Pierre', 'person', 'pierre'],
    ['White House', 'government', null],
    ['', 'person', null],
  ] as const)('surnameKey(%j, %s) = %j', (name, type, key) => {
    expect(surnameKey(name, type)).toBe(key);
  });

  it('matchKeys holds the name and alias keys once each', () => {
    expect(matchKeys('John Kirby', ['Kirby', 'kirby', 'JOHN KIRBY', ''])).toEqual(['john kirby', 'kirby']);
  });

  it.each([
    [['john', 'kirby'], ['kirby'], true],
    [['john', 'kirby'], ['j', 'kirby'], true],
    [['john', 'kirby'], ['jane', 'kirby'], false],
    [['john', 'kirby'], ['john', 'smith'], false],
    [['advisor', 'john', 'kirby'], ['john', 'kirby'], true],
  ])('givenNamesAgree(%j, %j) = %s', (a, b, expected) => {
    expect(givenNamesAgree(a, b)).toBe(expected);
  });

  it.each([
    ['White House', 'the White House', true],
    ['Samsung', 'LG', false],
    ['Samsung', null, undefined],
  ])('sameAffiliation(%j, %j) = %j', (a, b, expected) => {
    expect(sameAffiliation(a, b)).toBe(expected);
  });

  it('nameTokens splits on punctuation', () => {
    expect(nameTokens('John F. Kirby')).toEqual(['john', 'f', 'kirby']);
  });
});
