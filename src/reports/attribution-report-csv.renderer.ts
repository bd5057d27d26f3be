import { Injectable } from '@nestjs/common';
import type { AttributionArticleRow } from './reports.repository';
import { csvField } from './text-escaping';

const COLUMNS = [
  'article_id',
  'outlet',
  'title',
  'date',
  'period',
  'claims',
  'checkworthy_claims',
  'attributed',
  'anonymous',
  'unattributed',
  'attribution_rate',
  'single_source_figures',
  'unattributed_figures',
  'independent_origins',
] as const;

/** The rows behind the cross-article report, one per article, as RFC 4180 CSV (CRLF line ends, header row). */
@Injectable()
export class AttributionReportCsvRenderer {
  render(rows: AttributionArticleRow[]): string {
    const lines = [COLUMNS.join(',')];
    for (const r of rows) {
      const rate = r.checkworthy ? (r.attributed / r.checkworthy).toFixed(4) : '';
      lines.push(
        [
          r.articleId,
          r.outlet,
          r.title,
          new Date(r.date).toISOString(),
          r.period,
          r.claims,
          r.checkworthy,
          r.attributed,
          r.anonymous,
          r.unattributed,
          rate,
          r.singleSourceFigures,
          r.unattributedFigures,
          r.independentOrigins,
        ]
          .map(csvField)
          .join(','),
      );
    }
    return lines.join('\r\n') + '\r\n';
  }
}
