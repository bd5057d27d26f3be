import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLog } from './audit-log.entity';

export type AuditEntry = Pick<AuditLog, 'actor' | 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/** Append-only writes to audit_log (inside the caller's transaction when one is given). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager)
      .getRepository(AuditLog)
      .insert(entry as QueryDeepPartialEntity<AuditLog>);
  }

  /** Several entries in one statement. */
  async appendMany(entries: AuditEntry[], em?: EntityManager): Promise<void> {
    if (!entries.length) return;
    await (em ?? this.dataSource.manager)
      .getRepository(AuditLog)
      .insert(entries as QueryDeepPartialEntity<AuditLog>[]);
  }

  findForEntity(entityType: string, entityId: string): Promise<AuditLog[]> {
    return this.dataSource.manager
      .getRepository(AuditLog)
      .find({ where: { entityType, entityId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
