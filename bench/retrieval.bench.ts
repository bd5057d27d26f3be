/**
 * Candidate retrieval and verification at corpus scale. For each corpus size N (1k, 10k, 100k stored claims by
 * default), in a fresh database:
 *   1. seeds N stored, verified synthetic claims (bench/synthetic-claims.ts: Zipf-distributed vocabulary, named
 *      sources, figures with units, many articles and outlets) with bulk SQL inserts, then VACUUM ANALYZE (as
 *      autovacuum would);
 *   2. retrieval: calls ClaimsRepository.findCandidateIds (the query verification runs, CANDIDATE_LIMIT) directly on
 *      a random sample of stored claims, one at a time, and reports p50/p95/max latency and candidates per claim;
 *   3. throughput: stores a fixed batch of new articles whose claims are extracted but not verified (half of them
 *      re-state stored facts), starts 2 worker processes (dist/src/worker.js), adds each article's verification flow
 *      as extraction does, and times until every article is verified and until the re-verifications of earlier
 *      claims they caused are done too (claims/s counts that time); CPU per new claim of the workers, of the
 *      PostgreSQL backends serving them and of Redis (bench/cpu-accounting.ts). The batch (5,000 claims by default)
 *      is long enough to measure workers in their steady state: a worker's first seconds (V8 still compiling, empty
 *      caches, batches not yet full) are much slower, and with 500 claims they were most of the run.
 * Ends with the ratio p95(largest)/p95(smallest). The machine's load average is printed beside each figure: on a
 * busy machine compare the relative figures.
 *
 *   npm run build && node dist/bench/retrieval.bench.js [--sizes=1000,10000]
 *   BENCH_RETRIEVAL_SIZES=1000,10000 BENCH_RETRIEVAL_BATCH=5000 BENCH_RETRIEVAL_SAMPLES=300 (or through npm run bench)
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { FlowProducer } from 'bullmq';
import { DataSource } from 'typeorm';
import { ClaimsRepository } from '../src/claims/claims.repository';
import { LexemeStatisticsRepository } from '../src/claims/lexeme-statistics.repository';
import { loadAppConfig } from '../src/config/load-app-config';
import { extractQuantities } from '../src/engine/quantities';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { redisConnectionOptions } from '../src/pipeline/queue.module';
import {
  ARTICLES_QUEUE,
  articleVerifiedJobId,
  CLAIMS_QUEUE,
  JOB_ARTICLE_VERIFIED,
  JOB_OPTIONS,
  JOB_VERIFY_CLAIM,
  verifyClaimJobId,
  type VerifyClaimPayload,
} from '../src/pipeline/queues';
import { CANDIDATE_LIMIT } from '../src/verification/verification.service';
import { deleteQueueKeys, dropBenchDatabase } from './bench-resources';
import { cpuSnapshot, cpuUsed } from './cpu-accounting';
import { startEntryPoint, stopProcesses } from './child-processes';
import { type SyntheticClaim, SyntheticCorpus } from './synthetic-claims';

const WORKERS = 2;
const CLAIMS_PER_ARTICLE = 10;
const CHUNK = 5_000;
const DEADLINE_MS = 15 * 60_000;

export interface RetrievalBenchSize {
  corpus: number;
  seedSeconds: number;
  retrieval: {
    samples: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    meanCandidates: number;
    load: string;
  };
  verification: {
    workers: number;
    claims: number;
    articles: number;
    failed: number;
    /** Until every new article was verified. */
    seconds: number;
    /** Until the re-verifications they caused were done too (every claim verified at its latest revision). */
    settledSeconds: number;
    /** Re-verification runs of earlier claims (and how many claims) the new claims caused. */
    reverifications: number;
    reverifiedClaims: number;
    /** Claims verified together, on average (VerificationBatcher), as each claim's run saw it. */
    meanBatch: number | null;
    /** New claims per second, re-verifications included (claims / settledSeconds). */
    claimsPerSecond: number;
    claimsPerSecondUntilArticlesVerified: number;
    workerCpuMsPerClaim: number | null;
    /** CPU of the PostgreSQL backends serving the workers, per claim. */
    databaseCpuMsPerClaim: number | null;
    /** CPU of the Redis server (shared: anything else using it counts too), per claim. */
    redisCpuMsPerClaim: number | null;
    /** Relations recorded between the batch's claims and other articles' claims (what retrieval let it find). */
    crossArticleRelations: number;
    load: string;
  };
}

