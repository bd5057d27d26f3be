import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { NotFoundError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { VerificationBatcher } from '../verification/verification-batcher.service';
import { VerificationService } from '../verification/verification.service';
import { ArticleLifecycleService } from './article-lifecycle.service';
import { CLAIMS_QUEUE, isLastAttempt, JOB_VERIFY_CLAIM, type VerifyClaimPayload } from './queues';

/**
 * The claims queue: one verification job per claim revision, either a child of its article's article-verified flow
 * (revision 1) or a standalone re-verification (no parent). Only a flow child's final failure fails its article.
 * The jobs a process holds at once are verified in batches (VerificationBatcher); each job keeps its own outcome.
 */
@Processor(CLAIMS_QUEUE)
export class ClaimsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClaimsProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly verification: VerificationService,
    private readonly batcher: VerificationBatcher,
    private readonly lifecycle: ArticleLifecycleService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Many jobs at once: the claims they ask for are verified together in batches (VerificationBatcher).
    this.worker.concurrency = this.config.verifyConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_VERIFY_CLAIM:
        return this.verify(job as Job<VerifyClaimPayload>);
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${CLAIMS_QUEUE}`);
    }
  }

  private async verify(job: Job<VerifyClaimPayload>): Promise<unknown> {
    const { claimId, articleId, revision } = job.data;
    const cmd = { claimId, revision, attempt: job.attemptsMade + 1, jobId: job.id };
    const startedAt = new Date();
    try {
      return await this.batcher.verify(cmd);
    } catch (err) {
      if (err instanceof NotFoundError) throw new UnrecoverableError(err.message);
      await this.verification.recordFailure(cmd, startedAt, err).catch((e: Error) => {
        this.logger.warn(`Could not record the failed verification of claim ${claimId}: ${e.message}`);
      });
      // A standalone re-verification (flagged, and without a parent) has no article to fail.
      if (isLastAttempt(job) && (job.data.reverify === true || !job.parentKey)) {
        this.logger.warn(
          `Re-verification of claim ${claimId} (revision ${revision}) failed after ${job.attemptsMade + 1} attempt(s): ${(err as Error).message}; the claim keeps its last status`,
        );
      } else if (isLastAttempt(job)) {
        await this.lifecycle.markFailed(
          articleId,
          `Verification of claim ${claimId} failed after ${job.attemptsMade + 1} attempt(s): ${(err as Error).message}`,
        );
      }
      throw err;
    }
  }

  /** Redis outages and lost locks: logged; the worker reconnects and BullMQ retries stalled jobs. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`Worker: ${err.message}`);
  }
}
