/**
 * Attribution: who each statement is attributed to. Public API used by analyze.ts.
 *
 * attributeSentences() walks the sentences in order, keeping document-level state: quotations that run over several
 * sentences (every sentence of the quotation gets the speaker's frame, also when the speaker is named after it),
 * coreference of pronouns, surnames and role nouns ("He added…", "the ministry said", "the service said") to the
 * most recent compatible source, documents and their authors ("The report also found"), and the outlet (from the
 * options or the dateline, "(Meridian Press Agency) —"), which is never a source nor an intermediary.
 *
 * Content spans exclude the source mention and the cue, except for "act" cues with a plain object where the act is
 * the reported content ("The White House corroborated the movement of…", "urged residents to…"): there the content
 * runs from after the source and includes the verb (the cue span is still reported apart).
 * Never throws; linear in the text length.
 */
import type { SourceRef, Span } from '../types';
import { canonicalSource } from '../sources';
import {
  DOCUMENT_WORDS,
  GOVERNMENT_PLACES,
  GOVERNMENT_WORDS,
  MEDIA_WORDS,
  ORGANIZATION_WORDS,
  TITLE_HEADS,
} from '../sources/source-lexicon';
import { EntityMemory } from './entity-memory';
import { findQuotes, type Quote } from './quote-finder';
import { SentenceAttributor, type RawFrame } from './sentence-attributor';
import { tokenize, type Token } from './tokenize';

export interface AttributionFrame {
  /** Where the attributed content stands (may be several spans, e.g. a quote interrupted by "he said"). Offsets into the original text. */
  content: Span[];
  /** Primary sources: canonical names + type + mention span (the words in the text, even a pronoun resolved to a name). */
  sources: SourceRef[];
  /** Intermediaries ("according to Yonhap, Kirby reported" → via Yonhap). */
  via: SourceRef[];
  /** Reporting verb/phrase span. */
  cue?: Span;
  /** Lemma of the cue: 'say', 'report', 'confirm', 'urge', 'deny', 'according to' … */
  cueLemma?: string;
  kind: 'direct_quote' | 'indirect' | 'according_to' | 'mixed';
}

/** One sentence of the original text: text === original.slice(start, end). */
export interface SentenceInput {
  start: number;
  end: number;
  text: string;
}

export interface AttributionOptions {
  /** The publishing outlet: "told <outlet>" is not an intermediary, and the outlet is never a source. */
  outlet?: string;
}

const MAX_SENTENCE = 20000;

