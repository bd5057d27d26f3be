import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../claims/claim.entity';
import { PaginationQueryDto } from '../../common/pagination/pagination-query.dto';

/** `?outlet=&sourceId=&agreementStatus=&assignee=&articleId=&q=&available=&limit=&cursor=` */
export class ReviewQueueQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Only claims of articles from this outlet (exact name).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only claims attributed to this source.' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  agreementStatus?: AgreementStatus;

  @ApiPropertyOptional({
    description: 'Only claims leased to this API key id, or `me` for the caller’s own leases.',
    example: 'me',
  })
  @IsOptional()
  @Matches(/^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'assignee must be an API key id (UUID) or "me"',
  })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ description: 'Full-text search in claim texts (web-search syntax).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ description: 'true: only claims nobody holds a lease on.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  available?: boolean;
}
