import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, type ApiKey, type ApiKeyRole } from '../api-key.entity';

/** Answer to key creation: the only time the secret is shown. */
export class CreatedApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES })
  role: ApiKeyRole;

  @ApiProperty({ description: 'The secret to send as X-API-Key. Shown once: store it now.', example: 'ct_…' })
  key: string;

  static from(key: ApiKey, secret: string): CreatedApiKeyDto {
    return Object.assign(new CreatedApiKeyDto(), { id: key.id, name: key.name, role: key.role, key: secret });
  }
}