const normName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9\u00c0-\u024f]+/g, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The outlet named in a dateline: "DASTRA, Corvessa (Halden News Agency) —", "Washington (AFP) –". */
export function detectOutlet(text: string): string | undefined {
  const head = text.slice(0, 1500);
  const m = /\(([A-Z][A-Za-z0-9.&' -]{0,60}?)\)\s*[\u2014\u2013-]/.exec(head);
  return m ? m[1].trim() : undefined;
}

function outletMatcher(outlet: string | undefined): (name: string) => boolean {
  const o = outlet ? normName(outlet) : '';
  if (!o) return () => false;
  return (name: string) => {
    const n = normName(name);
    return !!n && (n === o || o.startsWith(`${n} `) || n.startsWith(`${o} `));
  };
}

/** Attribution frames for each sentence, same order as `sentences`. Never throws; linear time. */
export function attributeSentences(
  text: string,
  sentences: SentenceInput[],
  options?: AttributionOptions,
): AttributionFrame[][] {
  const list = Array.isArray(sentences) ? sentences : [];
  try {
    return run(String(text ?? ''), list, options);
  } catch {
    return list.map(() => []);
  }
}

function run(text: string, sentences: SentenceInput[], options?: AttributionOptions): AttributionFrame[][] {
  const memory = new EntityMemory();
  noteNames(text, memory);
  const quotes = findQuotes(text);
  const outlet = options?.outlet ?? detectOutlet(text);
  const attributor = new SentenceAttributor({ text, memory, isOutlet: outletMatcher(outlet) });
  const result: AttributionFrame[][] = [];
  const quoteIds: Array<Set<number>> = [];
  const claimed = new Map<number, RawFrame>();
  let qi = 0;
  let lastStart = -1;
  for (const sent of sentences) {
    const start = Math.max(0, Math.min(text.length, Number(sent?.start) || 0));
    const end = Math.max(start, Math.min(text.length, Number(sent?.end) || 0, start + MAX_SENTENCE));
    if (start < lastStart) qi = 0;
    lastStart = start;
    const toks = tokenize(text, start, end);
    while (qi < quotes.length && quotes[qi].close < start) qi++;
    const ids = markQuotes(toks, quotes, qi);
    quoteIds.push(ids);
    const raw = attributor.frames(toks);
    for (const f of raw) {
      if (!f.dangling || !f.sources.length || result.length === 0) continue;
      const prevSent = sentences[result.length - 1];
      for (const id of quoteIds[result.length - 1] ?? []) {
        const q = quotes[id];
        if (q.closed && q.close >= prevSent.end - 3 && !claimed.has(id))
          claimed.set(id, { ...f, kind: 'direct_quote' });
      }
    }
    const frames = raw.filter((f) => f.content.length && f.sources.length);
    for (const f of frames) {
      for (const id of ids) if (!claimed.has(id) && covers(f, quotes[id])) claimed.set(id, f);
    }
    noteSubject(toks, memory, text);
    result.push(frames.map(toFrame));
  }
  propagateQuotes(text, sentences, quotes, quoteIds, claimed, result);
  return result;
}

function toFrame(f: RawFrame): AttributionFrame {
  const out: AttributionFrame = { content: f.content, sources: f.sources, via: f.via, kind: f.kind };
  if (f.cue) out.cue = f.cue;
  if (f.cueLemma) out.cueLemma = f.cueLemma;
  return out;
}

/** Quotation membership of each token; returns the ids of quotations present in the sentence. */
function markQuotes(toks: Token[], quotes: Quote[], from: number): Set<number> {
  const ids = new Set<number>();
  let q = from;
  for (const t of toks) {
    while (q < quotes.length && quotes[q].close < t.s) q++;
    if (q >= quotes.length) break;
    const qt = quotes[q];
    if (t.s === qt.open) {
      t.qm = 'o';
      t.q = q;
    } else if (t.s === qt.close && qt.closed) {
      t.qm = 'c';
      t.q = q;
    } else if (t.s > qt.open && t.e <= qt.close) {
      t.q = q;
    } else continue;
    ids.add(q);
  }
  return ids;
}

function covers(f: RawFrame, q: Quote): boolean {
  return f.content.some((c) => c.start <= q.close && c.end > q.open);
}

/** Every sentence of a claimed quotation carries the speaker; an unclaimed quotation opening right after one continues it. */
function propagateQuotes(
  text: string,
  sentences: SentenceInput[],
  quotes: Quote[],
  quoteIds: Array<Set<number>>,
  claimed: Map<number, RawFrame>,
  result: AttributionFrame[][],
): void {
  for (let i = 0; i < result.length; i++) {
    const sent = sentences[i];
    for (const id of quoteIds[i]) {
      const q = quotes[id];
      const frames = result[i];
      if (frames.some((f) => f.content.some((c) => c.start <= q.close && c.end > q.open))) continue;
      let owner = claimed.get(id);
      if (!owner && i > 0 && q.open >= sent.start && q.open - sent.start <= 1) {
        const prev = result[i - 1].find((f) => f.kind === 'direct_quote');
        const gap = text.slice(sentences[i - 1].end, sent.start);
        if (prev && !/\n\s*\n/.test(gap)) {
          owner = { ...prev };
          claimed.set(id, owner);
        }
      }
      if (!owner) continue;
      const span = trimSpan(text, Math.max(sent.start, q.open + 1), Math.min(sent.end, q.close));
      if (!span) continue;
      frames.push({
        content: [span],
        sources: owner.sources.map((s) => ({ ...s })),
        via: owner.via.map((s) => ({ ...s })),
        ...(owner.cue ? { cue: owner.cue } : {}),
        ...(owner.cueLemma ? { cueLemma: owner.cueLemma } : {}),
        kind: 'direct_quote',
      });
    }
  }
}

function trimSpan(text: string, s: number, e: number): Span | undefined {
  while (s < e && /[\s"\u201c\u201d,.;:]/.test(text[s])) s++;
  while (e > s && /[\s"\u201c\u201d,;:]/.test(text[e - 1])) e--;
  while (e > s && text[e - 1] === '.') e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** Full names seen anywhere ("the incumbent, Oskar Brehm,") so that a later surname resolves. */
function noteNames(text: string, memory: EntityMemory): void {
  const re = /\b[A-Z][a-z\u00e0-\u024f]+(?:[ -][A-Z][a-z\u00e0-\u024f]+){1,2}\b/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) && n++ < 5000) {
    if (looksLikePersonName(m[0])) memory.noteName(m[0]);
  }
}

/** Two or three capitalised words with no organisation, government, media or title word. */
function looksLikePersonName(s: string): boolean {
  for (const w of s.toLowerCase().split(/[ -]/)) {
    if (
      ORGANIZATION_WORDS.has(w) ||
      GOVERNMENT_WORDS.has(w) ||
      MEDIA_WORDS.has(w) ||
      TITLE_HEADS.has(w) ||
      DOCUMENT_WORDS.has(w)
    )
      return false;
    if (GOVERNMENT_PLACES.has(w)) return false;
  }
  return true;
}

/** Capitalised words that open sentences without naming anyone. */
const SENTENCE_OPENERS = new Set(
  `In At On It He She They We This That A An But And As After Before During For If When While The According However
   Meanwhile Still Also Yet So Then Now Here There Last Next Earlier Later Some Many Most Both Other Others Several All
   Each Every One Two Since Despite Although Though Because Under Over With Without From By To Of Among Amid Asked
   Speaking Is Are Was Were Do Does Did What Why How Who Where Which`
    .split(/\s+/)
    .filter(Boolean),
);

/** A person named as a sentence's subject ("Brehm conceded defeat") is a candidate antecedent for a later "he". */
function noteSubject(toks: Token[], memory: EntityMemory, text: string): void {
  let i = 0;
  while (i < toks.length && !toks[i].w) i++;
  const the = i < toks.length && toks[i].k === 'the';
  if (the) i++;
  const s = i;
  while (i < toks.length && i - s < 6 && toks[i].w && toks[i].cap && toks[i].q < 0) i++;
  if (i === s || i >= toks.length || !toks[i].w || toks[i].cap) return;
  if (SENTENCE_OPENERS.has(toks[s].t)) return;
  if (/^(?:to|of|in|on|at|for|with|and|or|by|from|as|that|who|which)$/.test(toks[i].k)) return;
  const phrase = text.slice(toks[s].s, toks[i - 1].e);
  const c = canonicalSource(phrase);
  if (c.type === 'document' || c.type === 'anonymous' || (the && c.type === 'person')) return;
  const r = memory.resolve(phrase, { ...c, via: [] });
  if (r) memory.add(r, toks[s].s, phrase, true);
}
