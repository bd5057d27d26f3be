import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination-query.dto';

export class ListFactChecksQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    description: 'Full-text search over the claims reviewed (web-search syntax: words, "phrases", -not).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}
