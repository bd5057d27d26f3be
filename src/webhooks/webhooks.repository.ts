import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Webhook, type WebhookEvent } from './webhook.entity';

/** Named queries on webhooks. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(values: Pick<Webhook, 'url' | 'events' | 'secret' | 'createdByKeyId'>): Promise<Webhook> {
    const repo = this.dataSource.getRepository(Webhook);
    return repo.save(repo.create(values));
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
