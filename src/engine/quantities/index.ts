/**
 * Quantity extraction: figures with hedges (bounds), ranges, vague amounts, changes, units and kinds.
 *
 * A rule-based scanner of our own rather than @microsoft/recognizers-text-number: that package's number model
 * alone costs about 5 ms of CPU per 3 KB article (measured on the dev articles), over the engine's whole budget,
 * and gives neither hedges nor counted nouns; this one costs about 0.2 ms per 3 KB article.
 *
 * Decisions (measured on NewsQuant and the dev set):
 * - Years ("in 2019") and ordinals ("22nd", "third") are not amounts and are left out unless asked for.
 * - "nearly", "almost", "as many as", "as much as", "close to" → at_most; "some", "about", "an estimated" → approx.
 * - "rose to 19" and "from X" after a change verb are levels; "rose 5%", "fell by 12", "up 5%", "a 3% drop" are
 *   changes. "11 percent higher than" is a comparison of levels, not a change (as in NewsQuant).
 * - "from 65 to 67" after a verb of change gives two figures; "range from $5 to $8" and "3 to 5 percent" are ranges.
 * - Shares of a whole ("half of", "a third of", "one in four", "1/3 of") are percentages: "more than half" → 50.
 * - "one" counts unless used as a pronoun ("no one", "the one", "one another").
 */
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
