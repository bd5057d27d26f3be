import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { API_KEY_ROLES, type ApiKeyRole } from '../api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ description: 'Who or what the key is for.', example: 'newsroom CMS', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES, example: 'integration' })
  @IsIn(API_KEY_ROLES, { message: `role must be one of ${API_KEY_ROLES.join(', ')}` })
  role: ApiKeyRole;
}
