/**
 * Evaluation helper (used by scripts/checkworthiness-jsonl.ts and the dev-article spec, not by the engine):
 * turns gold articles (eval/README.md format) into (anchor, sentence, hints, gold) cases, with a plain
 * sentence splitter and the headline/caption hints the claim analyser is expected to pass.
 */
import type { CheckworthinessHints } from './index';

export interface GoldArticle {
  id?: string;
  title?: string;
  text: string;
  claims: Array<{ anchor: string; checkworthy: boolean; note?: string; sources?: unknown[] | null }>;
}

export interface DevArticleCase {
  article: string;
  anchor: string;
  sentence: string;
  hints: CheckworthinessHints;
  gold: boolean;
  note?: string;
}

const CAPTION_LINE = /\(\s*photo\s*:|\bphoto\s*:\s*[A-Z]/i;

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && /["'\u201D\u2019)]/.test(text[j])) j++;
  return j >= text.length || /\s/.test(text[j]);
}

/** The sentence holding text[start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !isBoundary(text, s - 1)) s--;
  let e = end;
  while (e < text.length && !isBoundary(text, e)) e++;
  if (e < text.length && text[e] !== '\n') {
    e++;
    while (e < text.length && /["'\u201D\u2019)]/.test(text[e])) e++;
  }
  return text.slice(s, e).trim();
}

/** Whether position `at` lies inside a quotation on its line (odd number of quote marks before it). */
function insideQuotes(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const before = text.slice(lineStart, at);
  const open = (before.match(/\u201C/g) ?? []).length - (before.match(/\u201D/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return open > 0 || straight % 2 === 1;
}

function lineAround(text: string, start: number): string {
  const s = text.lastIndexOf('\n', start) + 1;
  const e = text.indexOf('\n', start);
  return text.slice(s, e < 0 ? text.length : e);
}

export function devArticleCases(articles: GoldArticle[]): DevArticleCase[] {
  const cases: DevArticleCase[] = [];
  for (const a of articles) {
    for (const c of a.claims) {
      const at = a.text.indexOf(c.anchor);
      if (at < 0) continue;
      const sentence = sentenceAround(a.text, at, at + c.anchor.length);
      const line = lineAround(a.text, at).trim();
      const hints: CheckworthinessHints = {};
      if (a.title && line && a.title.startsWith(line.replace(/[.!?]$/, ''))) hints.isHeadline = true;
      if (CAPTION_LINE.test(line)) hints.isCaption = true;
      if (insideQuotes(a.text, at)) hints.inQuote = true;
      if (Array.isArray(c.sources) && c.sources.length > 0) hints.attributed = true;
      cases.push({
        article: a.id ?? '',
        anchor: c.anchor,
        sentence,
        hints,
        gold: c.checkworthy,
        note: c.note,
      });
    }
  }
  return cases;
}
