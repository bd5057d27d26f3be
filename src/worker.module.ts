import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { QueueModule } from './pipeline/queue.module';
import { ReviewDeskModule } from './review-queue/review-desk.module';

/** The worker process: queue processors and the sweep, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        PipelineModule.register({ runWorkers: true }),
        ReviewDeskModule.register({ runWorkers: true }),
      ],
    };
  }
}
