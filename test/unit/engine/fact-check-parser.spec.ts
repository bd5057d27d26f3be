import {
  matchFactCheck,
  MAX_CLAIM_REVIEWED_CHARS,
  parseFactCheckDocument,
  verdictFromRating,
  type FactCheckParseResult,
} from '../../../src/engine/fact-checks';

/** A minimal valid schema.org ClaimReview, with overrides. */
function claimReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://factcheck.example.org/reviews/harbour-bridge',
    claimReviewed: 'The harbour bridge in Westport will close for two years.',
    datePublished: '2024-03-05',
    author: { '@type': 'Organization', name: 'Example Checks', url: 'https://www.factcheck.example.org' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'A council candidate' },
      datePublished: '2024-03-01',
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Mostly false',
    },
    ...overrides,
  };
}

function googleResponse(claims: unknown[]): Record<string, unknown> {
  return { claims, nextPageToken: 'abc' };
}

const googleClaim = (overrides: Record<string, unknown> = {}, review: Record<string, unknown> = {}) => ({
  text: 'Westport will ban cars from the city centre next month.',
  claimant: 'Viral post',
  claimDate: '2024-02-27T00:00:00Z',
  claimReview: [
    {
      publisher: { name: 'Checkers Weekly', site: 'checkers.example.com' },
      url: 'https://checkers.example.com/westport-cars',
      title: 'No, Westport is not banning cars',
      reviewDate: '2024-02-29T10:00:00Z',
      textualRating: 'False',
      languageCode: 'en',
      ...review,
    },
  ],
  ...overrides,
});

