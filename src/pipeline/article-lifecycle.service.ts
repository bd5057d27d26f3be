import { Injectable, Logger } from '@nestjs/common';
import { ArticlesRepository } from '../articles/articles.repository';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { NewsroomEventsService } from '../webhooks/newsroom-events.service';

const ACTOR = 'system:pipeline';

/** The end states of an article's processing: verified when every claim is verified, or failed with a reason. */
@Injectable()
export class ArticleLifecycleService {
  private readonly logger = new Logger(ArticleLifecycleService.name);

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly audit: AuditLogRepository,
    private readonly newsroomEvents: NewsroomEventsService,
  ) {}

  async markVerified(articleId: string): Promise<boolean> {
    const changed = await this.articles.markVerified(articleId);
    if (changed) {
      await this.audit.append({
        actor: ACTOR,
        action: 'article.verified',
        entityType: 'article',
        entityId: articleId,
        before: { status: 'extracted' },
        after: { status: 'verified' },
      });
      // Review desk hook (issue 5): queue the article's check-worthy claims, emit article.verified.
      await this.newsroomEvents.articleVerified(articleId);
    }
    return changed;
  }

  async markFailed(articleId: string, reason: string): Promise<void> {
    const before = await this.articles.findById(articleId);
    if (!before || before.status === 'failed' || before.status === 'verified') return;
    await this.articles.markFailed(articleId, reason);
    await this.audit.append({
      actor: ACTOR,
      action: 'article.failed',
      entityType: 'article',
      entityId: articleId,
      before: { status: before.status },
      after: { status: 'failed', failureReason: reason },
    });
    this.logger.warn(`Article ${articleId} failed: ${reason}`);
  }
}
