import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WORKSPACE_SETTINGS_ID, WorkspaceSettings } from './workspace-settings.entity';

export type WorkspaceSettingsValues = Omit<WorkspaceSettings, 'id' | 'updatedAt'>;

/** The single settings row: read (defaults when absent) and upsert. */
@Injectable()
export class WorkspaceSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(em?: EntityManager): Promise<WorkspaceSettings | null> {
    return (em ?? this.dataSource.manager)
      .getRepository(WorkspaceSettings)
      .findOneBy({ id: WORKSPACE_SETTINGS_ID });
  }

  async save(values: WorkspaceSettingsValues): Promise<WorkspaceSettings> {
    const repo = this.dataSource.getRepository(WorkspaceSettings);
    await repo.upsert({ id: WORKSPACE_SETTINGS_ID, ...values }, ['id']);
    return repo.findOneByOrFail({ id: WORKSPACE_SETTINGS_ID });
  }
}
