import { Module } from '@nestjs/common';
import { WorkspaceSettingsController } from './workspace-settings.controller';
import { WorkspaceSettingsRepository } from './workspace-settings.repository';
import { WorkspaceSettingsService } from './workspace-settings.service';

/** Newsroom-wide settings of the review desk. */
@Module({
  controllers: [WorkspaceSettingsController],
  providers: [WorkspaceSettingsRepository, WorkspaceSettingsService],
  exports: [WorkspaceSettingsService],
})
export class WorkspaceSettingsModule {}
