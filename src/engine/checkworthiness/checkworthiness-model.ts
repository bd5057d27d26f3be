/**
 * The trained check-worthiness model (logistic regression over features.ts features), loaded once at module
 * load from the committed JSON (scripts/train-checkworthiness.ts writes it).
 */
import modelJson from './model/checkworthiness-model.json';
import { extractFeatures } from './features';

interface ModelFile {
  threshold: number;
  features: string[];
  weights: number[];
}

const MODEL = modelJson as ModelFile;

const WEIGHTS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const n = Math.min(MODEL.features.length, MODEL.weights.length);
  for (let i = 0; i < n; i++) m.set(MODEL.features[i], MODEL.weights[i]);
  return m;
})();

/** Decision threshold on the model probability, tuned on CheckThat dev/devtest. */
export const MODEL_THRESHOLD: number = MODEL.threshold;

/** Number of weights in the loaded model. */
export const MODEL_SIZE: number = WEIGHTS.size;

/** The model's logit (log-odds that `text` is check-worthy). */
export function modelLogit(text: string): number {
  const seen = new Set<string>();
  let z = 0;
  for (const f of extractFeatures(text)) {
    if (seen.has(f)) continue;
    seen.add(f);
    z += WEIGHTS.get(f) ?? 0;
  }
  return z;
}
