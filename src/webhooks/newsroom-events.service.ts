import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ArticlesRepository } from '../articles/articles.repository';
import { ClaimsRepository } from '../claims/claims.repository';
import { ReviewQueueService } from '../review-queue/review-queue.service';
import { WebhookDispatchService } from './webhook-dispatch.service';

/**
 * The pipeline's hook into the review desk. The pipeline calls it where things happen:
 *   - claimStatusChanged: VerificationService, inside the transaction that changes the agreement status
 *     (re-ranks the claim on the review queue and records claim.status_changed deliveries in that transaction);
 *   - articleVerified: ArticleLifecycleService, after the article is marked verified (queues its check-worthy
 *     claims and emits article.verified). It never throws: the article stays verified whatever happens here.
 */
@Injectable()
export class NewsroomEventsService {
  private readonly logger = new Logger(NewsroomEventsService.name);

  constructor(
    private readonly reviewQueue: ReviewQueueService,
    private readonly dispatch: WebhookDispatchService,
    private readonly claims: ClaimsRepository,
    private readonly articles: ArticlesRepository,
  ) {}

  async claimStatusChanged(
    claimId: string,
    change: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    em?: EntityManager,
  ): Promise<void> {
    await this.reviewQueue.refreshClaims([claimId], em);
    const claim = await this.claims.findById(claimId, em);
    await this.dispatch.emit(
      'claim.status_changed',
      {
        claimId,
        articleId: claim?.articleId ?? null,
        text: claim?.text ?? null,
        before: change.before,
        after: change.after,
      },
      em,
    );
  }

  async articleVerified(articleId: string): Promise<void> {
    try {
      await this.reviewQueue.refreshArticle(articleId);
      const article = await this.articles.findById(articleId);
      await this.dispatch.emit('article.verified', {
        articleId,
        title: article?.title ?? null,
        url: article?.url ?? null,
        outlet: article?.outlet ?? null,
        claimCount: article?.claimCount ?? null,
        verifiedAt: article?.verifiedAt?.toISOString() ?? new Date().toISOString(),
      });
    } catch (err) {
      this.logger.error(
        `article.verified follow-up failed for article ${articleId} (the review maintenance job will queue its ` +
          `claims): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
