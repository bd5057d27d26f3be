import { Injectable } from '@nestjs/common';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { NotFoundError, ValidationError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import type { WebhookDelivery } from './webhook-delivery.entity';
import { type DeliveryCursor, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatchService } from './webhook-dispatch.service';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  generateWebhookSecret,
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
} from './webhook-signature';
import type { Webhook, WebhookEvent } from './webhook.entity';
import { WebhooksRepository } from './webhooks.repository';

const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

/** A receiver did not accept a delivery; BullMQ retries the job with backoff. */
export class WebhookDeliveryFailedError extends Error {}

export type DeliveryOutcome = 'delivered' | 'already-settled' | 'missing';

const isDeliveryCursor = (v: unknown): v is DeliveryCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DeliveryCursor).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as DeliveryCursor).createdAt)) &&
  typeof (v as DeliveryCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as DeliveryCursor).id);

/** Webhook subscriptions, their deliveries, and the signed HTTP POST of one delivery. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly dispatch: WebhookDispatchService,
  ) {}

  async create(
    input: { url: string; events: WebhookEvent[]; secret?: string },
    caller: AuthenticatedKey,
  ): Promise<Webhook> {
    const events = [...new Set(input.events)];
    if (!events.length) throw new ValidationError('events must name at least one event.');
    return this.webhooks.insert({
      url: input.url,
      events,
      secret: input.secret ?? generateWebhookSecret(),
      createdByKeyId: caller.id,
    });
  }

  list(): Promise<Webhook[]> {
    return this.webhooks.listAll();
  }

  async get(id: string): Promise<Webhook> {
    const webhook = await this.webhooks.findById(id);
    if (!webhook) throw new NotFoundError(`Webhook ${id} does not exist.`);
    return webhook;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.webhooks.delete(id))) throw new NotFoundError(`Webhook ${id} does not exist.`);
  }

  async listDeliveries(webhookId: string, limit: number, cursor?: string): Promise<Page<WebhookDelivery>> {
    await this.get(webhookId);
    const after = cursor ? decodeCursor(cursor, isDeliveryCursor) : undefined;
    const rows = await this.deliveries.listPage(webhookId, limit, after);
    return toPage(rows, limit, (d) => ({ createdAt: d.createdAt.toISOString(), id: d.id }));
  }

  /** Sends a delivery's event again, as a new delivery (new id and signature) pointing to the original. */
  async redeliver(webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.get(webhookId);
    const original = await this.deliveries.findById(deliveryId);
    if (!original || original.webhookId !== webhookId) {
      throw new NotFoundError(`Delivery ${deliveryId} of webhook ${webhookId} does not exist.`);
    }
    const [id] = await this.deliveries.insertPending([
      { webhookId, event: original.event, data: original.data, redeliveryOf: original.id },
    ]);
    await this.dispatch.enqueue([id]);
    const created = await this.deliveries.findById(id);
    if (!created) throw new NotFoundError(`Delivery ${id} vanished after it was created.`);
    return created;
  }

  /**
   * POSTs the delivery to its webhook: body `{id, event, createdAt, timestamp, data}` as JSON, signed with
   * HMAC-SHA256 of the body (X-Claimtrail-Signature: sha256=<hex>), with the delivery id and Unix timestamp in
   * headers. A 2xx answer settles it; anything else throws WebhookDeliveryFailedError (the job retries), and the
   * last attempt marks it failed.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const target = await this.deliveries.findTarget(deliveryId);
    if (!target) return 'missing';
    const { delivery, url, secret } = target;
    if (delivery.status !== 'pending') return 'already-settled';
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      id: delivery.id,
      event: delivery.event,
      createdAt: delivery.createdAt.toISOString(),
      timestamp,
      data: delivery.data,
    });
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'claimtrail-webhooks/1',
          [SIGNATURE_HEADER]: signBody(secret, body),
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_HEADER]: delivery.event,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (statusCode < 200 || statusCode >= 300) error = `Receiver answered HTTP ${statusCode}`;
    } catch (err) {
      error = `Request failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    const delivered = error === null;
    await this.deliveries.recordAttempt(delivery.id, {
      statusCode,
      error: error?.slice(0, MAX_ERROR_LENGTH) ?? null,
      delivered,
      final: !delivered && lastAttempt,
    });
    if (!delivered) throw new WebhookDeliveryFailedError(`Delivery ${delivery.id} to ${url}: ${error}`);
    return 'delivered';
  }
}
