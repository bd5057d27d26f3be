import { Injectable, Logger } from '@nestjs/common';
import { ArticlesRepository } from '../articles/articles.repository';
import { ClaimsRepository } from '../claims/claims.repository';
import { SourceEditsService } from '../sources/source-edits.service';
import { ArticleLifecycleService } from './article-lifecycle.service';
import { ExtractionService } from './extraction.service';
import { PipelineQueueService } from './pipeline-queue.service';
import { WireHashBackfillService } from './wire-hash-backfill.service';

/** Articles looked at per state and sweep. */
const SWEEP_BATCH = 500;
/** An article still 'received' this long after its last change was probably never queued (Redis was down). */
const RECEIVED_GRACE_MS = 1000;
/** An article 'extracted' this long without its verification flow in Redis lost it (Redis down at that moment). */
const EXTRACTED_GRACE_MS = 5000;
/** A claim of a verified article this long behind its revision without a job in Redis lost its re-verification. */
const REVISION_GRACE_MS = 5000;

export interface SweepOutcome {
  requeued: number;
  flowsRestored: number;
  failed: number;
  /** Claims whose re-verification job was missing and was added again. */
  reverificationsRequeued: number;
  /** Claims stored before text hashes existed, hashed in this sweep (WireHashBackfillService; it logs them). */
  textHashesChecked: number;
}

/**
 * Work is never lost: the sweep re-queues what the database says is waiting but Redis does not hold. Everything
 * it adds has a deterministic job id, so racing a worker or another sweep is harmless.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
    private readonly queue: PipelineQueueService,
    private readonly extraction: ExtractionService,
    private readonly lifecycle: ArticleLifecycleService,
    private readonly sourceEdits: SourceEditsService,
    private readonly textHashes: WireHashBackfillService,
  ) {}

  async sweep(): Promise<SweepOutcome> {
    const outcome: SweepOutcome = {
      requeued: 0,
      flowsRestored: 0,
      failed: 0,
      reverificationsRequeued: 0,
      textHashesChecked: 0,
    };
    for (const id of await this.articles.findStaleIds('received', RECEIVED_GRACE_MS, SWEEP_BATCH)) {
      if (await this.queue.enqueueExtraction(id, { timeoutMs: 10_000 })) outcome.requeued++;
    }
    for (const id of await this.articles.findStaleIds('extracted', EXTRACTED_GRACE_MS, SWEEP_BATCH)) {
      const flow = await this.queue.verificationFlowState(id);
      if (flow.state === 'missing') {
        await this.extraction.ensureVerificationFlow(id);
        outcome.flowsRestored++;
      } else if (flow.state === 'failed') {
        await this.lifecycle.markFailed(id, `Verification failed: ${flow.reason ?? 'unknown reason'}`);
        outcome.failed++;
      }
    }
    // Claims bumped for re-verification whose job never reached Redis (or was lost with it). Claims of articles not
    // yet verified are left to their article's flow.
    const missing: { id: string; articleId: string; revision: number }[] = [];
    for (const claim of await this.claims.findStaleRevisions(REVISION_GRACE_MS, SWEEP_BATCH)) {
      if (!(await this.queue.hasVerifyClaimJob(claim.id, claim.revision))) missing.push(claim);
    }
    if (missing.length) {
      await this.queue.enqueueReverification(missing, { timeoutMs: 10_000 });
      outcome.reverificationsRequeued = missing.length;
    }
    // Source registry: merges and splits whose agreement recompute was never queued (it logs what it re-queues).
    await this.sourceEdits.requeuePendingChanges();
    // Claims stored before extraction hashed them: a bounded share per sweep, until none is left.
    outcome.textHashesChecked = (await this.textHashes.backfill()).checked;
    if (outcome.requeued || outcome.flowsRestored || outcome.failed || outcome.reverificationsRequeued) {
      this.logger.log(
        `Sweep: ${outcome.requeued} article(s) re-queued, ${outcome.flowsRestored} verification flow(s) restored, ${outcome.failed} marked failed, ${outcome.reverificationsRequeued} re-verification(s) re-queued`,
      );
    }
    return outcome;
  }
}
