import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './bootstrap';
import type { AppConfig } from './config/app-config';
import { ConfigError, loadAppConfig } from './config/load-app-config';
import { runMigrations } from './database/migrate';

/** HTTP API entry point (also runs the queue workers unless RUN_WORKERS=false). */
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
  if (config.migrateOnStart) await runMigrations(config);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { bufferLogs: true },
  );
  configureApp(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  new Logger('Main').log(
    `claimtrail API listening on ${url} (docs at ${url}/docs; workers ${config.runWorkers ? 'on' : 'off'})`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
