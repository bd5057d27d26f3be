import { DynamicModule, Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { SourcesModule } from '../sources/sources.module';
import { VerificationModule } from '../verification/verification.module';
import { ArticleLifecycleService } from './article-lifecycle.service';
import { ArticlesProcessor } from './articles.processor';
import { ClaimsProcessor } from './claims.processor';
import { ExtractionService } from './extraction.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { QueueModule } from './queue.module';
import { SweepService } from './sweep.service';
import { WireHashBackfillService } from './wire-hash-backfill.service';
import { NewsroomEventsModule } from '../webhooks/newsroom-events.module';

/**
 * The processing pipeline: extraction, verification flows and the sweep. With `runWorkers`, this process also
 * consumes the queues (processors and the sweep scheduler); without, it only produces jobs.
 */
@Module({})
export class PipelineModule {
  static register({ runWorkers }: { runWorkers: boolean }): DynamicModule {
    return {
      module: PipelineModule,
      imports: [
        QueueModule,
        ArticlesModule,
        ClaimsModule,
        SourcesModule,
        VerificationModule,
        AuditModule,
        NewsroomEventsModule,
      ],
      providers: [
        ExtractionService,
        ArticleLifecycleService,
        SweepService,
        WireHashBackfillService,
        ...(runWorkers ? [ArticlesProcessor, ClaimsProcessor, MaintenanceProcessor] : []),
      ],
      exports: [ExtractionService, ArticleLifecycleService, SweepService, WireHashBackfillService],
    };
  }
}
