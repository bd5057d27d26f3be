/**
 * Trains the check-worthiness model: L2-regularised logistic regression (AdaGrad, seeded shuffling) over the
 * features of src/engine/checkworthiness/features.ts, on CheckThat! 2024 English train. Hyper-parameters and
 * the decision threshold are chosen on the mean F1 of the dev and devtest splits. Deterministic.
 *
 *   node -r ts-node/register/transpile-only scripts/train-checkworthiness.ts [--shared DIR] [--out FILE] [--quick]
 *
 * Reads ../shared/external/checkthat2024-en-{train,dev,devtest}.tsv (repo root's sibling) and writes
 * src/engine/checkworthiness/model/checkworthiness-model.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HAND_FEATURE_NAMES, featureHash, featureSet } from '../src/engine/checkworthiness/features';

interface Row {
  id: string;
  text: string;
  yes: boolean;
}

interface Params {
  minCount: number;
  l2: number;
  epochs: number;
  lr: number;
  posWeight: number;
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = path.resolve(__dirname, '..');
const SHARED = path.resolve(opt('--shared') ?? path.join(ROOT, '..', 'shared'));
const OUT = path.resolve(
  opt('--out') ?? path.join(ROOT, 'src/engine/checkworthiness/model/checkworthiness-model.json'),
);

function unquote(s: string): string {
  let t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).replace(/""/g, '"');
  return t;
}

/** Parses a CheckThat TSV (id, text, label); tolerates the train file's one merged line ("No29286"). */
export function readCheckThat(file: string): Row[] {
  const rows: Row[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const queue: string[] = [...cells];
    while (queue.length >= 3) {
      const id = queue.shift() as string;
      const text = queue.shift() as string;
      const labelCell = queue.shift() as string;
      const m = /^(Yes|No)(\d*)\s*$/.exec(labelCell.trim());
      if (!m) break;
      rows.push({ id: id.trim(), text: unquote(text), yes: m[1] === 'Yes' });
      if (m[2]) queue.unshift(m[2]);
    }
  }
  return rows;
}

/** mulberry32: small seeded PRNG, so training is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

interface Trained {
  weights: Map<number, number>;
}

/** Hand features (`h:...`) are always kept; the others need `minCount` occurrences. */
export const HAND = new Set<number>();

export function featureSets(rows: Row[]): Int32Array[] {
  return rows.map((r) => featureSet(r.text));
}

export function train(rows: Row[], feats: Int32Array[], p: Params, seed = 42): Trained {
  const counts = new Map<number, number>();
  for (const fs_ of feats) for (const f of fs_) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (c >= p.minCount || HAND.has(f)) index.set(f, index.size);
  }
  const x = feats.map((fs_) => [...fs_].map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  const order = rows.map((_, i) => i);
  const rand = rng(seed);
  for (let e = 0; e < p.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const xi = x[i];
      let z = 0;
      for (const k of xi) z += w[k];
      const y = rows[i].yes ? 1 : 0;
      const err = (sigmoid(z) - y) * (y ? p.posWeight : 1);
      for (const k of xi) {
        const g = err + p.l2 * w[k];
        g2[k] += g * g;
        w[k] -= (p.lr * g) / Math.sqrt(g2[k]);
      }
    }
  }
  const weights = new Map<number, number>();
  for (const [f, k] of index) if (Math.abs(w[k]) >= 0.005) weights.set(f, w[k]);
  return { weights };
}

export function scoreAll(model: Trained, feats: Int32Array[]): number[] {
  return feats.map((fs_) => {
    let z = 0;
    for (const f of fs_) z += model.weights.get(f) ?? 0;
    return sigmoid(z);
  });
}

export function f1At(scores: number[], rows: Row[], th: number): { f1: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const yes = s >= th;
    if (yes && rows[i].yes) tp++;
    else if (yes) fp++;
    else if (rows[i].yes) fn++;
  });
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r };
}

