import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { ArticleClaimsResponseDto } from '../claims/dto/claim-response.dto';
import { PaginationQueryDto } from '../common/pagination/pagination-query.dto';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ArticlesService } from './articles.service';
import { ArticleListResponseDto, ArticleResponseDto, SubmittedArticleDto } from './dto/article-response.dto';
import { CreateArticleDto } from './dto/create-article.dto';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @Roles('integration')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Submit an article for claim extraction and verification',
    description:
      'Stores the article and queues its processing (202). The same text again answers 200 with the first ' +
      'article’s id and `duplicate: true`; nothing is processed twice.',
  })
  @ApiAcceptedResponse({ type: SubmittedArticleDto, description: 'Stored and queued.' })
  @ApiOkResponse({ type: SubmittedArticleDto, description: 'Already stored (duplicate: true).' })
  @ApiErrorResponses(413)
  async create(
    @Body() body: CreateArticleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedArticleDto> {
    const submitted = await this.articles.submit(body);
    if (submitted.duplicate) {
      reply.status(HttpStatus.OK);
      return { id: submitted.id, status: submitted.status, duplicate: true };
    }
    return { id: submitted.id, status: submitted.status };
  }

  @Get()
  @ApiOperation({ summary: 'List articles, newest first' })
  @ApiOkResponse({ type: ArticleListResponseDto })
  @ApiErrorResponses()
  list(@Query() query: PaginationQueryDto): Promise<ArticleListResponseDto> {
    return this.articles.list(query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article and its processing status' })
  @ApiOkResponse({ type: ArticleResponseDto })
  @ApiErrorResponses(404)
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<ArticleResponseDto> {
    return this.articles.get(id);
  }

  @Get(':id/claims')
  @ApiOperation({
    summary: 'The claims of an article in reading order, with sources, quantities and relations',
  })
  @ApiOkResponse({ type: ArticleClaimsResponseDto })
  @ApiErrorResponses(404)
  async claims(@Param('id', new UuidParamPipe('id')) id: string): Promise<ArticleClaimsResponseDto> {
    return { items: await this.articles.claimsOf(id) };
  }
}
