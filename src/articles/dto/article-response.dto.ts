import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article.entity';

export class SubmittedArticleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ARTICLE_STATUSES })
  status: ArticleStatus;

  @ApiPropertyOptional({
    description: 'Present (true) when the same text was posted before: id is the first one’s.',
  })
  duplicate?: boolean;
}

export class ArticleResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({ type: String, nullable: true })
  outlet: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({
    enum: ARTICLE_STATUSES,
    description: 'received → extracted → verified, or failed (see failureReason).',
  })
  status: ArticleStatus;

  @ApiPropertyOptional({ type: String, description: 'Why processing failed (status failed only).' })
  failureReason?: string;

  @ApiProperty()
  claimCount: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Set when the article is a wire copy (most of its claims are the same text as an earlier article’s): the id ' +
      'of the first article of its wire group. Claims of one wire group count as one origin.',
  })
  wireCopyOf: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ArticleListResponseDto {
  @ApiProperty({ type: [ArticleResponseDto] })
  items: ArticleResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
