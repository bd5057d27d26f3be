import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRole } from './api-key.entity';
import { API_KEY_HEADER } from './api-key-secret';
import { ApiKeysService } from './api-keys.service';
import { IS_PUBLIC } from './public.decorator';
import { ROLES } from './roles.decorator';
import { ForbiddenError } from '../common/errors/forbidden.error';
import { UnauthorizedError } from '../common/errors/unauthorized.error';

/**
 * Global guard: every HTTP route needs a valid X-API-Key unless marked @Public(); @Roles(...) narrows the roles
 * (admin passes every role check). Sets `request.apiKey` for later guards (rate limit) and @CurrentApiKey().
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[API_KEY_HEADER.toLowerCase()];
    const secret = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!secret) {
      throw new UnauthorizedError(
        `Missing API key. Send it in the ${API_KEY_HEADER} header; an admin creates keys with POST /v1/api-keys.`,
      );
    }
    const result = await this.apiKeys.authenticate(secret);
    if (result === null) {
      throw new UnauthorizedError(
        `Unknown API key. Check the ${API_KEY_HEADER} header, or ask an admin for a key.`,
      );
    }
    if ('revoked' in result) {
      throw new UnauthorizedError('This API key has been revoked. Ask an admin for a new key.');
    }
    request.apiKey = result.key;

    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES, targets);
    if (roles?.length && result.key.role !== 'admin' && !roles.includes(result.key.role)) {
      throw new ForbiddenError(
        `This route needs a key with role ${[...new Set<ApiKeyRole>([...roles, 'admin'])].join(' or ')}; ` +
          `yours has role ${result.key.role}.`,
      );
    }
    return true;
  }
}
