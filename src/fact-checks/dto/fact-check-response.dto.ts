import { ApiProperty } from '@nestjs/swagger';
import { FACT_CHECK_VERDICTS, type FactCheckVerdict } from '../../engine/fact-checks/fact-check-record';

export class FactCheckRatingDto {
  @ApiProperty({ type: String, nullable: true, example: 'Mostly false', description: 'The rating in words.' })
  text: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2 })
  value: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 5 })
  best: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  worst: number | null;
}

export class FactCheckReviewerDto {
  @ApiProperty({ type: String, nullable: true, example: 'Example Checks' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'factcheck.example.org' })
  site: string | null;
}

/** A published fact-check as imported. */
export class FactCheckResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'North Korea sent 10,000 troops to Russia.' })
  claimReviewed: string;

  @ApiProperty({ type: FactCheckRatingDto })
  rating: FactCheckRatingDto;

  @ApiProperty({
    enum: FACT_CHECK_VERDICTS,
    nullable: true,
    description: 'The rating on our scale, when it can be read from the textual or numeric rating.',
  })
  verdict: FactCheckVerdict | null;

  @ApiProperty({ type: FactCheckReviewerDto })
  reviewer: FactCheckReviewerDto;

  @ApiProperty({ example: 'https://factcheck.example.org/reviews/1' })
  url: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  datePublished: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the claim was made.' })
  claimDate: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Social media posts' })
  claimant: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'en' })
  language: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class FactCheckListResponseDto {
  @ApiProperty({ type: [FactCheckResponseDto] })
  items: FactCheckResponseDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Cursor of the next page; null on the last page.',
  })
  nextCursor: string | null;
}
