import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid body, query or path parameter; the message lists each problem.',
  401: 'Missing, unknown or revoked X-API-Key.',
  403: 'The key’s role may not call this route; the message names the roles that may.',
  404: 'The addressed resource does not exist.',
  409: 'Conflicts with the current state (stale version, lease held by someone else).',
  413: 'Body or text larger than the configured limit (MAX_ARTICLE_BYTES).',
  429: 'Rate limit exceeded; retry after the number of seconds in Retry-After.',
  503: 'PostgreSQL or Redis does not answer.',
};

/**
 * Documents error answers of a route, all in the shared `{statusCode, error, message}` shape.
 * `@ApiErrorResponses(404)` adds 404 to the errors every authenticated route can give (400, 401, 429);
 * pass `{ auth: false }` for public routes.
 */
export function ApiErrorResponses(...statuses: Array<number | { auth: boolean }>) {
  const options = statuses.find((s): s is { auth: boolean } => typeof s === 'object') ?? { auth: true };
  const codes = new Set<number>([400, 429, ...(options.auth ? [401] : [])]);
  for (const s of statuses) if (typeof s === 'number') codes.add(s);
  return applyDecorators(
    ...[...codes]
      .sort((a, b) => a - b)
      .map((status) =>
        ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error.', type: ErrorResponseDto }),
      ),
  );
}
