import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { SessionDto } from './dto/session.dto';

/** Who the caller's key is: the web app signs in with it and shows what the role may do. */
@ApiTags('session')
@Controller('v1/session')
export class SessionController {
  @Get()
  @ApiOperation({ summary: 'The calling API key: id, name and role (the web app’s sign-in check)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrorResponses()
  get(@CurrentApiKey() caller: AuthenticatedKey): SessionDto {
    return { id: caller.id, name: caller.name, role: caller.role };
  }
}
