import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { WebhookDelivery } from './webhook-delivery.entity';

export interface DeliveryCursor {
  createdAt: string;
  id: string;
}

export interface DeliveryTarget {
  delivery: WebhookDelivery;
  url: string;
  /** The webhook's encrypted secret, or null for a row that still holds `legacySecret`. */
  secretCiphertext: string | null;
  legacySecret: string | null;
}

/** Named queries on webhook_deliveries. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** One pending delivery per webhook; returns their ids in input order. */
  async insertPending(
    rows: { webhookId: string; event: string; data: Record<string, unknown>; redeliveryOf?: string }[],
    em?: EntityManager,
  ): Promise<string[]> {
    if (!rows.length) return [];
    const result = await this.manager(em)
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(
        rows.map((r) => ({
          ...r,
          redeliveryOf: r.redeliveryOf ?? null,
          status: 'pending' as const,
        })) as QueryDeepPartialEntity<WebhookDelivery>[],
      )
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  findById(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
  }

  /** The delivery with its webhook's url and stored secret (null when either is gone). */
  async findTarget(id: string): Promise<DeliveryTarget | null> {
    const delivery = await this.findById(id);
    if (!delivery) return null;
    const rows: { url: string; secretCiphertext: string | null; legacySecret: string | null }[] =
      await this.dataSource.query(
        `SELECT url, secret_ciphertext AS "secretCiphertext", legacy_secret AS "legacySecret"
           FROM webhooks WHERE id = $1`,
        [delivery.webhookId],
      );
    return rows[0] ? { delivery, ...rows[0] } : null;
  }

  /** Newest first, keyset on (created_at, id). Fetches `limit + 1`. */
  listPage(webhookId: string, limit: number, after?: DeliveryCursor): Promise<WebhookDelivery[]> {
    const qb = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.webhook_id = :webhookId', { webhookId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (after)
      qb.andWhere('(d.created_at, d.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    return qb.getMany();
  }

  async recordAttempt(
    id: string,
    outcome: { statusCode: number | null; error: string | null; delivered: boolean; final: boolean },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_attempt_at = now(),
              status = CASE WHEN $4 THEN 'delivered' WHEN $5 THEN 'failed' ELSE status END::webhook_delivery_status,
              delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [id, outcome.statusCode, outcome.error, outcome.delivered, outcome.final],
    );
  }

  /** Pending deliveries older than `minAgeSeconds` (their job may have been lost, e.g. Redis was down). */
  async findStalePendingIds(minAgeSeconds: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM webhook_deliveries
        WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
          AND created_at > now() - interval '1 day'
        ORDER BY created_at LIMIT $2`,
      [minAgeSeconds, limit],
    );
    return rows.map((r) => r.id);
  }
}
