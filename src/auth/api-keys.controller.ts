import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeysService } from './api-keys.service';
import { Roles } from './roles.decorator';
import { ApiKeyListDto } from './dto/api-key-list.dto';
import { ApiKeyDto } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreatedApiKeyDto } from './dto/created-api-key.dto';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';

@ApiTags('api-keys')
@Roles('admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key', description: 'The secret is returned once, in `key`.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrorResponses()
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.apiKeys.create(body.name, body.role);
    return CreatedApiKeyDto.from(key, secret);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (without secrets)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiErrorResponses()
  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.apiKeys.list()).map((key) => ApiKeyDto.from(key)) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Requests with the key get 401 from then on. The last active admin key cannot be revoked (409).',
  })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked).' })
  @ApiErrorResponses(404, 409)
  async revoke(@Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
