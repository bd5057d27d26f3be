import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination-query.dto';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../claim.entity';

export class ListClaimsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'checkworthy must be true or false' })
  checkworthy?: boolean;

  @ApiPropertyOptional({
    description: 'Full-text search over claim texts (web-search syntax: words, "phrases", -not).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only claims attributed to this source.' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;
}
