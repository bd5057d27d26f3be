import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class CreateArticleDto {
  @ApiProperty({
    description: 'The article text (plain text; at most MAX_ARTICLE_BYTES bytes of UTF-8).',
    example: 'South Korea’s intelligence agency said about 3,000 troops had already been dispatched.',
  })
  @IsString()
  text: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @ApiPropertyOptional({ maxLength: 2048, example: 'https://example.com/news/123' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Publishing outlet: "told <outlet>" involves no intermediary, and the outlet is never a source.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-10-31T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;
}
