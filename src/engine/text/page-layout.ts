/**
 * Page layout: splits the (view) text into blocks and tells article content from scraping debris.
 *
 * Detection is by line shape (short lines without final punctuation, single tokens, separator bars), a small
 * lexicon of page furniture ("Advertisement", "Share this article", "Skip to main content", "Related stories"…),
 * photo credits, bylines and datelines. Trailer sections ("Related stories", "Latest Posts"…) are dropped with
 * the link-like lines that follow them, until a real paragraph resumes.
 */
import type { Span } from '../types';

export type BlockKind = 'content' | 'headline' | 'heading' | 'caption' | 'debris';

export interface TextBlock extends Span {
  kind: BlockKind;
  /** Where the analysable text of the block starts/ends (after a dateline or timestamp, before a photo credit). */
  contentStart: number;
  contentEnd: number;
  /** Why a block is debris (for debugging and tests). */
  reason?: string;
}

export interface PageLayout {
  blocks: TextBlock[];
  /** Outlet named in a dateline ("DASTRA, Corvessa (Halden News Agency) —"), when found. */
  outlet?: string;
}

export interface LayoutHints {
  captionRanges?: Span[];
  headingRanges?: Span[];
}

const FURNITURE_WORDS =
  /^(?:advertisement|advertisements|advert|ads?|sponsored(?: content)?|promoted|paid content|share(?: this)?(?: article| story| post| page| on \w+)?|shares?|tweet|email|e-mail|print|save|saved|comments?|\d+ comments?|leave a (?:comment|reply)|skip to (?:main )?content|skip navigation|skip to navigation|toggle navigation|navigation|menu|main menu|open menu|close menu|search|close|subscribe(?: now| today)?|sign in|sign out|sign up|log ?in|log ?out|register|my account|account|profile|newsletters?|sign up for (?:our|the) newsletter|follow us(?: on \w+)?|read more|read next|continue reading|click here|back to top|top|home|homepage|news|world|politics|business|sport|sports|opinion|video|videos|watch|listen|live|live updates|live blog|trending(?: now)?|most (?:read|popular|viewed|shared)|you may also like|you might also like|recommended(?: for you)?|related|related (?:stories|articles|posts|news|coverage|content|topics|links|reading)|latest|latest (?:posts|news|stories|articles|headlines)|more (?:stories|news|articles)|more from [\p{L}\p{N} '&.-]{1,50}|get in touch|contact us|contact|about us|about|privacy policy|privacy|terms(?: of (?:use|service))?|cookie policy|cookies? settings|accept(?: all)?(?: cookies)?|all rights reserved|further reading|see also|tags?|topics?|filed under|listen to (?:this )?(?:article|story)|\d+ min(?:ute)?s? read|image|photo|photos|gallery|loading|please wait|previous|next|previous article|next article|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|instagram|youtube|copy link|link copied)$/u;

const TRAILER =
  /^(?:related|related (?:stories|articles|posts|news|coverage|content|topics|links|reading)|latest|latest (?:posts|news|stories|articles|headlines)|more (?:stories|news|articles)|more from [\p{L}\p{N} '&.-]{1,50}|get in touch|contact us|you may also like|you might also like|recommended(?: for you)?|most (?:read|popular|viewed|shared)|trending(?: now)?|further reading|see also|read next|read more|comments?|leave a (?:comment|reply)|about the author|tags?|topics?|filed under)$/u;

const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b/i;
const BYLINE =
  /^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|van|de|von|der|la|le|da|di|bin|al))*\s*(?:[,|/–—-].{0,60})?$/u;
const DATE_WORD =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?$|^\d{1,4}(?:[:./-]\d{1,4})*,?$|^(?:a\.m\.|p\.m\.|am|pm|gmt|utc|et|est|edt|cet|bst|pt|pst|updated|published|posted|last|on|at|of|the|\||·|•|-|–|—)$/i;
const TIMESTAMP_PREFIX =
  /^(?:\d{1,2}[:.]\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm|AM|PM))?(?:\s*[A-Z]{2,4})?)\s*(?:—|–|--|-|:|\|)\s+/;
/** "WASHINGTON:", "DASTRA, Corvessa (Halden News Agency) —", "Washington (AFP) –". */
const DATELINE_CAPS =
  /^(\p{Lu}[\p{Lu}'’.\- ]{2,40}(?:,\s*\p{Lu}[\p{L}'’.\- ]{1,40}){0,2})\s*(?:\(([^()\n]{2,60})\))?\s*(?:—|–|--|:|-)\s+/u;
