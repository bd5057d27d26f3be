import { ApiProperty } from '@nestjs/swagger';
import { SOURCE_TYPES } from '../../sources/source.entity';
import { AttributionMeasuresDto } from './attribution-measures.dto';
import { REPORT_INTERVALS } from './attribution-report-query.dto';

export class AttributionFiltersDto {
  @ApiProperty({ type: String, nullable: true })
  outlet: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  from: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  to: string | null;

  @ApiProperty({ enum: REPORT_INTERVALS })
  interval: string;
}

export class OutletMeasuresDto extends AttributionMeasuresDto {
  @ApiProperty({ type: String, nullable: true, description: 'null: articles posted without an outlet.' })
  outlet: string | null;

  @ApiProperty()
  articles: number;
}

export class PeriodMeasuresDto extends AttributionMeasuresDto {
  @ApiProperty({ type: String, format: 'date', description: 'First day of the period (UTC).' })
  period: string;

  @ApiProperty()
  articles: number;

  @ApiProperty({ description: 'Share of check-worthy claims attributed to a named source (0..1).' })
  attributionRate: number;
}

export class SourceTypeShareDto {
  @ApiProperty({ enum: SOURCE_TYPES })
  type: string;

  @ApiProperty({ description: 'Claims citing a source of this type.' })
  citations: number;

  @ApiProperty({ description: 'Distinct sources of this type.' })
  sources: number;

  @ApiProperty({ description: 'Share of all citations (0..1).' })
  share: number;
}

export class CitedSourceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  type: string;

  @ApiProperty()
  claims: number;

  @ApiProperty()
  articles: number;
}

/** GET /v1/reports/attribution (format=json). */
export class AttributionReportDto {
  @ApiProperty({ type: AttributionFiltersDto })
  filters: AttributionFiltersDto;

  @ApiProperty()
  articles: number;

  @ApiProperty({ description: 'True when more articles matched than the report reads (narrow the dates).' })
  truncated: boolean;

  @ApiProperty({ type: AttributionMeasuresDto, description: 'Over every article in scope.' })
  totals: AttributionMeasuresDto;

  @ApiProperty({ type: [OutletMeasuresDto] })
  outlets: OutletMeasuresDto[];

  @ApiProperty({ type: [PeriodMeasuresDto], description: 'Attribution rate over time, oldest first.' })
  timeline: PeriodMeasuresDto[];

  @ApiProperty({ type: [SourceTypeShareDto] })
  sourceTypeMix: SourceTypeShareDto[];

  @ApiProperty({ type: [CitedSourceDto] })
  mostCitedSources: CitedSourceDto[];

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt: string;
}
