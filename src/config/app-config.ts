/**
 * The service's typed configuration. Built once at boot from the environment by `loadAppConfig`;
 * everything else receives an `AppConfig` through dependency injection, never `process.env`.
 */
/** CANDIDATE_WINDOW_DAYS when unset (and for a ClaimsRepository built without a configuration: scripts, benches). */
export const DEFAULT_CANDIDATE_WINDOW_DAYS = 365;

export class AppConfig {
  /** postgres://user@host:port/database */
  readonly databaseUrl: string;
  /** redis://host:port[/db] */
  readonly redisUrl: string;
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  readonly queuePrefix: string;
  readonly port: number;
  /** Interface the HTTP server binds to. */
  readonly host: string;
  /** When set, an admin API key with exactly this value is created at boot (or kept if it exists). */
  readonly bootstrapAdminKey: string | undefined;
  /** Largest accepted article body, in bytes of UTF-8 text. */
  readonly maxArticleBytes: number;
  /** Whether this process also runs the queue workers (the API does by default; `worker` always does). */
  readonly runWorkers: boolean;
  /** Jobs one worker process runs at once, per queue. */
  readonly workerConcurrency: number;
  /** Claim verification jobs one worker process holds at once (they are verified in batches). */
  readonly verifyConcurrency: number;
  /** Most claims verified together in one batch (one set of loads, one transaction); 1 verifies them one by one. */
  readonly verifyBatchSize: number;
  /** How often the sweep re-enqueues work stuck in a waiting state, in milliseconds. */
  readonly sweepIntervalMs: number;
  /** Run pending migrations when the API starts (creating the database when it is missing). */
  readonly migrateOnStart: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Requests per minute allowed for one API key (or one address without a key). */
  readonly rateLimitPerMinute: number;
  /**
   * 32-byte key that encrypts webhook signing secrets at rest (AES-256-GCM). Unset: no webhook can be created (its
   * secret could not be stored encrypted); webhooks stored earlier in clear text still deliver.
   */
  readonly webhookSecretKey: Buffer | undefined;
  /** Allow webhook URLs on loopback, private, link-local and other non-public addresses (tests, closed networks). */
  readonly webhookAllowPrivateUrls: boolean;
  /**
   * Candidate retrieval for verification looks at claims of articles published at most this many days before or
   * after the claim's article (an article without a publication date, on either side, is never excluded); 0: no
   * time window.
   */
  readonly candidateWindowDays: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
