/**
 * Engine throughput: analyze() over the dev and PolNeAR texts (from ../shared when present, else a built-in
 * article repeated), several rounds. Prints articles/s, MB/s, the cost ratio to wink-nlp's own
 * readDoc + tokens + pos pass over the same texts, and peak RSS.
 *
 *   node dist/bench/engine.bench.js            (after npm run build)
 *   node -r ts-node/register/transpile-only bench/engine.bench.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/engine/analyze';

export interface EngineBenchResult {
  articles: number;
  megabytes: number;
  rounds: number;
  articlesPerSecond: number;
  megabytesPerSecond: number;
  winkArticlesPerSecond: number | null;
  costRatioToWink: number | null;
  peakRssMb: number;
  source: string;
}

const BUILT_IN = `Storm forces thousands from homes

HARBOURTON, Estria (Example Wire) — A storm forced 14,200 people from their homes along the western coast over the weekend, the national disaster agency said on Monday. The agency also said 3,100 homes had been damaged, about 400 of them severely.

At least six people were killed, police said. Regional governor Anna Berg told reporters that the death toll had risen to seven, and that 120 patients had been moved to hospitals in the capital.

"We opened 46 shelters overnight, and every one of them is full," said Ines Varga, the relief society's director. The regional government put preliminary damage at 85 million euros.
`;

function findShared(): string | null {
  for (const base of [
    resolve(__dirname, '..', '..', 'shared'),
    resolve(__dirname, '..', '..', '..', 'shared'),
    resolve(process.cwd(), '..', 'shared'),
  ]) {
    if (existsSync(join(base, 'eval', 'dev'))) return base;
  }
  return null;
}

export function loadBenchTexts(): { texts: string[]; source: string } {
  const shared = findShared();
  if (!shared) return { texts: Array.from({ length: 50 }, () => BUILT_IN), source: 'built-in sample x50' };
  const texts: string[] = [];
  const dev = join(shared, 'eval', 'dev');
  for (const f of readdirSync(dev)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    texts.push((JSON.parse(readFileSync(join(dev, f), 'utf8')) as { text: string }).text);
  }
  const polnear = join(shared, 'external', 'polnear-test.jsonl');
  if (existsSync(polnear)) {
    for (const line of readFileSync(polnear, 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return { texts, source: `${shared} (dev + PolNeAR test)` };
}

function timeIt(rounds: number, fn: () => void): number {
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function winkPass(texts: string[], rounds: number): number | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const winkNLP = require('wink-nlp') as (model: unknown) => {
      readDoc(text: string): { tokens(): { out(f: unknown): unknown } };
      its: { pos: unknown };
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('wink-eng-lite-web-model') as unknown;
    const nlp = winkNLP(model);
    for (const t of texts.slice(0, 5)) nlp.readDoc(t).tokens().out(nlp.its.pos); // warm-up
    return timeIt(rounds, () => {
      for (const t of texts) nlp.readDoc(t).tokens().out(nlp.its.pos);
    });
  } catch {
    return null;
  }
}

export function runEngineBench(rounds = 5): EngineBenchResult {
  const { texts, source } = loadBenchTexts();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  for (const t of texts) analyze(t); // warm-up (JIT, lazy tables)
  const seconds = timeIt(rounds, () => {
    for (const t of texts) analyze(t);
  });
  const winkSeconds = winkPass(texts, rounds);
  const n = texts.length * rounds;
  const mb = (chars * rounds) / 1e6;
  return {
    articles: texts.length,
    megabytes: chars / 1e6,
    rounds,
    articlesPerSecond: n / seconds,
    megabytesPerSecond: mb / seconds,
    winkArticlesPerSecond: winkSeconds ? n / winkSeconds : null,
    costRatioToWink: winkSeconds ? seconds / winkSeconds : null,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    source,
  };
}

export function formatEngineBench(r: EngineBenchResult): string {
  const wink =
    r.costRatioToWink === null
      ? 'wink-nlp: unavailable'
      : `wink-nlp readDoc+tokens+pos: ${r.winkArticlesPerSecond!.toFixed(0)} articles/s; engine cost = ${r.costRatioToWink.toFixed(2)}x wink's`;
  return [
    `engine bench: ${r.articles} articles (${r.megabytes.toFixed(2)} MB) x ${r.rounds} rounds from ${r.source}`,
    `analyze(): ${r.articlesPerSecond.toFixed(0)} articles/s, ${r.megabytesPerSecond.toFixed(2)} MB/s (one core)`,
    wink,
    `peak RSS: ${r.peakRssMb.toFixed(0)} MB`,
  ].join('\n');
}

if (require.main === module) {
  console.log(formatEngineBench(runEngineBench()));
}
