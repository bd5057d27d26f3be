/** Prior fact-checks: parsing ClaimReview / Google Fact Check Tools documents and matching them to claims. */
export * from './fact-check-record';
export { parseFactCheckDocument, MAX_CLAIM_REVIEWED_CHARS, MAX_URL_CHARS } from './fact-check-parser';
export { verdictFromRating } from './fact-check-verdict';
export { matchFactCheck, type FactCheckMatch, type MatchableFactCheck } from './fact-check-matcher';
