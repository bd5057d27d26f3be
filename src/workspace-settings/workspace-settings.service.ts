import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkspaceSettingsRepository, type WorkspaceSettingsValues } from './workspace-settings.repository';

/** Defaults of every setting, used while no settings row was saved. */
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettingsValues = {
  requireSecondReview: false,
  leaseSeconds: 900,
  organizationName: 'claimtrail',
  organizationUrl: null,
  reviewUrlTemplate: null,
  webhookMaxAttempts: 8,
  webhookBackoffMs: 5000,
};

/** Reads and changes the review desk's settings. */
@Injectable()
export class WorkspaceSettingsService {
  constructor(private readonly repository: WorkspaceSettingsRepository) {}

  async get(em?: EntityManager): Promise<WorkspaceSettingsValues> {
    const row = await this.repository.find(em);
    if (!row) return { ...DEFAULT_WORKSPACE_SETTINGS };
    const { id: _id, updatedAt: _updatedAt, ...values } = row;
    return values;
  }

  /** Changes the given settings and keeps the others. */
  async update(changes: Partial<WorkspaceSettingsValues>): Promise<WorkspaceSettingsValues> {
    const current = await this.get();
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const {
      id: _id,
      updatedAt: _updatedAt,
      ...values
    } = await this.repository.save({ ...current, ...defined });
    return values;
  }
}
