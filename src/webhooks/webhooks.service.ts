import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import type { WebhookDelivery } from './webhook-delivery.entity';
import { type DeliveryCursor, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { assertPublicWebhookUrl, WebhookAddressRefusedError } from './webhook-address-policy';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { postWebhook } from './webhook-http';
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  WebhookSecretUnreadableError,
} from './webhook-secret-cipher';
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

/** A delivery that cannot succeed by retrying (its secret cannot be decrypted); recorded as failed. */
export class WebhookDeliveryImpossibleError extends Error {}

const LEGACY_BATCH = 100;

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
export class WebhooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly dispatch: WebhookDispatchService,
  ) {}

  /** Encrypts the secrets stored in clear text by earlier versions, or warns that they stay so without a key. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.webhookSecretKey) {
      const encrypted = await this.encryptLegacySecrets();
      if (encrypted)
        this.logger.log(`Encrypted the signing secrets of ${encrypted} webhook(s) stored in clear`);
      return;
    }
    const legacy = await this.webhooks.countLegacySecrets();
    if (legacy) {
      this.logger.warn(
        `${legacy} webhook signing secret(s) are stored in clear text; set WEBHOOK_SECRET_KEY to encrypt them`,
      );
    }
  }

  /**
   * Subscribes a URL. The signing secret (given or generated) is returned to the caller once and stored only
   * encrypted, so creating a webhook needs WEBHOOK_SECRET_KEY (503 saying so otherwise). The URL must point to
   * public addresses unless WEBHOOK_ALLOW_PRIVATE_URLS is on (400 naming the address otherwise).
   */
  async create(
    input: { url: string; events: WebhookEvent[]; secret?: string },
    caller: AuthenticatedKey,
  ): Promise<{ webhook: Webhook; secret: string }> {
    const events = [...new Set(input.events)];
    if (!events.length) throw new ValidationError('events must name at least one event.');
    await this.assertAllowedUrl(input.url);
    const key = this.config.webhookSecretKey;
    if (!key) {
      throw new ServiceUnavailableError(
        'Webhooks cannot be created: WEBHOOK_SECRET_KEY is not set on the server, and webhook signing secrets ' +
          'are only stored encrypted. Set it to 32 random bytes (e.g. `openssl rand -base64 32`) on every API ' +
          'and worker process, and restart.',
      );
    }
    const id = randomUUID();
    const secret = input.secret ?? generateWebhookSecret();
    const webhook = await this.webhooks.insert({
      id,
      url: input.url,
      events,
      secretCiphertext: encryptWebhookSecret(key, id, secret),
      createdByKeyId: caller.id,
    });
    return { webhook, secret };
  }

  /** Encrypts every clear-text secret left by an earlier version (idempotent; safe in concurrent processes). */
  async encryptLegacySecrets(): Promise<number> {
    const key = this.config.webhookSecretKey;
    if (!key) return 0;
    let encrypted = 0;
    for (;;) {
      const rows = await this.webhooks.findLegacySecrets(LEGACY_BATCH);
      for (const row of rows) {
        const ciphertext = encryptWebhookSecret(key, row.id, row.legacySecret);
        if (await this.webhooks.encryptLegacySecret(row.id, row.legacySecret, ciphertext)) encrypted += 1;
      }
      if (rows.length < LEGACY_BATCH) return encrypted;
    }
  }

  private async assertAllowedUrl(raw: string): Promise<void> {
    if (this.config.webhookAllowPrivateUrls) return;
    try {
      await assertPublicWebhookUrl(new URL(raw));
    } catch (err) {
      if (!(err instanceof WebhookAddressRefusedError)) throw err;
      throw new ValidationError(
        `url is refused: ${err.message}. Webhooks are delivered only to public addresses (no loopback, private, ` +
          'link-local or cloud metadata addresses); a server administrator can allow private networks with ' +
          'WEBHOOK_ALLOW_PRIVATE_URLS=true.',
      );
    }
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
    const { delivery, url } = target;
    if (delivery.status !== 'pending') return 'already-settled';
    let secret: string;
    try {
      secret = await this.signingSecret(delivery.webhookId, target);
    } catch (err) {
      if (!(err instanceof WebhookSecretUnreadableError)) throw err;
      const error = `Cannot sign: ${err.message}`;
      await this.deliveries.recordAttempt(delivery.id, {
        statusCode: null,
        error: error.slice(0, MAX_ERROR_LENGTH),
        delivered: false,
        final: true,
      });
      throw new WebhookDeliveryImpossibleError(`Delivery ${delivery.id}: ${error}`);
    }
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
      statusCode = await postWebhook(
        new URL(url),
        {
          'Content-Type': 'application/json',
          'User-Agent': 'claimtrail-webhooks/1',
          [SIGNATURE_HEADER]: signBody(secret, body),
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_HEADER]: delivery.event,
        },
        body,
        { timeoutMs: DELIVERY_TIMEOUT_MS, allowPrivate: this.config.webhookAllowPrivateUrls },
      );
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

  /** The webhook's signing secret: decrypted, or a clear-text one from an earlier version (encrypted on the way). */
  private async signingSecret(
    webhookId: string,
    stored: { secretCiphertext: string | null; legacySecret: string | null },
  ): Promise<string> {
    const key = this.config.webhookSecretKey;
    if (stored.secretCiphertext !== null)
      return decryptWebhookSecret(key, webhookId, stored.secretCiphertext);
    if (stored.legacySecret === null) {
      throw new WebhookSecretUnreadableError(`webhook ${webhookId} has no stored secret`);
    }
    if (key) {
      const ciphertext = encryptWebhookSecret(key, webhookId, stored.legacySecret);
      await this.webhooks.encryptLegacySecret(webhookId, stored.legacySecret, ciphertext);
    }
    return stored.legacySecret;
  }
}
