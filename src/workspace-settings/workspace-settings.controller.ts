import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { UpdateWorkspaceSettingsDto, WorkspaceSettingsDto } from './dto/workspace-settings.dto';
import { WorkspaceSettingsService } from './workspace-settings.service';

@ApiTags('workspace-settings')
@Controller('v1/workspace-settings')
export class WorkspaceSettingsController {
  constructor(private readonly settings: WorkspaceSettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'The review desk settings (second review, lease length, publisher, webhook retries)',
  })
  @ApiOkResponse({ type: WorkspaceSettingsDto })
  @ApiErrorResponses()
  get(): Promise<WorkspaceSettingsDto> {
    return this.settings.get();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change some settings (the others are kept)' })
  @ApiOkResponse({ type: WorkspaceSettingsDto })
  @ApiErrorResponses()
  update(@Body() body: UpdateWorkspaceSettingsDto): Promise<WorkspaceSettingsDto> {
    return this.settings.update(body);
  }
}
