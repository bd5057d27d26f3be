import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ClaimReviewService } from './claimreview.service';
import { ClaimReviewDocumentDto, ClaimReviewFeedDto, ClaimReviewFeedQueryDto } from './dto/claimreview.dto';

/** The origin the caller used (scheme and host), for absolute URLs in documents. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

@ApiTags('claimreview')
@Controller('v1')
export class ClaimReviewController {
  constructor(private readonly claimReviews: ClaimReviewService) {}

  @Get('claims/:id/claimreview')
  @ApiOperation({
    summary: 'schema.org ClaimReview (JSON-LD) of a claim’s published verdict',
    description:
      'itemReviewed is the Claim: author = its primary source, appearance = its article (and other articles ' +
      'carrying agreeing claims), firstAppearance = the earliest of them.',
  })
  @ApiOkResponse({ type: ClaimReviewDocumentDto })
  @ApiErrorResponses(404)
  get(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Req() req: FastifyRequest,
  ): Promise<ClaimReviewDocumentDto> {
    return this.claimReviews.forClaim(id, originOf(req));
  }

  @Get('claimreview')
  @ApiOperation({ summary: 'Feed of published ClaimReview documents, oldest first, from `since` on' })
  @ApiOkResponse({ type: ClaimReviewFeedDto })
  @ApiErrorResponses()
  feed(@Query() query: ClaimReviewFeedQueryDto, @Req() req: FastifyRequest): Promise<ClaimReviewFeedDto> {
    return this.claimReviews.feed(query.since, query.limit, query.cursor, originOf(req));
  }
}
