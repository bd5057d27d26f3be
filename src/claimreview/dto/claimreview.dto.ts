import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination-query.dto';

export class ClaimReviewFeedQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Only verdicts published at or after this time.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  since?: Date;
}

export class SchemaThingDto {
  @ApiProperty({ name: '@type', example: 'Organization' })
  '@type': string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  url?: string;
}

export class RatingDto {
  @ApiProperty({ name: '@type', example: 'Rating' })
  '@type': 'Rating';

  @ApiPropertyOptional({ example: 1, description: '1 (false) to 5 (true); absent for unverifiable.' })
  ratingValue?: number;

  @ApiProperty({ example: 5 })
  bestRating: number;

  @ApiProperty({ example: 1 })
  worstRating: number;

  @ApiProperty({ example: 'False' })
  alternateName: string;
}

export class CreativeWorkDto {
  @ApiProperty({ name: '@type', example: 'CreativeWork' })
  '@type': 'CreativeWork';

  @ApiProperty()
  url: string;

  @ApiPropertyOptional()
  headline?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  datePublished: string;

  @ApiPropertyOptional({ type: SchemaThingDto })
  publisher?: SchemaThingDto;
}

export class ReviewedClaimDto {
  @ApiProperty({ name: '@type', example: 'Claim' })
  '@type': 'Claim';

  @ApiPropertyOptional({ type: SchemaThingDto, description: 'Who made the claim: its primary source.' })
  author?: SchemaThingDto;

  @ApiProperty({ type: String, format: 'date-time' })
  datePublished: string;

  @ApiProperty({
    type: [CreativeWorkDto],
    description: 'The article, then other articles carrying the claim.',
  })
  appearance: CreativeWorkDto[];

  @ApiProperty({ type: CreativeWorkDto, description: 'The earliest known appearance.' })
  firstAppearance: CreativeWorkDto;
}

export class ClaimReviewDocumentDto {
  @ApiProperty({ name: '@context', example: 'https://schema.org' })
  '@context': string;

  @ApiProperty({ name: '@type', example: 'ClaimReview' })
  '@type': 'ClaimReview';

  @ApiProperty()
  url: string;

  @ApiProperty()
  claimReviewed: string;

  @ApiProperty({ type: String, format: 'date-time' })
  datePublished: string;

  @ApiProperty({ type: SchemaThingDto })
  author: SchemaThingDto;

  @ApiProperty({ type: RatingDto })
  reviewRating: RatingDto;

  @ApiProperty({ type: ReviewedClaimDto })
  itemReviewed: ReviewedClaimDto;

  @ApiProperty({ description: 'The verdict summary.' })
  reviewBody: string;
}

export class ClaimReviewFeedDto {
  @ApiProperty({ type: [ClaimReviewDocumentDto] })
  items: ClaimReviewDocumentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
