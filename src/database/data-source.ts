/**
 * DataSource for the TypeORM CLI. Generate a migration after changing an entity (then read and hand-edit it: name
 * every index and constraint, keep it reversible):
 *
 *   npx typeorm-ts-node-commonjs migration:generate migrations/<Name> -d src/database/data-source.ts
 *
 * against a database migrated to the latest migration (e.g. DATABASE_URL=postgres://postgres@localhost:5432/claimtrail
 * after `npm run migrate`). Run pending migrations with `npm run migrate` (which also creates the database).
 */
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/load-app-config';
import { buildDataSourceOptions } from './data-source-options';

// An entry point for the CLI: the one place here where the environment is read, through loadAppConfig.
// eslint-disable-next-line no-restricted-properties
export default new DataSource(buildDataSourceOptions(loadAppConfig(process.env).databaseUrl));
