import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const ARTICLE_REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ArticleReportFormat = (typeof ARTICLE_REPORT_FORMATS)[number];

/** `?format=json|md|html` of GET /v1/articles/:id/report. */
export class ArticleReportQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(ARTICLE_REPORT_FORMATS, { message: 'format must be one of json, md, html' })
  format: ArticleReportFormat = 'json';
}
