/** The normalized shape of one imported fact-check, whatever document it came from. */

/** Our verdict scale for prior fact-checks (from the publisher's textual or numeric rating). */
export const FACT_CHECK_VERDICTS = [
  'true',
  'mostly_true',
  'mixed',
  'mostly_false',
  'false',
  'misleading',
  'unverifiable',
] as const;
export type FactCheckVerdict = (typeof FACT_CHECK_VERDICTS)[number];

export interface FactCheckRecord {
  claimReviewed: string;
  ratingText: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  verdict: FactCheckVerdict | null;
  reviewerName: string | null;
  reviewerSite: string | null;
  url: string;
  title: string | null;
  /** ISO 8601 dates (as given, validated); null when absent or unreadable. */
  datePublished: string | null;
  claimDate: string | null;
  claimant: string | null;
  language: string | null;
  /** The input record this one was read from. */
  raw: unknown;
}

/** A record that could not be read: its position in the document (0-based, in document order) and why. */
export interface FactCheckRecordError {
  index: number;
  error: string;
}

export type FactCheckDocumentFormat = 'claimreview' | 'google-factcheck';

export type FactCheckParseResult =
  | {
      ok: true;
      format: FactCheckDocumentFormat;
      /** Good records with their index in the document. */
      records: { index: number; record: FactCheckRecord }[];
      errors: FactCheckRecordError[];
    }
  | { ok: false; error: string };
