import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ClaimsService } from './claims.service';
import { ClaimListResponseDto, ClaimResponseDto } from './dto/claim-response.dto';
import { ListClaimsQueryDto } from './dto/list-claims-query.dto';

@ApiTags('claims')
@Controller('v1/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @ApiOperation({
    summary: 'List claims, newest first, filtered by status, check-worthiness, text or source',
  })
  @ApiOkResponse({ type: ClaimListResponseDto })
  @ApiErrorResponses()
  list(@Query() query: ListClaimsQueryDto): Promise<ClaimListResponseDto> {
    const { limit, cursor, ...filters } = query;
    return this.claims.list(filters, limit, cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One claim with its quantities, sources, agreement status and relations' })
  @ApiOkResponse({ type: ClaimResponseDto })
  @ApiErrorResponses(404)
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<ClaimResponseDto> {
    return this.claims.get(id);
  }
}
