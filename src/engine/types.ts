/**
 * The engine's public data model. Pure types: the CLI, the workers, the services and the tests share them.
 * All offsets are UTF-16 code-unit indices into the ORIGINAL input text (JavaScript string indices), end exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

/** How a figure is hedged. `range` carries `high`; `vague` ("dozens", "thousands") has value null. */
export type QuantityBound = 'exact' | 'approx' | 'at_least' | 'at_most' | 'range' | 'vague';

export type QuantityKind = 'count' | 'percent' | 'money' | 'measure' | 'ordinal' | 'year';

export interface Quantity extends Span {
  /** The surface text, input.slice(start, end). */
  text: string;
  /** Numeric value in base units: 3.2 for 3.2%, 4500000000 for $4.5 billion; null for vague amounts. */
  value: number | null;
  /** Upper end of a range. */
  high?: number;
  bound: QuantityBound;
  /** Counted noun ("troops"), `percent`, or an ISO currency code ("USD"); null when unknown. */
  unit: string | null;
  /** Set when the number states a change ("rose 0.3%", "fell by 12"). */
  change?: 'up' | 'down';
  kind: QuantityKind;
}

export type SourceType = 'person' | 'government' | 'organization' | 'media' | 'document' | 'anonymous';

export interface SourceRef {
  /** Canonical name: titles, articles and possessives stripped ("National Security Communications Advisor John Kirby" → "John Kirby"). */
  name: string;
  type: SourceType;
  /** The mention this attribution uses (may be a pronoun, "He", resolved to `name`). */
  mention?: Span;
  /** Role or title as written ("National Security Communications Advisor"). */
  role?: string;
  /** Organisation the source speaks for, when stated ("Harrow-Lint"). */
  affiliation?: string;
}

export interface Claim extends Span {
  /** Self-contained wording (pronouns/elided subjects restored where the article makes them clear). */
  text: string;
  /** Index of the sentence the claim comes from. */
  sentence: number;
  checkworthy: boolean;
  /** Check-worthiness score in 0..1. */
  score: number;
  /** Primary sources (who said it); [] when the outlet asserts it itself. */
  sources: SourceRef[];
  /** Intermediaries the claim reached the outlet through ("according to Yonhap, Kirby said" → via Yonhap). */
  via: SourceRef[];
  /** The reporting verb or phrase ("said", "according to"). */
  cue?: Span;
  quantities: Quantity[];
  /** True when the claim is negated or a denial ("did not", "denied"). */
  negated?: boolean;
}

export type RelationKind = 'agree' | 'conflict';

export interface ClaimRelation {
  /** Indices into Analysis.claims. */
  a: number;
  b: number;
  relation: RelationKind;
  /** Confidence 0..1. */
  score: number;
  /** Plain-language reason ("about 3,000 (2,700–3,300) overlaps at least 3,000 (3,000+)"). */
  explanation: string;
}

export interface Sentence extends Span {
  text: string;
}

export interface Analysis {
  /** ISO 639-3 code from language detection ("eng"), or "und" when undetermined. Only English is analysed. */
  language: string;
  claims: Claim[];
  relations: ClaimRelation[];
  /** Every quantity found in the analysed text, inside claims or not. */
  quantities: Quantity[];
}

export interface AnalyzeOptions {
  /** Name of the publishing outlet: "told <outlet>" involves no intermediary, and the outlet is never a source. */
  outlet?: string;
}
