import { DataSource } from 'typeorm';
import { openTestDataSource, uniqueWord, waitFor, WaitAborted } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

const VERIFIED_DEADLINE_MS = 150_000;

interface ClaimBody {
  id: string;
  text: string;
  agreementStatus: string;
  agreeingOrigins: number;
  conflictingOrigins: number;
  relations: { claimId: string; relation: string; method: string; explanation: string }[];
}

/** Boots, extraction and verification take seconds on a loaded 2-core machine; each wait has its own deadline. */
jest.setTimeout(300_000);

/**
 * Verification across the corpus through HTTP, with real workers: later articles re-verify earlier claims without
 * any manual call, and wire copies count as one origin.
 */
describe('Verification across the corpus (e2e, real PostgreSQL, Redis and workers)', () => {
  let t: TestApp;
  let integrationKey: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ SWEEP_INTERVAL_MS: '500' });
    integrationKey = await t.createKey('integration');
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  const get = (url: string) => t.http.get(url).set('X-API-Key', t.adminKey);
  const post = async (text: string, outlet: string): Promise<string> => {
    const res = await t.http.post('/v1/articles').set('X-API-Key', integrationKey).send({ text, outlet });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const waitVerified = (id: string) =>
    waitFor(
      async () => {
        const res = await get(`/v1/articles/${id}`);
        if (res.body.status === 'failed') throw new WaitAborted(`article failed: ${res.body.failureReason}`);
        return res.body.status === 'verified' ? (res.body as { wireCopyOf: string | null }) : undefined;
      },
      { timeoutMs: VERIFIED_DEADLINE_MS, what: `article ${id} to be verified` },
    );
  /** The article's first claim (the one with the figure, in these articles). */
  const firstClaim = async (articleId: string): Promise<ClaimBody> => {
    const res = await get(`/v1/articles/${articleId}/claims`);
    expect(res.status).toBe(200);
    return (res.body as { items: ClaimBody[] }).items[0];
  };
  const claim = async (id: string): Promise<ClaimBody> => (await get(`/v1/claims/${id}`)).body as ClaimBody;
  const revisions = async (
    ids: string[],
  ): Promise<{ id: string; revision: number; verified: number | null }[]> =>
    db.query(
      `SELECT id, revision, verified_revision AS verified FROM claims WHERE id = ANY($1) ORDER BY id`,
      [ids],
    );
  /** Until every claim is verified at its revision (the re-verification jobs ran), then returns the revisions. */
  const waitSettled = (ids: string[]) =>
    waitFor(
      async () => {
        const rows = await revisions(ids);
        return rows.every((r) => r.verified !== null && r.verified >= r.revision) ? rows : undefined;
      },
      { timeoutMs: VERIFIED_DEADLINE_MS, what: 're-verifications to finish' },
    );

  describe('conflicting figures, then a corroborating one', () => {
    const place = uniqueWord('Zor');
    let a: ClaimBody;
    let b: ClaimBody;
    let c: ClaimBody;
    let articleA: string;

    it('(a) two outlets, two named sources, figures that do not overlap: both claims conflicting', async () => {
      articleA = await post(
        `At least 40 people were killed when a dam collapsed in ${place} on Monday, police chief Marta Velez said. ` +
          `Rescue teams were still searching the river banks on Tuesday.`,
        'Northern Ledger',
      );
      await waitVerified(articleA);
      a = await firstClaim(articleA);
      expect(a).toMatchObject({
        agreementStatus: 'single_source',
        agreeingOrigins: 1,
        conflictingOrigins: 0,
      });

      const articleB = await post(
        `The dam collapse in ${place} on Monday killed 12 people, regional governor Anil Brook said. ` +
          `Schools in the valley stayed closed.`,
        'Valley Post',
      );
      await waitVerified(articleB);
      b = await firstClaim(articleB);
      await waitSettled([a.id, b.id]);

      a = await claim(a.id);
      b = await claim(b.id);
      expect(a).toMatchObject({ agreementStatus: 'conflicting', agreeingOrigins: 1, conflictingOrigins: 1 });
      expect(b).toMatchObject({ agreementStatus: 'conflicting', agreeingOrigins: 1, conflictingOrigins: 1 });
      expect(a.relations).toEqual([
        expect.objectContaining({ claimId: b.id, relation: 'conflict', method: 'quantity-interval' }),
      ]);
      // The earlier claim was re-verified by a standalone job (revision 2), without any call.
      const runs: { revision: number; status: string; jobId: string }[] = await db.query(
        `SELECT revision, status, job_id AS "jobId" FROM verification_runs WHERE claim_id = $1 ORDER BY started_at`,
        [a.id],
      );
      expect(runs).toEqual([
        { revision: 1, status: 'succeeded', jobId: `verify-${a.id}-r1` },
        { revision: 2, status: 'succeeded', jobId: `verify-${a.id}-r2` },
      ]);
    });

    it('(b) a third outlet corroborates one figure: statuses and counts update by themselves', async () => {
      const articleC = await post(
        `About 45 people died when the dam in ${place} collapsed on Monday, Red Cross spokesman Jonas Pike told reporters. ` +
          `Aid lorries reached the valley on Wednesday.`,
        'Coast Herald',
      );
      await waitVerified(articleC);
      c = await firstClaim(articleC);
      const settled = await waitSettled([a.id, b.id, c.id]);

      a = await claim(a.id);
      b = await claim(b.id);
      c = await claim(c.id);
      // A (Velez) and C (Pike) agree; B (Brook) conflicts with both.
      expect(a).toMatchObject({ agreementStatus: 'conflicting', agreeingOrigins: 2, conflictingOrigins: 1 });
      expect(b).toMatchObject({ agreementStatus: 'conflicting', agreeingOrigins: 1, conflictingOrigins: 2 });
      expect(c).toMatchObject({ agreementStatus: 'conflicting', agreeingOrigins: 2, conflictingOrigins: 1 });

      // B was re-verified at revision 2; the new claim C never was (nothing later changed its relations): no
      // ping-pong, and the revisions stay where they are.
      const rev = new Map(settled.map((r) => [r.id, r.revision]));
      expect(rev.get(b.id)).toBe(2);
      expect(rev.get(c.id)).toBe(1);
      expect(rev.get(a.id)).toBeGreaterThanOrEqual(2);
      const reverified: { n: string }[] = await db.query(
        `SELECT count(*) AS n FROM verification_runs WHERE claim_id = $1 AND revision = 2 AND status = 'succeeded'`,
        [b.id],
      );
      expect(Number(reverified[0].n)).toBe(1);

      // The status changes of the earlier claims are audited with their evidence.
      const audits: { after: { agreeingOrigins: number; evidence: { claimId: string }[] } }[] =
        await db.query(
          `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'claim.status_changed' ORDER BY at`,
          [a.id],
        );
      const last = audits[audits.length - 1].after;
      expect(last.agreeingOrigins).toBe(2);
      expect(last.evidence.map((e) => e.claimId).sort()).toEqual([b.id, c.id].sort());
      // The earlier article stays verified (re-verification is no part of its flow).
      expect((await get(`/v1/articles/${articleA}`)).body.status).toBe('verified');
      expect(await revisions([a.id, b.id, c.id])).toEqual(settled);
    });
  });

  it('(c) the same wire text in two outlets is one origin, not corroborated', async () => {
    const town = uniqueWord('Kel');
    const story =
      `At least 200 homes were flooded in ${town} after the river burst its banks on Sunday, a senior official said. ` +
      `About 1,500 residents of ${town} were moved to emergency shelters overnight, officials said. ` +
      `The regional weather office said more rain was expected in ${town} on Tuesday.`;
    const wire = await post(story, 'Agency Wire');
    expect((await waitVerified(wire)).wireCopyOf).toBeNull();
    const copy = await post(
      `${town.toUpperCase()} (Wire) - ${story} Schools in ${town} will reopen next week.`,
      'Daily Courier',
    );
    expect((await waitVerified(copy)).wireCopyOf).toBe(wire);
    const original = await firstClaim(wire);
    await waitSettled([original.id]);

    const carried = await firstClaim(copy);
    expect(carried.text).toBe(original.text);
    for (const x of [await claim(original.id), carried]) {
      expect(x).toMatchObject({
        agreementStatus: 'single_source',
        agreeingOrigins: 1,
        conflictingOrigins: 0,
      });
    }
    expect(carried.relations).toEqual([
      {
        claimId: original.id,
        relation: 'agree',
        score: 1,
        method: 'wire_copy',
        explanation: expect.stringMatching(
          /^the same wire copy, carried by (Agency Wire and Daily Courier|Daily Courier and Agency Wire): one origin$/,
        ),
      },
    ]);
  });
});
