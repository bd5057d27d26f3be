import type { Quantity, Span } from '../types';

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/**
 * Finds the quantities in `text` (within `range`, default the whole text), sorted by start.
 * First version: plain digit figures only; hedges, words, money and units follow.
 */
export function extractQuantities(text: string, range?: Span): Quantity[] {
  const out: Quantity[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const start = Math.max(0, range?.start ?? 0);
  const end = Math.min(text.length, range?.end ?? text.length);
  NUMBER.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null && m.index < end) {
    const raw = m[0].replace(/,$/, '');
    const value = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    out.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      value,
      bound: 'exact',
      unit: null,
      kind: 'count',
    });
  }
  return out;
}
