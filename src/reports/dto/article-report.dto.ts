import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_STATUSES } from '../../articles/article.entity';
import { ATTRIBUTION_ROLES } from '../../claims/attribution.entity';
import { AGREEMENT_STATUSES } from '../../claims/claim.entity';
import { SOURCE_TYPES } from '../../sources/source.entity';
import { AttributionMeasuresDto } from './attribution-measures.dto';

/**
 * single_source_figure / unattributed_figure: a claim with figures resting on one independent origin / on none;
 * unattributed: a check-worthy claim without figures that nobody is said to have made.
 */
export const FLAG_KINDS = ['single_source_figure', 'unattributed_figure', 'unattributed'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export class ReportArticleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({ type: String, nullable: true })
  outlet: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ enum: ARTICLE_STATUSES })
  status: string;
}

export class ReportClaimSourceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  type: string;

  @ApiProperty({ enum: ATTRIBUTION_ROLES })
  role: string;

  @ApiProperty({ type: String, nullable: true, example: 'said' })
  cue: string | null;
}

export class ReportQuantityDto {
  @ApiProperty({ example: 'about 3,000' })
  text: string;

  @ApiProperty({ type: Number, nullable: true })
  value: number | null;

  @ApiPropertyOptional()
  high?: number;

  @ApiProperty({ example: 'approx' })
  bound: string;

  @ApiProperty({ type: String, nullable: true })
  unit: string | null;

  @ApiProperty({ example: 'count' })
  kind: string;
}

export class ReportRelationDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ description: 'Text of the related claim.' })
  text: string;

  @ApiProperty({ enum: ['agree', 'conflict'] })
  relation: string;

  @ApiProperty()
  score: number;

  @ApiProperty()
  explanation: string;
}

export class ReportVerdictDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ example: 'mostly_true' })
  rating: string;

  @ApiProperty({ example: 'published' })
  status: string;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;
}

export class ReportClaimDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Number of the claim in reading order (1-based), as marked in the text.' })
  number: number;

  @ApiProperty()
  start: number;

  @ApiProperty()
  end: number;

  @ApiProperty()
  text: string;

  @ApiProperty()
  checkworthy: boolean;

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  agreementStatus: string;

  @ApiProperty({ enum: ['named', 'anonymous', 'none'], description: 'How the claim is attributed.' })
  attribution: 'named' | 'anonymous' | 'none';

  @ApiProperty({ type: [ReportClaimSourceDto] })
  sources: ReportClaimSourceDto[];

  @ApiProperty({ type: [ReportQuantityDto] })
  quantities: ReportQuantityDto[];

  @ApiProperty({ type: [ReportRelationDto] })
  relations: ReportRelationDto[];

  @ApiProperty({ type: ReportVerdictDto, nullable: true })
  verdict: ReportVerdictDto | null;
}

export class StatusCountsDto {
  @ApiProperty()
  pending: number;

  @ApiProperty()
  unattributed: number;

  @ApiProperty()
  single_source: number;

  @ApiProperty()
  corroborated: number;

  @ApiProperty()
  conflicting: number;
}

export class ReportSourceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  type: string;

  @ApiProperty({ description: 'Claims of this article the source carries (as primary source or relay).' })
  claimCount: number;

  @ApiProperty({ description: 'Of those, claims where it is the relay ("via").' })
  viaCount: number;

  @ApiProperty({ type: StatusCountsDto, description: 'Agreement statuses of the claims it carries.' })
  statuses: StatusCountsDto;
}

export class ReportFlagDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty()
  number: number;

  @ApiProperty({ enum: FLAG_KINDS })
  kind: FlagKind;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: [String], description: 'The figures of the claim as written.' })
  figures: string[];

  @ApiProperty({ type: [String], description: 'Its sources (empty for unattributed figures).' })
  sources: string[];
}

/** GET /v1/articles/:id/report (format=json). */
export class ArticleReportDto {
  @ApiProperty({ type: ReportArticleDto })
  article: ReportArticleDto;

  @ApiProperty({ description: 'The article text; claims are marked by their spans (see claims).' })
  text: string;

  @ApiProperty({ type: AttributionMeasuresDto })
  measures: AttributionMeasuresDto;

  @ApiProperty({ type: [ReportSourceDto], description: 'Every source, most claims first.' })
  sources: ReportSourceDto[];

  @ApiProperty({
    type: [ReportFlagDto],
    description:
      'For the editor: single-source figures, unattributed figures, other unattributed check-worthy claims.',
  })
  flags: ReportFlagDto[];

  @ApiProperty({ type: [ReportClaimDto] })
  claims: ReportClaimDto[];

  @ApiProperty({ type: [ReportVerdictDto], description: 'Verdicts on the article’s claims, where reviewed.' })
  verdicts: ReportVerdictDto[];

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt: string;
}
