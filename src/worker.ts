import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { ConfigError, loadAppConfig } from './config/load-app-config';
import { WorkerModule } from './worker.module';

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/**
 * Worker entry point: a Nest application context (no HTTP) running the queue processors and the sweep. Start as
 * many as you like, on any machine reaching the same PostgreSQL and Redis. SIGTERM/SIGINT close the workers
 * gracefully (active jobs finish; a killed worker's job is retried by BullMQ's stalled-job recovery).
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    // The one read of the environment; everything else gets AppConfig by injection.
    // eslint-disable-next-line no-restricted-properties
    config = loadAppConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: NEST_LEVELS[config.logLevel],
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(
    `claimtrail worker running (queue prefix ${config.queuePrefix}, concurrency ${config.workerConcurrency})`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
