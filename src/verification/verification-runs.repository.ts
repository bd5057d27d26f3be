import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { VerificationRun } from './verification-run.entity';

export type NewVerificationRun = Omit<VerificationRun, 'id' | 'claim'>;

/** Named queries on verification_runs. */
@Injectable()
export class VerificationRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(run: NewVerificationRun, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager)
      .getRepository(VerificationRun)
      .insert(run as QueryDeepPartialEntity<VerificationRun>);
  }

  async insertMany(runs: NewVerificationRun[], em?: EntityManager): Promise<void> {
    if (!runs.length) return;
    await (em ?? this.dataSource.manager)
      .getRepository(VerificationRun)
      .insert(runs as QueryDeepPartialEntity<VerificationRun>[]);
  }

  findForClaim(claimId: string): Promise<VerificationRun[]> {
    return this.dataSource.manager
      .getRepository(VerificationRun)
      .find({ where: { claimId }, order: { startedAt: 'ASC' } });
  }
}
