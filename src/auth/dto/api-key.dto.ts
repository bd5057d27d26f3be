import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, type ApiKey, type ApiKeyRole } from '../api-key.entity';

/** A key as listed: never its secret, only the first characters to recognise it. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES })
  role: ApiKeyRole;

  @ApiProperty({ example: 'ct_Ab12C', description: 'First characters of the key.' })
  keyPrefix: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;

  static from(key: ApiKey): ApiKeyDto {
    return Object.assign(new ApiKeyDto(), {
      id: key.id,
      name: key.name,
      role: key.role,
      keyPrefix: key.keyPrefix,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    });
  }
}
