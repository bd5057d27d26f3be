import { uniqueSuffix, waitFor } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const VERIFIED_DEADLINE_MS = 150_000;

interface ClaimBody {
  id: string;
  agreementStatus: string;
  sources: { id: string; name: string; role: string }[];
}

/** The source registry through HTTP: alias resolution across articles, an editor's merge and split. */
describe('Source registry (e2e, real PostgreSQL, Redis and workers)', () => {
  let t: TestApp;
  let integrationKey: string;
  let editorKey: string;

  beforeAll(async () => {
    t = await createTestApp({ SWEEP_INTERVAL_MS: '500' });
    [integrationKey, editorKey] = await Promise.all([t.createKey('integration'), t.createKey('editor')]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ingest = async (text: string): Promise<string> => {
    const res = await t.http.post('/v1/articles').set('X-API-Key', integrationKey).send({ text });
    expect([200, 202]).toContain(res.status);
    const id = (res.body as { id: string }).id;
    await waitFor(
      async () => {
        const a = await t.http.get(`/v1/articles/${id}`).set('X-API-Key', t.adminKey);
        if (a.body.status === 'failed') throw new Error(`article failed: ${a.body.failureReason}`);
        return a.body.status === 'verified' ? true : undefined;
      },
      { timeoutMs: VERIFIED_DEADLINE_MS, what: `article ${id} to be verified` },
    );
    return id;
  };
  const firstClaim = async (articleId: string): Promise<ClaimBody> => {
    const res = await t.http.get(`/v1/articles/${articleId}/claims`).set('X-API-Key', editorKey);
    expect(res.status).toBe(200);
    return (res.body as { items: ClaimBody[] }).items[0];
  };
  const statuses = async (...articleIds: string[]) =>
    Promise.all(articleIds.map(async (id) => (await firstClaim(id)).agreementStatus));

  it('one person across articles; merging two origins makes their corroborated claims single-source, splitting restores it', async () => {
    const tag = uniqueSuffix();
    const john = `Zor${uniqueSuffix()}`;
    const omar = `Zor${uniqueSuffix()}`;
    const a1 = await ingest(
      `National Security Communications Advisor John ${john} said 465 ${tag} ferries docked at Kestrel${tag} harbour on Monday.`,
    );
    const a2 = await ingest(`The crossings will continue next week, ${john} said.`);
    const a3 = await ingest(
      `Border official Omar ${omar} said 465 ${tag} ferries docked at Kestrel${tag} harbour on Monday.`,
    );

    // "John X" and "X" are one source, with the role and both written forms.
    const johnId = (await firstClaim(a1)).sources[0].id;
    expect((await firstClaim(a2)).sources[0].id).toBe(johnId);
    const omarId = (await firstClaim(a3)).sources[0].id;
    expect(omarId).not.toBe(johnId);
    const johnSource = await t.http.get(`/v1/sources/${johnId}`).set('X-API-Key', editorKey);
    expect(johnSource.status).toBe(200);
    expect(johnSource.body).toMatchObject({
      name: `John ${john}`,
      role: 'National Security Communications Advisor',
      aliases: expect.arrayContaining([john]),
      trackRecord: { claims: 2, reviewRatings: {}, factCheckVerdicts: {} },
    });
    expect(await statuses(a1, a3)).toEqual(['corroborated', 'corroborated']);

    // Only editors merge.
    const denied = await t.http
      .post(`/v1/sources/${omarId}/merge`)
      .set('X-API-Key', integrationKey)
      .send({ intoId: johnId });
    expect(denied.status).toBe(403);
    const self = await t.http
      .post(`/v1/sources/${omarId}/merge`)
      .set('X-API-Key', editorKey)
      .send({ intoId: omarId });
    expect(self.status).toBe(400);

    // Merge: one origin now states the figure twice — no longer corroborated.
    const merged = await t.http
      .post(`/v1/sources/${omarId}/merge`)
      .set('X-API-Key', editorKey)
      .send({ intoId: johnId });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ source: { id: johnId }, movedAttributions: 1, affectedClaims: 1 });
    await waitFor(
      async () => ((await statuses(a1, a3)).every((s) => s === 'single_source') ? true : undefined),
      { timeoutMs: 60_000, what: 'both claims to become single-source after the merge' },
    );
    const moved = await t.http.get(`/v1/sources/${omarId}`).set('X-API-Key', editorKey);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe(`/v1/sources/${johnId}`);
    expect(moved.body).toMatchObject({ mergedIntoId: johnId, mergedIntoName: `John ${john}` });
    const again = await t.http
      .post(`/v1/sources/${omarId}/merge`)
      .set('X-API-Key', editorKey)
      .send({ intoId: johnId });
    expect(again.status).toBe(409);
    const record = await t.http.get(`/v1/sources/${johnId}`).set('X-API-Key', editorKey);
    expect(record.body.trackRecord).toMatchObject({ claims: 3, singleSource: 3, corroborated: 0 });

    // Split the mentions written as "Omar X" back out: corroborated again.
    const split = await t.http
      .post(`/v1/sources/${johnId}/aliases`)
      .set('X-API-Key', editorKey)
      .send({ action: 'split', alias: `Omar ${omar}` });
    expect(split.status).toBe(200);
    expect(split.body).toMatchObject({ other: { id: omarId }, movedAttributions: 1 });
    await waitFor(
      async () => ((await statuses(a1, a3)).every((s) => s === 'corroborated') ? true : undefined),
      { timeoutMs: 60_000, what: 'both claims to be corroborated again after the split' },
    );
    expect((await t.http.get(`/v1/sources/${omarId}`).set('X-API-Key', editorKey)).status).toBe(200);
  });
});
