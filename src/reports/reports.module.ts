import { Module } from '@nestjs/common';
import { ArticleReportHtmlRenderer } from './article-report-html.renderer';
import { ArticleReportMarkdownRenderer } from './article-report-markdown.renderer';
import { AttributionReportCsvRenderer } from './attribution-report-csv.renderer';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Editors' attribution reports: per article (json, md, html) and across articles (json, csv). */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    ReportsService,
    ArticleReportMarkdownRenderer,
    ArticleReportHtmlRenderer,
    AttributionReportCsvRenderer,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
