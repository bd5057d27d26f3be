import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const ATTRIBUTION_REPORT_FORMATS = ['json', 'csv'] as const;
export type AttributionReportFormat = (typeof ATTRIBUTION_REPORT_FORMATS)[number];
export const REPORT_INTERVALS = ['day', 'week'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** `?outlet=&from=&to=&interval=&format=` of GET /v1/reports/attribution. */
export class AttributionReportQueryDto {
  @ApiPropertyOptional({ description: 'Only articles of this outlet (exact name).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({
    description: 'Articles dated (published, else received) at or after this instant or date.',
    example: '2024-10-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Articles dated before this instant or date (exclusive).',
    example: '2024-11-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_INTERVALS, default: 'day', description: 'Period of the timeline.' })
  @IsOptional()
  @IsIn(REPORT_INTERVALS, { message: 'interval must be day or week' })
  interval: ReportInterval = 'day';

  @ApiPropertyOptional({
    enum: ATTRIBUTION_REPORT_FORMATS,
    default: 'json',
    description: 'csv: one row per article (the rows behind the aggregates).',
  })
  @IsOptional()
  @IsIn(ATTRIBUTION_REPORT_FORMATS, { message: 'format must be json or csv' })
  format: AttributionReportFormat = 'json';
}
