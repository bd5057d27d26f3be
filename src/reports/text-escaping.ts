/**
 * Escaping for the report formats. Article text, source names, summaries and notes are data, never markup: every
 * value that reaches an HTML, Markdown or CSV answer goes through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text content or a quoted attribute value in HTML. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Inline Markdown text: HTML-significant characters become entities (Markdown passes raw HTML through), and every
 * character with a Markdown meaning is backslash-escaped; line breaks become spaces so a value cannot start a
 * heading, list or table row of its own.
 */
export function escapeMarkdown(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c])
    .replace(/[\\`*_{}[\]()#+\-.!|~=^:]/g, (c) => `\\${c}`);
}

/** Markdown for a multi-line text (the article body): paragraphs kept, each escaped as inline text. */
export function escapeMarkdownBlock(value: string): string {
  return value
    .split(/\n{2,}/)
    .map((p) => escapeMarkdown(p.trim()))
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Values a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/CR) get a leading apostrophe.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
