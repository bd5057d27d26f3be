import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ArticlesRepository } from '../articles/articles.repository';
import { ClaimsRepository } from '../claims/claims.repository';
import { ReviewQueueService } from '../review-queue/review-queue.service';
import { WebhookDispatchService } from './webhook-dispatch.service';

export interface ClaimStatusChange {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

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

  async claimStatusChanged(claimId: string, change: ClaimStatusChange, em?: EntityManager): Promise<void> {
    await this.claimStatusesChanged([{ claimId, ...change }], em);
  }

  /**
   * claimStatusChanged for several claims: one re-rank and one batch of deliveries. A change may carry its claim's
   * article and text (the caller has them); the others are read.
   */
  async claimStatusesChanged(
    changes: ({ claimId: string; articleId?: string; text?: string } & ClaimStatusChange)[],
    em?: EntityManager,
  ): Promise<void> {
    if (!changes.length) return;
    const ids = changes.map((c) => c.claimId);
    await this.reviewQueue.refreshClaims(ids, em);
    const unknown = changes
      .filter((c) => c.articleId === undefined || c.text === undefined)
      .map((c) => c.claimId);
    const claims = new Map((await this.claims.findByIds(unknown, em)).map((c) => [c.id, c]));
    await this.dispatch.emitMany(
      'claim.status_changed',
      changes.map(({ claimId, articleId, text, before, after }) => ({
        claimId,
        articleId: articleId ?? claims.get(claimId)?.articleId ?? null,
        text: text ?? claims.get(claimId)?.text ?? null,
        before,
        after,
      })),
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
