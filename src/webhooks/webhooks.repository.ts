import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Webhook, type WebhookEvent } from './webhook.entity';

/** Named queries on webhooks. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a webhook with the given id (the id is bound into its encrypted secret, so it is chosen first). */
  async insert(
    values: Pick<Webhook, 'id' | 'url' | 'events' | 'secretCiphertext' | 'createdByKeyId'>,
  ): Promise<Webhook> {
    const repo = this.dataSource.getRepository(Webhook);
    await repo.insert({ ...values, legacySecret: null });
    return repo.findOneByOrFail({ id: values.id });
  }

  /** Webhooks whose secret is still stored in clear text (from before encryption), a batch at a time. */
  findLegacySecrets(limit: number): Promise<{ id: string; legacySecret: string }[]> {
    return this.dataSource.query(
      `SELECT id, legacy_secret AS "legacySecret" FROM webhooks
        WHERE legacy_secret IS NOT NULL ORDER BY id LIMIT $1`,
      [limit],
    );
  }

  /** Replaces a clear-text secret by its ciphertext; false when another process did it first. */
  async encryptLegacySecret(id: string, legacySecret: string, secretCiphertext: string): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE webhooks SET secret_ciphertext = $3, legacy_secret = NULL
        WHERE id = $1 AND legacy_secret = $2`,
      [id, legacySecret, secretCiphertext],
    );
    return result[1] > 0;
  }

  countLegacySecrets(): Promise<number> {
    return this.dataSource.getRepository(Webhook).count({ where: { legacySecret: Not(IsNull()) } });
  }

  findById(id: string): Promise<Webhook | null> {
    return this.dataSource.getRepository(Webhook).findOneBy({ id });
  }

  listAll(): Promise<Webhook[]> {
    return this.dataSource.getRepository(Webhook).find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(Webhook).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Ids of the webhooks subscribed to an event. */
  async findSubscribedIds(event: WebhookEvent, em?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (em ?? this.dataSource.manager).query(
      `SELECT id FROM webhooks WHERE $1 = ANY(events) ORDER BY created_at, id`,
      [event],
    );
    return rows.map((r) => r.id);
  }
}
