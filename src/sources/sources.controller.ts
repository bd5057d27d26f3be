import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { ListSourcesQueryDto } from './dto/list-sources-query.dto';
import { MergeSourceDto, SourceAliasesDto, SourceEditResponseDto } from './dto/source-edit.dto';
import {
  SourceDetailResponseDto,
  SourceListResponseDto,
  SourceMovedResponseDto,
} from './dto/source-response.dto';
import { SourceEditsService } from './source-edits.service';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('v1/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly edits: SourceEditsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List canonical sources alphabetically, optionally filtered by name (merged ones hidden)',
  })
  @ApiOkResponse({ type: SourceListResponseDto })
  @ApiErrorResponses()
  list(@Query() query: ListSourcesQueryDto): Promise<SourceListResponseDto> {
    return this.sources.list(query.limit, query.q, query.cursor);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One source with its track record and its claims',
    description:
      'A source merged into another answers 301 with Location: /v1/sources/<target> and the target named.',
  })
  @ApiOkResponse({ type: SourceDetailResponseDto })
  @ApiResponse({ status: 301, type: SourceMovedResponseDto, description: 'Merged into another source.' })
  @ApiErrorResponses(404)
  async get(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SourceDetailResponseDto | SourceMovedResponseDto> {
    const result = await this.sources.get(id);
    if (!('moved' in result)) return result;
    reply.status(HttpStatus.MOVED_PERMANENTLY).header('location', `/v1/sources/${result.moved.mergedIntoId}`);
    return result.moved;
  }

  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @Roles('editor')
  @ApiOperation({
    summary: 'Merge this source into another',
    description:
      'Its attributions, name and aliases move to the target; it stays as a pointer (GET answers 301). The ' +
      'agreement of the affected claims is recomputed in the background. 400: into itself; 409: either source ' +
      'already merged, or different types / an anonymous source without "force": true.',
  })
  @ApiOkResponse({ type: SourceEditResponseDto })
  @ApiErrorResponses(404, 409)
  merge(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: MergeSourceDto,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<SourceEditResponseDto> {
    return this.edits.merge(id, body.intoId, caller, body.force === true);
  }

  @Post(':id/aliases')
  @HttpCode(HttpStatus.OK)
  @Roles('editor')
  @ApiOperation({
    summary: 'Add or remove an alias, or split the mentions written as an alias off to another source',
    description:
      'split moves the attributions whose mention was written as the alias (and the alias) to "intoId" or to a ' +
      'new source named after it; splitting out a source merged in before (the alias is its name) also returns ' +
      'every attribution the merge brought, whatever its mention, and those the merge absorbed. The agreement ' +
      'of the affected claims is recomputed in the background.',
  })
  @ApiOkResponse({ type: SourceEditResponseDto })
  @ApiErrorResponses(404, 409)
  aliases(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: SourceAliasesDto,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<SourceEditResponseDto> {
    return this.edits.changeAliases(id, body, caller);
  }
}