const DATELINE_AGENCY =
  /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2}(?:,\s*\p{Lu}[\p{L}'’.\- ]{1,40})?)\s*\(([^()\n]{2,60})\)\s*(?:—|–|--|-|:)\s+/u;
const PHOTO_CREDIT =
  /[([]?\s*\b(?:photo(?:graph)?s?|images?|pictures?|pic|credit|photo credit|illustration|graphic|file photo|video|source)(?:\s+by)?\s*[:/]\s*[^()\n[\]]{1,100}[)\]]?\s*$|\(\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg)(?:\s+Photo)?\s*\/[^()\n]{1,80}\)\s*$/iu;
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

function words(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N} &'.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isFurniture(s: string): boolean {
  const t = s.trim();
  if (!t) return true;
  if (t.length > 80) return false;
  const n = norm(t);
  if (!n) return true; // punctuation/symbol-only line
  if (FURNITURE_WORDS.test(n)) return true;
  // Bars of several furniture items: "Subscribe | Sign in", "Home · News · World".
  const items = t.split(/\s*[|·•»›]\s*|\s{2,}/).filter((x) => x.trim());
  if (items.length >= 2 && items.every((x) => FURNITURE_WORDS.test(norm(x)) || words(x) <= 2)) {
    return items.some((x) => FURNITURE_WORDS.test(norm(x)));
  }
  return false;
}

/** Single-token junk: "spot_imgspot_img", "[image]", "img_1234.jpg", long runs without vowels. */
function isPlaceholderToken(s: string): boolean {
  const t = s.trim();
  if (!t || /\s/.test(t)) return false;
  if (/_/.test(t) && t.length >= 4) return true;
  if (/\.(?:jpe?g|png|gif|webp|svg)$/i.test(t)) return true;
  if (/^\[?(?:image|img|photo|placeholder|embed|video)\]?$/i.test(t)) return true;
  return t.length >= 8 && /^[\p{L}]+$/u.test(t) && !/[aeiouy]/i.test(t);
}

function isDateOnly(s: string): boolean {
  const toks = s.trim().split(/\s+/);
  if (toks.length === 0 || toks.length > 10) return false;
  return toks.every((w) => DATE_WORD.test(w)) && /\d/.test(s);
}

/** Credits, teasers and calls to action: "Reporting by …; Editing by …", "READ MORE: …", "Sign up for …". */
const CREDIT_OR_TEASER =
  /^\(?(?:(?:additional )?reporting by|writing by|editing by|compiled by|edited by|contact the (?:author|reporter)|follow (?:us|him|her|them|the author)\b|sign up\b|click here\b|subscribe to\b|read the full\b|image source\b|media caption\b|(?:read more|related|also read|see also|watch|listen|more|recommended|don't miss|trending)\s*:)/i;

function isMetaLine(s: string): boolean {
  const t = s.trim();
  if (CREDIT_OR_TEASER.test(t) && words(t) <= 30) return true;
  if (t.length > 120) return false;
  if (/^(?:updated|published|posted|last updated|first published)\b/i.test(t) && words(t) <= 12) return true;
  if (COPYRIGHT.test(t) && words(t) <= 20) return true;
  if (BYLINE.test(t) && words(t) <= 10) return true;
  return isDateOnly(t);
}

/** A real paragraph of prose: long, with sentence punctuation. */
function isProse(s: string): boolean {
  const t = s.trim();
  return t.length >= 120 && /[.!?]["'”’)]*(?:\s|$)/.test(t) && words(t) >= 15;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = from;
      let e = i;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      lines.push({ start: s, end: e, text: text.slice(s, e) });
      from = i + 1;
    }
  }
  return lines;
}

/** Groups lines into paragraphs (runs of non-empty lines joined when a line clearly continues). */
function paragraphs(lines: Line[]): Line[] {
  let runs = 0;
  let intra = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].text) continue;
    if (i > 0 && lines[i - 1].text) intra++;
    else runs++;
  }
  const hardWrapped = intra > Math.max(2, runs);
  const out: Line[] = [];
  let cur: Line | null = null;
  for (const l of lines) {
    if (!l.text) {
      cur = null;
      continue;
    }
    const continues =
      cur !== null &&
      (hardWrapped
        ? !isFurniture(l.text) && !isFurniture(cur.text)
        : !TERMINAL.test(cur.text) && /^[\p{Ll}\d]/u.test(l.text) && cur.text.length >= 30);
    if (cur && continues) {
      cur.end = l.end;
      cur.text = ''; // recomputed below
      out[out.length - 1] = cur;
    } else {
      cur = { ...l };
      out.push(cur);
    }
  }
  return out;
}

function overlapsAny(ranges: Span[] | undefined, s: number, e: number): boolean {
  return !!ranges && ranges.some((r) => r.start < e && r.end > s);
}

