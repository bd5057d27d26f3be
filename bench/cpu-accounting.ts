/**
 * Where the CPU of a benchmark phase goes: the worker processes, the PostgreSQL backends serving the benchmark's
 * database, and the Redis server. On a machine whose cores are shared by all three, their sum per item is the
 * figure that bounds throughput (cores × 1000 / total ms per item).
 */
import { readFileSync } from 'node:fs';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';

/** CPU time (user + system, ms) a process has used so far, from /proc (null where /proc is absent or it is gone). */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  workers: (number | null)[];
  /** CPU so far of each PostgreSQL backend connected to the database, by pid. */
  backends: Map<number, number>;
  redisMs: number | null;
}

export interface CpuUse {
  workersMs: number | null;
  databaseMs: number | null;
  redisMs: number | null;
}

/** Snapshots the CPU used so far by the workers, the database's backends and Redis. */
export async function cpuSnapshot(
  db: DataSource,
  workerPids: (number | undefined)[],
  redisUrl: string,
): Promise<CpuSnapshot> {
  const rows: { pid: number }[] = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== null) backends.set(pid, ms);
  }
  return { workers: workerPids.map(processCpuMs), backends, redisMs: await redisCpuMs(redisUrl) };
}

/**
 * CPU used between two snapshots. A backend that connected in between counts whole (the workers' pools connect on
 * first use); one that disconnected in between is missed (pools keep their connections while busy).
 */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const workersMs = after.workers.every((x, i) => x !== null && before.workers[i] !== null)
    ? after.workers.reduce<number>((sum, x, i) => sum + (x ?? 0) - (before.workers[i] ?? 0), 0)
    : null;
  let databaseMs: number | null = after.backends.size ? 0 : null;
  for (const [pid, ms] of after.backends) databaseMs! += ms - (before.backends.get(pid) ?? 0);
  const redisMs = after.redisMs !== null && before.redisMs !== null ? after.redisMs - before.redisMs : null;
  return { workersMs, databaseMs, redisMs };
}

/** The Redis server's own CPU so far (INFO cpu), in ms. */
async function redisCpuMs(redisUrl: string): Promise<number | null> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('cpu');
    const sys = Number(/^used_cpu_sys:([\d.]+)/m.exec(info)?.[1]);
    const user = Number(/^used_cpu_user:([\d.]+)/m.exec(info)?.[1]);
    return Number.isFinite(sys) && Number.isFinite(user) ? (sys + user) * 1000 : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}
