import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PIPELINE_FLOW_PRODUCER } from './flow-producer';
import { PipelineQueueService } from './pipeline-queue.service';
import { ALL_QUEUES } from './queues';

/**
 * The Redis connection of BullMQ (from AppConfig.redisUrl, keys under AppConfig.queuePrefix) and the pipeline's
 * queues, for producers (the API) and processors (workers) alike; PipelineQueueService adds the jobs.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redisUrl),
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
    BullModule.registerFlowProducer({ name: PIPELINE_FLOW_PRODUCER }),
  ],
  providers: [PipelineQueueService],
  exports: [BullModule, PipelineQueueService],
})
export class QueueModule {}

/** ioredis options from a redis:// URL (host, port, db, credentials, TLS for rediss://). */
export function redisConnectionOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    db: Number.isInteger(db) ? db : 0,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}
