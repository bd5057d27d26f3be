import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { loadAppConfig } from '../../src/config/load-app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';

/** The run's configuration (fresh database and queue prefix from global-setup), with optional overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadAppConfig({ ...process.env, ...overrides });
}

/** A DataSource on the run's database, for repository tests and for assertions in e2e tests. */
export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(
    buildDataSourceOptions(testConfig().databaseUrl, { poolSize: 4, applicationName: 'claimtrail-test' }),
  );
  return dataSource.initialize();
}

/** Thrown by a `waitFor` probe to stop waiting at once (e.g. the article failed: it will never be verified). */
export class WaitAborted extends Error {}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with the last
 * observation (no fixed sleeps in tests: wait for the state, with a deadline).
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof WaitAborted) throw err;
      last = err instanceof Error ? err : new Error(String(err));
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A text unique to this call, so tests never collide on the content hash. */
/**
 * A unique, letters-only marker for test data. Markers end up in article text, where digits would be read by the
 * engine (as figures — "…00mg…" — or as separate words in word-overlap comparisons), so it holds no digits.
 */
export function uniqueSuffix(): string {
  const raw = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return raw.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
}

/** A unique made-up word (a place name, say): `prefix` followed by a letters-only marker. */
export function uniqueWord(prefix = ''): string {
  return `${prefix}${uniqueSuffix()}`;
}

/** Inserts an article directly (repository tests need a parent row), returning its id. */
export async function insertTestArticle(
  dataSource: DataSource,
  text = `article ${uniqueSuffix()}`,
): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO articles (content_hash, text) VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $1) RETURNING id`,
    [text],
  );
  return rows[0].id;
}

/** Inserts a claim of an article directly, returning its id. */
export async function insertTestClaim(
  dataSource: DataSource,
  articleId: string,
  text: string,
  start = 0,
): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO claims (article_id, span_start, span_end, sentence, text, checkworthy, score)
     VALUES ($1, $2, $3, 0, $4, true, 0.9) RETURNING id`,
    [articleId, start, start + text.length, text],
  );
  return rows[0].id;
}
