import { AppConfig } from '../../src/config/app-config';
import { ConfigError, loadAppConfig } from '../../src/config/load-app-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadAppConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadAppConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadAppConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect({ ...config }).toEqual({
      databaseUrl: 'postgres://postgres@localhost:5432/claimtrail',
      redisUrl: 'redis://localhost:6379',
      queuePrefix: 'claimtrail',
      port: 3000,
      host: '0.0.0.0',
      bootstrapAdminKey: undefined,
      maxArticleBytes: 1_000_000,
      runWorkers: true,
      workerConcurrency: 4,
      verifyConcurrency: 128,
      verifyBatchSize: 64,
      sweepIntervalMs: 15_000,
      migrateOnStart: true,
      logLevel: 'info',
      rateLimitPerMinute: 600,
      webhookSecretKey: undefined,
      webhookAllowPrivateUrls: false,
      candidateWindowDays: 365,
    });
  });

  it('treats blank values as unset', () => {
    expect(loadAppConfig({ PORT: '', DATABASE_URL: '  ', RUN_WORKERS: ' ' })).toEqual(loadAppConfig({}));
  });

  it('reads every variable', () => {
    const config = loadAppConfig({
      DATABASE_URL: 'postgresql://app@db:5433/news',
      REDIS_URL: 'rediss://cache:6380/2',
      QUEUE_PREFIX: 'ct-staging_1',
      PORT: '8080',
      HOST: '127.0.0.1',
      BOOTSTRAP_ADMIN_KEY: ' ct_0123456789abcdef ',
      MAX_ARTICLE_BYTES: '2048',
      RUN_WORKERS: 'false',
      WORKER_CONCURRENCY: '16',
      VERIFY_CONCURRENCY: '64',
      VERIFY_BATCH_SIZE: '8',
      SWEEP_INTERVAL_MS: '500',
      MIGRATE_ON_START: 'no',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_MINUTE: '30',
      WEBHOOK_SECRET_KEY: '00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      CANDIDATE_WINDOW_DAYS: '0',
    });
    expect({ ...config }).toEqual({
      databaseUrl: 'postgresql://app@db:5433/news',
      redisUrl: 'rediss://cache:6380/2',
      queuePrefix: 'ct-staging_1',
      port: 8080,
      host: '127.0.0.1',
      bootstrapAdminKey: 'ct_0123456789abcdef',
      maxArticleBytes: 2048,
      runWorkers: false,
      workerConcurrency: 16,
      verifyConcurrency: 64,
      verifyBatchSize: 8,
      sweepIntervalMs: 500,
      migrateOnStart: false,
      logLevel: 'debug',
      rateLimitPerMinute: 30,
      webhookSecretKey: Buffer.from(
        '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
        'hex',
      ),
      webhookAllowPrivateUrls: true,
      candidateWindowDays: 0,
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    ['on', true],
    ['False', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ])('reads the boolean %p as %p', (raw, expected) => {
    expect(loadAppConfig({ RUN_WORKERS: raw }).runWorkers).toBe(expected);
  });

  it.each([
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://root@localhost/db', /DATABASE_URL must use postgres: or postgresql:/],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must use redis: or rediss:/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535 \(got "70000"\)/],
    ['PORT', '80.5', /PORT must be a whole number/],
    ['PORT', 'abc', /PORT must be a whole number/],
    ['MAX_ARTICLE_BYTES', '0', /MAX_ARTICLE_BYTES must be a whole number from 1/],
    ['WORKER_CONCURRENCY', '-1', /WORKER_CONCURRENCY must be a whole number from 1 to 256/],
    ['SWEEP_INTERVAL_MS', '10', /SWEEP_INTERVAL_MS must be a whole number from 100/],
    ['RATE_LIMIT_PER_MINUTE', '0', /RATE_LIMIT_PER_MINUTE must be a whole number from 1/],
    ['RUN_WORKERS', 'maybe', /RUN_WORKERS must be true or false \(got "maybe"\)/],
    ['MIGRATE_ON_START', 'sometimes', /MIGRATE_ON_START must be true or false/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    ['QUEUE_PREFIX', 'has:colon', /QUEUE_PREFIX may hold only letters, digits, _ and -/],
    ['BOOTSTRAP_ADMIN_KEY', 'short', /BOOTSTRAP_ADMIN_KEY must be at least 16 characters long/],
    ['WEBHOOK_SECRET_KEY', 'too-short-a-key', /WEBHOOK_SECRET_KEY must be 32 random bytes/],
    ['WEBHOOK_SECRET_KEY', 'a'.repeat(63), /WEBHOOK_SECRET_KEY must be 32 random bytes/],
    ['WEBHOOK_SECRET_KEY', Buffer.alloc(31, 7).toString('base64'), /WEBHOOK_SECRET_KEY must be 32 random/],
    ['WEBHOOK_ALLOW_PRIVATE_URLS', 'maybe', /WEBHOOK_ALLOW_PRIVATE_URLS must be true or false/],
    ['CANDIDATE_WINDOW_DAYS', '-30', /CANDIDATE_WINDOW_DAYS must be a whole number from 0 to 36500/],
  ])('refuses %s=%p with a message naming it', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ['base64', Buffer.alloc(32, 9).toString('base64')],
    ['base64url without padding', Buffer.alloc(32, 9).toString('base64url')],
    ['hex', Buffer.alloc(32, 9).toString('hex')],
  ])('reads a WEBHOOK_SECRET_KEY written as %s', (_form, raw) => {
    expect(loadAppConfig({ WEBHOOK_SECRET_KEY: ` ${raw} ` }).webhookSecretKey).toEqual(Buffer.alloc(32, 9));
  });

  it('lists every problem in one error, not just the first', () => {
    const env = {
      DATABASE_URL: 'nope',
      REDIS_URL: 'http://x',
      PORT: '-1',
      MAX_ARTICLE_BYTES: 'big',
      RUN_WORKERS: 'perhaps',
      WORKER_CONCURRENCY: '0',
      SWEEP_INTERVAL_MS: '1',
      MIGRATE_ON_START: 'x',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_PER_MINUTE: '0',
      QUEUE_PREFIX: 'a b',
      BOOTSTRAP_ADMIN_KEY: 'tiny',
      WEBHOOK_SECRET_KEY: 'not-a-key',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'perhaps',
    };
    let error: unknown;
    try {
      loadAppConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(Object.keys(env).length);
    for (const name of Object.keys(env)) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
      expect(message).toContain(name);
    }
    expect(message).toMatch(/^Invalid configuration:\n {2}- /);
  });
});
