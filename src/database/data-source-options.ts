import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** Compiled or TypeScript migrations, depending on whether we run from dist/ or through ts-node. */
const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

/**
 * The one description of the PostgreSQL connection: the Nest app, the worker, `runMigrations` and the TypeORM CLI
 * all build their DataSource from it. The schema only changes through migrations (synchronize off).
 */
export function buildDataSourceOptions(
  databaseUrl: string,
  overrides: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'claimtrail',
  };
}