function ok(result: FactCheckParseResult) {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`);
  return result;
}

describe('parseFactCheckDocument: documents of either shape', () => {
  const cases: Array<{
    name: string;
    doc: unknown;
    format: 'claimreview' | 'google-factcheck';
    records: number;
    errors: Array<{ index: number; match: RegExp }>;
  }> = [
    {
      name: 'a single ClaimReview object',
      doc: claimReview(),
      format: 'claimreview',
      records: 1,
      errors: [],
    },
    {
      name: 'an array of ClaimReviews',
      doc: [claimReview(), claimReview({ url: 'https://factcheck.example.org/2' })],
      format: 'claimreview',
      records: 2,
      errors: [],
    },
    {
      name: 'a @graph with a ClaimReview and context nodes (skipped)',
      doc: {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', name: 'Example Checks' },
          claimReview(),
          { '@type': 'WebPage' },
        ],
      },
      format: 'claimreview',
      records: 1,
      errors: [],
    },
    {
      name: 'an array of graphs (flattened)',
      doc: [{ '@graph': [claimReview()] }, { '@graph': [claimReview({ url: 'https://x.example/2' })] }],
      format: 'claimreview',
      records: 2,
      errors: [],
    },
    {
      name: 'prefixed and array @type values',
      doc: [
        claimReview({ '@type': 'schema:ClaimReview' }),
        claimReview({ '@type': ['http://schema.org/ClaimReview'], url: 'https://x.example/3' }),
        claimReview({ '@type': ['Review', 'ClaimReview'], url: 'https://x.example/4' }),
      ],
      format: 'claimreview',
      records: 3,
      errors: [],
    },
    {
      name: '3 records, 1 without claimReviewed',
      doc: [
        claimReview(),
        claimReview({ claimReviewed: undefined }),
        claimReview({ url: 'https://x.example/5' }),
      ],
      format: 'claimreview',
      records: 2,
      errors: [{ index: 1, match: /claimReviewed is missing/ }],
    },
    {
      name: 'malformed records of many kinds, each reported at its index',
      doc: [
        claimReview({ url: 'not a url' }),
        claimReview({ url: 'ftp://x.example/a' }),
        claimReview({ url: undefined }),
        claimReview({ claimReviewed: '   ' }),
        claimReview({ claimReviewed: 42 }),
        claimReview({ claimReviewed: 'x'.repeat(MAX_CLAIM_REVIEWED_CHARS + 1) }),
        'a string',
        null,
        { '@type': 'Article', headline: 'not a review' },
        claimReview({ url: 'https://x.example/ok' }),
      ],
      format: 'claimreview',
      records: 1,
      errors: [
        { index: 0, match: /url is not an absolute URL/ },
        { index: 1, match: /url must be an http\(s\) URL/ },
        { index: 2, match: /url is missing/ },
        { index: 3, match: /claimReviewed is empty/ },
        { index: 4, match: /claimReviewed must be a string/ },
        { index: 5, match: /longer than/ },
        { index: 6, match: /expected a ClaimReview object, got a string/ },
        { index: 7, match: /got null/ },
        { index: 8, match: /not a ClaimReview .*article/i },
      ],
    },
    {
      name: 'the Google claims:search response',
      doc: googleResponse([
        googleClaim(),
        googleClaim({}, { url: 'https://checkers.example.com/2', textualRating: 'Mostly true' }),
      ]),
      format: 'google-factcheck',
      records: 2,
      errors: [],
    },
    {
      name: 'a Google claim with two reviews gives two records',
      doc: googleResponse([
        {
          ...googleClaim(),
          claimReview: [
            googleClaim().claimReview[0],
            { ...googleClaim().claimReview[0], url: 'https://b.example/1' },
          ],
        },
      ]),
      format: 'google-factcheck',
      records: 2,
      errors: [],
    },
    {
      name: 'malformed Google claims, numbered in document order',
      doc: googleResponse([
        googleClaim({ text: undefined }),
        googleClaim({ claimReview: [] }),
        'oops',
        googleClaim({}, { url: 'javascript:alert(1)' }),
        googleClaim(),
      ]),
      format: 'google-factcheck',
      records: 1,
      errors: [
        { index: 0, match: /claims\[0\]\.claimReview\[0\]: text is missing/ },
        { index: 1, match: /claims\[1\]: claimReview is missing or empty/ },
        { index: 2, match: /claims\[2\]: expected an object/ },
        { index: 3, match: /claims\[3\]\.claimReview\[0\]: claimReview\.url must be an http\(s\) URL/ },
      ],
    },
    {
      name: 'an empty Google response',
      doc: { claims: [] },
      format: 'google-factcheck',
      records: 0,
      errors: [],
    },
  ];

  it.each(cases)('$name', ({ doc, format, records, errors }) => {
    const result = ok(parseFactCheckDocument(doc));
    expect(result.format).toBe(format);
    expect(result.records).toHaveLength(records);
    expect(result.errors.map((e) => e.index)).toEqual(errors.map((e) => e.index));
    result.errors.forEach((e, i) => expect(e.error).toMatch(errors[i].match));
    // Good records keep their position in the document.
    const indexes = [...result.records.map((r) => r.index), ...result.errors.map((e) => e.index)];
    expect(new Set(indexes).size).toBe(indexes.length);
  });
});

describe('parseFactCheckDocument: documents of neither shape are refused with a clear message', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /got null/],
    ['a number', 42, /got a number/],
    ['a string', 'ClaimReview', /got a string/],
    ['an empty object', {}, /object with keys \(none\)/],
    ['an empty array', [], /empty array/],
    ['an array without ClaimReview', [1, { a: 1 }], /array of 2 item\(s\) without a ClaimReview/],
    ['an object of another type', { '@type': 'NewsArticle', headline: 'x' }, /@type newsarticle/],
    [
      'a graph without ClaimReview',
      { '@graph': [{ '@type': 'Organization' }] },
      /@graph without a ClaimReview/,
    ],
    ['claims that is not an array', { claims: 'x' }, /object with keys claims/],
  ])('%s', (_name, doc, message) => {
    const result = parseFactCheckDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Expected schema\.org ClaimReview JSON-LD/);
      expect(result.error).toMatch(message);
    }
  });
});

describe('parseFactCheckDocument: normalized fields', () => {
  it('reads a ClaimReview into a record', () => {
    const [{ record }] = ok(
      parseFactCheckDocument(claimReview({ inLanguage: 'en', name: 'Bridge closure?' })),
    ).records;
    expect(record).toEqual({
      claimReviewed: 'The harbour bridge in Westport will close for two years.',
      ratingText: 'Mostly false',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      verdict: 'mostly_false',
      reviewerName: 'Example Checks',
      reviewerSite: 'factcheck.example.org',
      url: 'https://factcheck.example.org/reviews/harbour-bridge',
      title: 'Bridge closure?',
      datePublished: '2024-03-05T00:00:00.000Z',
      claimDate: '2024-03-01T00:00:00.000Z',
      claimant: 'A council candidate',
      language: 'en',
      raw: expect.objectContaining({ '@type': 'ClaimReview' }),
    });
  });

  it('reads a Google claimReview into a record', () => {
    const [{ record }] = ok(parseFactCheckDocument(googleResponse([googleClaim()]))).records;
    expect(record).toEqual({
      claimReviewed: 'Westport will ban cars from the city centre next month.',
      ratingText: 'False',
      ratingValue: null,
      bestRating: null,
      worstRating: null,
      verdict: 'false',
      reviewerName: 'Checkers Weekly',
      reviewerSite: 'checkers.example.com',
      url: 'https://checkers.example.com/westport-cars',
      title: 'No, Westport is not banning cars',
      datePublished: '2024-02-29T10:00:00.000Z',
      claimDate: '2024-02-27T00:00:00.000Z',
      claimant: 'Viral post',
      language: 'en',
      raw: expect.objectContaining({ text: 'Westport will ban cars from the city centre next month.' }),
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'numeric strings',
      { reviewRating: { ratingValue: '4', bestRating: '5', worstRating: '1' } },
      { ratingValue: 4, verdict: 'mostly_true' },
    ],
    [
      'rating name when no alternateName',
      { reviewRating: { name: 'Pants on Fire' } },
      { ratingText: 'Pants on Fire', verdict: 'false' },
    ],
    ['no rating at all', { reviewRating: undefined }, { ratingText: null, ratingValue: null, verdict: null }],
    [
      'a non-numeric ratingValue',
      { reviewRating: { ratingValue: 'high' } },
      { ratingValue: null, verdict: null },
    ],
    [
      'author as a string',
      { author: 'Lone Checker' },
      { reviewerName: 'Lone Checker', reviewerSite: 'factcheck.example.org' },
    ],
    [
      'author as an array',
      { author: [{ name: 'First Org', url: 'https://first.example' }] },
      { reviewerName: 'First Org', reviewerSite: 'first.example' },
    ],
    ['publisher when no author', { author: undefined, publisher: { name: 'Pub' } }, { reviewerName: 'Pub' }],
    ['an unreadable date is null, not an error', { datePublished: 'last Tuesday' }, { datePublished: null }],
    ['an impossible date is null', { datePublished: '2024-13-45' }, { datePublished: null }],
    ['claimant as a string', { itemReviewed: { author: 'Someone' } }, { claimant: 'Someone' }],
    ['no itemReviewed', { itemReviewed: undefined }, { claimant: null, claimDate: null }],
    [
      'language as an object',
      { inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' } },
      { language: 'en' },
    ],
    [
      'whitespace collapsed',
      { claimReviewed: '  The  bridge\n will close. ' },
      { claimReviewed: 'The bridge will close.' },
    ],
    ['headline as title', { headline: 'Headline' }, { title: 'Headline' }],
  ])('%s', (_name, overrides, expected) => {
    const result = ok(parseFactCheckDocument(claimReview(overrides)));
    expect(result.errors).toEqual([]);
    expect(result.records[0].record).toEqual(expect.objectContaining(expected));
  });

  it('never throws and stays fast on large or hostile input', () => {
    const hostile = [
      claimReview({ claimReviewed: 'a'.repeat(100_000) }),
      claimReview({ reviewRating: { alternateName: 'false '.repeat(50_000) } }),
      claimReview({ datePublished: '2024-01-01' + '0'.repeat(100_000) }),
      { '@type': 'ClaimReview', claimReviewed: {}, url: [] },
      Object.create(null),
    ];
    const result = ok(parseFactCheckDocument(hostile));
    expect(result.records).toHaveLength(2);
    expect(result.errors.map((e) => e.index)).toEqual([0, 3, 4]);
    const many = Array.from({ length: 5000 }, (_, i) => claimReview({ url: `https://x.example/${i}` }));
    expect(ok(parseFactCheckDocument(many)).records).toHaveLength(5000);
  });
});

