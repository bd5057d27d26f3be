import { cpus, totalmem } from 'node:os';
import { formatEngineBench, runEngineBench } from './engine.bench';
import { runPipelineBench } from './pipeline.bench';
import { runRetrievalBench } from './retrieval.bench';
import { runReviewQueueBench } from './review-queue.bench';

/**
 * `npm run bench`: runs every benchmark and prints its figures with the machine they were measured on.
 * Each benchmark is an async function that prints its own progress and returns its figures (or nothing).
 */
type Bench = { name: string; run: () => Promise<unknown> };

const BENCHES: Bench[] = [
  {
    name: 'engine',
    run: async () => {
      const result = runEngineBench();
      console.log(formatEngineBench(result));
      return result;
    },
  },
  { name: 'pipeline (ingested and verified per second, 1 and 2 workers)', run: () => runPipelineBench() },
  { name: 'review queue (100k claims, 50 connections)', run: () => runReviewQueueBench() },
  {
    name: 'candidate retrieval and verification at 1k/10k/100k stored claims (2 workers)',
    run: () => runRetrievalBench(),
  },
];

function describeMachine(): string {
  const cpuList = cpus();
  const model = cpuList[0]?.model.trim() ?? 'unknown cpu';
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpuList.length} × ${model}, ${gib} GiB memory, Node ${process.version}, ${process.platform}/${process.arch}`;
}

async function main(): Promise<void> {
  console.log(`claimtrail benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  if (BENCHES.length === 0) console.log('no benchmarks registered yet');
  const results: Record<string, unknown> = {};
  let failed = false;
  for (const bench of BENCHES) {
    console.log(`\n## ${bench.name}`);
    try {
      results[bench.name] = await bench.run();
    } catch (err) {
      failed = true;
      console.error(
        `${bench.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }
  console.log('\n## summary');
  console.log(JSON.stringify({ machine: describeMachine(), results }, null, 2));
  process.exit(failed ? 1 : 0);
}

void main();
