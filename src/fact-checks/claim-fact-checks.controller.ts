import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ClaimFactCheckListResponseDto } from './dto/claim-fact-check-response.dto';
import { FactChecksService } from './fact-checks.service';

@ApiTags('fact-checks')
@Controller('v1/claims')
export class ClaimFactChecksController {
  constructor(private readonly factChecks: FactChecksService) {}

  @Get(':id/fact-checks')
  @ApiOperation({ summary: 'Prior fact-checks matching a claim, with their rating and the match score' })
  @ApiOkResponse({ type: ClaimFactCheckListResponseDto })
  @ApiErrorResponses(404)
  list(@Param('id', new UuidParamPipe('id')) id: string): Promise<ClaimFactCheckListResponseDto> {
    return this.factChecks.forClaim(id);
  }
}
