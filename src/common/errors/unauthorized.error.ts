import { DomainError } from './domain.error';

/** No API key, or one that is unknown or revoked (401). */
export class UnauthorizedError extends DomainError {
  readonly statusCode = 401;
  readonly error = 'Unauthorized';
}
