/**
 * Pipeline throughput: articles ingested (POST /v1/articles) and fully verified (status verified: extraction,
 * one verification job per claim, the article-verified parent) per second, with 1 and then 2 worker processes.
 * Each round gets a fresh database and queue prefix; the API runs with RUN_WORKERS=false and the workers are
 * separate processes, as in production. Articles are the dev set's texts (../shared) made unique, or a built-in
 * sample when ../shared is absent.
 *
 *   npm run build && node dist/bench/pipeline.bench.js       (BENCH_PIPELINE_ARTICLES=36 by default)
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/load-app-config';
import { runMigrations } from '../src/database/migrate';
import { deleteQueueKeys, dropBenchDatabase } from './bench-resources';
import { startEntryPoint as start, stopProcesses as stop } from './child-processes';

export interface PipelineBenchRound {
  workers: number;
  articles: number;
  claims: number;
  failed: number;
  ingestSeconds: number;
  ingestedPerSecond: number;
  verifiedSeconds: number;
  verifiedArticlesPerSecond: number;
  verifiedClaimsPerSecond: number;
}

const BUILT_IN = `Storm forces thousands from homes

HARBOURTON (Example Wire) — A storm forced 14,200 people from their homes along the western coast over the weekend, the national disaster agency said on Monday. The agency also said 3,100 homes had been damaged, about 400 of them severely.

At least six people were killed, police said. Regional governor Anna Berg told reporters that the death toll had risen to seven, and that 120 patients had been moved to hospitals in the capital.

"We opened 46 shelters overnight, and every one of them is full," said Ines Varga, the relief society's director. The regional government put preliminary damage at 85 million euros.
`;

const POST_CONCURRENCY = 4;
const DEADLINE_MS = 15 * 60_000;

function devTexts(): { texts: string[]; source: string } {
  const dev = resolve(__dirname, '..', '..', 'shared', 'eval', 'dev');
  const devFromDist = resolve(__dirname, '..', '..', '..', 'shared', 'eval', 'dev');
  const dir = existsSync(dev) ? dev : existsSync(devFromDist) ? devFromDist : null;
  if (!dir) return { texts: [BUILT_IN], source: 'built-in sample (../shared absent)' };
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text);
  return { texts, source: `${dir} (${texts.length} dev articles)` };
}

async function round(workers: number, texts: string[], count: number): Promise<PipelineBenchRound> {
  const runId = randomBytes(4).toString('hex');
  const base = loadAppConfig(process.env);
  const dbUrl = new URL(base.databaseUrl);
  dbUrl.pathname = `/claimtrail_bench_${runId}`;
  const prefix = `claimtrail_bench_${runId}`;
  const adminKey = `ct_bench_${randomBytes(16).toString('hex')}`;
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const env = {
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: base.redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    SWEEP_INTERVAL_MS: '5000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    MIGRATE_ON_START: 'false',
  };
  await runMigrations(loadAppConfig({ ...process.env, ...env }));
  const db = new DataSource({ type: 'postgres', url: env.DATABASE_URL, poolSize: 2 });
  const children: ChildProcess[] = [];
  try {
    children.push(
      await start(
        'main',
        { ...env, PORT: port, HOST: '127.0.0.1', RUN_WORKERS: 'false', BOOTSTRAP_ADMIN_KEY: adminKey },
        /listening on/,
      ),
    );
    for (let i = 0; i < workers; i++) children.push(await start('worker', env, /worker running/));
    await db.initialize();

    const bodies = Array.from({ length: count }, (_, i) => ({
      text: `${texts[i % texts.length]}\n\n(Bench copy ${i} of run ${runId}.)`,
      outlet: 'Bench Wire',
    }));
    const t0 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: POST_CONCURRENCY }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const res = await fetch(`http://127.0.0.1:${port}/v1/articles`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
            body: JSON.stringify(body),
          });
          if (res.status !== 202)
            throw new Error(`POST /v1/articles answered ${res.status}: ${await res.text()}`);
        }
      }),
    );
    const ingestSeconds = (Date.now() - t0) / 1000;
    let done = { verified: 0, failed: 0, claims: 0 };
    while (done.verified + done.failed < count) {
      if (Date.now() - t0 > DEADLINE_MS)
        throw new Error(`Not all articles verified after ${DEADLINE_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
      const rows: { verified: string; failed: string; claims: string }[] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'verified') AS verified, count(*) FILTER (WHERE status = 'failed') AS failed,
                coalesce(sum(claim_count), 0) AS claims FROM articles`,
      );
      done = {
        verified: Number(rows[0].verified),
        failed: Number(rows[0].failed),
        claims: Number(rows[0].claims),
      };
    }
    const verifiedSeconds = (Date.now() - t0) / 1000;
    return {
      workers,
      articles: count,
      claims: done.claims,
      failed: done.failed,
      ingestSeconds,
      ingestedPerSecond: count / ingestSeconds,
      verifiedSeconds,
      verifiedArticlesPerSecond: count / verifiedSeconds,
      verifiedClaimsPerSecond: done.claims / verifiedSeconds,
    };
  } finally {
    await stop(children);
    if (db.isInitialized) await db.destroy();
    await dropBenchDatabase(env.DATABASE_URL);
    await deleteQueueKeys(env.REDIS_URL, prefix);
  }
}

/** Runs the pipeline benchmark with 1 and 2 worker processes and prints the figures. */
export async function runPipelineBench(): Promise<PipelineBenchRound[]> {
  const count = Number(process.env.BENCH_PIPELINE_ARTICLES ?? 36);
  const { texts, source } = devTexts();
  console.log(
    `pipeline: ${count} articles per round from ${source}; API (RUN_WORKERS=false) + N worker processes`,
  );
  const results: PipelineBenchRound[] = [];
  for (const workers of [1, 2]) {
    const r = await round(workers, texts, count);
    results.push(r);
    console.log(
      `  ${workers} worker process(es): ingested ${r.ingestedPerSecond.toFixed(1)} articles/s (${r.ingestSeconds.toFixed(1)} s); ` +
        `fully verified ${r.verifiedArticlesPerSecond.toFixed(2)} articles/s, ${r.verifiedClaimsPerSecond.toFixed(1)} claims/s ` +
        `(${r.articles} articles, ${r.claims} claims, ${r.failed} failed, ${r.verifiedSeconds.toFixed(1)} s)`,
    );
  }
  return results;
}

if (require.main === module) {
  runPipelineBench().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
