import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ListSourcesQueryDto } from './dto/list-sources-query.dto';
import { SourceDetailResponseDto, SourceListResponseDto } from './dto/source-response.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('v1/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @ApiOperation({ summary: 'List canonical sources alphabetically, optionally filtered by name' })
  @ApiOkResponse({ type: SourceListResponseDto })
  @ApiErrorResponses()
  list(@Query() query: ListSourcesQueryDto): Promise<SourceListResponseDto> {
    return this.sources.list(query.limit, query.q, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One source with its track record and its claims' })
  @ApiOkResponse({ type: SourceDetailResponseDto })
  @ApiErrorResponses(404)
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<SourceDetailResponseDto> {
    return this.sources.get(id);
  }
}
