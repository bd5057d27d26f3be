import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ClaimsModule } from '../claims/claims.module';
import { ReviewQueueModule } from '../review-queue/review-queue.module';
import { NewsroomEventsService } from './newsroom-events.service';
import { WebhooksModule } from './webhooks.module';

/** Import this to call NewsroomEventsService from the pipeline (verification, article lifecycle). */
@Module({
  imports: [ReviewQueueModule, WebhooksModule, ClaimsModule, ArticlesModule],
  providers: [NewsroomEventsService],
  exports: [NewsroomEventsService],
})
export class NewsroomEventsModule {}
