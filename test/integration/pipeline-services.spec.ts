import { getFlowProducerToken, getQueueToken } from '@nestjs/bullmq';
import type { TestingModule } from '@nestjs/testing';
import { FlowProducer, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../../src/common/errors';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { PIPELINE_FLOW_PRODUCER } from '../../src/pipeline/flow-producer';
import {
  ARTICLES_QUEUE,
  articleVerifiedJobId,
  CLAIMS_QUEUE,
  extractJobId,
  verifyClaimJobId,
} from '../../src/pipeline/queues';
import { SweepService } from '../../src/pipeline/sweep.service';
import { VerificationService } from '../../src/verification/verification.service';
import { uniqueSuffix } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

/** The pipeline's services without workers: jobs stay in Redis where the test can inspect them. */
describe('pipeline services (PostgreSQL + Redis, no workers)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let verification: VerificationService;
  let sweep: SweepService;
  let articlesQueue: Queue;
  let claimsQueue: Queue;

  beforeAll(async () => {
    context = await createServiceContext({
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_svc`,
      MAX_ARTICLE_BYTES: '5000',
    });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    verification = context.get(VerificationService);
    sweep = context.get(SweepService);
    articlesQueue = context.get(getQueueToken(ARTICLES_QUEUE));
    claimsQueue = context.get(getQueueToken(CLAIMS_QUEUE));
    expect(context.get<FlowProducer>(getFlowProducerToken(PIPELINE_FLOW_PRODUCER))).toBeDefined();
  });
  afterAll(async () => {
    await context.close();
  });

  const article = (tag: string) =>
    `The Lakeside ${tag} water board raised rates by 7% on Tuesday, chairman Omar Haddad said. ` +
    `According to the Lakeside Courier, engineer Rita Moss said about 1,200 homes lost water for two days.`;
  const claimCount = async (articleId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM claims WHERE article_id = $1`, [articleId]))[0].n);

  it('refuses empty and oversized text with domain errors', async () => {
    await expect(articles.submit({ text: ' \n\t ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(articles.submit({ text: 'x'.repeat(5001) })).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it('stores the article, queues its extraction under the article id, and answers duplicates with the first', async () => {
    const text = article(uniqueSuffix());
    const first = await articles.submit({ text });
    expect(first).toEqual({ id: expect.any(String), status: 'received', duplicate: false });
    const job = await articlesQueue.getJob(extractJobId(first.id));
    expect(job?.name).toBe('extract-article');
    expect(job?.data).toEqual({ articleId: first.id });
    const again = await articles.submit({ text, title: 'other' });
    expect(again).toEqual({ id: first.id, status: 'received', duplicate: true });
  });

  it('extracts once: a second run stores nothing and adds no job; the flow has one child per claim', async () => {
    const { id } = await articles.submit({ text: article(uniqueSuffix()) });
    const first = await extraction.extract(id);
    expect(first.extracted).toBe(true);
    expect(first.claims).toBeGreaterThan(0);
    const claims = await claimCount(id);
    expect(claims).toBe(first.claims);

    const second = await extraction.extract(id);
    expect(second).toEqual({ extracted: false, claims });
    expect(await claimCount(id)).toBe(claims);

    const parent = await articlesQueue.getJob(articleVerifiedJobId(id));
    expect(await parent?.getState()).toBe('waiting-children');
    const ids: { id: string }[] = await db.query(`SELECT id FROM claims WHERE article_id = $1`, [id]);
    for (const c of ids)
      expect((await claimsQueue.getJob(verifyClaimJobId(c.id, 1)))?.data).toEqual({
        claimId: c.id,
        articleId: id,
        revision: 1,
      });
    const deps = await parent!.getDependenciesCount();
    expect(deps.unprocessed).toBe(claims);
  });

  it('verifies a claim once: a duplicated job is skipped and changes nothing', async () => {
    const { id } = await articles.submit({ text: article(uniqueSuffix()) });
    await extraction.extract(id);
    const claims: { id: string }[] = await db.query(`SELECT id FROM claims WHERE article_id = $1`, [id]);
    for (const c of claims) {
      expect((await verification.verifyClaim({ claimId: c.id, revision: 1, attempt: 1 })).skipped).toBe(
        false,
      );
    }
    const snapshot = async () => ({
      relations: await db.query(
        `SELECT claim_a_id, claim_b_id, relation, updated_at FROM claim_relations WHERE claim_a_id = ANY($1) OR claim_b_id = ANY($1) ORDER BY 1, 2`,
        [claims.map((c) => c.id)],
      ),
      statuses: await db.query(`SELECT id, agreement_status FROM claims WHERE article_id = $1 ORDER BY id`, [
        id,
      ]),
      runs: await db.query(`SELECT count(*) AS n FROM verification_runs WHERE claim_id = ANY($1)`, [
        claims.map((c) => c.id),
      ]),
    });
    const before = await snapshot();
    expect(Number(before.runs[0].n)).toBe(claims.length);
    expect(before.statuses.every((s: { agreement_status: string }) => s.agreement_status !== 'pending')).toBe(
      true,
    );
    for (const c of claims) {
      expect((await verification.verifyClaim({ claimId: c.id, revision: 1, attempt: 2 })).skipped).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to extract or verify what does not exist (permanent failures)', async () => {
    await expect(extraction.extract(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      verification.verifyClaim({ claimId: randomUUID(), revision: 1, attempt: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sweeps: re-queues an article Redis never got, and restores a lost verification flow', async () => {
    const { id: lost } = await articles.submit({ text: article(uniqueSuffix()) });
    await (await articlesQueue.getJob(extractJobId(lost)))!.remove();
    const { id: flowLost } = await articles.submit({ text: article(uniqueSuffix()) });
    await extraction.extract(flowLost);
    await (await articlesQueue.getJob(articleVerifiedJobId(flowLost)))!.remove({ removeChildren: true });
    expect(await articlesQueue.getJob(articleVerifiedJobId(flowLost))).toBeUndefined();
    await db.query(`UPDATE articles SET updated_at = now() - interval '1 minute' WHERE id = ANY($1)`, [
      [lost, flowLost],
    ]);

    const outcome = await sweep.sweep();
    expect(outcome.requeued).toBeGreaterThanOrEqual(1);
    expect(outcome.flowsRestored).toBeGreaterThanOrEqual(1);
    expect(await articlesQueue.getJob(extractJobId(lost))).toBeDefined();
    expect(await (await articlesQueue.getJob(articleVerifiedJobId(flowLost)))?.getState()).toBe(
      'waiting-children',
    );
  });
});
