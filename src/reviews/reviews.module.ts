import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { ReviewQueueModule } from '../review-queue/review-queue.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspaceSettingsModule } from '../workspace-settings/workspace-settings.module';
import { ClaimHistoryController } from './claim-history.controller';
import { ClaimReviewsRepository } from './claim-reviews.repository';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/** Verdicts (submit, approve, return, reopen) and the audit trail of a claim. */
@Module({
  imports: [ReviewQueueModule, WebhooksModule, ClaimsModule, AuditModule, WorkspaceSettingsModule],
  controllers: [ReviewsController, ClaimHistoryController],
  providers: [ClaimReviewsRepository, ReviewsService],
  exports: [ClaimReviewsRepository, ReviewsService],
})
export class ReviewsModule {}
