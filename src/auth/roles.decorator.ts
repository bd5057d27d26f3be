import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { ApiKeyRole } from './api-key.entity';
import { ErrorResponseDto } from '../common/swagger/error-response.dto';

export const ROLES = 'claimtrail:roles';

/**
 * Restricts a controller or route to keys of the given roles (admin keys pass every role check). Routes without
 * @Roles accept any valid key. Also documents the 403 answer in OpenAPI.
 */
export const Roles = (...roles: ApiKeyRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiForbiddenResponse({
      description: `Only keys with role ${roles.join(' or ')} (or admin) may call this route.`,
      type: ErrorResponseDto,
    }),
  );
