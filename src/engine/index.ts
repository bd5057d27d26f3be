/** The engine's public API: analyze() and the building blocks other parts of claimtrail use. */
export * from './types';
export { analyze, type AnalyzeStats } from './analyze';
export { extractQuantities } from './quantities';
export {
  assessCheckworthiness,
  type CheckworthinessHints,
  type CheckworthinessResult,
} from './checkworthiness';
export {
  attributeSentences,
  type AttributionFrame,
  type AttributionOptions,
  type SentenceInput,
} from './attribution';
export { canonicalSource, type CanonicalSource } from './sources';
export { relateClaims, type ComparableClaim } from './agreement';
export { prepareText, detectLanguage, splitSentences, type PreparedText } from './text';
export { buildClaims, splitClaims, type ClaimPart } from './claims';
export { isWireCopy, wireOriginOf, wireText, type WireCandidate } from './wire';
