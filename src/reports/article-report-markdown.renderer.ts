import { Injectable } from '@nestjs/common';
import { claimSegments } from './claim-segments';
import type { ArticleReportDto } from './dto/article-report.dto';
import { escapeMarkdown, escapeMarkdownBlock } from './text-escaping';

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * The article report as Markdown. Claims are marked in the text as `**[n]** *claim text*`; every value from the
 * article or the database is escaped (no raw HTML or Markdown syntax passes through).
 */
@Injectable()
export class ArticleReportMarkdownRenderer {
  render(report: ArticleReportDto): string {
    const e = escapeMarkdown;
    const { article, measures: m } = report;
    const lines: string[] = [];
    lines.push(`# Attribution report: ${e(article.title ?? 'untitled article')}`, '');
    lines.push(
      `- Outlet: ${e(article.outlet ?? 'unknown')}`,
      `- Published: ${e(article.publishedAt ?? 'unknown')}`,
      `- Status: ${e(article.status)}`,
      ...(article.url ? [`- URL: ${e(article.url)}`] : []),
      `- Article id: ${e(article.id)}`,
      '',
    );
    lines.push('## Attribution', '');
    lines.push(
      `- Check-worthy claims: ${m.checkworthyClaims} of ${m.claims}`,
      `- Attributed to a named source: ${m.attributed} (${pct(m.shares.attributed)})`,
      `- Attributed anonymously only: ${m.anonymous} (${pct(m.shares.anonymous)})`,
      `- Not attributed: ${m.unattributed} (${pct(m.shares.unattributed)})`,
      `- Distinct independent origins: ${m.independentOrigins}`,
      `- Single\\-source figures: ${m.singleSourceFigures}; unattributed figures: ${m.unattributedFigures}`,
      '',
    );

    lines.push('## Flagged for the editor', '');
    if (!report.flags.length) lines.push('None.', '');
    for (const f of report.flags) {
      const label = f.kind === 'single_source_figure' ? 'SINGLE SOURCE' : 'UNATTRIBUTED';
      const from = f.sources.length ? ` (source: ${f.sources.map(e).join(', ')})` : '';
      const figures = f.figures.length ? ` — figures: ${f.figures.map(e).join(', ')}` : '';
      lines.push(`- **${label}** \\[${f.number}\\] ${e(f.text)}${figures}${from}`);
    }
    if (report.flags.length) lines.push('');

    lines.push('## Sources', '');
    if (!report.sources.length) lines.push('No sources.', '');
    else {
      lines.push(
        '| source | type | claims | via | corroborated | single source | conflicting | unattributed | pending |',
      );
      lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const s of report.sources) {
        const st = s.statuses;
        lines.push(
          `| ${e(s.name)} | ${e(s.type)} | ${s.claimCount} | ${s.viaCount} | ${st.corroborated} | ${st.single_source} | ` +
            `${st.conflicting} | ${st.unattributed} | ${st.pending} |`,
        );
      }
      lines.push('');
    }

    lines.push('## Claims', '');
    for (const c of report.claims) {
      const sources = c.sources.length
        ? c.sources.map((s) => `${e(s.name)} (${e(s.type)}${s.role === 'via' ? ', via' : ''})`).join(', ')
        : 'no source';
      const verdict = c.verdict ? ` — verdict: **${e(c.verdict.rating)}** (${e(c.verdict.status)})` : '';
      lines.push(
        `${c.number}\\. ${e(c.text)} — *${e(c.agreementStatus)}*${c.checkworthy ? '' : ', not check\\-worthy'}; ${sources}${verdict}`,
      );
    }
    if (!report.claims.length) lines.push('No claims.');
    lines.push('');

    if (report.verdicts.length) {
      lines.push('## Verdicts', '');
      for (const v of report.verdicts) {
        const n = report.claims.find((c) => c.id === v.claimId)?.number ?? '?';
        lines.push(`- \\[${n}\\] **${e(v.rating)}** (${e(v.status)}): ${e(v.summary)}`);
      }
      lines.push('');
    }

    lines.push('## Text', '', this.markedText(report), '');
    return lines.join('\n');
  }

  /** The article text with each claim as `**[n]** *…*`, paragraphs kept. */
  private markedText(report: ArticleReportDto): string {
    const text = report.text;
    const parts = claimSegments(text.length, report.claims).map((seg) => {
      const piece = text.slice(seg.start, seg.end);
      if (seg.claimIndex < 0) return { marked: false, piece, n: 0 };
      return { marked: true, piece, n: report.claims[seg.claimIndex].number };
    });
    // Paragraph breaks are kept: each piece is escaped line by line and claims never span a blank line visually.
    return parts
      .map((p) => {
        if (!p.marked) return escapeMarkdownBlock(p.piece).replace(/^$/, ' ');
        const inner = p.piece
          .split(/\n{2,}/)
          .map((x) => escapeMarkdown(x.trim()))
          .filter((x) => x !== '')
          .map((x) => `*${x}*`)
          .join('\n\n');
        return `**\\[${p.n}\\]** ${inner}`;
      })
      .join(' ')
      .replace(/ +\n/g, '\n')
      .replace(/\n +/g, '\n');
  }
}
