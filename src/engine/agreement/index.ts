/**
 * Agreement logic: do two claims state the same fact, and do they agree or conflict?
 * Serves analyze() (relations within one article) and the verification workers (a new claim against candidates
 * from other articles). Pure TypeScript, never throws.
 */
export type { ComparableClaim, ClaimFeatures, QuantityFeatures } from './claim-features';
export { claimFeatures, claimOrigins } from './claim-features';
export type { ClaimComparison, CompareOptions } from './claim-comparison';
export { compareClaims, compareFeatures } from './claim-comparison';
export type { RelateOptions } from './claim-relations';
export { relateClaims, independentOrigins } from './claim-relations';
export type { QuantityInterval } from './quantity-interval';
export { quantityInterval, describeQuantity, intervalsOverlap, formatInterval } from './quantity-interval';
export { stem, unitClass } from './agreement-lexicon';
