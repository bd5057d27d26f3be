/** The API's shapes as the web app reads them (see /docs-json). */

export type Role = 'admin' | 'editor' | 'factchecker' | 'integration';
export type AgreementStatus = 'pending' | 'unattributed' | 'single_source' | 'corroborated' | 'conflicting';

export interface Session {
  id: string;
  name: string;
  role: Role;
}

export interface Article {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
  status: 'received' | 'extracted' | 'verified' | 'failed';
  claimCount: number;
  /** The first article of its wire group when the article is a wire copy. */
  wireCopyOf: string | null;
  createdAt: string;
}

export interface ClaimSource {
  id: string;
  name: string;
  type: string;
  role: 'primary' | 'via';
  mention?: { start: number; end: number };
  cue?: { start: number; end: number; text: string };
}

export interface ClaimQuantity {
  start: number;
  end: number;
  text: string;
  value: number | null;
  high?: number;
  bound: string;
  unit: string | null;
  change?: string;
  kind: string;
}

export interface ClaimRelation {
  claimId: string;
  relation: 'agree' | 'conflict';
  score: number;
  method?: string;
  explanation: string;
}

export interface Claim {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  checkworthy: boolean;
  score: number;
  quantities: ClaimQuantity[];
  sources: ClaimSource[];
  agreementStatus: AgreementStatus;
  relations: ClaimRelation[];
}

export interface Review {
  claimId: string;
  status: string;
  rating: string;
  summary: string;
  evidence: { url: string; note?: string }[];
  version: number;
}

export interface Lease {
  claimId: string;
  holderKeyId: string;
  leasedAt: string;
  expiresAt: string;
  renewals: number;
}

export interface QueueItem {
  claimId: string;
  articleId: string;
  text: string;
  checkworthiness: number;
  agreementStatus: AgreementStatus;
  outlet: string | null;
  articleTitle: string | null;
  figures: number;
  sources: { id: string; name: string; type: string; role: string }[];
  priority: { score: number; reasons: string[] };
  lease: Lease | null;
}

export interface NextClaim {
  lease: Lease;
  item: QueueItem;
  claim: Claim;
}

export interface Measures {
  claims: number;
  checkworthyClaims: number;
  attributed: number;
  anonymous: number;
  unattributed: number;
  shares: { attributed: number; anonymous: number; unattributed: number };
  singleSourceFigures: number;
  unattributedFigures: number;
  independentOrigins: number;
}

export interface ArticleReport {
  article: { id: string; title: string | null; url: string | null; outlet: string | null; status: string };
  text: string;
  measures: Measures;
  sources: {
    id: string;
    name: string;
    type: string;
    claimCount: number;
    viaCount: number;
    statuses: Record<AgreementStatus, number>;
  }[];
  flags: {
    claimId: string;
    number: number;
    kind: string;
    text: string;
    figures: string[];
    sources: string[];
  }[];
  claims: (Omit<Claim, 'articleId' | 'score' | 'relations' | 'sources'> & {
    number: number;
    sources: { id: string; name: string; type: string; role: string; cue: string | null }[];
    relations: {
      claimId: string;
      articleId: string;
      text: string;
      relation: 'agree' | 'conflict';
      score: number;
      explanation: string;
    }[];
    verdict: { rating: string; status: string; summary: string } | null;
  })[];
  verdicts: { claimId: string; rating: string; status: string; summary: string }[];
}

export interface AttributionReport {
  filters: { outlet: string | null; from: string | null; to: string | null; interval: string };
  articles: number;
  truncated: boolean;
  totals: Measures;
  outlets: (Measures & { outlet: string | null; articles: number })[];
  timeline: (Measures & { period: string; articles: number; attributionRate: number })[];
  sourceTypeMix: { type: string; citations: number; sources: number; share: number }[];
  mostCitedSources: { id: string; name: string; type: string; claims: number; articles: number }[];
}

export interface SourceDetail {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
  trackRecord: {
    claims: number;
    corroborated: number;
    conflicting: number;
    singleSource: number;
    unattributed: number;
    pending: number;
    /** Published review verdicts on its claims: rating → claims. */
    reviewRatings: Record<string, number>;
    /** Imported fact-checks matched with its claims: verdict → fact-checks. */
    factCheckVerdicts: Record<string, number>;
  };
  claims: Claim[];
}
