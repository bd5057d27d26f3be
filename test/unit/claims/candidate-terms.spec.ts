import { candidateTerms, candidateWindow, tsqueryOperand } from '../../../src/claims/candidate-terms';

const options = {
  maxDocuments: 200,
  maxTerms: 3,
  minLength: 3,
  maxPairDocuments: 2_000,
  maxPairShare: 0.02,
  maxPairTerms: 3,
};

describe('candidateTerms', () => {
  const documents = new Map([
    ['said', 60_000],
    ['peopl', 40_000],
    ['kill', 8_000],
    ['harbourton', 150],
    ['berg', 40],
    ['storm', 1_500],
    ['valley', 900],
    ['coast', 1_900],
  ]);
  const frequent = { rows: 100_000, documents };

  it('opens matches only on distinctive lexemes, rarest first, each paired with another lexeme of the claim', () => {
    const terms = candidateTerms(['said', 'peopl', 'kill', 'harbourton', '120', 'berg'], frequent, options);
    expect(terms.distinctive).toEqual(['120', 'berg', 'harbourton']);
    expect(terms.match).toBe(
      "('120' & ('berg' | 'harbourton' | 'kill' | 'peopl' | 'said')) | " +
        "('berg' & ('120' | 'harbourton' | 'kill' | 'peopl' | 'said')) | " +
        "('harbourton' & ('120' | 'berg' | 'kill' | 'peopl' | 'said'))",
    );
    expect(terms.rank).toBe("'120' | 'berg' | 'harbourton' | 'kill' | 'peopl' | 'said'");
    // The index scan opens on the distinctive lexemes alone; `match` is checked on what it returns.
    expect(terms.open).toBe("'120' | 'berg' | 'harbourton'");
  });

  it('keeps at most maxTerms distinctive lexemes (the rarest) and ignores short ones', () => {
    const terms = candidateTerms(['zeta', 'alpha', 'harbourton', 'berg', 'us', '12'], frequent, options);
    expect(terms.distinctive).toEqual(['alpha', 'zeta', 'berg']);
    expect(terms.rank).not.toContain("'us'");
  });

  it('pairs lexemes of middling frequency with each other, rarest first', () => {
    const terms = candidateTerms(['said', 'kill', 'storm', 'valley'], frequent, options);
    expect(terms.distinctive).toEqual([]);
    expect(terms.middling).toEqual(['valley', 'storm']);
    expect(terms.match).toBe("('valley' & 'storm')");
    expect(terms.open).toBe("('valley' & 'storm')");
    const one = candidateTerms(['said', 'kill', 'storm'], frequent, options);
    expect(one.match).toBeNull();
    // In a small corpus the same counts are a large share: those words are frequent there.
    expect(
      candidateTerms(['said', 'kill', 'storm', 'valley'], { rows: 20_000, documents }, options).match,
    ).toBeNull();
  });

  it('gives no query for a claim made only of frequent words, or with a single usable lexeme', () => {
    expect(candidateTerms(['said', 'peopl', 'kill'], frequent, options)).toMatchObject({
      match: null,
      open: null,
    });
    expect(candidateTerms(['harbourton', 'of'], frequent, options).match).toBeNull();
  });

  it('treats every lexeme as distinctive when the statistics know none (a table never analysed)', () => {
    expect(candidateTerms(['said', 'peopl'], { rows: 0, documents: new Map() }, options).distinctive).toEqual(
      ['peopl', 'said'],
    );
  });

  it('quotes lexemes as tsquery operands', () => {
    expect(tsqueryOperand("o'brien")).toBe("'o''brien'");
    expect(tsqueryOperand('a\\b')).toBe("'a\\\\b'");
  });
});

describe('candidateWindow', () => {
  const day = 24 * 3600 * 1000;
  const at = new Date('2026-03-15T12:00:00Z');
  it.each([
    [
      'a dated article, 365 days',
      at,
      365,
      { from: new Date(at.getTime() - 365 * day), to: new Date(at.getTime() + 365 * day) },
    ],
    [
      'a dated article, 1 day',
      at,
      1,
      { from: new Date('2026-03-14T12:00:00Z'), to: new Date('2026-03-16T12:00:00Z') },
    ],
    ['no publication date', null, 365, null],
    ['window 0 (off)', at, 0, null],
  ])('%s', (_case, publishedAt, days, expected) => {
    expect(candidateWindow(publishedAt, days)).toEqual(expected);
  });
});
