/**
 * The evaluation prediction format (shared/eval README): the JSON that `claimtrail analyze --json` prints.
 */
import type { Analysis, Quantity, SourceRef } from '../engine/types';

export interface PredictionSource {
  name: string;
  type: string;
  start?: number;
  end?: number;
}

export interface PredictionQuantity {
  start: number;
  end: number;
  text: string;
  value: number | null;
  bound: string;
  unit: string | null;
  high?: number;
  change?: 'up' | 'down';
}

export interface PredictionClaim {
  start: number;
  end: number;
  text: string;
  checkworthy: boolean;
  score: number;
  sources: PredictionSource[];
  cue?: { start: number; end: number };
  via: PredictionSource[];
  quantities: PredictionQuantity[];
}

export interface Prediction {
  claims: PredictionClaim[];
  relations: { a: number; b: number; relation: string; score: number; explanation: string }[];
  quantities: PredictionQuantity[];
  language: string;
}

function source(s: SourceRef): PredictionSource {
  const out: PredictionSource = { name: s.name, type: s.type };
  if (s.mention) {
    out.start = s.mention.start;
    out.end = s.mention.end;
  }
  return out;
}

function quantity(q: Quantity): PredictionQuantity {
  const out: PredictionQuantity = {
    start: q.start,
    end: q.end,
    text: q.text,
    value: q.value,
    bound: q.bound,
    unit: q.unit,
  };
  if (q.high !== undefined) out.high = q.high;
  if (q.change) out.change = q.change;
  return out;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function toPrediction(analysis: Analysis): Prediction {
  return {
    claims: analysis.claims.map((c) => {
      const out: PredictionClaim = {
        start: c.start,
        end: c.end,
        text: c.text,
        checkworthy: c.checkworthy,
        score: round(c.score),
        sources: c.sources.map(source),
        via: c.via.map(source),
        quantities: c.quantities.map(quantity),
      };
      if (c.cue) out.cue = { start: c.cue.start, end: c.cue.end };
      return out;
    }),
    relations: analysis.relations.map((r) => ({
      a: r.a,
      b: r.b,
      relation: r.relation,
      score: round(r.score),
      explanation: r.explanation,
    })),
    quantities: analysis.quantities.map(quantity),
    language: analysis.language,
  };
}
