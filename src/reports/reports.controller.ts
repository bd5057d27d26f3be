import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ArticleReportHtmlRenderer, HTML_REPORT_CSP } from './article-report-html.renderer';
import { ArticleReportMarkdownRenderer } from './article-report-markdown.renderer';
import { AttributionReportCsvRenderer } from './attribution-report-csv.renderer';
import { ArticleReportDto } from './dto/article-report.dto';
import { AttributionReportQueryDto } from './dto/attribution-report-query.dto';
import { AttributionReportDto } from './dto/attribution-report.dto';
import { ArticleReportQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';

/**
 * Editors' attribution reports. Roles: editors (and admins) read every report; fact-checkers and integrations also
 * read the per-article report (the web app's article view and newsroom tools show it), not the cross-article one.
 */
@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly markdown: ArticleReportMarkdownRenderer,
    private readonly html: ArticleReportHtmlRenderer,
    private readonly csv: AttributionReportCsvRenderer,
  ) {}

  @Get('articles/:id/report')
  @Roles('editor', 'factchecker', 'integration')
  @ApiOperation({
    summary: 'Attribution report of one article (json, md or html)',
    description:
      'The text with each claim marked; every source with its type, the claims it carries and their agreement ' +
      'statuses; shares of check-worthy claims attributed, anonymously attributed and not attributed; ' +
      'single-source and unattributed figures flagged; distinct independent origins; verdicts where reviewed. ' +
      'md and html escape every value from the article (the html page carries no script and a CSP forbidding it).',
  })
  @ApiProduces('application/json', 'text/markdown', 'text/html')
  @ApiOkResponse({ type: ArticleReportDto })
  @ApiErrorResponses(404)
  async articleReport(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: ArticleReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ArticleReportDto | string> {
    const report = await this.reports.articleReport(id);
    reply.header('Cache-Control', 'no-store');
    if (query.format === 'md') {
      reply.header('Content-Type', 'text/markdown; charset=utf-8');
      return this.markdown.render(report);
    }
    if (query.format === 'html') {
      reply.header('Content-Type', 'text/html; charset=utf-8');
      reply.header('Content-Security-Policy', HTML_REPORT_CSP);
      reply.header('X-Content-Type-Options', 'nosniff');
      return this.html.render(report);
    }
    return report;
  }

  @Get('reports/attribution')
  @Roles('editor')
  @ApiOperation({
    summary: 'Attribution across articles per outlet and period (json, or csv of the rows behind it)',
    description:
      'The article measures aggregated over the articles in scope (extracted or verified, filtered by outlet and ' +
      'date [from, to)), per outlet and per day or week; the source-type mix; the most-cited sources. ' +
      'format=csv answers one row per article.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AttributionReportDto })
  @ApiErrorResponses()
  async attribution(
    @Query() query: AttributionReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttributionReportDto | string> {
    const { format, ...request } = query;
    reply.header('Cache-Control', 'no-store');
    if (format === 'csv') {
      const rows = await this.reports.attributionRows(request);
      reply.header('Content-Type', 'text/csv; charset=utf-8');
      reply.header('Content-Disposition', 'attachment; filename="attribution-report.csv"');
      return this.csv.render(rows);
    }
    return this.reports.attributionReport(request);
  }
}
