import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import {
  deliverWebhookJobId,
  type DeliverWebhookPayload,
  JOB_DELIVER_WEBHOOK,
  REVIEW_JOB_OPTIONS,
  WEBHOOKS_QUEUE,
} from '../pipeline/queues';
import { WorkspaceSettingsService } from '../workspace-settings/workspace-settings.service';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookEvent } from './webhook.entity';
import { WebhooksRepository } from './webhooks.repository';

/** Delay of a delivery job emitted inside a transaction, so the job finds the committed delivery row. */
const COMMIT_GRACE_MS = 250;

/**
 * Turns an event into deliveries: one pending row per subscribed webhook (in the caller's transaction when given,
 * like an outbox), then one BullMQ job per delivery with the workspace's attempts and backoff. Enqueueing never
 * blocks or fails the caller: a job that could not be added is re-added by the review maintenance job.
 */
@Injectable()
export class WebhookDispatchService {
  private readonly logger = new Logger(WebhookDispatchService.name);

  constructor(
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly settings: WorkspaceSettingsService,
  ) {
    queue.on('error', (err: Error) => this.logger.warn(`Redis: ${err.message}`));
  }

  /** Records deliveries of `event` to every subscriber; returns their ids. */
  emit(event: WebhookEvent, data: Record<string, unknown>, em?: EntityManager): Promise<string[]> {
    return this.emitMany(event, [data], em);
  }

  /** Several occurrences of one event (one delivery per occurrence and subscriber); returns the delivery ids. */
  async emitMany(
    event: WebhookEvent,
    occurrences: Record<string, unknown>[],
    em?: EntityManager,
  ): Promise<string[]> {
    if (!occurrences.length) return [];
    const webhookIds = await this.webhooks.findSubscribedIds(event, em);
    if (!webhookIds.length) return [];
    const ids = await this.deliveries.insertPending(
      occurrences.flatMap((data) => webhookIds.map((webhookId) => ({ webhookId, event, data }))),
      em,
    );
    this.enqueueInBackground(ids, em ? COMMIT_GRACE_MS : 0);
    return ids;
  }

  enqueueInBackground(deliveryIds: string[], delayMs = 0): void {
    this.enqueue(deliveryIds, delayMs).catch((err: Error) => {
      this.logger.warn(
        `Could not enqueue webhook deliveries (${err.message}); the maintenance job will retry`,
      );
    });
  }

  /** Re-adds the jobs of deliveries still pending after `minAgeSeconds` (a no-op for jobs that exist). */
  async requeueStale(minAgeSeconds = 120, limit = 500): Promise<number> {
    const ids = await this.deliveries.findStalePendingIds(minAgeSeconds, limit);
    await this.enqueue(ids);
    return ids.length;
  }

  /** Adds the delivery jobs (deterministic ids: adding one twice is a no-op). */
  async enqueue(deliveryIds: string[], delayMs = 0): Promise<void> {
    if (!deliveryIds.length) return;
    const { webhookMaxAttempts, webhookBackoffMs } = await this.settings.get();
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: JOB_DELIVER_WEBHOOK,
        data: { deliveryId } satisfies DeliverWebhookPayload,
        opts: {
          ...REVIEW_JOB_OPTIONS[JOB_DELIVER_WEBHOOK],
          attempts: webhookMaxAttempts,
          backoff: { type: 'exponential', delay: webhookBackoffMs },
          jobId: deliverWebhookJobId(deliveryId),
          delay: delayMs,
        },
      })),
    );
  }
}
