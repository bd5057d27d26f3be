import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import {
  JOB_REVIEW_MAINTENANCE,
  REVIEW_JOB_OPTIONS,
  REVIEW_MAINTENANCE_EVERY_MS,
  REVIEW_MAINTENANCE_SCHEDULER_ID,
  REVIEW_QUEUE,
} from '../pipeline/queues';
import { WebhookDispatchService } from '../webhooks/webhook-dispatch.service';
import { ReviewQueueService } from './review-queue.service';

/** Items older than this are re-ranked (recency decays, sources gain claims), at most REFRESH_BATCH per run. */
const PRIORITY_STALE_SECONDS = 600;
const REFRESH_BATCH = 5000;

/**
 * The review queue's periodic job (one per interval across processes, through a BullMQ job scheduler): clears and
 * audits expired leases, adds check-worthy claims missing from the queue and re-ranks stale items, and re-adds
 * webhook delivery jobs that were lost.
 */
@Processor(REVIEW_QUEUE)
export class ReviewMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewMaintenanceProcessor.name);

  constructor(
    @InjectQueue(REVIEW_QUEUE) private readonly queue: Queue,
    private readonly reviewQueue: ReviewQueueService,
    private readonly dispatch: WebhookDispatchService,
  ) {
    super();
    queue.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
  }

  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        REVIEW_MAINTENANCE_SCHEDULER_ID,
        { every: REVIEW_MAINTENANCE_EVERY_MS },
        { name: JOB_REVIEW_MAINTENANCE, data: {}, opts: REVIEW_JOB_OPTIONS[JOB_REVIEW_MAINTENANCE] },
      )
      .catch((err: Error) => this.logger.warn(`Could not schedule review maintenance: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_REVIEW_MAINTENANCE: {
        const expiredLeases = await this.reviewQueue.expireLeases();
        const refreshed = await this.reviewQueue.refreshStale(PRIORITY_STALE_SECONDS, REFRESH_BATCH);
        const requeuedDeliveries = await this.dispatch.requeueStale();
        return { expiredLeases, refreshed, requeuedDeliveries };
      }
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${REVIEW_QUEUE}`);
    }
  }
}
