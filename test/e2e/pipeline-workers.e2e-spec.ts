import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ArticlesProcessor } from '../../src/pipeline/articles.processor';
import { ClaimsProcessor } from '../../src/pipeline/claims.processor';
import { WorkerModule } from '../../src/worker.module';
import { openTestDataSource, testConfig, uniqueSuffix, waitFor, WaitAborted } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Several workers on one queue: an API without workers, and two worker contexts (WorkerModule, as `node
 * dist/src/worker.js` runs it, each with its own Redis and PostgreSQL connections) on a queue prefix of their own.
 */
/** Boots, extraction and verification take seconds on a loaded 2-core machine; each wait has its own deadline. */
jest.setTimeout(180_000);

describe('Pipeline with two workers on one queue (e2e)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}_two`;
  let api: TestApp;
  let workers: INestApplicationContext[] = [];
  let db: DataSource;
  /** Every job the two workers complete. The sweep is database-wide, so they may also finish other test files' leftovers. */
  const completed: { worker: number; name: string; id: string; articleId: string }[] = [];

  beforeAll(async () => {
    api = await createTestApp({ RUN_WORKERS: 'false', QUEUE_PREFIX: prefix });
    db = await openTestDataSource();
    const config = testConfig({ QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: '2', LOG_LEVEL: 'silent' });
    workers = await Promise.all(
      [0, 1].map(() => NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false })),
    );
    workers.forEach((ctx, i) => {
      for (const worker of [ctx.get(ArticlesProcessor).worker, ctx.get(ClaimsProcessor).worker]) {
        worker.on('completed', (job) => {
          completed.push({
            worker: i,
            name: job.name,
            id: job.id!,
            articleId: (job.data as { articleId: string }).articleId,
          });
        });
      }
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api?.close();
    await db?.destroy();
  });

  it('verifies every claim of every article exactly once, with no duplicate relation', async () => {
    const key = await api.createKey('integration');
    const tag = uniqueSuffix();
    const texts = [0, 1, 2, 3].map(
      (i) =>
        `Edition ${i} ${tag}. The Harbor City council approved a budget of $4.${i} million on Monday, Mayor Ana Ruiz said. ` +
        `Council member Tom Reyes said about 300 residents attended the meeting, according to the Daily Ledger. ` +
        `The police department reported at least 300 people at the meeting. Officials said 12 roads were closed.`,
    );
    const ids: string[] = [];
    for (const text of texts) {
      const res = await api.http.post('/v1/articles').set('X-API-Key', key).send({ text });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await waitFor(
      async () => {
        const rows: { status: string; failure_reason: string | null }[] = await db.query(
          `SELECT status, failure_reason FROM articles WHERE id = ANY($1)`,
          [ids],
        );
        const failed = rows.find((r) => r.status === 'failed');
        if (failed) throw new WaitAborted(`an article failed: ${failed.failure_reason}`);
        return rows.every((r) => r.status === 'verified') ? true : undefined;
      },
      { timeoutMs: 150_000, what: 'all four articles to be verified' },
    );

    // Exactly once per revision: a claim verified before a later copy related to it is re-verified at revision
    // 2 (its own standalone job, after the article's flow), never twice at the same revision. Wait until those
    // re-verifications have settled: every claim verified at its latest revision, every job's completion seen.
    type ClaimRow = { id: string; runs: number; revision: number; verifiedRevision: number; status: string };
    const verifyJobsOf = (): Map<string, number> => {
      const jobs = new Map<string, number>();
      for (const j of completed.filter((x) => ids.includes(x.articleId) && x.name === 'verify-claim'))
        jobs.set(j.id, (jobs.get(j.id) ?? 0) + 1);
      return jobs;
    };
    const claims = await waitFor(
      async () => {
        const rows: ClaimRow[] = await db.query(
          `SELECT c.id, c.agreement_status AS status, c.revision, c.verified_revision AS "verifiedRevision",
                  (count(v.id) FILTER (WHERE v.status = 'succeeded'))::int AS runs
             FROM claims c LEFT JOIN verification_runs v ON v.claim_id = c.id
            WHERE c.article_id = ANY($1) GROUP BY c.id`,
          [ids],
        );
        const settled = rows.every((c) => c.verifiedRevision === c.revision);
        const jobsSeen = verifyJobsOf().size >= rows.reduce((n, c) => n + c.revision, 0);
        return settled && jobsSeen ? rows : undefined;
      },
      { timeoutMs: 60_000, what: 'every re-verification to settle' },
    );
    expect(claims.length).toBeGreaterThanOrEqual(8);
    expect(claims.filter((c) => c.runs !== c.revision)).toEqual([]);
    expect(claims.filter((c) => c.status === 'pending')).toEqual([]);
    const ours = completed.filter((j) => ids.includes(j.articleId));
    const verifyJobs = verifyJobsOf();
    // Each verify-claim job completed once, one job per claim revision.
    expect(verifyJobs.size).toBe(claims.reduce((n, c) => n + c.revision, 0));
    expect([...verifyJobs.values()].every((n) => n === 1)).toBe(true);
    const duplicates = await db.query(
      `SELECT least(claim_a_id, claim_b_id) AS a, greatest(claim_a_id, claim_b_id) AS b, count(*) AS n
         FROM claim_relations GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    // Both workers took part.
    expect(ours.filter((j) => j.worker === 0).length).toBeGreaterThan(0);
    expect(ours.filter((j) => j.worker === 1).length).toBeGreaterThan(0);
  });
});
