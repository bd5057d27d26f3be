import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { LeaseRequestDto } from './dto/lease-request.dto';
import { LeaseDto } from './dto/review-queue-item.dto';
import { ReviewQueueService } from './review-queue.service';

@ApiTags('review-queue')
@Roles('factchecker')
@Controller('v1/claims/:id/lease')
export class ClaimLeaseController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Lease a specific claim, or renew your lease on it',
    description: '409 when another reviewer holds it, or when its verdict awaits approval or is published.',
  })
  @ApiOkResponse({ type: LeaseDto })
  @ApiErrorResponses(404, 409)
  acquire(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: LeaseRequestDto,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<LeaseDto> {
    return this.queue.acquire(id, caller, body?.leaseSeconds);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Release your lease: the claim goes back to the queue' })
  @ApiNoContentResponse({ description: 'Released.' })
  @ApiErrorResponses(404, 409)
  async release(
    @Param('id', new UuidParamPipe('id')) id: string,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<void> {
    await this.queue.release(id, caller);
  }
}