/** Threshold maximising the mean F1 of the two tuning splits (dev and devtest differ in style and balance). */
function bestThreshold(sa: number[], ra: Row[], sb: number[], rb: Row[]): { th: number; f1: number } {
  let best = { th: 0.5, f1: -1 };
  for (let th = 0.1; th <= 0.9001; th += 0.01) {
    const f1 = (f1At(sa, ra, th).f1 + f1At(sb, rb, th).f1) / 2;
    if (f1 > best.f1) best = { th: Math.round(th * 100) / 100, f1 };
  }
  return best;
}

function main(): void {
  const ext = path.join(SHARED, 'external');
  const trainRows = readCheckThat(path.join(ext, 'checkthat2024-en-train.tsv'));
  const devRows = readCheckThat(path.join(ext, 'checkthat2024-en-dev.tsv'));
  const devtestRows = readCheckThat(path.join(ext, 'checkthat2024-en-devtest.tsv'));
  console.log(`train=${trainRows.length} dev=${devRows.length} devtest=${devtestRows.length}`);
  for (const name of HAND_FEATURE_NAMES) HAND.add(featureHash('h:' + name));
  const trainF = featureSets(trainRows);
  const devF = featureSets(devRows);
  const devtestF = featureSets(devtestRows);

  const grid: Params[] = [];
  const quick = args.includes('--quick');
  for (const minCount of quick ? [3] : [3, 5])
    for (const l2 of quick ? [1e-4] : [1e-4, 1e-3, 1e-2])
      for (const epochs of quick ? [5] : [4, 8])
        for (const posWeight of quick ? [1] : [1, 2, 3])
          grid.push({ minCount, l2, epochs, lr: 0.1, posWeight });

  let best: { p: Params; th: number; f1: number } | undefined;
  for (const p of grid) {
    const m = train(trainRows, trainF, p);
    const devS = scoreAll(m, devF);
    const devtestS = scoreAll(m, devtestF);
    const { th, f1 } = bestThreshold(devS, devRows, devtestS, devtestRows);
    const d = f1At(devS, devRows, th);
    const dt = f1At(devtestS, devtestRows, th);
    console.log(
      `${JSON.stringify(p)} th=${th} dev_f1=${d.f1.toFixed(3)} devtest_f1=${dt.f1.toFixed(3)} mean=${f1.toFixed(3)} n=${m.weights.size}`,
    );
    if (!best || f1 > best.f1 + 1e-9) best = { p, th, f1 };
  }
  if (!best) throw new Error('empty grid');
  const model = train(trainRows, trainF, best.p);
  const dev = f1At(scoreAll(model, devF), devRows, best.th);
  const devtest = f1At(scoreAll(model, devtestF), devtestRows, best.th);
  console.log(
    `chosen ${JSON.stringify(best.p)} threshold=${best.th} dev_f1=${dev.f1.toFixed(3)} devtest_f1=${devtest.f1.toFixed(3)}`,
  );
  const hashes: number[] = [];
  const weights: number[] = [];
  for (const [f, w] of [...model.weights.entries()].sort((a, b) => a[0] - b[0])) {
    hashes.push(f);
    weights.push(Math.round(w * 1e4) / 1e4);
  }
  const out = {
    kind: 'logistic-regression',
    data: 'CheckThat! 2024 Task 1 English train (22,501 sentences); threshold and hyper-parameters tuned on the mean F1 of dev and devtest',
    params: best.p,
    threshold: best.th,
    dev_f1: Math.round(dev.f1 * 1000) / 1000,
    devtest_f1: Math.round(devtest.f1 * 1000) / 1000,
    features: 'FNV-1a hashes of feature names (src/engine/checkworthiness/features.ts)',
    hashes,
    weights,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(out) + '\n');
  console.log(`wrote ${OUT} (${fs.statSync(OUT).size} bytes, ${weights.length} weights)`);
}

if (require.main === module) main();