export interface RetrievalBenchFigures {
  sizes: RetrievalBenchSize[];
  p95Ratio: number | null;
}

function option(name: string, envName: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : (process.env[envName] ?? fallback);
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface ArticleRows {
  ids: string[];
  claimIds: string[][];
}

/**
 * Bulk-inserts articles with their claims, primary attributions and quantities (ids made here, so no row needs
 * reading back). `verified`: stored claims already verified, stored and verified when their article was published
 * (the corpus was ingested over the past year); otherwise extracted claims stored now, waiting for verification.
 */
async function insertArticles(
  db: DataSource,
  corpus: SyntheticCorpus,
  sourceIds: string[],
  claims: SyntheticClaim[],
  articleCount: number,
  verified: boolean,
  tag: string,
): Promise<ArticleRows> {
  const ids = Array.from({ length: articleCount }, () => randomUUID());
  const claimIds: string[][] = ids.map(() => []);
  const perArticle = new Array<number>(articleCount).fill(0);
  const claimRows = claims.map((c, i) => {
    const a = i % articleCount;
    const id = randomUUID();
    claimIds[a].push(id);
    return { id, article: ids[a], sentence: perArticle[a]++, c };
  });
  const day = 24 * 3600_000;
  await db.query(
    `INSERT INTO articles (id, content_hash, text, title, url, outlet, published_at, status, claim_count, extracted_at,
                           verified_at, created_at)
     SELECT id, md5(url) || md5(url || 'x'), 'Synthetic article ' || url, title, url, outlet, published_at,
            $6::article_status, claims, stored_at, CASE WHEN $6 = 'verified' THEN stored_at END, stored_at
       FROM (SELECT t.*, CASE WHEN $6 = 'verified' THEN t.published_at ELSE now() END AS stored_at
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $7::int[])
                    AS t(id, title, url, outlet, published_at, claims)) t`,
    [
      ids,
      ids.map((_, i) => `Bench ${tag} article ${i}`),
      ids.map((_, i) => `https://bench.example.org/${tag}/${i}`),
      ids.map(() => corpus.outlets[corpus.outlet()]),
      ids.map((_, i) => new Date(Date.now() - (i % 365) * day).toISOString()),
      verified ? 'verified' : 'extracted',
      perArticle,
    ],
  );
  for (let from = 0; from < claimRows.length; from += CHUNK) {
    const rows = claimRows.slice(from, from + CHUNK);
    await db.query(
      `INSERT INTO claims (id, article_id, span_start, span_end, sentence, text, checkworthy, score, agreement_status,
                           agreeing_origins, verified_revision, verified_at, created_at)
       SELECT t.id, t.article_id, sentence * 200, sentence * 200 + length(t.text), sentence, t.text, score >= 0.3,
              score, $5::agreement_status, CASE WHEN $5 = 'single_source' THEN 1 ELSE 0 END,
              CASE WHEN $5 = 'pending' THEN NULL ELSE 1 END, CASE WHEN $5 = 'pending' THEN NULL ELSE a.created_at END,
              a.created_at
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $6::float8[])
              AS t(id, article_id, sentence, text, score)
         JOIN articles a ON a.id = t.article_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.article),
        rows.map((r) => r.sentence),
        rows.map((r) => r.c.text),
        verified ? 'single_source' : 'pending',
        rows.map((r) => ((r.sentence * 37 + r.c.text.length) % 100) / 100),
      ],
    );
    const attributed = rows.filter((r) => r.c.source >= 0);
    await db.query(
      `INSERT INTO attributions (claim_id, source_id, role)
       SELECT claim_id, source_id, 'primary' FROM unnest($1::uuid[], $2::uuid[]) AS t(claim_id, source_id)`,
      [attributed.map((r) => r.id), attributed.map((r) => sourceIds[r.c.source])],
    );
    // Figures as the engine reads them (value, hedge, unit), like extraction stores them.
    const quantities = rows.flatMap((r) =>
      extractQuantities(r.c.text).map((q) => ({ claim: r.id, offset: r.sentence * 200, q })),
    );
    await db.query(
      `INSERT INTO quantities (claim_id, span_start, span_end, text, value, high, bound, unit, change, kind)
       SELECT claim_id, s, e, q, v, h, b::quantity_bound, u, ch::quantity_change, k::quantity_kind
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::numeric[], $6::numeric[], $7::text[], $8::text[],
                     $9::text[], $10::text[]) AS t(claim_id, s, e, q, v, h, b, u, ch, k)`,
      [
        quantities.map((x) => x.claim),
        quantities.map((x) => x.offset + x.q.start),
        quantities.map((x) => x.offset + x.q.end),
        quantities.map((x) => x.q.text),
        quantities.map((x) => x.q.value),
        quantities.map((x) => x.q.high ?? null),
        quantities.map((x) => x.q.bound),
        quantities.map((x) => x.q.unit),
        quantities.map((x) => x.q.change ?? null),
        quantities.map((x) => x.q.kind),
      ],
    );
  }
  return { ids, claimIds };
}

export async function seedCorpus(db: DataSource, corpus: SyntheticCorpus, size: number): Promise<string[]> {
  const sourceIds = corpus.sources.map(() => randomUUID());
  await db.query(
    `INSERT INTO sources (id, name, normalized_key, type)
     SELECT id, name, key, type::source_type FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
            AS t(id, name, key, type)`,
    [
      sourceIds,
      corpus.sources.map((s) => s.name),
      corpus.sources.map((s) => s.key),
      corpus.sources.map((s) => s.type),
    ],
  );
  const claims = corpus.claims(size);
  await insertArticles(
    db,
    corpus,
    sourceIds,
    claims,
    Math.max(1, Math.ceil(size / CLAIMS_PER_ARTICLE)),
    true,
    'stored',
  );
  // What autovacuum does to a table that grew: statistics, and the GIN index's pending list merged into the index.
  await db.query('VACUUM ANALYZE');
  return sourceIds;
}

async function measureRetrieval(db: DataSource, samples: number): Promise<RetrievalBenchSize['retrieval']> {
  const repository = new ClaimsRepository(db, new LexemeStatisticsRepository(db));
  const rows = await db.query<{ id: string }[]>(`SELECT id FROM claims ORDER BY random() LIMIT $1`, [
    samples + 20,
  ]);
  const ids = rows.map((r) => r.id);
  for (const id of ids.slice(0, 20)) await repository.findCandidateIds(id, CANDIDATE_LIMIT); // warm-up
  const times: number[] = [];
  let candidates = 0;
  for (const id of ids.slice(20)) {
    const t0 = process.hrtime.bigint();
    candidates += (await repository.findCandidateIds(id, CANDIDATE_LIMIT)).length;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    samples: times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1] ?? 0,
    meanCandidates: times.length ? candidates / times.length : 0,
    load: load(),
  };
}

async function measureVerification(
  db: DataSource,
  corpus: SyntheticCorpus,
  sourceIds: string[],
  batch: number,
  env: Record<string, string>,
): Promise<RetrievalBenchSize['verification']> {
  const claims = corpus.claims(batch, 0.5);
  const articleCount = Math.max(1, Math.ceil(batch / CLAIMS_PER_ARTICLE));
  const { ids, claimIds } = await insertArticles(db, corpus, sourceIds, claims, articleCount, false, 'batch');
  const children: ChildProcess[] = [];
  const flows = new FlowProducer({
    connection: redisConnectionOptions(env.REDIS_URL),
    prefix: env.QUEUE_PREFIX,
  });
  try {
    for (let i = 0; i < WORKERS; i++) children.push(await startEntryPoint('worker', env, /worker running/));
    const cpuBefore = await cpuSnapshot(
      db,
      children.map((c) => c.pid),
      env.REDIS_URL,
    );
    const t0 = Date.now();
    await Promise.all(
      ids.map((articleId, a) =>
        flows.add({
          name: JOB_ARTICLE_VERIFIED,
          queueName: ARTICLES_QUEUE,
          data: { articleId },
          opts: { ...JOB_OPTIONS[JOB_ARTICLE_VERIFIED], jobId: articleVerifiedJobId(articleId) },
          children: claimIds[a].map((claimId) => ({
            name: JOB_VERIFY_CLAIM,
            queueName: CLAIMS_QUEUE,
            data: { claimId, articleId, revision: 1 } satisfies VerifyClaimPayload,
            opts: { ...JOB_OPTIONS[JOB_VERIFY_CLAIM], jobId: verifyClaimJobId(claimId, 1) },
          })),
        }),
      ),
    );
    let done = { verified: 0, failed: 0 };
    while (done.verified + done.failed < articleCount) {
      if (Date.now() - t0 > DEADLINE_MS)
        throw new Error(`Not all articles verified after ${DEADLINE_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
      const rows: { verified: string; failed: string }[] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'verified') AS verified, count(*) FILTER (WHERE status = 'failed') AS failed
           FROM articles WHERE id = ANY($1)`,
        [ids],
      );
      done = { verified: Number(rows[0].verified), failed: Number(rows[0].failed) };
    }
    const seconds = (Date.now() - t0) / 1000;
    // The re-verifications the new claims caused (earlier claims bumped to a new revision) are verification work
    // too: the clock stops when every claim is verified at its latest revision.
    for (;;) {
      const [behind]: { n: string }[] = await db.query(
        `SELECT count(*) AS n FROM claims WHERE verified_revision < revision`,
      );
      if (Number(behind.n) === 0) break;
      if (Date.now() - t0 > DEADLINE_MS)
        throw new Error(`Re-verifications not done after ${DEADLINE_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const settledSeconds = (Date.now() - t0) / 1000;
    const [runs]: { reverifications: string; claims: string; batch: string | null }[] = await db.query(
      `SELECT count(*) FILTER (WHERE revision > 1) AS reverifications,
              count(DISTINCT claim_id) FILTER (WHERE revision > 1) AS claims,
              avg((result->>'batch')::int) AS batch
         FROM verification_runs WHERE status = 'succeeded'`,
    );
    const used = cpuUsed(
      cpuBefore,
      await cpuSnapshot(
        db,
        children.map((c) => c.pid),
        env.REDIS_URL,
      ),
    );
    const perClaim = (ms: number | null) => (ms === null ? null : ms / claims.length);
    const relations: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM claim_relations r JOIN claims a ON a.id = r.claim_a_id JOIN claims b ON b.id = r.claim_b_id
        WHERE a.article_id <> b.article_id AND (a.article_id = ANY($1) OR b.article_id = ANY($1))`,
      [ids],
    );
    return {
      workers: WORKERS,
      crossArticleRelations: Number(relations[0].n),
      claims: claims.length,
      articles: articleCount,
      failed: done.failed,
      seconds,
      settledSeconds,
      reverifications: Number(runs.reverifications),
      reverifiedClaims: Number(runs.claims),
      meanBatch: runs.batch === null ? null : Number(runs.batch),
      claimsPerSecond: claims.length / settledSeconds,
      claimsPerSecondUntilArticlesVerified: claims.length / seconds,
      workerCpuMsPerClaim: perClaim(used.workersMs),
      databaseCpuMsPerClaim: perClaim(used.databaseMs),
      redisCpuMsPerClaim: perClaim(used.redisMs),
      load: load(),
    };
  } finally {
    await flows.close();
    await stopProcesses(children);
  }
}

async function runSize(size: number, batch: number, samples: number): Promise<RetrievalBenchSize> {
  const runId = randomBytes(4).toString('hex');
  const base = loadAppConfig(process.env);
  const dbUrl = new URL(base.databaseUrl);
  dbUrl.pathname = `/claimtrail_bench_retrieval_${runId}`;
  const env = {
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: base.redisUrl,
    QUEUE_PREFIX: `claimtrail_bench_retrieval_${runId}`,
    LOG_LEVEL: 'info',
    SWEEP_INTERVAL_MS: '600000',
    MIGRATE_ON_START: 'false',
  };
  await runMigrations(loadAppConfig({ ...process.env, ...env }));
  const db = new DataSource(
    buildDataSourceOptions(env.DATABASE_URL, { poolSize: 2, applicationName: 'bench' }),
  );
  await db.initialize();
  try {
    const corpus = new SyntheticCorpus(size);
    const t0 = Date.now();
    const sourceIds = await seedCorpus(db, corpus, size);
    const seedSeconds = (Date.now() - t0) / 1000;
    const retrieval = await measureRetrieval(db, samples);
    const verification = await measureVerification(db, corpus, sourceIds, batch, env);
    return { corpus: size, seedSeconds, retrieval, verification };
  } finally {
    await db.destroy();
    await dropBenchDatabase(env.DATABASE_URL);
    await deleteQueueKeys(env.REDIS_URL, env.QUEUE_PREFIX);
  }
}

const ms = (x: number | null): string => (x === null ? '?' : `${x.toFixed(1)} ms`);

/** Runs the retrieval benchmark at each corpus size and prints the figures. */
export async function runRetrievalBench(): Promise<RetrievalBenchFigures> {
  const sizes = option('sizes', 'BENCH_RETRIEVAL_SIZES', '1000,10000,100000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const batch = Number(option('batch', 'BENCH_RETRIEVAL_BATCH', '5000'));
  const samples = Number(option('samples', 'BENCH_RETRIEVAL_SAMPLES', '300'));
  console.log(
    `retrieval: corpus sizes ${sizes.join(', ')} stored claims (fresh database each, synthetic, VACUUM ANALYZEd); ` +
      `retrieval = ClaimsRepository.findCandidateIds(limit ${CANDIDATE_LIMIT}) on ${samples} sampled claims, ` +
      `one at a time; throughput = ${batch} new claims (${CLAIMS_PER_ARTICLE} per article) verified by ${WORKERS} ` +
      `worker processes. "load" is the 1/5/15-min load average when measured.`,
  );
  const out: RetrievalBenchSize[] = [];
  for (const size of sizes) {
    const r = await runSize(size, batch, samples);
    out.push(r);
    const v = r.verification;
    console.log(
      `  ${String(size).padStart(7)} stored claims (seeded in ${r.seedSeconds.toFixed(1)} s): ` +
        `retrieval p50 ${r.retrieval.p50Ms.toFixed(1)} ms, p95 ${r.retrieval.p95Ms.toFixed(1)} ms, ` +
        `max ${r.retrieval.maxMs.toFixed(1)} ms, ${r.retrieval.meanCandidates.toFixed(1)} candidates/claim ` +
        `[load ${r.retrieval.load}]; verification ${v.claimsPerSecond.toFixed(1)} claims/s with ${v.workers} workers ` +
        `(${v.claims} claims: articles verified in ${v.seconds.toFixed(1)} s, ` +
        `${v.claimsPerSecondUntilArticlesVerified.toFixed(1)} claims/s; with the ${v.reverifications} ` +
        `re-verifications of ${v.reverifiedClaims} earlier claims they caused, ${v.settledSeconds.toFixed(1)} s; ` +
        `${v.failed} articles failed; ${v.meanBatch === null ? '?' : v.meanBatch.toFixed(1)} claims per batch on ` +
        `average; ` +
        `CPU per claim: workers ${ms(v.workerCpuMsPerClaim)}, PostgreSQL ${ms(v.databaseCpuMsPerClaim)}, ` +
        `Redis ${ms(v.redisCpuMsPerClaim)}; ${v.crossArticleRelations} cross-article relations found) [load ${v.load}]`,
    );
  }
  const first = out[0];
  const last = out[out.length - 1];
  const p95Ratio =
    out.length > 1 && first.retrieval.p95Ms > 0 ? last.retrieval.p95Ms / first.retrieval.p95Ms : null;
  if (p95Ratio !== null) {
    console.log(
      `  retrieval p95(${last.corpus}) / p95(${first.corpus}) = ${p95Ratio.toFixed(2)} (target < 2); ` +
        `verification at ${last.corpus}: ${last.verification.claimsPerSecond.toFixed(1)} claims/s (target ≥ 200 with 2 workers)`,
    );
  }
  return { sizes: out, p95Ratio };
}

if (require.main === module) {
  runRetrievalBench().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
