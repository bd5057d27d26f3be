import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  REVIEW_RATINGS,
  REVIEW_STATUSES,
  type ClaimReview,
  type ReviewRating,
  type ReviewStatus,
} from '../claim-review.entity';

export class EvidenceDto {
  @ApiProperty({ example: 'https://www.defense.gov/News/Transcripts/' })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    {
      message: 'url must be an http(s) URL',
    },
  )
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ example: 'Official transcript gives 3,000.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Optional `version` in bodies: the version the caller read (same as If-Match). */
export class VersionedBodyDto {
  @ApiPropertyOptional({
    description: 'The review version you read (or send If-Match: "<version>").',
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class SubmitReviewDto extends VersionedBodyDto {
  @ApiProperty({ enum: REVIEW_RATINGS })
  @IsIn(REVIEW_RATINGS)
  rating: ReviewRating;

  @ApiProperty({ example: 'Both agencies give about 3,000; the figure is consistent.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  summary: string;

  @ApiProperty({ type: [EvidenceDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence: EvidenceDto[];
}

export class ReturnReviewDto extends VersionedBodyDto {
  @ApiProperty({ example: 'Add the ministry’s own statement as evidence.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  comment: string;
}

export class ReopenReviewDto extends VersionedBodyDto {
  @ApiProperty({ example: 'The agency corrected its figure on 12 March.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ enum: REVIEW_STATUSES })
  status: ReviewStatus;

  @ApiProperty({ enum: REVIEW_RATINGS })
  rating: ReviewRating;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: [EvidenceDto] })
  evidence: EvidenceDto[];

  @ApiProperty({ format: 'uuid' })
  reviewerKeyId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  editorKeyId: string | null;

  @ApiProperty({ type: String, nullable: true })
  editorComment: string | null;

  @ApiProperty({ type: String, nullable: true })
  reopenReason: string | null;

  @ApiProperty({
    description: 'Send it back (If-Match or body version) with your next change; the ETag too.',
  })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  static from(r: ClaimReview): ReviewDto {
    return {
      claimId: r.claimId,
      status: r.status,
      rating: r.rating,
      summary: r.summary,
      evidence: r.evidence,
      reviewerKeyId: r.reviewerKeyId,
      editorKeyId: r.editorKeyId,
      editorComment: r.editorComment,
      reopenReason: r.reopenReason,
      version: r.version,
      submittedAt: r.submittedAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'api-key:3f0e2b1c-…', description: 'api-key:<id> or system:<component>.' })
  actor: string;

  @ApiProperty({ example: 'lease.acquired' })
  action: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
}

export class HistoryDto {
  @ApiProperty({ type: [HistoryEntryDto] })
  items: HistoryEntryDto[];
}
