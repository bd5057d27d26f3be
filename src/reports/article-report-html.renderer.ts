import { Injectable } from '@nestjs/common';
import { claimSegments } from './claim-segments';
import type { ArticleReportDto } from './dto/article-report.dto';
import { escapeHtml as e } from './text-escaping';

/** Colours of the agreement statuses (the web app uses the same). */
export const STATUS_COLOURS: Record<string, string> = {
  pending: '#e5e7eb',
  unattributed: '#fde68a',
  single_source: '#fed7aa',
  corroborated: '#bbf7d0',
  conflicting: '#fecaca',
};

/** Served with the HTML report: no script may run in it, whatever the article contains. */
export const HTML_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * The article report as one self-contained HTML page (inline CSS, no script). Every value from the article or the
 * database is escaped as text; claims are `<mark data-claim-id data-status>` around escaped text.
 */
@Injectable()
export class ArticleReportHtmlRenderer {
  render(report: ArticleReportDto): string {
    const { article, measures: m } = report;
    const title = `Attribution report: ${article.title ?? 'untitled article'}`;
    const css = Object.entries(STATUS_COLOURS)
      .map(
        ([status, colour]) => `mark[data-status="${status}"], .status-${status} { background: ${colour}; }`,
      )
      .join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111827; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d1d5db; padding: .25rem .5rem; text-align: left; }
td.n { text-align: right; } mark { padding: 0 .1em; border-radius: 2px; color: inherit; }
mark sup { font-size: .7em; font-weight: 600; } .article-text { white-space: pre-wrap; }
.flag-single_source_figure { color: #9a3412; } .flag-unattributed_figure, .flag-unattributed { color: #92400e; }
${css}
</style>
</head>
<body>
<h1>${e(title)}</h1>
<dl>
<dt>Outlet</dt><dd>${e(article.outlet ?? 'unknown')}</dd>
<dt>Published</dt><dd>${e(article.publishedAt ?? 'unknown')}</dd>
<dt>Status</dt><dd>${e(article.status)}</dd>
${article.url ? `<dt>URL</dt><dd>${e(article.url)}</dd>` : ''}
</dl>
<h2>Attribution</h2>
<table class="measures"><tbody>
<tr><th>Check-worthy claims</th><td class="n">${m.checkworthyClaims} of ${m.claims}</td></tr>
<tr><th>Attributed to a named source</th><td class="n">${m.attributed} (${pct(m.shares.attributed)})</td></tr>
<tr><th>Attributed anonymously only</th><td class="n">${m.anonymous} (${pct(m.shares.anonymous)})</td></tr>
<tr><th>Not attributed</th><td class="n">${m.unattributed} (${pct(m.shares.unattributed)})</td></tr>
<tr><th>Distinct independent origins</th><td class="n">${m.independentOrigins}</td></tr>
<tr><th>Single-source figures</th><td class="n">${m.singleSourceFigures}</td></tr>
<tr><th>Unattributed figures</th><td class="n">${m.unattributedFigures}</td></tr>
</tbody></table>
<h2>Flagged for the editor</h2>
${
  report.flags.length
    ? `<ul class="flags">${report.flags
        .map(
          (f) =>
            `<li class="flag-${e(f.kind)}" data-claim-id="${e(f.claimId)}"><strong>${
              f.kind === 'single_source_figure' ? 'Single source' : 'Unattributed'
            }</strong> [${f.number}] ${e(f.text)}${f.figures.length ? ` — figures: ${f.figures.map(e).join(', ')}` : ''}${
              f.sources.length ? ` (source: ${f.sources.map(e).join(', ')})` : ''
            }</li>`,
        )
        .join('\n')}</ul>`
    : '<p>None.</p>'
}
<h2>Sources</h2>
${
  report.sources.length
    ? `<table class="sources"><thead><tr><th>Source</th><th>Type</th><th>Claims</th><th>Via</th><th>Corroborated</th><th>Single source</th><th>Conflicting</th><th>Unattributed</th><th>Pending</th></tr></thead><tbody>
${report.sources
  .map(
    (s) =>
      `<tr><td>${e(s.name)}</td><td>${e(s.type)}</td><td class="n">${s.claimCount}</td><td class="n">${s.viaCount}</td>` +
      `<td class="n">${s.statuses.corroborated}</td><td class="n">${s.statuses.single_source}</td>` +
      `<td class="n">${s.statuses.conflicting}</td><td class="n">${s.statuses.unattributed}</td><td class="n">${s.statuses.pending}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p>No sources.</p>'
}
<h2>Claims</h2>
<ol class="claims">
${report.claims
  .map(
    (c) =>
      `<li data-claim-id="${e(c.id)}" data-status="${e(c.agreementStatus)}"><span class="status-${e(c.agreementStatus)}">${e(
        c.agreementStatus,
      )}</span> ${e(c.text)}${c.checkworthy ? '' : ' <em>(not check-worthy)</em>'} — ${
        c.sources.length
          ? c.sources.map((s) => `${e(s.name)} (${e(s.type)}${s.role === 'via' ? ', via' : ''})`).join(', ')
          : 'no source'
      }${c.verdict ? ` — verdict: <strong>${e(c.verdict.rating)}</strong> (${e(c.verdict.status)}): ${e(c.verdict.summary)}` : ''}</li>`,
  )
  .join('\n')}
</ol>
<h2>Text</h2>
<div class="article-text">${this.markedText(report)}</div>
</body>
</html>
`;
  }

  private markedText(report: ArticleReportDto): string {
    const text = report.text;
    return claimSegments(text.length, report.claims)
      .map((seg) => {
        const piece = e(text.slice(seg.start, seg.end));
        if (seg.claimIndex < 0) return piece;
        const c = report.claims[seg.claimIndex];
        return `<mark data-claim-id="${e(c.id)}" data-status="${e(c.agreementStatus)}" title="${e(
          `${c.number}: ${c.agreementStatus}`,
        )}"><sup>${c.number}</sup>${piece}</mark>`;
      })
      .join('');
  }
}