describe('verdictFromRating', () => {
  it.each<[string | null, number | null, number | null, number | null, string | null]>([
    ['False', null, null, null, 'false'],
    ['Pants on Fire!', null, null, null, 'false'],
    ['Mostly False', null, null, null, 'mostly_false'],
    ['mostly-true', null, null, null, 'mostly_true'],
    ['Half True', null, null, null, 'mixed'],
    ['Mixture', null, null, null, 'mixed'],
    ['Misleading', null, null, null, 'misleading'],
    ['Missing context', null, null, null, 'misleading'],
    ['Exaggerated', null, null, null, 'misleading'],
    ['Unproven', null, null, null, 'unverifiable'],
    ['No evidence', null, null, null, 'unverifiable'],
    ['Incorrect', null, null, null, 'false'],
    ['Inaccurate', null, null, null, 'false'],
    ['Not true', null, null, null, 'false'],
    ['Correct', null, null, null, 'true'],
    ['TRUE', null, null, null, 'true'],
    ['Falso', null, null, null, 'false'],
    ['Engañoso', null, null, null, 'misleading'],
    ['Faux', null, null, null, 'false'],
    ['Satire label nobody knows', null, null, null, null],
    [null, 1, 5, 1, 'false'],
    [null, 2, 5, 1, 'mostly_false'],
    [null, 3, 5, 1, 'mixed'],
    [null, 4, 5, 1, 'mostly_true'],
    [null, 5, 5, 1, 'true'],
    [null, 5, null, null, 'true'],
    [null, 0, 10, 0, 'false'],
    [null, 7, 5, 1, null],
    [null, 3, 1, 5, null],
    ['Mostly true', 1, 5, 1, 'mostly_true'],
    ['Unknown words', 1, 5, 1, 'false'],
    ['', null, null, null, null],
  ])('%p value %p on %p..%p → %p', (text, value, best, worst, expected) => {
    expect(verdictFromRating({ text, value, best, worst })).toBe(expected);
  });
});

