import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadAppConfig } from '../config/load-app-config';
import { buildDataSourceOptions } from './data-source-options';

const logger = new Logger('Migrations');
/** Advisory lock id held while migrating (any constant unique to this application). */
const MIGRATION_LOCK_KEY = 720_431_977;

/** Creates the database named in `databaseUrl` when it does not exist, through the `postgres` maintenance DB. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${databaseUrl}`);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new DataSource({ type: 'postgres', url: maintenance.toString(), poolSize: 1 });
  await client.initialize();
  try {
    const found: unknown[] = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.length === 0) {
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        logger.log(`Created database ${name}`);
      } catch (err) {
        // Another process created it between our check and our CREATE: fine.
        if (!['42P04', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
      }
    }
  } finally {
    await client.destroy();
  }
}

/** Creates the database if needed, then runs every pending migration (each in its own transaction). */
export async function runMigrations(config: AppConfig): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  const dataSource = new DataSource(
    buildDataSourceOptions(config.databaseUrl, { poolSize: 2, applicationName: 'claimtrail-migrate' }),
  );
  await dataSource.initialize();
  // Several API processes may start at once: a session-level advisory lock lets one migrate at a time.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) logger.log(`Applied migration ${m.name}`);
    if (applied.length === 0) logger.log('Schema is up to date');
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

if (require.main === module) {
  // Entry point of `npm run migrate`: the environment is read once, through loadAppConfig.
  // eslint-disable-next-line no-restricted-properties
  runMigrations(loadAppConfig(process.env)).then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
