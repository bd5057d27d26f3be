import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../claim.entity';
import { ATTRIBUTION_ROLES, type AttributionRole } from '../attribution.entity';
import { RELATION_KINDS, type RelationKindValue } from '../claim-relation.entity';
import { QUANTITY_BOUNDS, QUANTITY_CHANGES, QUANTITY_KINDS } from '../quantity.entity';
import { SOURCE_TYPES, type SourceKind } from '../../sources/source.entity';

export class SpanDto {
  @ApiProperty({ description: 'Start offset in the article text (UTF-16 code units).' })
  start: number;

  @ApiProperty({ description: 'End offset, exclusive.' })
  end: number;
}

export class CueDto extends SpanDto {
  @ApiProperty({ example: 'said' })
  text: string;
}

export class ClaimQuantityDto extends SpanDto {
  @ApiProperty({ example: 'about 3,000' })
  text: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Value in base units; null for vague amounts.' })
  value: number | null;

  @ApiPropertyOptional({ description: 'Upper end of a range.' })
  high?: number;

  @ApiProperty({ enum: QUANTITY_BOUNDS })
  bound: (typeof QUANTITY_BOUNDS)[number];

  @ApiProperty({ type: String, nullable: true, example: 'troops' })
  unit: string | null;

  @ApiPropertyOptional({ enum: QUANTITY_CHANGES })
  change?: (typeof QUANTITY_CHANGES)[number];

  @ApiProperty({ enum: QUANTITY_KINDS })
  kind: (typeof QUANTITY_KINDS)[number];
}

export class ClaimSourceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'John Kirby' })
  name: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  type: SourceKind;

  @ApiProperty({
    enum: ATTRIBUTION_ROLES,
    description: 'primary: who said it; via: the relay it came through.',
  })
  role: AttributionRole;

  @ApiPropertyOptional({
    type: SpanDto,
    description: 'The mention this attribution uses (may be a pronoun).',
  })
  mention?: SpanDto;

  @ApiPropertyOptional({ type: CueDto, description: 'The reporting verb or phrase.' })
  cue?: CueDto;
}

export class ClaimRelationDto {
  @ApiProperty({ format: 'uuid', description: 'The other claim.' })
  claimId: string;

  @ApiProperty({ enum: RELATION_KINDS })
  relation: RelationKindValue;

  @ApiProperty({ minimum: 0, maximum: 1 })
  score: number;

  @ApiProperty({ example: 'quantity-interval' })
  method: string;

  @ApiProperty({ example: 'about 3,000 (2,700–3,300) overlaps at least 3,000 (3,000+)' })
  explanation: string;
}

export class ClaimResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty()
  start: number;

  @ApiProperty()
  end: number;

  @ApiProperty()
  text: string;

  @ApiProperty()
  checkworthy: boolean;

  @ApiProperty({ minimum: 0, maximum: 1 })
  score: number;

  @ApiProperty({ description: 'The claim is a negation or a denial.' })
  negated: boolean;

  @ApiProperty({ type: [ClaimQuantityDto] })
  quantities: ClaimQuantityDto[];

  @ApiProperty({ type: [ClaimSourceDto] })
  sources: ClaimSourceDto[];

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  agreementStatus: AgreementStatus;

  @ApiProperty({ description: 'Independent origins stating or agreeing with the claim.' })
  agreeingOrigins: number;

  @ApiProperty({ description: 'Independent origins of conflicting claims.' })
  conflictingOrigins: number;

  @ApiProperty({ type: [ClaimRelationDto] })
  relations: ClaimRelationDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ClaimListResponseDto {
  @ApiProperty({ type: [ClaimResponseDto] })
  items: ClaimResponseDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor to get the next page; null on the last.',
  })
  nextCursor: string | null;
}

export class ArticleClaimsResponseDto {
  @ApiProperty({ type: [ClaimResponseDto] })
  items: ClaimResponseDto[];
}
