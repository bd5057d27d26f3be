import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** Compiled or TypeScript migrations, depending on whether we run from dist/ or through ts-node. */
const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

/**
 * The one description of the PostgreSQL connection: the Nest app, the worker, `runMigrations` and the TypeORM CLI
 * all build their DataSource from it. The schema only changes through migrations (synchronize off).
 *
 * JIT compilation is off for the service's sessions: its queries are short, index-bound statements, and a batch query
 * whose row estimate is rough (a LATERAL over a JSON set of searches) could cross `jit_above_cost` and spend 150 ms
 * compiling a plan that runs in 2 ms.
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
    extra: { options: '-c jit=off' },
  };
}