describe('matchFactCheck: does a fact-check review the claim?', () => {
  const claim = (text: string, sources: string[] = []) => ({
    text,
    quantities: undefined as never,
    sources: sources.map((name) => ({ name })),
  });

  it.each<[string, string, string[], string, boolean]>([
    [
      'same figure, same fact',
      'North Korea has sent about 10,000 troops to Russia, John Kirby said.',
      ['John Kirby'],
      'North Korea sent 10,000 troops to Russia',
      true,
    ],
    [
      'a different figure for the same fact still reviews it',
      'Unemployment in Freedonia fell to 4 percent in 2023, the ministry said.',
      ['the ministry'],
      'Unemployment in Freedonia fell to 9 percent in 2023',
      true,
    ],
    [
      'a paraphrase',
      'The Eiffel Tower will be demolished next year, the mayor of Paris said.',
      ['mayor of Paris'],
      'Paris plans to demolish the Eiffel Tower next year',
      true,
    ],
    [
      'a denial of the reviewed statement',
      'Vaccines do not cause autism, the WHO said.',
      ['WHO'],
      'Vaccines cause autism',
      true,
    ],
    [
      'an unrelated statement',
      'The Brookfield council approved a budget of $4.5 million on Monday.',
      [],
      'Vaccines cause autism in children',
      false,
    ],
    [
      'the same figure for a different event',
      'At least 19 people were killed in the fire, police said.',
      ['police'],
      '19 people were killed in a bus crash in Nairobi',
      false,
    ],
    [
      'different years',
      'Inflation in Freedonia reached 8 percent in 2021.',
      [],
      'Inflation in Freedonia reached 8 percent in 2023',
      false,
    ],
    [
      'a headline-style wording of the same plan',
      'The Westport dam will be demolished next year, the utility said.',
      ['the utility'],
      'Westport dam to be demolished next year',
      true,
    ],
    [
      'a dated event against an undated plan about the same object',
      'The Westport dam was repainted in 1990.',
      [],
      'Westport dam to be demolished next year',
      false,
    ],
    [
      'too few shared words',
      'The minister resigned on Friday.',
      [],
      'The minister visited the school',
      false,
    ],
  ])('%s', (_name, text, sources, reviewed, expected) => {
    const match = matchFactCheck(claim(text, sources), { claimReviewed: reviewed });
    if (!expected) {
      expect(match).toBeNull();
      return;
    }
    expect(match).not.toBeNull();
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.score).toBeLessThanOrEqual(1);
    expect(match!.method).toMatch(/^(engine:|token-overlap)/);
    expect(match!.explanation.length).toBeGreaterThan(10);
  });

  it('never throws on odd input', () => {
    expect(matchFactCheck({ text: '', quantities: [], sources: [] }, { claimReviewed: 'x' })).toBeNull();
    expect(matchFactCheck(claim('Some claim text here'), { claimReviewed: '' })).toBeNull();
    expect(matchFactCheck(null as never, null as never)).toBeNull();
    expect(matchFactCheck(claim('a '.repeat(20_000)), { claimReviewed: 'b '.repeat(20_000) })).toBeNull();
  });
});
