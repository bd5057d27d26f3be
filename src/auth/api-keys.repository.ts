import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Or, Repository } from 'typeorm';
import { ApiKey, ApiKeyRole } from './api-key.entity';

/** The queries on api_keys. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  findByHash(keyHash: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ keyHash });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ id });
  }

  /** All keys, newest first, revoked ones included (they show revokedAt). */
  listAll(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async insert(values: {
    name: string;
    role: ApiKeyRole;
    keyHash: string;
    keyPrefix: string;
  }): Promise<ApiKey> {
    return this.keys.save(this.keys.create({ ...values, lastUsedAt: null, revokedAt: null }));
  }

  /** Inserts the key unless one with the same hash exists (safe when several processes boot at once). */
  async insertIfAbsent(values: {
    name: string;
    role: ApiKeyRole;
    keyHash: string;
    keyPrefix: string;
  }): Promise<boolean> {
    const result = await this.keys
      .createQueryBuilder()
      .insert()
      .into(ApiKey)
      .values(values)
      .orIgnore()
      .execute();
    return (result.identifiers ?? []).filter(Boolean).length > 0;
  }

  /** Sets revoked_at unless already set (revoking twice changes nothing). */
  async revoke(id: string, at: Date): Promise<void> {
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  countActiveAdmins(): Promise<number> {
    return this.keys.countBy({ role: 'admin', revokedAt: IsNull() });
  }

  /** Records use at most once per `minIntervalMs` per key, to keep reads cheap. */
  async touch(id: string, at: Date, minIntervalMs: number): Promise<void> {
    await this.keys.update(
      { id, lastUsedAt: Or(IsNull(), LessThan(new Date(at.getTime() - minIntervalMs))) },
      { lastUsedAt: at },
    );
  }
}
