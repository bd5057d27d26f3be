/**
 * Reads published fact-checks from the two document shapes in use:
 *  - schema.org ClaimReview JSON-LD: one object, an array of them, or an object with "@graph" (other node types in a
 *    graph, such as the publishing Organization, are skipped);
 *  - the Google Fact Check Tools claims:search response: {claims: [{text, claimant, claimDate, claimReview: [{publisher:
 *    {name, site}, url, title, reviewDate, textualRating, languageCode}]}]}, one record per claimReview.
 * Each record is normalized on its own: a bad record yields {index, error} and the others still come through. A
 * document of neither shape is refused as a whole. Pure: no I/O, never throws, linear in the size of the document.
 */
import type { FactCheckParseResult, FactCheckRecord, FactCheckRecordError } from './fact-check-record';
import { verdictFromRating } from './fact-check-verdict';

/** Longest claim reviewed we store (longer statements are not claims but articles). */
export const MAX_CLAIM_REVIEWED_CHARS = 5000;
export const MAX_URL_CHARS = 2048;
const MAX_NAME_CHARS = 500;
const MAX_LANGUAGE_CHARS = 16;

type Json = Record<string, unknown>;

class RecordError extends Error {}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "@type" may be a string or an array, and may carry a prefix ("schema:ClaimReview", "http://schema.org/…"). */
function typesOf(node: Json): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.slice(Math.max(x.lastIndexOf('/'), x.lastIndexOf(':')) + 1).toLowerCase());
}

const isClaimReviewNode = (v: unknown): v is Json =>
  isObject(v) && (typesOf(v).includes('claimreview') || ('claimReviewed' in v && !('@type' in v)));

/** First element of an array, or the value itself. */
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

function text(v: unknown, max = MAX_NAME_CHARS): string | null {
  const value = first(v);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

/** A name given as a string or as a Thing ({name}). */
function nameOf(v: unknown): string | null {
  const value = first(v);
  return isObject(value) ? text(value.name) : text(value);
}

function numberOf(v: unknown): number | null {
  const value = first(v);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d{1,12}(\.\d{1,12})?\s*$/.test(value)) return Number(value);
  return null;
}

