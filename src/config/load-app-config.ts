import { AppConfig, DEFAULT_CANDIDATE_WINDOW_DAYS } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Validates the environment once and returns the typed configuration.
 * Throws a ConfigError listing every problem (not just the first), so a bad deployment fails fast and clearly.
 */
export function loadAppConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  };
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const v = text(name, fallback);
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL: "${v}"`);
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const bootstrapAdminKey = env.BOOTSTRAP_ADMIN_KEY?.trim() || undefined;
  if (bootstrapAdminKey !== undefined && bootstrapAdminKey.length < 16) {
    problems.push('BOOTSTRAP_ADMIN_KEY must be at least 16 characters long');
  }
  const rawWebhookKey = env.WEBHOOK_SECRET_KEY?.trim() || undefined;
  const webhookSecretKey = rawWebhookKey === undefined ? undefined : parseSecretKey(rawWebhookKey);
  if (rawWebhookKey !== undefined && webhookSecretKey === undefined) {
    problems.push(
      'WEBHOOK_SECRET_KEY must be 32 random bytes written as base64 (e.g. `openssl rand -base64 32`) or as 64 ' +
        'hex digits',
    );
  }
  const logLevel = text('LOG_LEVEL', 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const queuePrefix = text('QUEUE_PREFIX', 'claimtrail');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(queuePrefix)) {
    problems.push('QUEUE_PREFIX may hold only letters, digits, _ and - (1 to 64 characters)');
  }

  const config = new AppConfig({
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@localhost:5432/claimtrail', [
      'postgres:',
      'postgresql:',
    ]),
    redisUrl: url('REDIS_URL', 'redis://localhost:6379', ['redis:', 'rediss:']),
    queuePrefix,
    port: int('PORT', 3000, 0, 65535),
    host: text('HOST', '0.0.0.0'),
    bootstrapAdminKey,
    maxArticleBytes: int('MAX_ARTICLE_BYTES', 1_000_000, 1, 50_000_000),
    runWorkers: bool('RUN_WORKERS', true),
    workerConcurrency: int('WORKER_CONCURRENCY', 4, 1, 256),
    verifyConcurrency: int('VERIFY_CONCURRENCY', 128, 1, 1024),
    verifyBatchSize: int('VERIFY_BATCH_SIZE', 64, 1, 256),
    sweepIntervalMs: int('SWEEP_INTERVAL_MS', 15_000, 100, 3_600_000),
    migrateOnStart: bool('MIGRATE_ON_START', true),
    logLevel,
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    webhookSecretKey,
    webhookAllowPrivateUrls: bool('WEBHOOK_ALLOW_PRIVATE_URLS', false),
    candidateWindowDays: int('CANDIDATE_WINDOW_DAYS', DEFAULT_CANDIDATE_WINDOW_DAYS, 0, 36_500),
  });
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** 32 bytes as 64 hex digits or as base64 (standard or URL-safe alphabet, padding optional); undefined otherwise. */
function parseSecretKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return undefined;
  const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}
