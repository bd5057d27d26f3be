/**
 * The trained check-worthiness model (logistic regression over the hashed features of features.ts), loaded
 * once at module load from the committed JSON (scripts/train-checkworthiness.ts writes it) into an
 * open-addressing table, so scoring does no string work beyond the scan.
 */
import modelJson from './model/checkworthiness-model.json';
import { FEATURE_BUFFER_SIZE, featureHashes } from './features';

interface ModelFile {
  threshold: number;
  hashes: number[];
  weights: number[];
}

const MODEL = modelJson as ModelFile;
const COUNT = Math.min(MODEL.hashes.length, MODEL.weights.length);

let capacity = 16;
while (capacity < COUNT * 2) capacity <<= 1;
const MASK = capacity - 1;
const KEYS = new Int32Array(capacity);
const VALUES = new Float64Array(capacity);
for (let i = 0; i < COUNT; i++) {
  const h = MODEL.hashes[i] | 0;
  let slot = h & MASK;
  while (KEYS[slot] !== 0 && KEYS[slot] !== h) slot = (slot + 1) & MASK;
  KEYS[slot] = h;
  VALUES[slot] = MODEL.weights[i];
}

function weight(h: number): number {
  let slot = h & MASK;
  for (;;) {
    const k = KEYS[slot];
    if (k === h) return VALUES[slot];
    if (k === 0) return 0;
    slot = (slot + 1) & MASK;
  }
}

/** Decision threshold on the model probability, tuned on CheckThat dev/devtest. */
export const MODEL_THRESHOLD: number = MODEL.threshold;

/** Number of weights in the loaded model. */
export const MODEL_SIZE: number = COUNT;

const BUFFER = new Int32Array(FEATURE_BUFFER_SIZE);

/** The model's logit (log-odds that `text` is check-worthy); each distinct feature counts once. */
export function modelLogit(text: string): number {
  const m = featureHashes(text, BUFFER);
  const feats = BUFFER.subarray(0, m).sort();
  let z = 0;
  for (let i = 0; i < m; i++) if (i === 0 || feats[i] !== feats[i - 1]) z += weight(feats[i]);
  return z;
}
