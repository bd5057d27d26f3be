import { ApiProperty } from '@nestjs/swagger';
import { AGREEMENT_STATUSES } from '../../claims/claim.entity';
import { ClaimResponseDto } from '../../claims/dto/claim-response.dto';

export class PriorityDto {
  @ApiProperty({ example: 0.8123, description: 'Higher first. Computed by the service; see reasons.' })
  score: number;

  @ApiProperty({
    type: [String],
    example: ['conflicting figures', 'check-worthiness 0.93', 'prominent source (12 claims)', 'recent'],
  })
  reasons: string[];
}

export class LeaseDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ format: 'uuid', description: 'API key id of the holder.' })
  holderKeyId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  leasedAt: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The claim returns to the queue then.' })
  expiresAt: string;

  @ApiProperty({ description: 'Times the holder renewed this lease.' })
  renewals: number;
}

export class QueueSourceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'person' })
  type: string;

  @ApiProperty({ enum: ['primary', 'via'] })
  role: string;
}

export class ReviewQueueItemDto {
  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Check-worthiness score.' })
  checkworthiness: number;

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  agreementStatus: string;

  @ApiProperty({ type: String, nullable: true })
  outlet: string | null;

  @ApiProperty({ type: String, nullable: true })
  articleTitle: string | null;

  @ApiProperty({ type: String, nullable: true })
  articleUrl: string | null;

  @ApiProperty({ description: 'Number of figures (quantities) in the claim.' })
  figures: number;

  @ApiProperty({ type: [QueueSourceDto] })
  sources: QueueSourceDto[];

  @ApiProperty({ type: PriorityDto })
  priority: PriorityDto;

  @ApiProperty({ type: LeaseDto, nullable: true, description: 'The live lease, if someone holds the claim.' })
  lease: LeaseDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ReviewQueuePageDto {
  @ApiProperty({ type: [ReviewQueueItemDto] })
  items: ReviewQueueItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last.',
  })
  nextCursor: string | null;
}

export class NextClaimResponseDto {
  @ApiProperty({ type: LeaseDto })
  lease: LeaseDto;

  @ApiProperty({ type: ReviewQueueItemDto })
  item: ReviewQueueItemDto;

  @ApiProperty({ type: ClaimResponseDto, description: 'The claim with its figures, sources and relations.' })
  claim: ClaimResponseDto;
}
