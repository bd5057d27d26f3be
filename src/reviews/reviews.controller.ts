import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import {
  ReopenReviewDto,
  ReturnReviewDto,
  ReviewDto,
  SubmitReviewDto,
  VersionedBodyDto,
} from './dto/review.dto';
import { expectedVersion } from './expected-version';
import { ReviewsService } from './reviews.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The review version you read ("3", from the ETag). A stale version gives 409.',
};

@ApiTags('reviews')
@Controller('v1/claims/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post('reviews')
  @Roles('factchecker')
  @ApiOperation({
    summary: 'Submit a verdict on a claim you hold the lease on',
    description:
      'Published at once, or pending an editor’s approval when the workspace requires a second review. Revising a ' +
      'returned or reopened verdict needs its version (If-Match or body version); a stale one gives 409. ' +
      'Without a live lease held by you: 409 saying how to take one. The lease ends with the verdict.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ReviewDto, description: 'The verdict; ETag carries its version.' })
  @ApiErrorResponses(404, 409)
  async submit(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: SubmitReviewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentApiKey() caller: AuthenticatedKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const { version, ...verdict } = body;
    const review = await this.reviews.submit(id, caller, verdict, expectedVersion(ifMatch, version));
    return withEtag(reply, ReviewDto.from(review));
  }

  @Get('review')
  @ApiOperation({ summary: 'The current verdict on a claim (ETag: its version)' })
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrorResponses(404)
  async get(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    return withEtag(reply, ReviewDto.from(await this.reviews.get(id)));
  }

  @Post('review/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('editor')
  @ApiOperation({ summary: 'Approve a verdict awaiting approval: it is published' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrorResponses(404, 409)
  async approve(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: VersionedBodyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentApiKey() caller: AuthenticatedKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const review = await this.reviews.approve(id, caller, expectedVersion(ifMatch, body?.version));
    return withEtag(reply, ReviewDto.from(review));
  }

  @Post('review/return')
  @HttpCode(HttpStatus.OK)
  @Roles('editor')
  @ApiOperation({
    summary: 'Return a verdict awaiting approval with a comment: the claim goes back to the queue',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrorResponses(404, 409)
  async returnToReviewer(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ReturnReviewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentApiKey() caller: AuthenticatedKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const review = await this.reviews.returnToReviewer(
      id,
      caller,
      body.comment,
      expectedVersion(ifMatch, body.version),
    );
    return withEtag(reply, ReviewDto.from(review));
  }

  @Post('review/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles('editor', 'factchecker')
  @ApiOperation({ summary: 'Reopen a published verdict with a reason: the claim goes back to the queue' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ReviewDto })
  @ApiErrorResponses(404, 409)
  async reopen(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: ReopenReviewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentApiKey() caller: AuthenticatedKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const review = await this.reviews.reopen(id, caller, body.reason, expectedVersion(ifMatch, body.version));
    return withEtag(reply, ReviewDto.from(review));
  }
}

function withEtag(reply: FastifyReply, review: ReviewDto): ReviewDto {
  reply.header('ETag', `"${review.version}"`);
  return review;
}
