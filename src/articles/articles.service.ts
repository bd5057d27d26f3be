import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ClaimsService } from '../claims/claims.service';
import type { ClaimResponseDto } from '../claims/dto/claim-response.dto';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { AppConfig } from '../config/app-config';
import { PipelineQueueService } from '../pipeline/pipeline-queue.service';
import type { Article, ArticleStatus } from './article.entity';
import { type ArticleCursor, ArticlesRepository } from './articles.repository';
import type { ArticleResponseDto } from './dto/article-response.dto';

export interface ArticleSubmission {
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
}

export interface SubmittedArticle {
  id: string;
  status: ArticleStatus;
  duplicate: boolean;
}

const isArticleCursor = (v: unknown): v is ArticleCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ArticleCursor).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as ArticleCursor).createdAt)) &&
  typeof (v as ArticleCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as ArticleCursor).id);

/** Taking articles in (stored first, then queued) and reading them back. */
@Injectable()
export class ArticlesService {
  constructor(
    private readonly config: AppConfig,
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsService,
    private readonly queue: PipelineQueueService,
  ) {}

  /**
   * Stores the article (committed) and queues its extraction. The same text again answers with the first
   * article. When Redis does not take the job, the article is still accepted: the sweep queues it later.
   */
  async submit(input: ArticleSubmission): Promise<SubmittedArticle> {
    if (input.text.trim() === '') {
      throw new ValidationError('text must not be empty: send the article text to analyse.');
    }
    const bytes = Buffer.byteLength(input.text, 'utf8');
    if (bytes > this.config.maxArticleBytes) {
      throw new PayloadTooLargeError(
        `text is ${bytes} bytes; the limit is ${this.config.maxArticleBytes} bytes (MAX_ARTICLE_BYTES). Split the article or raise the limit.`,
      );
    }
    const { article, created } = await this.articles.insertUnlessDuplicate({
      contentHash: createHash('sha256').update(input.text, 'utf8').digest('hex'),
      text: input.text,
      title: input.title ?? null,
      url: input.url ?? null,
      outlet: input.outlet ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
    });
    // Queue after the commit above; a duplicate still waiting for extraction is queued again (same job id).
    if (article.status === 'received') await this.queue.enqueueExtraction(article.id);
    return { id: article.id, status: article.status, duplicate: !created };
  }

  async get(id: string): Promise<ArticleResponseDto> {
    return toArticleView(await this.getArticle(id));
  }

  async list(limit: number, cursor?: string): Promise<Page<ArticleResponseDto>> {
    const after = cursor ? decodeCursor(cursor, isArticleCursor) : undefined;
    const rows = await this.articles.listPage(limit, after);
    const page = toPage(rows, limit, (a) => ({ createdAt: a.createdAt.toISOString(), id: a.id }));
    return { items: page.items.map(toArticleView), nextCursor: page.nextCursor };
  }

  async claimsOf(id: string): Promise<ClaimResponseDto[]> {
    await this.getArticle(id);
    return this.claims.listForArticle(id);
  }

  private async getArticle(id: string): Promise<Article> {
    const article = await this.articles.findById(id);
    if (!article) throw new NotFoundError(`Article ${id} does not exist.`);
    return article;
  }
}

function toArticleView(a: Article): ArticleResponseDto {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString() : null,
    status: a.status,
    ...(a.status === 'failed' && a.failureReason ? { failureReason: a.failureReason } : {}),
    claimCount: a.claimCount,
    wireCopyOf: a.wireOriginArticleId ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
