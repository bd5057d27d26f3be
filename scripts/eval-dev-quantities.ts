/**
 * Measures the quantity extractor alone on the dev set's gold quantities.
 * For every gold claim with `quantities`, finds each gold quantity anchor inside the claim anchor, and checks that
 * extractQuantities finds a quantity overlapping it with the same value and bound (units are reported apart).
 *   node -r ts-node/register/transpile-only scripts/eval-dev-quantities.ts [--quiet]
 * Prints "skipped: ../shared not found" when the shared evaluation material is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractQuantities } from '../src/engine/quantities';
import type { Quantity } from '../src/engine/types';

interface GoldQuantity {
  anchor: string;
  value: number | null;
  bound: string;
  unit: string | null;
  high?: number;
}

interface GoldClaim {
  id: string;
  anchor: string;
  quantities?: GoldQuantity[];
}

interface GoldArticle {
  id: string;
  text: string;
  claims: GoldClaim[];
}

const SHARED = path.resolve(__dirname, '../../shared');
const DEV = path.join(SHARED, 'eval', 'dev');

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

function main(): void {
  if (!existsSync(DEV)) {
    console.log('skipped: ../shared not found');
    return;
  }
  const quiet = process.argv.includes('--quiet');
  let total = 0;
  let found = 0;
  let unitOk = 0;
  let located = 0;
  const misses: string[] = [];
  const unitMisses: string[] = [];
  for (const file of readdirSync(DEV)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const article = JSON.parse(readFileSync(path.join(DEV, file), 'utf8')) as GoldArticle;
    const predicted = extractQuantities(article.text);
    for (const claim of article.claims) {
      const claimAt = article.text.indexOf(claim.anchor);
      for (const g of claim.quantities ?? []) {
        total++;
        const within = claimAt >= 0 ? claim.anchor.indexOf(g.anchor) : -1;
        if (within < 0) {
          misses.push(`${article.id}/${claim.id}: anchor "${g.anchor}" not found in claim anchor`);
          continue;
        }
        located++;
        const start = claimAt + within;
        const end = start + g.anchor.length;
        const overlapping = predicted.filter((q: Quantity) => q.start < end && q.end > start);
        const hit = overlapping.find((q) => sameValue(q.value, g.value) && q.bound === g.bound);
        if (!hit) {
          const got =
            overlapping.map((q) => `${q.text}=${String(q.value)}/${q.bound}`).join(', ') || 'nothing';
          misses.push(
            `${article.id}/${claim.id}: "${g.anchor}" want ${String(g.value)}/${g.bound} got ${got}`,
          );
          continue;
        }
        found++;
        if (hit.unit === g.unit) unitOk++;
        else
          unitMisses.push(
            `${article.id}/${claim.id}: "${g.anchor}" unit want ${String(g.unit)} got ${String(hit.unit)}`,
          );
      }
    }
  }
  if (!quiet) {
    for (const m of misses) console.log(`  MISS ${m}`);
    for (const m of unitMisses) console.log(`  UNIT ${m}`);
  }
  const share = total ? found / total : 0;
  const units = found ? unitOk / found : 0;
  console.log(
    `dev quantities: gold=${total} located=${located} found=${found} share=${share.toFixed(3)} units=${units.toFixed(3)} (${unitOk}/${found})`,
  );
}

main();