const AGENCY_LIKE =
  /\b(?:news|press|agency|wire|service|times|post|herald|tribune|journal|gazette|daily|reuters|ap|afp|bloomberg|broadcast\w*|radio|tv|television|media|network)\b/i;

/** Splits the view text into classified blocks. Linear in the text length. */
export function analyzeLayout(text: string, hints: LayoutHints = {}): PageLayout {
  const paras = paragraphs(splitLines(text)).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
  const blocks: TextBlock[] = [];
  let outlet: string | undefined;
  let inTrailer = false;
  let seenContent = false;
  const nonDebrisCount = paras.length;
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k];
    const t = p.text;
    const block: TextBlock = {
      start: p.start,
      end: p.end,
      kind: 'content',
      contentStart: p.start,
      contentEnd: p.end,
    };
    const short = t.length <= 80 && words(t) <= 8;
    if (short && TRAILER.test(norm(t))) {
      inTrailer = true;
      blocks.push({ ...block, kind: 'debris', reason: 'trailer' });
      continue;
    }
    if (inTrailer) {
      if (isProse(t)) inTrailer = false;
      else {
        blocks.push({ ...block, kind: 'debris', reason: 'trailer-link' });
        continue;
      }
    }
    if (isPlaceholderToken(t)) {
      blocks.push({ ...block, kind: 'debris', reason: 'placeholder' });
      continue;
    }
    if (isFurniture(t)) {
      blocks.push({ ...block, kind: 'debris', reason: 'furniture' });
      continue;
    }
    if (isMetaLine(t)) {
      blocks.push({ ...block, kind: 'debris', reason: 'meta' });
      continue;
    }
    // Photo caption with a credit: the credit is debris, the caption text is a caption.
    // Every credit has a ':' or a '/' (the regex, tried at each position, is the layout pass's main cost).
    const credit = t.length <= 600 && (t.includes(':') || t.includes('/')) ? PHOTO_CREDIT.exec(t) : null;
    if (credit && credit.index > 0 && words(t) <= 60) {
      let ce = p.start + credit.index;
      while (ce > p.start && /[\s([|/–—-]/.test(text[ce - 1])) ce--;
      blocks.push({ ...block, kind: 'caption', contentEnd: ce });
      continue;
    }
    if (credit && credit.index === 0 && words(t) <= 15) {
      blocks.push({ ...block, kind: 'debris', reason: 'credit' });
      continue;
    }
    if (overlapsAny(hints.captionRanges, p.start, p.end)) {
      blocks.push({ ...block, kind: 'caption' });
      continue;
    }
    // Dateline / timestamp prefixes: analysable text starts after them.
    const dl = DATELINE_CAPS.exec(t) ?? DATELINE_AGENCY.exec(t);
    if (dl && (dl[0].length < t.length - 10 || /[:—–]/.test(dl[0]))) {
      const placeOk = DATELINE_CAPS.test(t) ? /\p{Lu}{3,}/u.test(dl[1]) : true;
      if (placeOk && dl[0].length < t.length) {
        block.contentStart = p.start + dl[0].length;
        const agency = dl[2]?.trim();
        if (!outlet && agency && AGENCY_LIKE.test(agency) && words(agency) <= 6) outlet = agency;
      }
    } else {
      const ts = TIMESTAMP_PREFIX.exec(t);
      if (ts && ts[0].length < t.length) block.contentStart = p.start + ts[0].length;
    }
    const heading =
      overlapsAny(hints.headingRanges, p.start, p.end) ||
      (!/[.!…:;,]["'”’)]*$/u.test(t) && words(t) <= 25 && t.length <= 250 && block.contentStart === p.start);
    if (heading) {
      const isFirst = !seenContent && k < nonDebrisCount - 1;
      if (isFirst) {
        blocks.push({ ...block, kind: 'headline' });
        seenContent = true;
        continue;
      }
      if (seenContent || paras.length > 1) {
        // A later short line without final punctuation: a subheading, unless it is the only text.
        const onlyText = paras.length === 1;
        if (!onlyText && !/[?!]["'”’)]*$/u.test(t)) {
          blocks.push({ ...block, kind: 'heading' });
          continue;
        }
      }
    }
    // A one-sentence first line followed by a dateline paragraph is a headline even with a full stop.
    if (!seenContent && k + 1 < paras.length && words(t) <= 20 && t.length <= 200) {
      const nextText = paras[k + 1].text;
      if (DATELINE_CAPS.test(nextText) || DATELINE_AGENCY.test(nextText)) {
        blocks.push({ ...block, kind: 'headline' });
        seenContent = true;
        continue;
      }
    }
    seenContent = true;
    blocks.push(block);
  }
  return { blocks, outlet };
}
