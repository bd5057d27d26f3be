import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createRequire } from 'node:module';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ApiKeysService } from '../src/auth/api-keys.service';
import { configureApp, createFastifyAdapter } from '../src/bootstrap';
import { loadAppConfig } from '../src/config/load-app-config';
import { runMigrations } from '../src/database/migrate';
import { ReviewQueueService } from '../src/review-queue/review-queue.service';
import { startEntryPoint, stopProcesses } from './child-processes';
import { processCpuMs } from './cpu-accounting';

/**
 * Review queue benchmark: 100k claims (1,000 articles, 500 sources, figures on half the claims) in a database of its
 * own, the API started as its own process (dist/src/main.js, no workers, warn-level logs), then autocannon, in this
 * process, with 50 connections for 10 s each against
 * a baseline route (GET /v1/workspace-settings: the HTTP stack and key check), GET /v1/review-queue (first page,
 * then filtered by outlet and status) and POST /v1/review-queue/next (every answer is a new lease), then the same
 * with 10 connections. Prints requests/s and latency percentiles, and the CPU time each request cost the API
 * process and the PostgreSQL backends serving it (Linux /proc; steadier than wall time on a shared machine). Target: p99 < 50 ms for the listing. The
 * database is vacuumed and analysed after seeding (as autovacuum would have done on a live one).
 *
 *   node dist/bench/review-queue.bench.js      (or through npm run bench)
 */

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const CLAIMS = 100_000;
const ARTICLES = 1_000;
const SOURCES = 500;
const CONNECTIONS = 50;
/** A second pass with fewer connections: latency when the server is not saturated. */
const FEW_CONNECTIONS = 10;
const DURATION_SECONDS = 10;

export interface ReviewQueueBenchFigures {
  claims: number;
  queued: number;
  connections: number;
  durationSeconds: number;
  runs: Record<
    string,
    {
      requestsPerSecond: number;
      p50Ms: number;
      p99Ms: number;
      maxMs: number;
      non2xx: number;
      apiCpuMsPerRequest: number | null;
      postgresCpuMsPerRequest: number | null;
    }
  >;
}

export async function seed(databaseUrl: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 1 });
  await ds.initialize();
  try {
    await ds.query(`
      INSERT INTO articles (content_hash, text, title, url, outlet, published_at, status, claim_count, verified_at)
      SELECT md5('bench-a' || g) || md5('bench-b' || g), 'Bench article ' || g, 'Bench article ' || g,
             'https://bench.example.org/a/' || g, 'Outlet ' || (g % 20), now() - make_interval(mins => g), 'verified',
             ${CLAIMS / ARTICLES}, now()
        FROM generate_series(1, ${ARTICLES}) g`);
    await ds.query(`
      INSERT INTO sources (name, normalized_key, type)
      SELECT 'Bench Source ' || g, 'bench source ' || g, (ARRAY['person','government','organization'])[1 + g % 3]::source_type
        FROM generate_series(1, ${SOURCES}) g`);
    await ds.query(`
      WITH a AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM articles)
      INSERT INTO claims (article_id, span_start, span_end, sentence, text, checkworthy, score, agreement_status,
                          verified_revision, verified_at, created_at)
      SELECT a.id, (g / ${ARTICLES}) * 80, (g / ${ARTICLES}) * 80 + 70, g / ${ARTICLES},
             'Official ' || (g % ${SOURCES}) || ' said ' || g || ' people attended event ' || (g % 97) || '.',
             (g / ${ARTICLES}) % 5 <> 0, ((g * 7919) % 1000) / 1000.0,
             (ARRAY['pending','unattributed','single_source','corroborated','conflicting'])[1 + (g / 7) % 5]::agreement_status,
             1, now(), now() - make_interval(secs => g)
        FROM generate_series(0, ${CLAIMS - 1}) g JOIN a ON a.rn = 1 + g % ${ARTICLES}`);
    await ds.query(`
      WITH s AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM sources),
           c AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM claims)
      INSERT INTO attributions (claim_id, source_id, role)
      SELECT c.id, s.id, 'primary' FROM c JOIN s ON s.rn = 1 + (c.rn * c.rn) % ${SOURCES} WHERE c.rn % 10 < 7`);
    await ds.query(`
      INSERT INTO quantities (claim_id, span_start, span_end, text, value, bound, kind)
      SELECT id, 10, 14, '1000', 1000, 'exact', 'count' FROM claims WHERE substr(id::text, 1, 1) < '8'`);
    await ds.query('ANALYZE');
  } finally {
    await ds.destroy();
  }
}

/** CPU time (user + system) of processes, in ms (processes /proc does not know are left out). */
function cpuMs(pids: number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== null) result.set(pid, ms);
  }
  return result;
}

async function run(name: string, options: Record<string, unknown>): Promise<AutocannonResult> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  const l = result.latency;
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} req/s, latency p50 ${l.p50} ms, p90 ${l.p90} ms, ` +
      `p99 ${l.p99} ms, max ${l.max} ms; ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
  return result;
}

