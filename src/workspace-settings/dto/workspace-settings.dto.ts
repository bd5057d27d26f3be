import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class WorkspaceSettingsDto {
  @ApiProperty({ description: 'A verdict waits for an editor’s approval before it is published.' })
  requireSecondReview: boolean;

  @ApiProperty({ description: 'Default lease length of a claim handed to a fact-checker, in seconds.' })
  leaseSeconds: number;

  @ApiProperty({
    description: 'Author of published ClaimReview documents.',
    example: 'The Newsroom Fact Desk',
  })
  organizationName: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://news.example.org' })
  organizationUrl: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Public page of a fact-check; {claimId} is replaced. Null: the API’s ClaimReview URL.',
    example: 'https://news.example.org/fact-checks/{claimId}',
  })
  reviewUrlTemplate: string | null;

  @ApiProperty({ description: 'Attempts per webhook delivery, the first one included.' })
  webhookMaxAttempts: number;

  @ApiProperty({ description: 'First retry delay of a failed delivery in ms (doubles at each attempt).' })
  webhookBackoffMs: number;
}

export class UpdateWorkspaceSettingsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireSecondReview?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 86_400 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  leaseSeconds?: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organizationName?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  organizationUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reviewUrlTemplate?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  webhookMaxAttempts?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 3_600_000 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  webhookBackoffMs?: number;
}
