import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { WorkspaceSettingsModule } from '../workspace-settings/workspace-settings.module';
import { ClaimLeaseController } from './claim-lease.controller';
import { ReviewQueueController } from './review-queue.controller';
import { ReviewQueueRepository } from './review-queue.repository';
import { ReviewQueueService } from './review-queue.service';

/** The fact-checkers' queue: priorities, listing and leases. */
@Module({
  imports: [ClaimsModule, AuditModule, WorkspaceSettingsModule],
  controllers: [ReviewQueueController, ClaimLeaseController],
  providers: [ReviewQueueRepository, ReviewQueueService],
  exports: [ReviewQueueService],
})
export class ReviewQueueModule {}
