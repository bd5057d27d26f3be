import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ClaimReviewModule } from '../claimreview/claimreview.module';
import { QueueModule } from '../pipeline/queue.module';
import { REVIEW_QUEUE } from '../pipeline/queues';
import { ReviewsModule } from '../reviews/reviews.module';
import { WebhookDeliveryProcessor } from '../webhooks/webhook-delivery.processor';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspaceSettingsModule } from '../workspace-settings/workspace-settings.module';
import { ReviewMaintenanceProcessor } from './review-maintenance.processor';
import { ReviewQueueModule } from './review-queue.module';

/**
 * The fact-checkers' review desk (issue 5): queue and leases, verdicts, ClaimReview, webhooks, settings. With
 * `runWorkers`, this process also delivers webhooks and runs the review maintenance job.
 */
@Module({})
export class ReviewDeskModule {
  static register({ runWorkers }: { runWorkers: boolean }): DynamicModule {
    return {
      module: ReviewDeskModule,
      imports: [
        WorkspaceSettingsModule,
        ReviewQueueModule,
        ReviewsModule,
        ClaimReviewModule,
        WebhooksModule,
        ...(runWorkers ? [QueueModule, BullModule.registerQueue({ name: REVIEW_QUEUE })] : []),
      ],
      providers: runWorkers ? [WebhookDeliveryProcessor, ReviewMaintenanceProcessor] : [],
    };
  }
}
