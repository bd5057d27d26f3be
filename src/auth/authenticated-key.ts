import type { ApiKeyRole } from './api-key.entity';

/** The caller of a request, as established by ApiKeyGuard from the X-API-Key header. */
export interface AuthenticatedKey {
  id: string;
  name: string;
  role: ApiKeyRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by ApiKeyGuard on every authenticated request; undefined on public routes. */
    apiKey?: AuthenticatedKey;
  }
}
