import { getQueueToken } from '@nestjs/bullmq';
import type { TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { AppConfig } from '../../src/config/app-config';
import { ArticleLifecycleService } from '../../src/pipeline/article-lifecycle.service';
import { ClaimsProcessor } from '../../src/pipeline/claims.processor';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import {
  ARTICLES_QUEUE,
  articleVerifiedJobId,
  CLAIMS_QUEUE,
  JOB_VERIFY_CLAIM,
  verifyClaimJobId,
} from '../../src/pipeline/queues';
import { SweepService } from '../../src/pipeline/sweep.service';
import { ReverificationService } from '../../src/verification/reverification.service';
import { VerificationBatcher } from '../../src/verification/verification-batcher.service';
import { VerificationService } from '../../src/verification/verification.service';
import { insertTestArticle, insertTestClaim, uniqueWord } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

interface ClaimRow {
  id: string;
  revision: number;
  verifiedRevision: number | null;
  status: string;
  agreeing: number;
  conflicting: number;
}

/** Re-verification of earlier claims, on real PostgreSQL and Redis, without workers (jobs stay in Redis). */
describe('re-verification (PostgreSQL + Redis, no workers)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let verification: VerificationService;
  let reverification: ReverificationService;
  let lifecycle: ArticleLifecycleService;
  let sweep: SweepService;
  let claimsQueue: Queue;
  let articlesQueue: Queue;

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_reverify` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    verification = context.get(VerificationService);
    reverification = context.get(ReverificationService);
    lifecycle = context.get(ArticleLifecycleService);
    sweep = context.get(SweepService);
    claimsQueue = context.get(getQueueToken(CLAIMS_QUEUE));
    articlesQueue = context.get(getQueueToken(ARTICLES_QUEUE));
  });
  afterAll(async () => {
    await context.close();
  });

  const claimRow = async (id: string): Promise<ClaimRow> =>
    (
      await db.query(
        `SELECT id, revision, verified_revision AS "verifiedRevision", agreement_status AS status,
                agreeing_origins AS agreeing, conflicting_origins AS conflicting
           FROM claims WHERE id = $1`,
        [id],
      )
    )[0];
  /** Posts, extracts and verifies an article as the workers would (revision 1 of each claim); its first claim. */
  const ingest = async (text: string, outlet: string): Promise<{ articleId: string; first: string }> => {
    const { id } = await articles.submit({ text, outlet });
    await extraction.extract(id);
    const claims: { id: string }[] = await db.query(
      `SELECT id FROM claims WHERE article_id = $1 ORDER BY span_start`,
      [id],
    );
    for (const c of claims) await verification.verifyClaim({ claimId: c.id, revision: 1, attempt: 1 });
    await lifecycle.markVerified(id);
    return { articleId: id, first: claims[0].id };
  };

  it('bumps a claim only when it is verified at its revision, once per burst', async () => {
    const articleId = await insertTestArticle(db);
    const verified = await insertTestClaim(db, articleId, 'verified claim', 0);
    const pending = await insertTestClaim(db, articleId, 'pending claim', 20);
    const behind = await insertTestClaim(db, articleId, 'claim already waiting', 40);
    await db.query(`UPDATE claims SET verified_revision = 1 WHERE id = $1`, [verified]);
    await db.query(`UPDATE claims SET revision = 2, verified_revision = 1 WHERE id = $1`, [behind]);

    const first = await db.transaction((em) =>
      reverification.request(em, [verified, pending, behind, verified]),
    );
    expect(first).toEqual([{ id: verified, articleId, revision: 2 }]);
    // A second change before the re-verification ran: nothing more to bump.
    expect(await db.transaction((em) => reverification.request(em, [verified, pending, behind]))).toEqual([]);
    expect((await claimRow(verified)).revision).toBe(2);
    expect((await claimRow(pending)).revision).toBe(1);
    expect((await claimRow(behind)).revision).toBe(2);

    // A rolled-back transaction bumps nothing.
    await db.query(`UPDATE claims SET verified_revision = 2 WHERE id = $1`, [verified]);
    await expect(
      db.transaction(async (em) => {
        await reverification.request(em, [verified]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await claimRow(verified)).revision).toBe(2);
  });

  it('re-verifies an earlier claim when a later claim relates to it, and converges', async () => {
    const place = uniqueWord('Zor');
    const a = await ingest(
      `At least 40 people were killed when a dam collapsed in ${place} on Monday, police chief Marta Velez said. ` +
        `Rescue teams were still searching the river banks on Tuesday.`,
      'Northern Ledger',
    );
    expect(await claimRow(a.first)).toMatchObject({
      revision: 1,
      verifiedRevision: 1,
      status: 'single_source',
    });

    // B conflicts with A: A is bumped to revision 2 and its standalone re-verification is queued.
    const b = await ingest(
      `The dam collapse in ${place} on Monday killed 12 people, regional governor Anil Brook said. ` +
        `Schools in the valley stayed closed.`,
      'Valley Post',
    );
    expect(await claimRow(b.first)).toMatchObject({ status: 'conflicting', verifiedRevision: 1 });
    expect(await claimRow(a.first)).toMatchObject({
      status: 'conflicting',
      revision: 2,
      verifiedRevision: 1,
    });
    const job = await claimsQueue.getJob(verifyClaimJobId(a.first, 2));
    expect(job?.name).toBe('verify-claim');
    expect(job?.data).toEqual({ claimId: a.first, articleId: a.articleId, revision: 2, reverify: true });
    expect(job?.parentKey).toBeUndefined();

    // C agrees with A (A already waits for its re-verification: not bumped again) and conflicts with B (bumped).
    const c = await ingest(
      `About 45 people died when the dam in ${place} collapsed on Monday, Red Cross spokesman Jonas Pike told reporters. ` +
        `Aid lorries reached the valley on Wednesday.`,
      'Coast Herald',
    );
    expect(await claimRow(a.first)).toMatchObject({ revision: 2, verifiedRevision: 1 });
    expect(await claimRow(b.first)).toMatchObject({ revision: 2, verifiedRevision: 1 });
    expect(await claimsQueue.getJob(verifyClaimJobId(b.first, 2))).toBeDefined();

    // The workers' re-verifications: same relations, nothing changes, nobody is bumped (no ping-pong).
    const ra = await verification.verifyClaim({ claimId: a.first, revision: 2, attempt: 1 });
    const rb = await verification.verifyClaim({ claimId: b.first, revision: 2, attempt: 1 });
    expect(ra).toMatchObject({ skipped: false, reverified: 0 });
    expect(rb).toMatchObject({ skipped: false, reverified: 0 });
    expect((await verification.verifyClaim({ claimId: a.first, revision: 2, attempt: 2 })).skipped).toBe(
      true,
    );
    for (const id of [a.first, b.first, c.first]) {
      const row = await claimRow(id);
      expect(row.verifiedRevision).toBe(row.revision);
    }
    expect(await claimRow(c.first)).toMatchObject({ revision: 1 });

    // Counts: A (Velez) and C (Pike) agree; B (Brook) conflicts with both.
    expect(await claimRow(a.first)).toMatchObject({ status: 'conflicting', agreeing: 2, conflicting: 1 });
    expect(await claimRow(b.first)).toMatchObject({ status: 'conflicting', agreeing: 1, conflicting: 2 });
    expect(await claimRow(c.first)).toMatchObject({ status: 'conflicting', agreeing: 2, conflicting: 1 });

    // Each revision of A has its verification run; every status change of A is audited with its evidence.
    const runs: { revision: number; status: string }[] = await db.query(
      `SELECT revision, status FROM verification_runs WHERE claim_id = $1 ORDER BY started_at`,
      [a.first],
    );
    expect(runs).toEqual([
      { revision: 1, status: 'succeeded' },
      { revision: 2, status: 'succeeded' },
    ]);
    const audits: { after: { agreementStatus: string; evidence: { claimId: string }[] } }[] = await db.query(
      `SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'claim.status_changed' ORDER BY at`,
      [a.first],
    );
    expect(audits.map((x) => x.after.agreementStatus)).toEqual([
      'single_source',
      'conflicting',
      'conflicting',
    ]);
    expect(audits[2].after.evidence.map((e) => e.claimId).sort()).toEqual([b.first, c.first].sort());
  });

  it('sweeps: re-queues the re-verification of a claim of a verified article whose job was lost', async () => {
    const place = uniqueWord('Mel');
    const a = await ingest(
      `At least 30 people were injured when a bridge collapsed in ${place} on Friday, fire chief Ola Brandt said.`,
      'Harbour Times',
    );
    const [ticket] = await db.transaction((em) => reverification.request(em, [a.first]));
    expect(ticket).toEqual({ id: a.first, articleId: a.articleId, revision: 2 });
    // Redis never got the job: nothing is queued until the claim has been behind for the grace period.
    expect(await claimsQueue.getJob(verifyClaimJobId(a.first, 2))).toBeUndefined();
    await sweep.sweep();
    expect(await claimsQueue.getJob(verifyClaimJobId(a.first, 2))).toBeUndefined();

    await db.query(`UPDATE claims SET updated_at = now() - interval '1 minute' WHERE id = $1`, [a.first]);
    const outcome = await sweep.sweep();
    expect(outcome.reverificationsRequeued).toBeGreaterThanOrEqual(1);
    const job = await claimsQueue.getJob(verifyClaimJobId(a.first, 2));
    expect(job?.data).toEqual({ claimId: a.first, articleId: a.articleId, revision: 2, reverify: true });

    // Present now: the next sweep adds nothing for it; once verified, the claim is no longer swept.
    const again = await sweep.sweep();
    const stillMissing = await db.query(
      `SELECT 1 FROM claims WHERE id = $1 AND verified_revision < revision`,
      [a.first],
    );
    expect(stillMissing).toHaveLength(1);
    expect(again.reverificationsRequeued).toBe(0);
    await verification.verifyClaim({ claimId: a.first, revision: 2, attempt: 1 });
    expect(await claimRow(a.first)).toMatchObject({ revision: 2, verifiedRevision: 2 });
  });

  it('a re-verification that fails for good fails no article; a flow child that does fails its article', async () => {
    const articleOf = async (status: 'extracted' | 'verified') => {
      const articleId = await insertTestArticle(db);
      await db.query(`UPDATE articles SET status = $2 WHERE id = $1`, [articleId, status]);
      return { articleId, claimId: await insertTestClaim(db, articleId, 'a claim', 0) };
    };
    // Verification itself is replaced by one that always fails (a database outage, say); the article's fate is real.
    const failing = {
      verifyClaims: () => Promise.reject(new Error('database went away')),
      recordFailure: () => Promise.resolve(),
    } as unknown as VerificationService;
    const config = context.get(AppConfig);
    const processor = new ClaimsProcessor(
      config,
      failing,
      new VerificationBatcher(config, failing),
      lifecycle,
    );
    const lastAttempt = (data: object, parentKey?: string) =>
      ({ name: JOB_VERIFY_CLAIM, id: 'x', data, attemptsMade: 4, opts: { attempts: 5 }, parentKey }) as never;
    const statusOf = async (id: string) =>
      (await db.query(`SELECT status FROM articles WHERE id = $1`, [id]))[0].status;

    const earlier = await articleOf('verified');
    await expect(processor.process(lastAttempt({ ...earlier, revision: 2, reverify: true }))).rejects.toThrow(
      'database went away',
    );
    expect(await statusOf(earlier.articleId)).toBe('verified');

    const fresh = await articleOf('extracted');
    await expect(
      processor.process(lastAttempt({ ...fresh, revision: 1 }, `bull:articles:verified-${fresh.articleId}`)),
    ).rejects.toThrow('database went away');
    expect(await statusOf(fresh.articleId)).toBe('failed');
  });

  it('a restored verification flow leaves out claims verified before it was lost', async () => {
    const place = uniqueWord('Dor');
    const { id } = await articles.submit({
      text:
        `At least 30 people were injured when a bridge collapsed in ${place} on Friday, fire chief Ola Brandt said. ` +
        `About 200 residents of ${place} were moved to a school overnight, mayor Ivo Lund said.`,
    });
    await extraction.extract(id);
    const [first, ...rest]: { id: string }[] = await db.query(
      `SELECT id FROM claims WHERE article_id = $1 ORDER BY span_start`,
      [id],
    );
    expect(rest.length).toBeGreaterThan(0);
    await verification.verifyClaim({ claimId: first.id, revision: 1, attempt: 1 });
    const tickets = await db.transaction((em) => reverification.request(em, [first.id]));
    await reverification.enqueue(tickets);
    // Redis loses the flow (not the standalone job, which a test can keep); the sweep restores it.
    await (await articlesQueue.getJob(articleVerifiedJobId(id)))!.remove({ removeChildren: true });
    await extraction.ensureVerificationFlow(id);
    const parent = await articlesQueue.getJob(articleVerifiedJobId(id));
    expect((await parent!.getDependenciesCount()).unprocessed).toBe(rest.length);
    for (const c of rest)
      expect((await claimsQueue.getJob(verifyClaimJobId(c.id, 1)))?.parentKey).toBeDefined();
    expect((await claimsQueue.getJob(verifyClaimJobId(first.id, 2)))?.parentKey).toBeUndefined();
  });
});
