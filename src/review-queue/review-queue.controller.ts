import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { NextClaimRequestDto } from './dto/lease-request.dto';
import { NextClaimResponseDto, ReviewQueuePageDto } from './dto/review-queue-item.dto';
import { ReviewQueueQueryDto } from './dto/review-queue-query.dto';
import { ReviewQueueService } from './review-queue.service';

@ApiTags('review-queue')
@Controller('v1/review-queue')
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Get()
  @Roles('factchecker', 'editor')
  @ApiOperation({
    summary:
      'Check-worthy claims awaiting a verdict, highest priority first, with the reasons for each priority',
    description:
      'Priority: check-worthiness, conflicting and single-source claims (more with figures), the prominence of ' +
      'the source, and recency. Filters combine; pages are stable under the priority order (keyset cursor).',
  })
  @ApiOkResponse({ type: ReviewQueuePageDto })
  @ApiErrorResponses()
  list(
    @Query() query: ReviewQueueQueryDto,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<ReviewQueuePageDto> {
    const { limit, cursor, ...filters } = query;
    return this.queue.list(filters, limit, cursor, caller);
  }

  @Post('next')
  @HttpCode(HttpStatus.OK)
  @Roles('factchecker')
  @ApiOperation({
    summary: 'Lease the highest-priority claim nobody holds',
    description:
      'Atomic: concurrent callers get different claims. The lease lasts leaseSeconds (default: the workspace ' +
      'setting, 15 minutes), is renewed by POST /v1/claims/{id}/lease, and ends with a verdict, DELETE …/lease or ' +
      'expiry. 204 when no claim is available.',
  })
  @ApiOkResponse({ type: NextClaimResponseDto })
  @ApiNoContentResponse({
    description: 'No claim is available (the queue is empty or every claim is leased).',
  })
  @ApiErrorResponses()
  async next(
    @Body() body: NextClaimRequestDto,
    @CurrentApiKey() caller: AuthenticatedKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NextClaimResponseDto | undefined> {
    const taken = await this.queue.next(caller, body ?? {});
    if (!taken) {
      reply.status(HttpStatus.NO_CONTENT);
      return undefined;
    }
    return taken;
  }
}
