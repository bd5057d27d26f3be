/**
 * Quantities as intervals: a hedged figure ("about 3,000", "at least 3,000", "thousands") stands for a set of
 * values; two statements of the same measure agree when their sets overlap. Pure functions, never throw.
 */
import type { Quantity } from '../types';

export interface QuantityInterval {
  low: number;
  high: number;
}

/** Relative half-width of an `approx` figure ("about 3,000" → 2,700–3,300). */
export const APPROX_TOLERANCE = 0.1;
/** "almost", "nearly", "close to": just under the figure, not anywhere below it. */
export const NEARLY_TOLERANCE = 0.1;

const NEARLY =
  /\b(?:almost|nearly|close\s+to|just\s+(?:under|below|short\s+of|shy\s+of)|approaching|not\s+quite)\b/i;

/** Vague amounts by scale word, tested in order (longest phrases first). Bounds in plain units. */
const VAGUE_SCALES: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/\bhundreds\s+of\s+millions\b/i, 2e8, 999_999_999],
  [/\btens\s+of\s+millions\b/i, 2e7, 99_999_999],
  [/\bhundreds\s+of\s+thousands\b/i, 200_000, 999_999],
  [/\btens\s+of\s+thousands\b/i, 20_000, 99_999],
  [/\ba\s+few\s+billion\b/i, 2e9, 5e9],
  [/\b(?:billions|several\s+billion)\b/i, 2e9, 999e9],
  [/\ba\s+few\s+million\b/i, 2e6, 5e6],
  [/\b(?:millions|several\s+million)\b/i, 2e6, 99e6],
  [/\ba\s+few\s+thousand\b/i, 2000, 5000],
  [/\b(?:thousands|several\s+thousand)\b/i, 2000, 9999],
  [/\ba\s+few\s+hundred\b/i, 200, 500],
  [/\b(?:hundreds|several\s+hundred)\b/i, 200, 999],
  [/\ba\s+few\s+dozen\b/i, 24, 60],
  [/\b(?:dozens|several\s+dozen)\b/i, 24, 99],
  [/\bscores\b/i, 40, 99],
  [/\btens\b/i, 20, 99],
  [/\ba\s+handful\b/i, 2, 6],
  [/\bseveral\b/i, 3, 9],
  [/\ba\s+few\b/i, 2, 5],
  [/\ba\s+couple\b/i, 2, 3],
];

function finite(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Decimal places shown in the figure (6.8 → 1): an exact figure stands for its rounding interval. */
function decimals(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : Math.min(6, s.length - dot - 1);
}

/**
 * The set of values a quantity stands for, or null when it cannot be read (no value and no scale word).
 * approx ±10%; at_least [v, ∞); at_most [0, v] (or [0.9v, v] for "almost"/"nearly"); range [v, high];
 * exact [v, v] widened by half the last shown decimal (6.8 → 6.75–6.85); vague by scale word.
 */
export function quantityInterval(q: Quantity): QuantityInterval | null {
  try {
    if (!q || typeof q !== 'object') return null;
    const text = typeof q.text === 'string' ? q.text : '';
    const v = q.value;
    switch (q.bound) {
      case 'vague': {
        for (const [re, low, high] of VAGUE_SCALES) if (re.test(text)) return { low, high };
        return null;
      }
      case 'approx': {
        if (!finite(v)) return null;
        const d = Math.abs(v) * APPROX_TOLERANCE;
        return { low: v - d, high: v + d };
      }
      case 'at_least':
        return finite(v) ? { low: v, high: Infinity } : null;
      case 'at_most': {
        if (!finite(v)) return null;
        if (NEARLY.test(text)) return { low: v - Math.abs(v) * NEARLY_TOLERANCE, high: v };
        return { low: v < 0 ? -Infinity : 0, high: v };
      }
      case 'range': {
        if (!finite(v)) return null;
        const hi = finite(q.high) ? q.high : v;
        return { low: Math.min(v, hi), high: Math.max(v, hi) };
      }
      case 'exact':
      default: {
        if (!finite(v)) return null;
        const dec = decimals(v);
        const half = dec > 0 ? 0.5 * Math.pow(10, -dec) : 0;
        return { low: v - half, high: v + half };
      }
    }
  } catch {
    return null;
  }
}

export function intervalsOverlap(a: QuantityInterval, b: QuantityInterval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** Multiplies an interval by a positive factor (unit conversion). */
export function scaleInterval(i: QuantityInterval, factor: number): QuantityInterval {
  return { low: i.low * factor, high: i.high * factor };
}

/** Relative gap between two disjoint intervals (0 when they overlap): 12 vs 15 → 0.2. */
export function intervalGap(a: QuantityInterval, b: QuantityInterval): number {
  if (intervalsOverlap(a, b)) return 0;
  const [lo, hi] = a.high < b.low ? [a.high, b.low] : [b.high, a.low];
  const scale = Math.max(Math.abs(lo), Math.abs(hi), 1e-9);
  return Math.min(1, (hi - lo) / scale);
}

/** Thousands separators and at most `digits` decimals, trailing zeros dropped: 3000 → "3,000", 6.80 → "6.8". */
function plain(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  const [int, frac = ''] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** "3,000", "6.8", "4.5 billion". */
export function formatNumber(n: number): string {
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '-∞';
  if (!Number.isFinite(n)) return '?';
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}${plain(abs / 1e9, abs >= 1e11 ? 0 : 2)} billion`;
  if (abs >= 1e6) return `${sign}${plain(abs / 1e6, abs >= 1e8 ? 0 : 2)} million`;
  return sign + plain(abs, abs >= 100 ? 0 : abs >= 1 ? 2 : 4);
}

/** "2,700–3,300", "3,000+", "up to 400", "6.75–6.85". */
export function formatInterval(i: QuantityInterval): string {
  if (i.high === Infinity) return `${formatNumber(i.low)}+`;
  if (i.low === -Infinity || (i.low === 0 && i.high > 0)) return `up to ${formatNumber(i.high)}`;
  if (i.low === i.high) return formatNumber(i.low);
  const lo = formatNumber(i.low);
  const hi = formatNumber(i.high);
  return lo === hi ? lo : `${lo}–${hi}`;
}

/** "about 3,000 (2,700–3,300)", "at least 3,000 (3,000+)", "19", "thousands (2,000–9,999)". */
export function describeQuantity(q: Quantity): string {
  try {
    const surface =
      (typeof q?.text === 'string' && q.text.trim()) || (finite(q?.value) ? formatNumber(q.value) : '?');
    const interval = quantityInterval(q);
    if (!interval) return surface;
    if (q.bound === 'exact' && finite(q.value)) {
      return /\d/.test(surface) ? surface : `${surface} (${formatNumber(q.value)})`;
    }
    return `${surface} (${formatInterval(interval)})`;
  } catch {
    return '?';
  }
}
