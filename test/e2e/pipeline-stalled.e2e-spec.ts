import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { redisConnectionOptions } from '../../src/pipeline/queue.module';
import { ARTICLES_QUEUE, extractJobId } from '../../src/pipeline/queues';
import { WorkerModule } from '../../src/worker.module';
import { openTestDataSource, testConfig, uniqueSuffix, waitFor } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

/** BullMQ checks for stalled jobs every 30 s by default; recovery takes one to two such intervals. */
jest.setTimeout(240_000);

describe('A worker killed mid-job (e2e)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}_stall`;
  let api: TestApp;
  let db: DataSource;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await createTestApp({ RUN_WORKERS: 'false', QUEUE_PREFIX: prefix });
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.destroy();
  });

  it('leaves its job to BullMQ, which hands it to another worker: the article is still verified', async () => {
    const key = await api.createKey('integration');
    const res = await api.http
      .post('/v1/articles')
      .set('X-API-Key', key)
      .send({
        text: `The port ${uniqueSuffix()} handled 1.2 million containers last year, the harbour authority said.`,
      });
    expect(res.status).toBe(202);
    const articleId = res.body.id as string;

    // The "crashing" worker: takes the extraction job (now active, locked for 1 s) and dies without finishing it.
    const config = testConfig({ QUEUE_PREFIX: prefix });
    const connection = redisConnectionOptions(config.redisUrl);
    const crashing = new Worker(ARTICLES_QUEUE, null, {
      connection,
      prefix,
      autorun: false,
      lockDuration: 1000,
    });
    const taken = await crashing.getNextJob('crashing-worker-token');
    expect(taken?.id).toBe(extractJobId(articleId));
    await crashing.close(true);

    const queue = new Queue(ARTICLES_QUEUE, { connection, prefix });
    try {
      expect(await (await queue.getJob(extractJobId(articleId)))?.getState()).toBe('active');
      // A healthy worker process starts; BullMQ's stalled-job check moves the orphaned job back and it runs.
      worker = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(testConfig({ QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' })),
        { logger: false },
      );
      await waitFor(
        async () => {
          const rows: { status: string }[] = await db.query(`SELECT status FROM articles WHERE id = $1`, [
            articleId,
          ]);
          return rows[0].status === 'verified' ? true : undefined;
        },
        { timeoutMs: 200_000, intervalMs: 500, what: 'the orphaned article to be verified' },
      );
      const job = await queue.getJob(extractJobId(articleId));
      expect(job?.stalledCounter ?? 0).toBeGreaterThanOrEqual(1);
    } finally {
      await queue.close();
    }
    const claims: { n: string }[] = await db.query(`SELECT count(*) AS n FROM claims WHERE article_id = $1`, [
      articleId,
    ]);
    expect(Number(claims[0].n)).toBeGreaterThan(0);
  });
});
