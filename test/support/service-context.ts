import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { PipelineModule } from '../../src/pipeline/pipeline.module';
import { QueueModule } from '../../src/pipeline/queue.module';
import { testConfig } from './db';

/**
 * The pipeline's services on the run's real PostgreSQL and Redis, without HTTP and without workers (tests call the
 * services themselves). Close it with `await context.close()`.
 */
export async function createServiceContext(overrides: Record<string, string> = {}): Promise<TestingModule> {
  const config = testConfig({ LOG_LEVEL: 'silent', ...overrides });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      QueueModule,
      PipelineModule.register({ runWorkers: false }),
    ],
  })
    .setLogger({ log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} })
    .compile();
  await moduleRef.init();
  return moduleRef;
}
