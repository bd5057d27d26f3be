import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { WorkspaceSettingsModule } from '../workspace-settings/workspace-settings.module';
import { ClaimReviewController } from './claimreview.controller';
import { ClaimReviewDataRepository } from './claimreview.repository';
import { ClaimReviewService } from './claimreview.service';

/** schema.org ClaimReview documents for published verdicts. */
@Module({
  imports: [ReviewsModule, WorkspaceSettingsModule],
  controllers: [ClaimReviewController],
  providers: [ClaimReviewDataRepository, ClaimReviewService],
})
export class ClaimReviewModule {}
