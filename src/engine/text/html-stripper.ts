/**
 * HTML to text, keeping a map to the original offsets. A single linear scan: tags are dropped (block-level tags
 * become paragraph breaks), script/style/navigation elements are skipped with their content, entities decoded.
 */
import type { Span } from '../types';
import { ViewBuilder, type InputView } from './input-view';

const LOOKS_LIKE_HTML =
  /<(?:html|body|head|p|div|br|span|a|h[1-6]|article|section|main|script|style|li|ul|ol|table|tr|td|img|meta|figure|figcaption|header|footer|nav|strong|em|b|i)\b[^<>]{0,2000}>/i;

/** Elements whose content is not article text. */
const SKIP_CONTENT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'object',
  'canvas',
]);

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'main',
  'header',
  'figure',
  'figcaption',
  'caption',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'title',
  'body',
  'html',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  sbquo: '\u201a',
  bdquo: '\u201e',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  deg: '\u00b0',
  middot: '\u00b7',
  bull: '\u2022',
  times: '\u00d7',
  shy: '',
  zwj: '',
  zwnj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  ouml: '\u00f6',
  uuml: '\u00fc',
  auml: '\u00e4',
  szlig: '\u00df',
  percnt: '%',
  dollar: '$',
};

export function looksLikeHtml(text: string): boolean {
  return LOOKS_LIKE_HTML.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return undefined;
    if (code === 0xa0) return ' ';
    try {
      return String.fromCodePoint(code);
    } catch {
      return undefined;
    }
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}

function tagNameAt(html: string, i: number): { name: string; closing: boolean } {
  let j = i + 1;
  let closing = false;
  if (html[j] === '/') {
    closing = true;
    j++;
  }
  let k = j;
  while (k < html.length && /[A-Za-z0-9]/.test(html[k])) k++;
  return { name: html.slice(j, k).toLowerCase(), closing };
}

/** Strips HTML into a view whose offsets map back into `html`. Linear in the input length. */
export function stripHtml(html: string): InputView {
  const out = new ViewBuilder();
  const lower = html.toLowerCase();
  const captions: Span[] = [];
  const headings: Span[] = [];
  const open: { kind: 'caption' | 'heading'; start: number }[] = [];
  let i = 0;
  let textFrom = 0;
  const flushText = (to: number): void => {
    // Copy text, turning whitespace (including newlines inside a paragraph) into spaces and decoding entities.
    let k = textFrom;
    while (k < to) {
      const c = html[k];
      if (c === '&') {
        let semi = -1;
        for (let q = k + 1; q < Math.min(to, k + 13); q++) {
          if (html[q] === ';') {
            semi = q;
            break;
          }
        }
        if (semi > k + 1) {
          const decoded = decodeEntity(html.slice(k + 1, semi));
          if (decoded !== undefined) {
            out.replace(decoded, k, semi + 1);
            k = semi + 1;
            continue;
          }
        }
        out.copy(html, k, k + 1);
        k++;
      } else if (c === '\n' || c === '\r' || c === '\t' || c === '\f') {
        out.replace(' ', k, k + 1);
        k++;
      } else {
        let e = k + 1;
        while (
          e < to &&
          html[e] !== '&' &&
          html[e] !== '\n' &&
          html[e] !== '\r' &&
          html[e] !== '\t' &&
          html[e] !== '\f'
        )
          e++;
        out.copy(html, k, e);
        k = e;
      }
    }
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1];
    if (!(next && /[A-Za-z/!?]/.test(next))) {
      i = lt + 1;
      continue;
    }
    flushText(lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      textFrom = i;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      i = html.length;
      textFrom = i;
      break;
    }
    const { name, closing } = tagNameAt(html, lt);
    i = gt + 1;
    if (!closing && SKIP_CONTENT.has(name) && html[gt - 1] !== '/') {
      const close = lower.indexOf(`</${name}`, i);
      if (close < 0) {
        i = html.length;
      } else {
        const closeGt = html.indexOf('>', close);
        i = closeGt < 0 ? html.length : closeGt + 1;
      }
      out.replace('\n\n', lt, lt);
      textFrom = i;
      continue;
    }
    if (BLOCK.has(name)) {
      out.replace(name === 'br' ? '\n' : '\n\n', lt, lt);
      const kind =
        name === 'figcaption' || name === 'caption' ? 'caption' : /^h[1-6]$/.test(name) ? 'heading' : null;
      if (kind && !closing) open.push({ kind, start: out.length });
      if (kind && closing) {
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k].kind === kind) {
            (kind === 'caption' ? captions : headings).push({ start: open[k].start, end: out.length - 2 });
            open.splice(k, 1);
            break;
          }
        }
      }
    }
    textFrom = i;
  }
  flushText(html.length);
  return out.build(html, captions, headings);
}
