/**
 * analyze(): an article in, its discrete claims out — with sources, intermediaries, quantities, check-worthiness
 * and the agreement relations between claims. Pure, never throws, linear in the input length.
 *
 * Pipeline: input hygiene (HTML, broken words, page debris, headline) → language → sentences → attribution
 * frames → claim splitting → quantities and check-worthiness per claim → relations. The engine works on a cleaned
 * view of the input; every reported offset is mapped back into the original string.
 */
import { relateClaims, type ComparableClaim } from './agreement';
import { attributeSentences, type AttributionFrame } from './attribution';
import { assessCheckworthiness } from './checkworthiness';
import { buildClaims, isNegated, type ClaimDraft } from './claims/claim-builder';
import type { SplitStats } from './claims/clause-splitter';
import { extractQuantities } from './quantities';
import { detectLanguage } from './text/language-detector';
import { toOriginalSpan, type InputView } from './text/input-view';
import { prepareText } from './text/prepared-text';
import type { Analysis, AnalyzeOptions, Claim, ClaimRelation, Quantity, SourceRef, Span } from './types';

/** Work counters, for tests of linear behaviour (not timing). */
export interface AnalyzeStats {
  chars: number;
  sentences: number;
  tokens: number;
  claims: number;
}

const MAX_INPUT = 5_000_000;
const LANGUAGE_SAMPLE = 2_000;
/**
 * Relating claims compares pairs (quadratic): beyond this many check-worthy claims (far above a news article's
 * 20–80) only the first ones are related, which keeps analyze() linear on huge inputs.
 */
const MAX_RELATED_CLAIMS = 300;

function emptyAnalysis(language: string): Analysis {
  return { language, claims: [], relations: [], quantities: [] };
}

function mapSpan(view: InputView, s: Span): Span {
  return toOriginalSpan(view, s.start, s.end);
}

function mapQuantity(view: InputView, q: Quantity): Quantity {
  const span = mapSpan(view, q);
  return { ...q, ...span, text: view.original.slice(span.start, span.end) };
}

function mapSource(view: InputView, s: SourceRef): SourceRef {
  return s.mention ? { ...s, mention: mapSpan(view, s.mention) } : { ...s };
}

function safeFrames(
  text: string,
  sentences: { start: number; end: number; text: string }[],
  outlet?: string,
): AttributionFrame[][] {
  try {
    const frames = attributeSentences(text, sentences, outlet ? { outlet } : undefined);
    return Array.isArray(frames) ? frames : sentences.map(() => []);
  } catch {
    return sentences.map(() => []);
  }
}

function safeQuantities(text: string, range?: Span): Quantity[] {
  try {
    const qs = extractQuantities(text, range);
    return Array.isArray(qs) ? qs : [];
  } catch {
    return [];
  }
}

function scoreClaim(
  d: ClaimDraft,
  sentenceText: string,
  quantities: Quantity[],
): { score: number; checkworthy: boolean } {
  try {
    const r = assessCheckworthiness(d.text, sentenceText, {
      cue: d.cueLemma,
      inQuote: d.inQuote,
      hasQuantity: quantities.some((q) => q.kind !== 'year' && q.kind !== 'ordinal'),
      attributed: d.attributed,
      isHeadline: d.isHeadline,
      isCaption: d.isCaption,
    });
    const score = Number.isFinite(r.score) ? Math.max(0, Math.min(1, r.score)) : 0;
    return { score, checkworthy: !!r.checkworthy && !d.isHeadline && !d.isCaption };
  } catch {
    return { score: 0, checkworthy: false };
  }
}

/** Quantities (sorted by start) overlapping `span`. */
function quantitiesIn(sorted: Quantity[], span: Span): Quantity[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Quantity[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < span.end; i++) {
    if (sorted[i].end > span.start) out.push(sorted[i]);
  }
  return out;
}

function run(input: string, options: AnalyzeOptions, stats?: AnalyzeStats): Analysis {
  const prepared = prepareText(input);
  const { view, sentences } = prepared;
  if (stats) {
    stats.chars += input.length;
    stats.sentences += sentences.length;
  }
  // A sample of the content (language detection reads the first ~1,500 characters).
  const sample: string[] = [];
  let sampled = 0;
  for (const s of sentences) {
    if (s.kind !== 'content') continue;
    sample.push(s.text);
    sampled += s.text.length;
    if (sampled > LANGUAGE_SAMPLE) break;
  }
  const contentText = sample.join(' ');
  const language = detectLanguage(contentText || view.text);
  if (language !== 'eng') return emptyAnalysis(language);

  const outlet = options.outlet ?? prepared.outlet;
  const frames = safeFrames(view.text, sentences, outlet);

  // Quantities over the analysed text (debris left out), per block of sentences.
  const allQuantities: Quantity[] = [];
  for (const s of sentences) allQuantities.push(...safeQuantities(view.text, s));
  allQuantities.sort((a, b) => a.start - b.start);
  const splitStats: SplitStats = { tokens: 0 };
  const drafts = buildClaims(view.text, sentences, frames, allQuantities, splitStats);
  if (stats) stats.tokens += splitStats.tokens;

  const claims: Claim[] = drafts.map((d) => {
    // The quantities read in the sentence (with its context), those that stand in the claim span.
    const quantities = quantitiesIn(allQuantities, d);
    const { score, checkworthy } = scoreClaim(d, sentences[d.sentence]?.text ?? d.text, quantities);
    const span = mapSpan(view, d);
    const claim: Claim = {
      start: span.start,
      end: span.end,
      text: d.text,
      sentence: d.sentence,
      checkworthy,
      score,
      sources: d.sources.map((s) => mapSource(view, s)),
      via: d.via.map((s) => mapSource(view, s)),
      quantities: quantities.map((q) => mapQuantity(view, q)),
    };
    if (d.cue) claim.cue = mapSpan(view, d.cue);
    if (isNegated(d.text, d.cueLemma)) claim.negated = true;
    return claim;
  });
  if (stats) stats.claims += claims.length;

  const relations = relate(
    claims,
    sentences.map((s) => s.text),
  );
  return { language, claims, relations, quantities: allQuantities.map((q) => mapQuantity(view, q)) };
}

/** Relations between check-worthy claims, indices mapped back into `claims`. */
function relate(claims: Claim[], sentenceTexts: string[]): ClaimRelation[] {
  try {
    const index: number[] = [];
    const comparable: ComparableClaim[] = [];
    claims.forEach((c, i) => {
      if (!c.checkworthy || comparable.length >= MAX_RELATED_CLAIMS) return;
      index.push(i);
      comparable.push({
        text: c.text,
        quantities: c.quantities,
        sources: c.sources.map((s) => ({ name: s.name, type: s.type })),
        via: c.via.map((s) => ({ name: s.name })),
        negated: c.negated,
        context: sentenceTexts[c.sentence],
      });
    });
    const rels = relateClaims(comparable);
    if (!Array.isArray(rels)) return [];
    return rels
      .filter((r) => index[r.a] !== undefined && index[r.b] !== undefined)
      .map((r) => ({ ...r, a: index[r.a], b: index[r.b] }));
  } catch {
    return [];
  }
}

/**
 * Analyses an article (plain text or HTML). Offsets are UTF-16 indices into `text` as given.
 * Non-English text returns its language code and no claims. Never throws.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, stats?: AnalyzeStats): Analysis {
  try {
    if (typeof text !== 'string' || text.length === 0) return emptyAnalysis('eng');
    const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text;
    return run(input, options ?? {}, stats);
  } catch {
    return emptyAnalysis('und');
  }
}
