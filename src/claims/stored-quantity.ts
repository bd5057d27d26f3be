import type { Quantity as EngineQuantity } from '../engine/types';
import type { Quantity } from './quantity.entity';

/** A stored quantity in the engine's (and the API's) shape: optional fields left out rather than null. */
export function storedQuantity(q: Quantity): EngineQuantity {
  return {
    start: q.spanStart,
    end: q.spanEnd,
    text: q.text,
    value: q.value,
    ...(q.high !== null ? { high: q.high } : {}),
    bound: q.bound,
    unit: q.unit,
    ...(q.change ? { change: q.change } : {}),
    kind: q.kind,
  };
}
