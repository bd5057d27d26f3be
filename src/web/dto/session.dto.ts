import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES } from '../../auth/api-key.entity';

/** GET /v1/session. */
export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the API key.' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES })
  role: string;
}
