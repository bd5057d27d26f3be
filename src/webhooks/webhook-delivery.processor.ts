import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import {
  type DeliverWebhookPayload,
  isLastAttempt,
  JOB_DELIVER_WEBHOOK,
  WEBHOOKS_QUEUE,
} from '../pipeline/queues';
import { WebhookDeliveryImpossibleError, WebhooksService } from './webhooks.service';

/** Attempts before a delivery whose row is not visible is dropped (its transaction rolled back). */
const MISSING_ATTEMPTS = 3;

/** The webhooks queue: one job per delivery; a failed POST throws, and BullMQ retries it with backoff. */
@Processor(WEBHOOKS_QUEUE)
export class WebhookDeliveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_DELIVER_WEBHOOK:
        return this.deliver(job as Job<DeliverWebhookPayload>);
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${WEBHOOKS_QUEUE}`);
    }
  }

  private async deliver(job: Job<DeliverWebhookPayload>): Promise<unknown> {
    let outcome: Awaited<ReturnType<WebhooksService['deliver']>>;
    try {
      outcome = await this.webhooks.deliver(job.data.deliveryId, isLastAttempt(job));
    } catch (err) {
      // Recorded as failed already; retrying cannot help until an administrator fixes the key.
      if (err instanceof WebhookDeliveryImpossibleError) throw new UnrecoverableError(err.message);
      throw err;
    }
    if (outcome === 'missing' && job.attemptsMade + 1 < MISSING_ATTEMPTS) {
      // Emitted inside a transaction that may not have committed yet: look again after the backoff.
      throw new Error(`Delivery ${job.data.deliveryId} is not visible yet`);
    }
    return { outcome };
  }
}
