import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedKey } from './authenticated-key';

/** Injects the calling key ({id, name, role}) into a controller method, e.g. to record who did something. */
export const CurrentApiKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedKey | undefined =>
    ctx.switchToHttp().getRequest<FastifyRequest>().apiKey,
);
