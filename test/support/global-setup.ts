import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../src/database/migrate';
import { loadAppConfig } from '../../src/config/load-app-config';

/**
 * Runs once before the integration and e2e tests: a fresh database `claimtrail_test_<random>` migrated to the
 * latest schema, and a queue prefix of its own so this run's BullMQ keys never meet another run's. Both are passed
 * to the test workers through the environment (they inherit it) and dropped by global-teardown. Also a webhook
 * secret key for the run, and private webhook URLs allowed (tests that check the refusal turn it off).
 */
export default async function globalSetup(): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@localhost:5432/claimtrail');
  base.pathname = `/claimtrail_test_${runId}`;
  process.env.DATABASE_URL = base.toString();
  process.env.QUEUE_PREFIX = `claimtrail_test_${runId}`;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.MIGRATE_ON_START = 'false';
  // Webhook secrets are stored encrypted (a key per run), and the tests' receivers listen on 127.0.0.1.
  process.env.WEBHOOK_SECRET_KEY = process.env.WEBHOOK_SECRET_KEY ?? randomBytes(32).toString('base64');
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? 'true';
  await runMigrations(loadAppConfig(process.env));
}