/** An ISO 8601 instant for a date string; null when absent or unreadable (a bad date does not sink a record). */
function dateOf(v: unknown): string | null {
  const value = text(v, 64);
  if (!value || !/^\d{4}-\d{2}(-\d{2})?([T ][0-9:.+\-Z]*)?$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}

function requiredClaim(v: unknown, field: string): string {
  if (v === undefined || v === null) throw new RecordError(`${field} is missing`);
  const value = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : null;
  if (value === null) throw new RecordError(`${field} must be a string`);
  if (!value) throw new RecordError(`${field} is empty`);
  if (value.length > MAX_CLAIM_REVIEWED_CHARS) {
    throw new RecordError(`${field} is longer than ${MAX_CLAIM_REVIEWED_CHARS} characters`);
  }
  return value;
}

function requiredUrl(v: unknown, field: string): string {
  if (v === undefined || v === null) throw new RecordError(`${field} is missing`);
  if (typeof v !== 'string') throw new RecordError(`${field} must be a string`);
  const value = v.trim();
  if (value.length > MAX_URL_CHARS)
    throw new RecordError(`${field} is longer than ${MAX_URL_CHARS} characters`);
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new RecordError(`${field} is not an absolute URL: "${value.slice(0, 100)}"`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new RecordError(`${field} must be an http(s) URL: "${value.slice(0, 100)}"`);
  }
  return value;
}

function fromClaimReview(node: Json): FactCheckRecord {
  const claimReviewed = requiredClaim(node.claimReviewed, 'claimReviewed');
  const url = requiredUrl(node.url, 'url');
  const rating = first(node.reviewRating);
  const r: Json = isObject(rating) ? rating : {};
  const ratingText = text(r.alternateName) ?? text(r.name);
  const ratingValue = numberOf(r.ratingValue);
  const bestRating = numberOf(r.bestRating);
  const worstRating = numberOf(r.worstRating);
  const author = first(node.author) ?? first(node.publisher);
  const authorUrl = isObject(author) ? text(author.url, MAX_URL_CHARS) : null;
  const item = first(node.itemReviewed);
  const reviewed: Json = isObject(item) ? item : {};
  const language = first(node.inLanguage);
  return {
    claimReviewed,
    ratingText,
    ratingValue,
    bestRating,
    worstRating,
    verdict: verdictFromRating({
      text: ratingText,
      value: ratingValue,
      best: bestRating,
      worst: worstRating,
    }),
    reviewerName: nameOf(author),
    reviewerSite: hostOf(authorUrl) ?? hostOf(url),
    url,
    title: text(node.name) ?? text(node.headline),
    datePublished: dateOf(node.datePublished),
    claimDate: dateOf(reviewed.datePublished) ?? dateOf(reviewed.dateCreated),
    claimant: nameOf(reviewed.author) ?? nameOf(reviewed.creator),
    language:
      (isObject(language) ? text(language.alternateName ?? language.name) : text(language))?.slice(
        0,
        MAX_LANGUAGE_CHARS,
      ) ?? null,
    raw: node,
  };
}

function fromGoogleReview(claim: Json, review: unknown): FactCheckRecord {
  if (!isObject(review)) throw new RecordError('claimReview entry must be an object');
  const claimReviewed = requiredClaim(claim.text, 'text');
  const url = requiredUrl(review.url, 'claimReview.url');
  const publisher: Json = isObject(review.publisher) ? review.publisher : {};
  const ratingText = text(review.textualRating);
  return {
    claimReviewed,
    ratingText,
    ratingValue: null,
    bestRating: null,
    worstRating: null,
    verdict: verdictFromRating({ text: ratingText }),
    reviewerName: text(publisher.name),
    reviewerSite: text(publisher.site)?.replace(/^www\./, '') ?? hostOf(url),
    url,
    title: text(review.title),
    datePublished: dateOf(review.reviewDate),
    claimDate: dateOf(claim.claimDate),
    claimant: nameOf(claim.claimant),
    language: text(review.languageCode)?.slice(0, MAX_LANGUAGE_CHARS) ?? null,
    raw: { ...claim, claimReview: [review] },
  };
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length} item(s) without a ClaimReview`;
  if (isObject(v)) {
    const keys = Object.keys(v).slice(0, 5);
    const types = typesOf(v);
    return types.length
      ? `an object of @type ${types.join(', ')}`
      : `an object with keys ${keys.length ? keys.join(', ') : '(none)'}`;
  }
  return v === null ? 'null' : `a ${typeof v}`;
}

export const EXPECTED_SHAPES =
  'Expected schema.org ClaimReview JSON-LD (an object with "@type": "ClaimReview", an array of them, or an object ' +
  'with "@graph") or a Google Fact Check Tools claims:search response ({"claims": [{"text", "claimReview": [...]}]})';

function parseClaimReviews(nodes: unknown[], strict: boolean): FactCheckParseResult {
  const records: { index: number; record: FactCheckRecord }[] = [];
  const errors: FactCheckRecordError[] = [];
  nodes.forEach((node, index) => {
    try {
      if (!isObject(node)) throw new RecordError(`expected a ClaimReview object, got ${describe(node)}`);
      if (!isClaimReviewNode(node)) {
        // In a @graph, other nodes (the publisher, the page) are context, not records.
        if (!strict) return;
        throw new RecordError(`not a ClaimReview (${describe(node)})`);
      }
      records.push({ index, record: fromClaimReview(node) });
    } catch (e) {
      errors.push({ index, error: e instanceof Error ? e.message : String(e) });
    }
  });
  return { ok: true, format: 'claimreview', records, errors };
}

function parseGoogle(claims: unknown[]): FactCheckParseResult {
  const records: { index: number; record: FactCheckRecord }[] = [];
  const errors: FactCheckRecordError[] = [];
  // Records are numbered in document order, one per claimReview (a claim without reviews counts as one, failed).
  let index = 0;
  claims.forEach((claim, c) => {
    const reviews = isObject(claim) && Array.isArray(claim.claimReview) ? claim.claimReview : null;
    if (!isObject(claim) || !reviews || reviews.length === 0) {
      const why = !isObject(claim)
        ? `expected an object, got ${describe(claim)}`
        : 'claimReview is missing or empty (expected an array of reviews)';
      errors.push({ index: index++, error: `claims[${c}]: ${why}` });
      return;
    }
    reviews.forEach((review, r) => {
      try {
        records.push({ index, record: fromGoogleReview(claim, review) });
      } catch (e) {
        errors.push({
          index,
          error: `claims[${c}].claimReview[${r}]: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
      index++;
    });
  });
  return { ok: true, format: 'google-factcheck', records, errors };
}

/** Parses a fact-check document (already JSON-decoded). */
export function parseFactCheckDocument(document: unknown): FactCheckParseResult {
  try {
    if (isObject(document) && Array.isArray(document.claims)) return parseGoogle(document.claims);
    if (isObject(document) && Array.isArray(document['@graph'])) {
      const graph = document['@graph'];
      if (!graph.some(isClaimReviewNode)) {
        return { ok: false, error: `${EXPECTED_SHAPES}; got a @graph without a ClaimReview node.` };
      }
      return parseClaimReviews(graph, false);
    }
    if (Array.isArray(document)) {
      if (document.length === 0) return { ok: false, error: `${EXPECTED_SHAPES}; got an empty array.` };
      // A JSON-LD array may hold graphs too: flatten one level of @graph.
      const nodes = document.flatMap((n) => (isObject(n) && Array.isArray(n['@graph']) ? n['@graph'] : [n]));
      if (!nodes.some(isClaimReviewNode))
        return { ok: false, error: `${EXPECTED_SHAPES}; got ${describe(document)}.` };
      return parseClaimReviews(nodes, nodes.length === document.length);
    }
    if (isClaimReviewNode(document)) return parseClaimReviews([document], true);
    return { ok: false, error: `${EXPECTED_SHAPES}; got ${describe(document)}.` };
  } catch (e) {
    return { ok: false, error: `Could not read the document: ${e instanceof Error ? e.message : String(e)}` };
  }
}
