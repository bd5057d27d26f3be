import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { NotFoundError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { ArticleLifecycleService } from './article-lifecycle.service';
import { ExtractionService } from './extraction.service';
import {
  ARTICLES_QUEUE,
  isLastAttempt,
  JOB_ARTICLE_VERIFIED,
  JOB_EXTRACT_ARTICLE,
  type ArticleVerifiedPayload,
  type ExtractArticlePayload,
} from './queues';

/** The articles queue: extraction, and the parent job that marks an article verified when its claims are. */
@Processor(ARTICLES_QUEUE)
export class ArticlesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ArticlesProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly extraction: ExtractionService,
    private readonly lifecycle: ArticleLifecycleService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_EXTRACT_ARTICLE: {
        const { articleId } = job.data as ExtractArticlePayload;
        try {
          return await this.extraction.extract(articleId);
        } catch (err) {
          if (err instanceof NotFoundError) throw new UnrecoverableError(err.message);
          if (isLastAttempt(job)) {
            await this.lifecycle.markFailed(
              articleId,
              `Extraction failed after ${job.attemptsMade + 1} attempt(s): ${(err as Error).message}`,
            );
          }
          throw err;
        }
      }
      case JOB_ARTICLE_VERIFIED: {
        const { articleId } = job.data as ArticleVerifiedPayload;
        return { verified: await this.lifecycle.markVerified(articleId) };
      }
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${ARTICLES_QUEUE}`);
    }
  }

  /** Redis outages and lost locks: logged; the worker reconnects and BullMQ retries stalled jobs. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`Worker: ${err.message}`);
  }
}
