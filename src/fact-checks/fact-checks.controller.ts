import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { FactCheckImportReportDto } from './dto/fact-check-import-report.dto';
import { FactCheckListResponseDto, FactCheckResponseDto } from './dto/fact-check-response.dto';
import { ListFactChecksQueryDto } from './dto/list-fact-checks-query.dto';
import { FactChecksService } from './fact-checks.service';

@ApiTags('fact-checks')
@Controller('v1/fact-checks')
export class FactChecksController {
  constructor(private readonly factChecks: FactChecksService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('editor', 'integration')
  @ApiOperation({
    summary: 'Import published fact-checks (ClaimReview JSON-LD or a Google Fact Check Tools response)',
    description:
      'The body is the document as published: a schema.org ClaimReview object, an array of them, an object with ' +
      '"@graph", or a Google Fact Check Tools claims:search response ({"claims": [...]}). Good records are stored ' +
      '(or updated on the same url and claim reviewed) and matched against the stored claims; bad records are ' +
      'reported with their index and do not stop the others. 200 when every record was read, 207 when some failed.',
  })
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', additionalProperties: true },
        { type: 'array', items: { type: 'object', additionalProperties: true } },
      ],
    },
  })
  @ApiOkResponse({ type: FactCheckImportReportDto, description: 'Every record was read.' })
  @ApiResponse({
    status: 207,
    type: FactCheckImportReportDto,
    description: 'Some records failed; see errors.',
  })
  @ApiErrorResponses(413)
  async import(
    @Body() document: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FactCheckImportReportDto> {
    const report = await this.factChecks.import(document);
    if (report.failed > 0) void reply.status(207);
    return report;
  }

  @Get()
  @ApiOperation({ summary: 'List imported fact-checks, newest first, optionally by full-text search' })
  @ApiOkResponse({ type: FactCheckListResponseDto })
  @ApiErrorResponses()
  list(@Query() query: ListFactChecksQueryDto): Promise<FactCheckListResponseDto> {
    return this.factChecks.list(query.q, query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One imported fact-check with its rating and reviewer' })
  @ApiOkResponse({ type: FactCheckResponseDto })
  @ApiErrorResponses(404)
  get(@Param('id', new UuidParamPipe('id')) id: string): Promise<FactCheckResponseDto> {
    return this.factChecks.get(id);
  }
}
