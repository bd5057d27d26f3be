import { DomainError } from './domain.error';

/** The request conflicts with the current state, e.g. a stale version or a lease held by someone else (409). */
export class ConflictError extends DomainError {
  readonly statusCode = 409;
  readonly error = 'Conflict';
}
