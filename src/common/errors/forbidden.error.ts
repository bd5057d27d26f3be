import { DomainError } from './domain.error';

/** The caller is known but may not do this (403). */
export class ForbiddenError extends DomainError {
  readonly statusCode = 403;
  readonly error = 'Forbidden';
}
