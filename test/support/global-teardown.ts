import Redis from 'ioredis';
import { DataSource } from 'typeorm';

/** Drops the run's database and deletes the run's BullMQ keys (prefix and prefix_* of tests; see global-setup). */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const prefix = process.env.QUEUE_PREFIX;
  if (databaseUrl && /\/claimtrail_test_[0-9a-f]+$/.test(new URL(databaseUrl).pathname)) {
    const url = new URL(databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const client = new DataSource({ type: 'postgres', url: url.toString(), poolSize: 1 });
    await client.initialize();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.destroy();
    }
  }
  if (prefix?.startsWith('claimtrail_test_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { lazyConnect: true });
    await redis.connect();
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
