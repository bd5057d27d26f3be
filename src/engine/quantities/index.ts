import type { Quantity, Span } from '../types';
import { extract, type ExtractQuantitiesOptions } from './quantity-extractor';

export type { ExtractQuantitiesOptions } from './quantity-extractor';
export { quantityExtractionWork } from './quantity-extractor';

/**
 * Finds the quantities in `text` within `range` (default: the whole text), sorted by start.
 * Offsets index the original text. Never throws; linear in the length of the range.
 * Ordinals and years are left out unless `options` asks for them.
 */
export function extractQuantities(
  text: string,
  range?: Span,
  options: ExtractQuantitiesOptions = {},
): Quantity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return extract(text, range, options);
  } catch {
    return [];
  }
}