export async function runReviewQueueBench(): Promise<ReviewQueueBenchFigures> {
  const base = loadAppConfig(process.env);
  const url = new URL(base.databaseUrl);
  url.pathname = '/claimtrail_bench_review_queue';
  const databaseUrl = url.toString();
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: maintenance.toString(), poolSize: 1 });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS claimtrail_bench_review_queue WITH (FORCE)`);
  await admin.destroy();

  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: 'claimtrail_bench_review_queue',
    RUN_WORKERS: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  await runMigrations(config);
  let started = Date.now();
  await seed(databaseUrl);
  console.log(`seeded ${CLAIMS} claims in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Setup through the services (queue priorities, a reviewer key) in this process; the server runs in its own.
  const setup = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { logger: false, abortOnError: false },
  );
  configureApp(setup);
  await setup.init();
  started = Date.now();
  const queued = await setup.get(ReviewQueueService).refreshStale(0, CLAIMS);
  console.log(
    `queued ${queued} check-worthy claims with priorities in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const { secret } = await setup.get(ApiKeysService).create('bench reviewer', 'factchecker');
  await setup.close();
  const observer = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 1 });
  await observer.initialize();
  await observer.query('VACUUM ANALYZE');

  const port = String(20000 + Math.floor(Math.random() * 20000));
  const target = `http://127.0.0.1:${port}`;
  const server = await startEntryPoint(
    'main',
    {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: 'claimtrail_bench_review_queue',
      PORT: port,
      HOST: '127.0.0.1',
      RUN_WORKERS: 'false',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    { url: `${target}/health` },
  );
  try {
    const headers = { 'x-api-key': secret, 'content-type': 'application/json' };
    const runs: ReviewQueueBenchFigures['runs'] = {};
    /** The API's PostgreSQL backends (its pool: application_name claimtrail) and the API process itself. */
    const backends = async (): Promise<number[]> =>
      (
        await observer.query<{ pid: number }[]>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimtrail'`,
        )
      ).map((r) => r.pid);
    const record = async (name: string, measure: () => Promise<AutocannonResult>) => {
      const apiPid = server.pid ?? -1;
      const before = cpuMs([apiPid, ...(await backends())]);
      const r = await measure();
      const pgPids = await backends();
      const after = cpuMs([apiPid, ...pgPids]);
      const spent = (pid: number) => (after.get(pid) ?? 0) - (before.get(pid) ?? 0);
      const requests = r['2xx'] + r.non2xx;
      const perRequest = (ms: number) => (after.has(apiPid) && requests ? +(ms / requests).toFixed(3) : null);
      runs[name] = {
        requestsPerSecond: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        non2xx: r.non2xx,
        apiCpuMsPerRequest: perRequest(spent(apiPid)),
        postgresCpuMsPerRequest: perRequest(pgPids.reduce((sum, pid) => sum + spent(pid), 0)),
      };
      console.log(
        `   CPU per request: API ${runs[name].apiCpuMsPerRequest} ms, PostgreSQL ${runs[name].postgresCpuMsPerRequest} ms`,
      );
    };
    await run('warm-up', { url: `${target}/v1/review-queue`, headers, duration: 2 });
    for (const connections of [CONNECTIONS, FEW_CONNECTIONS]) {
      const suffix = connections === CONNECTIONS ? '' : ` (${connections} connections)`;
      console.log(`-- ${connections} connections`);
      await record(`baseline GET /v1/workspace-settings${suffix}`, () =>
        run('baseline GET /v1/workspace-settings (auth + one primary-key read)', {
          url: `${target}/v1/workspace-settings`,
          headers,
          connections,
        }),
      );
      await record(`GET /v1/review-queue${suffix}`, () =>
        run('GET /v1/review-queue', { url: `${target}/v1/review-queue`, headers, connections }),
      );
      await record(`GET /v1/review-queue?outlet=&agreementStatus=${suffix}`, () =>
        run('GET /v1/review-queue?outlet=Outlet 7&agreementStatus=conflicting', {
          url: `${target}/v1/review-queue?outlet=Outlet%207&agreementStatus=conflicting`,
          headers,
          connections,
        }),
      );
      await record(`POST /v1/review-queue/next${suffix}`, () =>
        run('POST /v1/review-queue/next', {
          url: `${target}/v1/review-queue/next`,
          method: 'POST',
          body: '{}',
          headers,
          connections,
        }),
      );
    }
    const listingP99 = runs['GET /v1/review-queue'].p99Ms;
    console.log(`listing p99 ${listingP99} ms (target < 50 ms): ${listingP99 < 50 ? 'met' : 'NOT met'}`);
    return { claims: CLAIMS, queued, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, runs };
  } finally {
    await observer.destroy();
    await stopProcesses([server]);
    const cleanup = new DataSource({ type: 'postgres', url: maintenance.toString(), poolSize: 1 });
    await cleanup.initialize();
    await cleanup.query(`DROP DATABASE IF EXISTS claimtrail_bench_review_queue WITH (FORCE)`);
    await cleanup.destroy();
  }
}

if (require.main === module) {
  runReviewQueueBench().then(
    (figures) => {
      console.log(JSON.stringify(figures, null, 2));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
