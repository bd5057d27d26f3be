import {
  isWireCopy,
  wireOriginOf,
  wireText,
  WIRE_MIN_SHARED,
  type WireCandidate,
} from '../../../src/engine/wire';

describe('wireText', () => {
  it.each<[string, string, string | null]>([
    [
      'folds case, punctuation and quotes',
      'At least 200 homes were “flooded” in Kelptown, officials’ figures show.',
      'at least 200 homes were flooded in kelptown officials figures show',
    ],
    [
      'folds spacing and dashes',
      'At  least 200 homes  were flooded — in Kelptown',
      'at least 200 homes were flooded in kelptown',
    ],
    [
      'splits figures at their punctuation, the same way in every copy',
      'Prices rose 2.5% in March, the office said',
      'prices rose 2 5 in march the office said',
    ],
    ['is null for a short claim', 'Police said so.', null],
    ['is null for five words', 'The dam broke on Monday', null],
  ])('%s', (_label, text, expected) => {
    expect(wireText(text)).toBe(expected);
  });

  it('gives near-identical copies the same form', () => {
    expect(wireText('About 1,500 residents were moved to shelters, officials said.')).toBe(
      wireText('about 1,500 residents were moved to shelters - officials said'),
    );
  });
});

describe('isWireCopy', () => {
  it.each<[string, number, number, number, boolean]>([
    ['every claim shared', 3, 3, 3, true],
    ['most of the shorter article shared', 3, 4, 12, true],
    ['exactly the threshold (3 of 5)', 3, 5, 9, true],
    ['below the threshold (2 of 4)', 2, 4, 4, false],
    ['one shared claim is not enough, however short the article', 1, 1, 1, false],
    [`${WIRE_MIN_SHARED} shared of two-claim articles`, 2, 2, 7, true],
    ['nothing distinctive', 0, 0, 3, false],
  ])('%s', (_label, shared, own, other, expected) => {
    expect(isWireCopy(shared, own, other)).toBe(expected);
  });
});

describe('wireOriginOf', () => {
  const candidate = (over: Partial<WireCandidate>): WireCandidate => ({
    articleId: 'a',
    shared: 3,
    claims: 3,
    createdAt: '2026-11-27T10:00:00Z',
    wireOriginArticleId: null,
    ...over,
  });

  it('is null without a qualifying candidate', () => {
    expect(wireOriginOf(3, [])).toBeNull();
    expect(wireOriginOf(5, [candidate({ shared: 2, claims: 4 })])).toBeNull();
  });

  it('picks the earliest qualifying candidate', () => {
    expect(
      wireOriginOf(3, [
        candidate({ articleId: 'late', createdAt: '2026-11-27T12:00:00Z' }),
        candidate({ articleId: 'early', createdAt: '2026-11-27T09:00:00Z' }),
        candidate({ articleId: 'earliest-but-unrelated', createdAt: '2026-11-27T08:00:00Z', shared: 1 }),
      ]),
    ).toBe('early');
  });

  it('follows a copy to its group’s first article, so a group has one root', () => {
    expect(wireOriginOf(3, [candidate({ articleId: 'copy', wireOriginArticleId: 'root' })])).toBe('root');
  });

  it('breaks ties on the article id', () => {
    expect(wireOriginOf(3, [candidate({ articleId: 'b' }), candidate({ articleId: 'a' })])).toBe('a');
  });
});
