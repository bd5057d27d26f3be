import { analyze, type AnalyzeStats } from '../../../src/engine/analyze';
import type { Analysis } from '../../../src/engine/types';

const ARTICLE = `Skip to main content

Storm forces thousands from homes in Estria

Share this article

HARBOURTON, Estria (Example Wire) — A storm forced 14,200 people from their homes along the western coast over the weekend, the national disaster agency said on Monday. The agency also said 3,100 homes had been dam
aged, about 400 of them severely.

Residents wade through a flooded street on Sunday. (Photo: Lena Morrow / Example Wire)

Advertisement

At least six people were killed, police said. Regional governor Anna Berg told reporters that the death toll had risen to seven.

Related stories

Estria pledges 1 billion euros for flood defences

More from Example Wire
`;

function expectValid(a: Analysis, input: string): void {
  expect(typeof a.language).toBe('string');
  expect(Array.isArray(a.claims)).toBe(true);
  expect(Array.isArray(a.relations)).toBe(true);
  expect(Array.isArray(a.quantities)).toBe(true);
  for (const c of a.claims) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(input.length);
    expect(c.end).toBeGreaterThan(c.start);
    expect(typeof c.text).toBe('string');
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
    for (const q of c.quantities) expect(input.slice(q.start, q.end)).toBe(q.text);
  }
  for (const r of a.relations) {
    expect(a.claims[r.a]).toBeDefined();
    expect(a.claims[r.b]).toBeDefined();
  }
}

describe('analyze(): an article', () => {
  const a = analyze(ARTICLE);
  const spans = a.claims.map((c) => ARTICLE.slice(c.start, c.end));

  it('is English and valid', () => {
    expect(a.language).toBe('eng');
    expectValid(a, ARTICLE);
  });

  it('keeps the headline as a non-check-worthy claim', () => {
    const h = a.claims.find(
      (c) => ARTICLE.slice(c.start, c.end) === 'Storm forces thousands from homes in Estria',
    );
    expect(h?.checkworthy).toBe(false);
  });

  it.each([
    'Skip to main content',
    'Share this article',
    'Advertisement',
    'Related stories',
    'Estria pledges',
    'More from',
    'Lena Morrow',
  ])('ignores page debris: %j', (debris) => {
    expect(spans.some((s) => s.includes(debris))).toBe(false);
  });

  it('keeps the photo caption, not check-worthy', () => {
    const cap = a.claims.find((c) => ARTICLE.slice(c.start, c.end).startsWith('Residents wade'));
    expect(cap?.checkworthy).toBe(false);
  });

  it('leaves the dateline out of the first claim', () => {
    expect(spans.some((s) => s.includes('HARBOURTON'))).toBe(false);
  });

  it('rejoins a word broken across lines in the claim text while the span covers the newline', () => {
    const c = a.claims.find((x) => ARTICLE.slice(x.start, x.end).includes('dam\naged'));
    expect(c).toBeDefined();
    expect(c!.text).toContain('homes had been damaged');
  });

  it('splits "3,100 homes had been damaged, about 400 of them severely" into two claims', () => {
    expect(spans.some((s) => s.includes('3,100 homes had been dam\naged'))).toBe(true);
    expect(spans.some((s) => s.startsWith('about 400 of them severely'))).toBe(true);
  });

  it('reports every quantity of the analysed text with offsets into the input', () => {
    expect(a.quantities.map((q) => ARTICLE.slice(q.start, q.end))).toEqual(
      expect.arrayContaining([expect.stringContaining('14,200')]),
    );
    expect(a.quantities.some((q) => ARTICLE.slice(q.start, q.end).includes('1 billion'))).toBe(false);
  });
});

describe('analyze(): HTML input, offsets into the original', () => {
  const html =
    '<html><body><h1>Council passes budget</h1><p>The council approved a budget of 2.4&nbsp;million euros on Monday, the mayor&rsquo;s office said.</p>' +
    '<p>Critics said the plan &amp; its 12 new levies were too costly.</p></body></html>';
  const a = analyze(html);
  it('returns spans that index the HTML string', () => {
    expectValid(a, html);
    const c = a.claims.find((x) => html.slice(x.start, x.end).includes('approved a budget'));
    expect(c).toBeDefined();
    expect(html.slice(c!.start, c!.end)).not.toMatch(/^</);
  });
  it('claim text is decoded text, not markup', () => {
    expect(a.claims.some((c) => /&amp;|&nbsp;|<p>/.test(c.text))).toBe(false);
  });
});

describe('analyze(): languages', () => {
  it.each([
    [
      'fra',
      'La ministre a annoncé mardi que le gouvernement allait investir deux milliards d’euros dans les hôpitaux publics du pays.',
    ],
    [
      'deu',
      'Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, teilte die Regierung mit.',
    ],
  ])('%s text returns its language and nothing else', (lang, text) => {
    expect(analyze(text)).toEqual({ language: lang, claims: [], relations: [], quantities: [] });
  });

  it.each(['We are consuming 50 percent of the world supply.', 'Crime is up 20 percent', 'Yes'])(
    'a very short text is analysed as English: %j',
    (text) => {
      expect(analyze(text).language).toBe('eng');
    },
  );
});

describe('analyze(): robustness (never throws, valid output)', () => {
  const base = 'The ministry said 412 people were infected and nine died, according to officials. ';
  const cases: [string, () => string][] = [
    ['empty', () => ''],
    ['whitespace only', () => ' \n\t '.repeat(1000)],
    ['1 MB of prose', () => base.repeat(Math.ceil(1_000_000 / base.length))],
    ['no punctuation', () => 'the ministry said people were infected and died '.repeat(3000)],
    [
      'binary garbage',
      () => Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65535)).join(''),
    ],
    ['all capitals', () => base.toUpperCase().repeat(200)],
    ['only dots', () => '.'.repeat(50_000)],
    ['only quotes', () => '"\u201c\u201d'.repeat(20_000)],
    ['ampersands and tags', () => '&'.repeat(20_000) + '<p>x</p>' + '<'.repeat(20_000)],
    ['unclosed scripts', () => '<script>'.repeat(10_000)],
    ['lists of figures', () => '1,000 and 2,000 and '.repeat(1_000)],
    ['lone surrogates', () => '\ud800 said 5 \udc00 people. '.repeat(2_000)],
  ];
  it.each(cases)(
    '%s',
    (_n, make) => {
      const input = make();
      const a = analyze(input);
      expectValid(a, input);
    },
    180_000,
  );

  it('non-string input does not throw', () => {
    expect(analyze(undefined as unknown as string).claims).toEqual([]);
    expect(analyze(42 as unknown as string).claims).toEqual([]);
  });
});

describe('analyze(): linear work', () => {
  const para =
    'The agency said 3,100 homes had been damaged, about 400 of them severely. Police said 23 people were detained, and that 9 were injured.\n\n';
  function work(n: number): AnalyzeStats {
    const stats: AnalyzeStats = { chars: 0, sentences: 0, tokens: 0, claims: 0 };
    analyze(`Headline of the day\n\n${para.repeat(n)}`, {}, stats);
    return stats;
  }
  it.each([10, 40])('doubling the input (%i paragraphs) doubles sentences, tokens and claims', (n) => {
    const one = work(n);
    const two = work(2 * n);
    expect(two.sentences - 1).toBe(2 * (one.sentences - 1));
    expect(two.tokens - 2 * one.tokens).toBeLessThanOrEqual(3);
    expect(two.claims - 1).toBe(2 * (one.claims - 1));
  });
});
