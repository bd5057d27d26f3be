import { DataSource } from 'typeorm';
import { openTestDataSource, uniqueSuffix, uniqueWord, waitFor, WaitAborted } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

/** Boots, extraction and verification take seconds on a loaded 2-core machine. */
jest.setTimeout(180_000);

interface ClaimFactCheck {
  id: string;
  claimReviewed: string;
  rating: { text: string | null; value: number | null; best: number | null; worst: number | null };
  verdict: string | null;
  reviewer: { name: string | null; site: string | null };
  url: string;
  match: { score: number; method: string; explanation: string };
}

function claimReview(
  tag: string,
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://checks.example.org/${tag}/${n}`,
    claimReviewed: `Statement ${n} about the ${tag} lighthouse restoration`,
    datePublished: '2024-05-02',
    author: { '@type': 'Organization', name: 'Example Checks', url: 'https://checks.example.org' },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A candidate' } },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'False',
    },
    ...overrides,
  };
}

describe('Prior fact-checks (e2e, real PostgreSQL, Redis and workers)', () => {
  let t: TestApp;
  let editorKey: string;
  let integrationKey: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ SWEEP_INTERVAL_MS: '500' });
    editorKey = await t.createKey('editor');
    integrationKey = await t.createKey('integration');
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const importDoc = (body: unknown, key = editorKey) =>
    t.http
      .post('/v1/fact-checks/import')
      .set('X-API-Key', key)
      .send(body as object);
  const get = (url: string) => t.http.get(url).set('X-API-Key', t.adminKey);

  describe('import', () => {
    it('stores the good records of a ClaimReview array and reports the malformed one by index (207)', async () => {
      const tag = `lh${uniqueSuffix()}`;
      const doc = [
        claimReview(tag, 1),
        claimReview(tag, 2, { claimReviewed: undefined }),
        claimReview(tag, 3),
      ];
      const res = await importDoc(doc);
      expect(res.status).toBe(207);
      expect(res.body).toEqual({
        format: 'claimreview',
        imported: 2,
        updated: 0,
        unchanged: 0,
        failed: 1,
        errors: [{ index: 1, error: 'claimReviewed is missing' }],
        matches: expect.any(Number),
      });

      const list = await get(`/v1/fact-checks?q=${tag}`);
      expect(list.status).toBe(200);
      const items = list.body.items as { id: string; url: string }[];
      expect(items.map((i) => i.url).sort()).toEqual([
        `https://checks.example.org/${tag}/1`,
        `https://checks.example.org/${tag}/3`,
      ]);
      const one = await get(`/v1/fact-checks/${items[0].id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(
        expect.objectContaining({
          id: items[0].id,
          rating: { text: 'False', value: 1, best: 5, worst: 1 },
          verdict: 'false',
          reviewer: { name: 'Example Checks', site: 'checks.example.org' },
          claimant: 'A candidate',
          datePublished: '2024-05-02T00:00:00.000Z',
        }),
      );
    });

    it('imports the Google Fact Check Tools response shape (200 when every record is read)', async () => {
      const tag = `gg${uniqueSuffix()}`;
      const res = await importDoc({
        claims: [
          {
            text: `The ${tag} ferry will stop running in winter`,
            claimant: 'Viral post',
            claimDate: '2024-01-10T00:00:00Z',
            claimReview: [
              {
                publisher: { name: 'Checkers Weekly', site: 'checkers.example.com' },
                url: `https://checkers.example.com/${tag}`,
                title: 'No, the ferry keeps running',
                reviewDate: '2024-01-12T00:00:00Z',
                textualRating: 'Mostly false',
                languageCode: 'en',
              },
            ],
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ format: 'google-factcheck', imported: 1, failed: 0, errors: [] }),
      );
      const list = await get(`/v1/fact-checks?q=${tag}`);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          claimReviewed: `The ${tag} ferry will stop running in winter`,
          rating: { text: 'Mostly false', value: null, best: null, worst: null },
          verdict: 'mostly_false',
          reviewer: { name: 'Checkers Weekly', site: 'checkers.example.com' },
          claimant: 'Viral post',
          language: 'en',
          title: 'No, the ferry keeps running',
        }),
      ]);
    });

    it('refuses a body of neither shape with 400 and a clear message', async () => {
      const res = await importDoc({ articles: [{ text: 'hello' }] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(
          /^Expected schema\.org ClaimReview JSON-LD .*got an object with keys articles/,
        ),
      });
    });

    it('is for editors and integrations: a factchecker key gets 403', async () => {
      const res = await importDoc([claimReview('x', 1)], await t.createKey('factchecker'));
      expect(res.status).toBe(403);
    });

    it('is idempotent: re-importing the same document changes nothing', async () => {
      const tag = `id${uniqueSuffix()}`;
      const doc = { '@context': 'https://schema.org', '@graph': [claimReview(tag, 1), claimReview(tag, 2)] };
      expect((await importDoc(doc)).body).toEqual(expect.objectContaining({ imported: 2, unchanged: 0 }));
      const again = await importDoc(doc);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(
        expect.objectContaining({ imported: 0, updated: 0, unchanged: 2, failed: 0 }),
      );
      const rows: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM fact_checks WHERE url LIKE $1`,
        [`https://checks.example.org/${tag}/%`],
      );
      expect(rows[0].n).toBe(2);
      // A changed rating updates the row in place.
      const changed = {
        '@graph': [
          claimReview(tag, 1, { reviewRating: { alternateName: 'Mostly true' } }),
          claimReview(tag, 2),
        ],
      };
      expect((await importDoc(changed)).body).toEqual(
        expect.objectContaining({ imported: 0, updated: 1, unchanged: 1 }),
      );
    });

    it('answers 404 for an unknown fact-check and 400 for a bad id', async () => {
      expect((await get('/v1/fact-checks/3f0e2b1c-8a4d-4c1e-9f3a-2b6d7e8f9a0b')).status).toBe(404);
      expect((await get('/v1/fact-checks/nope')).status).toBe(400);
      expect((await get('/v1/claims/3f0e2b1c-8a4d-4c1e-9f3a-2b6d7e8f9a0b/fact-checks')).status).toBe(404);
    });
  });

  describe('matching claims of a posted article', () => {
    const tag = uniqueWord('mw');
    const text =
      `The ${tag} council approved a budget of $4.5 million for the new harbour bridge on Monday, Mayor Jane Ortiz said. ` +
      `According to the Coastal Herald, council member Tom Reyes said about 4,000 ${tag} residents signed a petition against the bridge toll. ` +
      `The bridge is expected to open next spring.`;
    let claims: { id: string; text: string }[] = [];

    beforeAll(async () => {
      // Imported before the article exists: only verification can match it.
      const before = await importDoc(
        claimReview(tag, 1, {
          claimReviewed: `The ${tag} council approved a $4.5 million budget for a new harbour bridge`,
          reviewRating: { ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Mostly true' },
        }),
      );
      expect(before.body).toEqual(expect.objectContaining({ imported: 1, failed: 0 }));

      const posted = await t.http
        .post('/v1/articles')
        .set('X-API-Key', integrationKey)
        .send({ text, outlet: 'Harbour Gazette', title: 'Bridge budget' });
      expect(posted.status).toBe(202);
      const articleId = posted.body.id as string;
      await waitFor(
        async () => {
          const res = await get(`/v1/articles/${articleId}`);
          if (res.body.status === 'failed')
            throw new WaitAborted(`article failed: ${res.body.failureReason}`);
          return res.body.status === 'verified' ? true : undefined;
        },
        { timeoutMs: 150_000, what: `article ${articleId} to be verified` },
      );
      claims = (await get(`/v1/articles/${articleId}/claims`)).body.items;
    });

    const claimAbout = (words: RegExp) => {
      const claim = claims.find((c) => words.test(c.text));
      if (!claim) throw new Error(`no claim matches ${words}: ${claims.map((c) => c.text).join(' | ')}`);
      return claim;
    };
    const factChecksOf = async (claimId: string): Promise<ClaimFactCheck[]> => {
      const res = await get(`/v1/claims/${claimId}/fact-checks`);
      expect(res.status).toBe(200);
      return res.body.items;
    };

    it('a fact-check imported before the article shows on the matching claim once it is verified', async () => {
      const budget = claimAbout(/budget/);
      const items = await factChecksOf(budget.id);
      expect(items).toEqual([
        expect.objectContaining({
          claimReviewed: `The ${tag} council approved a $4.5 million budget for a new harbour bridge`,
          rating: { text: 'Mostly true', value: 4, best: 5, worst: 1 },
          verdict: 'mostly_true',
          url: `https://checks.example.org/${tag}/1`,
          match: { score: expect.any(Number), method: expect.any(String), explanation: expect.any(String) },
        }),
      ]);
      expect(items[0].match.score).toBeGreaterThan(0.5);
      expect(items[0].match.score).toBeLessThanOrEqual(1);
    });

    it('a fact-check imported after the article is matched to the stored claim at import', async () => {
      const res = await importDoc(
        claimReview(tag, 2, {
          claimReviewed: `4,000 ${tag} residents signed a petition against the harbour bridge toll`,
          reviewRating: { alternateName: 'False' },
        }),
      );
      expect(res.body).toEqual(expect.objectContaining({ imported: 1, failed: 0 }));
      expect(res.body.matches).toBeGreaterThanOrEqual(1);
      const petition = claimAbout(/petition/);
      const items = await factChecksOf(petition.id);
      expect(items).toEqual([
        expect.objectContaining({
          url: `https://checks.example.org/${tag}/2`,
          rating: { text: 'False', value: null, best: null, worst: null },
          verdict: 'false',
        }),
      ]);
      expect(items[0].match.score).toBeGreaterThan(0.5);
    });

    it('does not match fact-checks about something else, and re-importing keeps one match per pair', async () => {
      const opening = claims.find((c) => /open next spring/.test(c.text));
      if (opening) expect(await factChecksOf(opening.id)).toEqual([]);
      const budget = claimAbout(/budget/);
      await importDoc(
        claimReview(tag, 1, {
          claimReviewed: `The ${tag} council approved a $4.5 million budget for a new harbour bridge`,
          reviewRating: { ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Mostly true' },
        }),
      );
      expect(await factChecksOf(budget.id)).toHaveLength(1);
    });
  });
});
