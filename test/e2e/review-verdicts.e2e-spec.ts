import { createTestApp, type TestApp } from '../support/test-app';
import { seedArticle } from './review-fixtures';

const verdict = {
  rating: 'false',
  summary: 'The agency’s own figures show 4,000, not 40,000.',
  evidence: [{ url: 'https://stats.example.org/jobs-2025', note: 'Official release' }],
};

/** Verdicts: lease required, versions (409 when stale), second review, reopen, history, ClaimReview JSON-LD. */
describe('review verdicts (e2e)', () => {
  let t: TestApp;
  let factchecker: string;
  let editor: string;
  let otherEditor: string;

  beforeAll(async () => {
    t = await createTestApp();
    factchecker = await t.createKey('factchecker');
    editor = await t.createKey('editor');
    otherEditor = await t.createKey('editor', 'second editor');
  });
  afterAll(async () => {
    await t?.http
      .patch('/v1/workspace-settings')
      .set('X-API-Key', t.adminKey)
      .send({ requireSecondReview: false });
    await t?.close();
  });

  const setSecondReview = async (on: boolean) => {
    const res = await t.http
      .patch('/v1/workspace-settings')
      .set('X-API-Key', t.adminKey)
      .send({ requireSecondReview: on, organizationName: 'Example Fact Desk' });
    expect(res.status).toBe(200);
  };
  const lease = (claimId: string, key = factchecker) =>
    t.http.post(`/v1/claims/${claimId}/lease`).set('X-API-Key', key).send({});
  const submit = (claimId: string, body: object = verdict, key = factchecker) =>
    t.http.post(`/v1/claims/${claimId}/reviews`).set('X-API-Key', key).send(body);

  it('refuses a verdict on a claim the reviewer does not hold (409 saying how to take the lease)', async () => {
    const { claimIds } = await seedArticle(t, [{ text: 'The ministry said 40,000 jobs were created.' }]);
    const res = await submit(claimIds[0]);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/do not hold the lease/);
    expect(res.body.message).toMatch(/POST \/v1\/claims\/.+\/lease/);

    const other = await t.createKey('factchecker', 'someone else');
    expect((await lease(claimIds[0], other)).status).toBe(200);
    const held = await submit(claimIds[0]);
    expect(held.status).toBe(409);
    expect(held.body.message).toMatch(/leased to another reviewer/);
    expect((await submit(claimIds[0], { ...verdict, rating: 'bogus' }, other)).status).toBe(400);
  });

  it('publishes a verdict from the lease holder, ends the lease, and refuses a stale update (409)', async () => {
    await setSecondReview(false);
    const { claimIds } = await seedArticle(t, [{ text: 'The mayor said the bridge cost 12 million.' }]);
    const claimId = claimIds[0];
    expect((await lease(claimId)).status).toBe(200);
    const published = await submit(claimId);
    expect(published.status).toBe(201);
    expect(published.headers.etag).toBe('"1"');
    expect(published.body).toMatchObject({ status: 'published', rating: 'false', version: 1 });
    // The claim left the queue and the lease ended with the verdict.
    expect((await lease(claimId)).status).toBe(409);

    const reopened = await t.http
      .post(`/v1/claims/${claimId}/review/reopen`)
      .set('X-API-Key', editor)
      .set('If-Match', '"1"')
      .send({ reason: 'The agency corrected its release.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'reopened',
      version: 2,
      reopenReason: 'The agency corrected its release.',
    });

    // A second editor acting on the version they read before: refused, never overwritten.
    const stale = await t.http
      .post(`/v1/claims/${claimId}/review/reopen`)
      .set('X-API-Key', otherEditor)
      .send({ reason: 'Also wrong', version: 1 });
    expect(stale.status).toBe(409);

    expect((await lease(claimId)).status).toBe(200);
    const blind = await submit(claimId, { ...verdict, rating: 'mostly_true' });
    expect(blind.status).toBe(409);
    expect(blind.body.message).toMatch(/Send the version/);
    const staleVerdict = await submit(claimId, { ...verdict, rating: 'mostly_true', version: 1 });
    expect(staleVerdict.status).toBe(409);
    expect(staleVerdict.body.message).toMatch(/version 2.*you sent version 1/);
    const revised = await t.http
      .post(`/v1/claims/${claimId}/reviews`)
      .set('X-API-Key', factchecker)
      .set('If-Match', '"2"')
      .send({ ...verdict, rating: 'mostly_true' });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ status: 'published', rating: 'mostly_true', version: 3 });

    const current = await t.http.get(`/v1/claims/${claimId}/review`).set('X-API-Key', t.adminKey);
    expect(current.headers.etag).toBe('"3"');
    const history = await t.http.get(`/v1/claims/${claimId}/history`).set('X-API-Key', t.adminKey);
    const entries = history.body.items as {
      action: string;
      actor: string;
      before: unknown;
      after: unknown;
    }[];
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'lease.acquired',
        'review.submitted',
        'review.published',
        'lease.released',
        'review.reopened',
      ]),
    );
    const reopen = entries.find((e) => e.action === 'review.reopened');
    expect(reopen).toMatchObject({
      before: { status: 'published', version: 1 },
      after: { status: 'reopened', version: 2 },
    });
    expect(reopen?.actor).toMatch(/^api-key:/);
  });

  it('with second review on: an editor returns the verdict with a comment, then approves the revision', async () => {
    await setSecondReview(true);
    const { claimIds } = await seedArticle(t, [{ text: 'Police said 2,000 people marched.' }]);
    const claimId = claimIds[0];
    expect((await lease(claimId)).status).toBe(200);
    const pending = await submit(claimId, { ...verdict, rating: 'mixed' });
    expect(pending.body).toMatchObject({ status: 'pending_approval', version: 1, publishedAt: null });
    expect((await submit(claimId)).status).toBe(409); // no lease any more
    const byFactchecker = await t.http
      .post(`/v1/claims/${claimId}/review/approve`)
      .set('X-API-Key', factchecker)
      .send({});
    expect(byFactchecker.status).toBe(403);

    const returned = await t.http
      .post(`/v1/claims/${claimId}/review/return`)
      .set('X-API-Key', editor)
      .send({ comment: 'Add the organisers’ count.', version: 1 });
    expect(returned.body).toMatchObject({
      status: 'returned',
      editorComment: 'Add the organisers’ count.',
      version: 2,
    });
    const staleApproval = await t.http
      .post(`/v1/claims/${claimId}/review/approve`)
      .set('X-API-Key', otherEditor)
      .send({ version: 1 });
    expect(staleApproval.status).toBe(409);

    expect((await lease(claimId)).status).toBe(200);
    const revised = await submit(claimId, { ...verdict, rating: 'misleading', version: 2 });
    expect(revised.body).toMatchObject({ status: 'pending_approval', version: 3 });
    const approved = await t.http
      .post(`/v1/claims/${claimId}/review/approve`)
      .set('X-API-Key', editor)
      .set('If-Match', '3')
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', version: 4 });
    expect(approved.body.publishedAt).toEqual(expect.any(String));
  });

  it('serves the published verdict as schema.org ClaimReview JSON-LD, and in the feed', async () => {
    await setSecondReview(false);
    const publishedAt = new Date('2026-03-01T08:00:00Z');
    const seeded = await seedArticle(
      t,
      [
        {
          text: 'The minister said 40,000 jobs were created.',
          source: { name: 'Minister Lee Park', type: 'person' },
        },
      ],
      { url: 'https://news.example.org/jobs', title: 'Jobs boom', outlet: 'Example Times', publishedAt },
    );
    const claimId = seeded.claimIds[0];
    const since = new Date().toISOString();
    const integration = await t.createKey('integration');
    expect((await t.http.get(`/v1/claims/${claimId}/claimreview`).set('X-API-Key', integration)).status).toBe(
      404,
    );
    expect((await lease(claimId)).status).toBe(200);
    expect((await submit(claimId)).status).toBe(201);

    const res = await t.http.get(`/v1/claims/${claimId}/claimreview`).set('X-API-Key', integration);
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The minister said 40,000 jobs were created.',
      author: { '@type': 'Organization', name: 'Example Fact Desk' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Minister Lee Park' },
        datePublished: publishedAt.toISOString(),
        appearance: [
          expect.objectContaining({
            '@type': 'CreativeWork',
            url: 'https://news.example.org/jobs',
            headline: 'Jobs boom',
          }),
        ],
        firstAppearance: expect.objectContaining({ url: 'https://news.example.org/jobs' }),
      },
    });
    expect(doc.url).toMatch(new RegExp(`/v1/claims/${claimId}/claimreview$`));
    expect(Date.parse(doc.datePublished)).toBeGreaterThanOrEqual(Date.parse(since));

    const feed = await t.http.get('/v1/claimreview').query({ since }).set('X-API-Key', integration);
    expect(feed.status).toBe(200);
    // (supertest serves each request on its own port, so compare the paths)
    const paths = (feed.body.items as { url: string }[]).map((d) => new URL(d.url).pathname);
    expect(paths).toContain(`/v1/claims/${claimId}/claimreview`);
    const later = await t.http
      .get('/v1/claimreview')
      .query({ since: new Date(Date.now() + 60_000).toISOString() })
      .set('X-API-Key', integration);
    expect(later.body.items).toEqual([]);
    expect(
      (await t.http.get('/v1/claimreview').query({ since: 'yesterday' }).set('X-API-Key', integration))
        .status,
    ).toBe(400);
  });
});
