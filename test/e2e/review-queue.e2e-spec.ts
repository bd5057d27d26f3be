import { waitFor } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedArticle, type SeededArticle } from './review-fixtures';

jest.setTimeout(120_000);

interface QueueItem {
  claimId: string;
  articleId: string;
  text: string;
  agreementStatus: string;
  priority: { score: number; reasons: string[] };
  lease: { holderKeyId: string; expiresAt: string } | null;
}

/** The review queue: explained priority, filters, cursor pages, leases handed out atomically, lease expiry. */
describe('review queue (e2e)', () => {
  let t: TestApp;
  let factchecker: string;
  let other: string;
  let seeded: SeededArticle;

  beforeAll(async () => {
    t = await createTestApp();
    factchecker = await t.createKey('factchecker', 'reviewer one');
    other = await t.createKey('factchecker', 'reviewer two');
    seeded = await seedArticle(t, [
      {
        text: 'The ministry said 40,000 jobs were created.',
        score: 0.6,
        status: 'conflicting',
        figure: true,
        source: { name: 'Labour Ministry', type: 'government' },
      },
      {
        text: 'The mayor said the bridge cost 12 million.',
        score: 0.6,
        status: 'single_source',
        figure: true,
        source: { name: 'Mayor Ana Ruiz', type: 'person' },
      },
      {
        text: 'Officials said the plan was popular.',
        score: 0.6,
        status: 'corroborated',
        source: { name: 'Labour Ministry', type: 'government' },
      },
      { text: 'The weather was nice on Tuesday.', score: 0.2, checkworthy: false },
      { text: 'Analysts said growth reached 3 percent.', score: 0.95, status: 'corroborated', figure: true },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (key: string, query: Record<string, string | number | boolean>) =>
    t.http.get('/v1/review-queue').query(query).set('X-API-Key', key);

  it('lists the check-worthy claims by priority, explaining each priority', async () => {
    const res = await list(factchecker, { outlet: seeded.outlet });
    expect(res.status).toBe(200);
    const items = res.body.items as QueueItem[];
    expect(items).toHaveLength(4); // the claim that is not check-worthy is not queued
    const scores = items.map((i) => i.priority.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(items[0].text).toMatch(/40,000 jobs/);
    expect(items[0].priority.reasons).toEqual(
      expect.arrayContaining(['conflicting figures', 'check-worthiness 0.60', 'recent']),
    );
    const single = items.find((i) => /bridge/.test(i.text));
    expect(single?.priority.reasons).toContain('single source for a figure');
    // Same check-worthiness: conflicting > single source > corroborated.
    const plain = items.find((i) => /popular/.test(i.text));
    // The ministry carries two claims: both rank up a little, and say why.
    expect(plain?.priority.reasons).toContain('prominent source (2 claims)');
    expect(items[0].priority.reasons).toContain('prominent source (2 claims)');
    expect(single!.priority.score).toBeGreaterThan(plain!.priority.score);
    expect(items[0].priority.score).toBeGreaterThan(single!.priority.score);
  });

  it('filters by agreement status, source, article, text and outlet', async () => {
    const conflicting = await list(factchecker, { outlet: seeded.outlet, agreementStatus: 'conflicting' });
    expect((conflicting.body.items as QueueItem[]).map((i) => i.claimId)).toEqual([seeded.claimIds[0]]);

    const claim = await t.http.get(`/v1/claims/${seeded.claimIds[1]}`).set('X-API-Key', t.adminKey);
    const sourceId = (claim.body as { sources: { id: string }[] }).sources[0].id;
    const bySource = await list(factchecker, { sourceId });
    expect((bySource.body.items as QueueItem[]).map((i) => i.claimId)).toContain(seeded.claimIds[1]);
    expect((bySource.body.items as QueueItem[]).every((i) => i.claimId !== seeded.claimIds[0])).toBe(true);

    const byArticle = await list(factchecker, { articleId: seeded.articleId });
    expect(byArticle.body.items).toHaveLength(4);

    const byText = await list(factchecker, { articleId: seeded.articleId, q: 'bridge' });
    expect((byText.body.items as QueueItem[]).map((i) => i.claimId)).toEqual([seeded.claimIds[1]]);

    const bad = await list(factchecker, { agreementStatus: 'wrong' });
    expect(bad.status).toBe(400);
  });

  it('pages through the queue with a stable cursor (no duplicates, no gaps, same order)', async () => {
    const all = await list(factchecker, { outlet: seeded.outlet, limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(factchecker, { outlet: seeded.outlet, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as QueueItem[]).map((i) => i.claimId));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual((all.body.items as QueueItem[]).map((i) => i.claimId));
    expect((await list(factchecker, { cursor: 'garbage' })).status).toBe(400);
  });

  it('refuses the queue to an integration key (403)', async () => {
    const integration = await t.createKey('integration');
    expect((await list(integration, {})).status).toBe(403);
  });

  it('gives twenty reviewers asking at once twenty different claims', async () => {
    await seedArticle(
      t,
      Array.from({ length: 25 }, (_, i) => ({
        text: `Claim number ${i} says ${i * 10} people came.`,
        score: 0.9,
        figure: true,
      })),
    );
    const keys = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.createKey('factchecker', `crowd ${i}`)),
    );
    const answers = await Promise.all(
      keys.map((key) => t.http.post('/v1/review-queue/next').set('X-API-Key', key).send({})),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const claimIds = answers.map((a) => (a.body as { lease: { claimId: string } }).lease.claimId);
    expect(new Set(claimIds).size).toBe(20);
    for (const a of answers) {
      const body = a.body as {
        lease: { claimId: string; expiresAt: string };
        item: QueueItem;
        claim: { id: string };
      };
      expect(body.item.claimId).toBe(body.lease.claimId);
      expect(body.claim.id).toBe(body.lease.claimId);
      expect(Date.parse(body.lease.expiresAt)).toBeGreaterThan(Date.now() + 10 * 60_000); // default 15 minutes
    }
    for (const [i, key] of keys.entries()) {
      const mine = await list(key, { assignee: 'me' });
      expect((mine.body.items as QueueItem[]).map((x) => x.claimId)).toEqual([claimIds[i]]);
    }
  });

  it('answers 204 when no claim is available, and draws only from the requested part of the queue', async () => {
    const empty = await t.http
      .post('/v1/review-queue/next')
      .set('X-API-Key', other)
      .send({ articleId: '00000000-0000-4000-8000-000000000000' });
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
    const fresh = await seedArticle(t, [{ text: 'The port said 12 ships docked.', score: 0.05 }]);
    const picked = await t.http
      .post('/v1/review-queue/next')
      .set('X-API-Key', other)
      .send({ articleId: fresh.articleId, leaseSeconds: 60 });
    expect(picked.status).toBe(200);
    expect(picked.body.lease.claimId).toBe(fresh.claimIds[0]);
    expect(Date.parse(picked.body.lease.expiresAt) - Date.now()).toBeLessThanOrEqual(61_000);
    expect(
      (await t.http.delete(`/v1/claims/${fresh.claimIds[0]}/lease`).set('X-API-Key', other)).status,
    ).toBe(204);
  });

  it('leases a specific claim, refuses it to another reviewer, renews and releases it', async () => {
    const claimId = seeded.claimIds[2];
    const taken = await t.http.post(`/v1/claims/${claimId}/lease`).set('X-API-Key', factchecker).send({});
    expect(taken.status).toBe(200);
    const refused = await t.http.post(`/v1/claims/${claimId}/lease`).set('X-API-Key', other).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/leased to another reviewer/);
    const renewed = await t.http
      .post(`/v1/claims/${claimId}/lease`)
      .set('X-API-Key', factchecker)
      .send({ leaseSeconds: 1200 });
    expect(renewed.status).toBe(200);
    expect(renewed.body.renewals).toBe(1);
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.parse(taken.body.expiresAt));
    expect((await t.http.delete(`/v1/claims/${claimId}/lease`).set('X-API-Key', other)).status).toBe(409);
    expect((await t.http.delete(`/v1/claims/${claimId}/lease`).set('X-API-Key', factchecker)).status).toBe(
      204,
    );
    const notQueued = await t.http
      .post(`/v1/claims/${seeded.claimIds[3]}/lease`)
      .set('X-API-Key', factchecker)
      .send({});
    expect(notQueued.status).toBe(409);
    expect(notQueued.body.message).toMatch(/not on the review queue/);
  });

  it('returns a claim to the queue when its lease expires', async () => {
    const fresh = await seedArticle(t, [
      { text: 'The council said 300 homes were built.', score: 0.1, figure: true },
    ]);
    const [claimId] = fresh.claimIds;
    const taken = await t.http
      .post(`/v1/claims/${claimId}/lease`)
      .set('X-API-Key', factchecker)
      .send({ leaseSeconds: 1 });
    expect(taken.status).toBe(200);
    const available = async () =>
      ((await list(other, { articleId: fresh.articleId, available: true })).body.items as QueueItem[]).map(
        (i) => i.claimId,
      );
    expect(await available()).not.toContain(claimId);
    await waitFor(async () => ((await available()).includes(claimId) ? true : undefined), {
      timeoutMs: 10_000,
      what: 'the expired lease to free the claim',
    });
    const retaken = await t.http.post(`/v1/claims/${claimId}/lease`).set('X-API-Key', other).send({});
    expect(retaken.status).toBe(200);
    const history = await t.http.get(`/v1/claims/${claimId}/history`).set('X-API-Key', t.adminKey);
    const actions = (history.body.items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['lease.acquired', 'lease.expired']));
    expect(actions.filter((a) => a === 'lease.acquired')).toHaveLength(2);
    const expired = (history.body.items as { action: string; before: { holderKeyId: string } }[]).find(
      (e) => e.action === 'lease.expired',
    );
    expect(expired?.before.holderKeyId).toBe(taken.body.holderKeyId);
  });
});
