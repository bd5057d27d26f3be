import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../claims/claim.entity';

export const MAX_LEASE_SECONDS = 86_400;

/** Body of POST /v1/claims/:id/lease (all optional). */
export class LeaseRequestDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_LEASE_SECONDS,
    description: 'Lease length; default: the workspace setting leaseSeconds (15 minutes unless changed).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LEASE_SECONDS)
  leaseSeconds?: number;
}

/** Body of POST /v1/review-queue/next (all optional): lease length and the part of the queue to draw from. */
export class NextClaimRequestDto extends LeaseRequestDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  agreementStatus?: AgreementStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  articleId?: string;
}
