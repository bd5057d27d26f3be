export {
  buildClaims,
  isNegated,
  type AnalysedSentence,
  type ClaimDraft,
  type SentenceKind,
} from './claim-builder';
export { splitClaims, tokenize, cleanClaimText, type ClaimPart, type SplitStats } from './clause-splitter';
