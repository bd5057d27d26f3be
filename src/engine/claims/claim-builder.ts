/**
 * Builds claims from sentences and their attribution frames (all offsets in the analysed view text).
 *
 * The claim span is the content of an attribution frame (the source mention and the cue stay out), split further
 * into discrete facts by the clause splitter; sentence text outside every frame is the outlet's own statement.
 */
import type { AttributionFrame } from '../attribution';
import type { SourceRef, Span } from '../types';
import {
  splitClaims,
  tokenRun,
  tokensIn,
  type ClaimPart,
  type SplitStats,
  type TokenRun,
} from './clause-splitter';
import { NEGATIONS, isNumberToken, isVerbLike, isYearToken } from './word-lexicon';

export type SentenceKind = 'content' | 'headline' | 'heading' | 'caption';

export interface AnalysedSentence extends Span {
  text: string;
  kind: SentenceKind;
}

export interface ClaimDraft extends Span {
  text: string;
  sentence: number;
  sources: SourceRef[];
  via: SourceRef[];
  cue?: Span;
  cueLemma?: string;
  inQuote: boolean;
  isHeadline: boolean;
  isCaption: boolean;
  attributed: boolean;
  role: ClaimPart['role'] | 'outlet-fragment';
}

interface Region extends Span {
  frame?: AttributionFrame;
  fragment?: boolean;
}

/** Is position `pos` inside quotation marks, counting from the start of the sentence? Opening “ « ‘, closing ” ». */
function insideQuote(text: string, from: number, pos: number): boolean {
  let open = false;
  for (let i = from; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab || c === 0x2018) open = true;
    else if (c === 0x201d || c === 0xbb) open = false;
    else if (c === 34) open = !open;
  }
  return open;
}

/** Extends a span by one character to close (or open) a quotation it leaves unbalanced. */
function balanceQuotes(text: string, start: number, end: number): Span {
  let opens = 0;
  let closes = 0;
  let straight = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '\u201c') opens++;
    else if (ch === '\u201d') closes++;
    else if (ch === '"') straight++;
  }
  const next = text[end];
  const prev = text[start - 1];
  if ((opens > closes && next === '\u201d') || (straight % 2 === 1 && next === '"' && prev !== '"')) end++;
  else if ((closes > opens && prev === '\u201c') || (straight % 2 === 1 && prev === '"')) start--;
  return { start, end };
}

function clip(s: Span, lo: number, hi: number): Span | null {
  const start = Math.max(lo, s.start);
  const end = Math.min(hi, s.end);
  return end > start ? { start, end } : null;
}

/** Pieces of [lo, hi) not covered by `covered` (sorted or not). */
function uncovered(lo: number, hi: number, covered: Span[]): Span[] {
  const spans = covered
    .map((s) => clip(s, lo, hi))
    .filter((s): s is Span => s !== null)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let p = lo;
  for (const s of spans) {
    if (s.start > p) out.push({ start: p, end: s.start });
    p = Math.max(p, s.end);
  }
  if (p < hi) out.push({ start: p, end: hi });
  return out;
}

const FRAGMENT_STARTERS =
  /^(?:who|whom|whose|which|that|citing|quoting|speaking|according|told|telling|said|says|saying|adding|added|wrote|writes|stated|noted|explained|announced|reported|in an? |on condition)\b/i;

