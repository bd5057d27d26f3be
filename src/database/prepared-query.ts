import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The part of a pg Pool used here (TypeORM's PostgresDriver keeps it, untyped, as `master`). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/**
 * Runs a read-only query as a named prepared statement on a pooled connection: PostgreSQL parses and plans it once
 * per connection instead of on every call (planning cost more than executing the review-queue page). The name is
 * a hash of the text, so queries built from optional filters get one statement per combination. Only for
 * statements outside a transaction; the values are bound as usual.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  let name = names.get(text);
  if (name === undefined) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
