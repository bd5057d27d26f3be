import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { HistoryDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller('v1/claims/:id/history')
export class ClaimHistoryController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Audit trail of a claim: status changes from verification, leases, verdicts, approvals, reopenings',
    description: 'Oldest first; each entry says who (actor), when, and the state before and after.',
  })
  @ApiOkResponse({ type: HistoryDto })
  @ApiErrorResponses(404)
  history(@Param('id', new UuidParamPipe('id')) id: string): Promise<HistoryDto> {
    return this.reviews.history(id);
  }
}