/** An outlet's own fragment left outside the attribution frames: kept when it carries a fact. */
function acceptFragment(text: string, s: Span, run: TokenRun): Span | null {
  let a = s.start;
  let b = s.end;
  while (a < b && /[\s,;:.\u2014\u2013"'\u201c\u201d\u2018\u2019()-]/.test(text[a])) a++;
  while (b > a && /[\s,;:\u2014\u2013"'\u201c\u201d\u2018\u2019(-]/.test(text[b - 1])) b--;
  if (b - a < 8) return null;
  const t = text.slice(a, b);
  if (FRAGMENT_STARTERS.test(t)) return null;
  const toks = tokensIn(text, a, b, run);
  const words = toks.filter((x) => /\p{L}|\d/u.test(x.raw));
  const hasQty = toks.some((x) => isNumberToken(x.w) && !isYearToken(x.w));
  const hasVerb = toks.some((x) => isVerbLike(x.w));
  if (hasQty && words.length >= 3) return { start: a, end: b };
  if (hasVerb && words.length >= 5 && !/\b(?:of|to|from|in|on|at|by|with|for|amid|amidst|as)$/i.test(t))
    return { start: a, end: b };
  return null;
}

/** Only adverbs and auxiliaries between a subject and its verb: "The fire service initially reported". */
const SUBJECT_GAP = /^\s*(?:(?:\p{L}+ly|had|has|have|also|then|later|on \p{Lu}\p{Ll}+day)\s+)*$/u;

/**
 * Widens an object-like content ("seven dead shortly after noon") to its verb cue ("initially reported"), and a
 * content that starts with its cue ("put preliminary damage at …") to the subject before it: in "The White House
 * corroborated the movement of 3,000 troops" the claim is the whole clause.
 */
function withCue(text: string, region: Span, frame: AttributionFrame, run: TokenRun): Span {
  const cue = frame.cue;
  if (!cue || frame.kind === 'direct_quote' || frame.cueLemma === 'according to') return region;
  let start = region.start;
  if (cue.end <= region.start && region.start - cue.end <= 2) {
    const toks = tokensIn(text, region.start, region.end, run);
    if (toks.some((t) => isVerbLike(t.w))) return region; // a clause: "said [that] it had …"
    start = cue.start;
  } else if (!(cue.start >= region.start && cue.start - region.start <= 12)) return region;
  for (const s of frame.sources ?? []) {
    const m = s.mention;
    if (m && m.end <= start && SUBJECT_GAP.test(text.slice(m.end, start)))
      return { start: m.start, end: region.end };
  }
  // Adverb right before the cue: "initially reported".
  const adv = /(\p{L}+ly)\s+$/u.exec(text.slice(Math.max(0, start - 30), start));
  if (adv) start -= adv[0].length;
  return { start, end: region.end };
}

/** Includes a source mention that is the subject of an outlet fragment ("Corvessa's Supreme Court | on Tuesday struck down …"). */
function withSubject(text: string, piece: Span, frames: AttributionFrame[]): Span {
  for (const f of frames) {
    for (const s of f.sources ?? []) {
      const m = s.mention;
      if (!m || m.end > piece.start || !/^\s*$/.test(text.slice(m.end, piece.start))) continue;
      if (f.cue && f.cue.start >= m.end && f.cue.start < piece.end) continue;
      return { start: m.start, end: piece.end };
    }
  }
  return piece;
}

const PREPOSITIONS = new Set([
  'for',
  'in',
  'on',
  'at',
  'to',
  'from',
  'with',
  'by',
  'after',
  'before',
  'during',
  'outside',
  'inside',
]);

/** A content worth a claim: a figure, or three words that are not a bare adverbial ("for the majority"). */
function substantive(text: string, s: Span, run: TokenRun): boolean {
  const toks = tokensIn(text, s.start, s.end, run).filter((t) => /\p{L}|\d/u.test(t.raw));
  if (toks.some((t) => isNumberToken(t.w))) return true;
  if (toks.length < 3) return false;
  return !(PREPOSITIONS.has(toks[0].w) && toks.length <= 6 && !toks.some((t) => isVerbLike(t.w)));
}

/** Regions of one sentence (`run`: its tokens): frame contents, and the outlet's own text outside every frame. */
function regionsOf(
  text: string,
  sent: AnalysedSentence,
  frames: AttributionFrame[],
  run: TokenRun,
): Region[] {
  const regions: Region[] = [];
  const covered: Span[] = [];
  for (const frame of frames) {
    for (const c of frame.content ?? []) {
      const r = clip(c, sent.start, sent.end);
      if (!r || !substantive(text, r, run)) continue;
      regions.push({ ...withCue(text, r, frame, run), frame });
    }
    for (const c of frame.content ?? []) covered.push(c);
    for (const s of [...(frame.sources ?? []), ...(frame.via ?? [])]) if (s.mention) covered.push(s.mention);
    if (frame.cue) covered.push(frame.cue);
  }
  if (regions.length === 0) return [{ start: sent.start, end: sent.end }];
  for (const piece of uncovered(sent.start, sent.end, covered)) {
    const r = acceptFragment(text, piece, run);
    if (r) regions.push({ ...withSubject(text, r, frames), fragment: true });
  }
  // Facts inside a source mention: "Organizers, a coalition of 14 trade unions,", "The federation, which tracks
  // prices in 40 supermarkets,".
  for (const frame of frames) {
    for (const s of frame.sources ?? []) {
      const m = s.mention && clip(s.mention, sent.start, sent.end);
      if (!m || m.end - m.start < 20 || !/[,\u2014]/.test(text.slice(m.start, m.end))) continue;
      for (const part of splitClaims(text, m.start, m.end, [], undefined, run)) {
        if (part.role === 'dependent') regions.push({ start: part.start, end: part.end, fragment: true });
      }
    }
  }
  return regions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Claim drafts for all sentences. `frames[i]` are the attribution frames of sentence i; `locks` spans (quantities)
 * that the splitter must not cut.
 */
export function buildClaims(
  text: string,
  sentences: AnalysedSentence[],
  frames: AttributionFrame[][],
  locks: Span[],
  stats?: SplitStats,
): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  /** Spans already taken, as start · 2^26 + end (offsets stay far below 2^26: the input is cut at 5 MB). */
  const seen = new Set<number>();
  let li = 0;
  const sortedLocks = [...locks].sort((a, b) => a.start - b.start);
  sentences.forEach((sent, si) => {
    const isHeadline = sent.kind === 'headline' || sent.kind === 'heading';
    const isCaption = sent.kind === 'caption';
    const sentFrames = frames[si] ?? [];
    while (li < sortedLocks.length && sortedLocks[li].end <= sent.start) li++;
    const sentLocks: Span[] = [];
    for (let k = li; k < sortedLocks.length && sortedLocks[k].start < sent.end; k++)
      sentLocks.push(sortedLocks[k]);
    // The sentence's tokens, read once for all its regions.
    const run = tokenRun(text, sent.start, sent.end);
    const regions: Region[] =
      isHeadline || isCaption
        ? [{ start: sent.start, end: sent.end }]
        : regionsOf(text, sent, sentFrames, run);
    for (const region of regions) {
      const parts: ClaimPart[] =
        isHeadline || isCaption
          ? splitClaims(text, region.start, region.end, sentLocks, stats, run).slice(0, 1)
          : splitClaims(text, region.start, region.end, sentLocks, stats, run);
      if (isHeadline || isCaption) {
        // A headline or caption is one non-check-worthy claim over its whole text.
        if (parts[0]) parts[0] = { ...parts[0], start: region.start, end: region.end };
      }
      for (const raw of parts) {
        const part = balanceQuotes(text, raw.start, raw.end);
        const key = part.start * 67_108_864 + part.end;
        if (seen.has(key)) continue;
        seen.add(key);
        const frame = region.frame;
        out.push({
          start: part.start,
          end: part.end,
          text: raw.text,
          sentence: si,
          sources: frame?.sources ?? [],
          via: frame?.via ?? [],
          cue: frame?.cue,
          cueLemma: frame?.cueLemma,
          inQuote: frame?.kind === 'direct_quote' || insideQuote(text, sent.start, part.start),
          isHeadline,
          isCaption,
          attributed: !!frame && (frame.sources?.length ?? 0) > 0,
          role: region.fragment ? 'outlet-fragment' : raw.role,
        });
      }
    }
  });
  return out;
}

export function isNegated(text: string, cueLemma?: string): boolean {
  return NEGATIONS.test(text) || (!!cueLemma && /^(?:deny|denied|reject|dispute|refute)/i.test(cueLemma));
}
