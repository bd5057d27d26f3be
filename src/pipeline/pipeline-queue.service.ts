import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import { PIPELINE_FLOW_PRODUCER } from './flow-producer';
import {
  ARTICLES_QUEUE,
  articleVerifiedJobId,
  CLAIMS_QUEUE,
  extractJobId,
  JOB_ARTICLE_VERIFIED,
  JOB_EXTRACT_ARTICLE,
  JOB_OPTIONS,
  JOB_SWEEP,
  JOB_VERIFY_CLAIM,
  JOB_RECOMPUTE_SOURCE_CHANGE,
  MAINTENANCE_QUEUE,
  recomputeSourceChangeJobId,
  REVERIFY_CLAIM_OPTIONS,
  SOURCE_JOB_OPTIONS,
  SWEEP_SCHEDULER_ID,
  type RecomputeSourceChangePayload,
  verifyClaimJobId,
  type ArticleVerifiedPayload,
  type ExtractArticlePayload,
  type VerifyClaimPayload,
} from './queues';

/** How long a request waits for Redis to take a job before answering anyway (the sweep enqueues it later). */
const ENQUEUE_TIMEOUT_MS = 2000;

export type FlowState = 'missing' | 'failed' | 'present';

/** Adds the pipeline's jobs. Every add uses a deterministic job id, so adding twice is harmless. */
@Injectable()
export class PipelineQueueService {
  private readonly logger = new Logger(PipelineQueueService.name);

  constructor(
    @InjectQueue(ARTICLES_QUEUE) private readonly articles: Queue,
    @InjectQueue(CLAIMS_QUEUE) private readonly claims: Queue,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenance: Queue,
    @InjectFlowProducer(PIPELINE_FLOW_PRODUCER) private readonly flows: FlowProducer,
  ) {
    // Without a listener, a connection error event would crash the process; Redis outages are expected.
    const warn = (err: Error) => this.logger.warn(`Redis: ${err.message}`);
    articles.on('error', warn);
    claims.on('error', warn);
    maintenance.on('error', warn);
    flows.on('error', warn);
  }

  /** Queues the extraction of an article. Waits at most ENQUEUE_TIMEOUT_MS; returns false when Redis did not take it. */
  async enqueueExtraction(articleId: string, { timeoutMs = ENQUEUE_TIMEOUT_MS } = {}): Promise<boolean> {
    const payload: ExtractArticlePayload = { articleId };
    const adding = this.articles.add(JOB_EXTRACT_ARTICLE, payload, {
      ...JOB_OPTIONS[JOB_EXTRACT_ARTICLE],
      jobId: extractJobId(articleId),
    });
    return this.addedWithin(adding, timeoutMs, `extraction of article ${articleId}`);
  }

  /** The flow that verifies every claim of an article, then marks the article verified (parent job). */
  async addVerificationFlow(articleId: string, claims: { id: string; revision: number }[]): Promise<void> {
    const parent: ArticleVerifiedPayload = { articleId };
    await this.flows.add({
      name: JOB_ARTICLE_VERIFIED,
      queueName: ARTICLES_QUEUE,
      data: parent,
      opts: { ...JOB_OPTIONS[JOB_ARTICLE_VERIFIED], jobId: articleVerifiedJobId(articleId) },
      children: claims.map((c) => ({
        name: JOB_VERIFY_CLAIM,
        queueName: CLAIMS_QUEUE,
        data: { claimId: c.id, articleId, revision: c.revision } satisfies VerifyClaimPayload,
        opts: { ...JOB_OPTIONS[JOB_VERIFY_CLAIM], jobId: verifyClaimJobId(c.id, c.revision) },
      })),
    });
  }

  /**
   * Standalone re-verification jobs (no parent), one per claim revision: `verify-<claimId>-r<revision>`, so adding
   * the same revision twice is a no-op.
   */
  async enqueueReverification(
    claims: { id: string; articleId: string; revision: number }[],
    { timeoutMs = ENQUEUE_TIMEOUT_MS } = {},
  ): Promise<void> {
    if (!claims.length) return;
    const adding = this.claims.addBulk(
      claims.map((c) => ({
        name: JOB_VERIFY_CLAIM,
        data: {
          claimId: c.id,
          articleId: c.articleId,
          revision: c.revision,
          reverify: true,
        } satisfies VerifyClaimPayload,
        opts: { ...REVERIFY_CLAIM_OPTIONS, jobId: verifyClaimJobId(c.id, c.revision) },
      })),
    );
    // A late success is fine (same job ids); a late failure must not become an unhandled rejection.
    adding.catch(() => undefined);
    await withTimeout(adding, timeoutMs);
  }

  /** Whether the verification job of this claim revision is in Redis (in any state). */
  async hasVerifyClaimJob(claimId: string, revision: number): Promise<boolean> {
    return (await this.claims.getJob(verifyClaimJobId(claimId, revision))) !== undefined;
  }

  /** Whether the article's verification flow is in Redis, and whether it failed. */
  async verificationFlowState(articleId: string): Promise<{ state: FlowState; reason?: string }> {
    const job = await this.articles.getJob(articleVerifiedJobId(articleId));
    if (!job) return { state: 'missing' };
    if ((await job.getState()) === 'failed') return { state: 'failed', reason: job.failedReason };
    return { state: 'present' };
  }

  /**
   * Queues the agreement recompute of an editor's source merge or split (after its commit). Waits at most
   * ENQUEUE_TIMEOUT_MS; returns false when Redis did not take it (the sweep re-enqueues pending changes).
   */
  async enqueueSourceChange(changeId: string, { timeoutMs = ENQUEUE_TIMEOUT_MS } = {}): Promise<boolean> {
    const payload: RecomputeSourceChangePayload = { changeId };
    const adding = this.maintenance.add(JOB_RECOMPUTE_SOURCE_CHANGE, payload, {
      ...SOURCE_JOB_OPTIONS[JOB_RECOMPUTE_SOURCE_CHANGE],
      jobId: recomputeSourceChangeJobId(changeId),
    });
    return this.addedWithin(adding, timeoutMs, `the recompute of source change ${changeId}`);
  }

  /**
   * Waits at most `timeoutMs` for Redis to take a job; false (logged) when it did not, for the sweep to retry. A late
   * success is fine (deterministic job id); a late failure must not become an unhandled rejection.
   */
  private async addedWithin(adding: Promise<unknown>, timeoutMs: number, what: string): Promise<boolean> {
    try {
      await withTimeout(adding, timeoutMs);
      return true;
    } catch (err) {
      adding.catch(() => undefined);
      this.logger.warn(`Could not enqueue ${what} (${(err as Error).message}); the sweep will retry`);
      return false;
    }
  }

  /** One sweep job per interval across all processes (a BullMQ job scheduler is the lock). */
  async scheduleSweep(everyMs: number): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: everyMs },
      { name: JOB_SWEEP, data: {}, opts: JOB_OPTIONS[JOB_SWEEP] },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
