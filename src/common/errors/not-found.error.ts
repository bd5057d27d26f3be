import { DomainError } from './domain.error';

/** The addressed resource does not exist (404). */
export class NotFoundError extends DomainError {
  readonly statusCode = 404;
  readonly error = 'Not Found';
}
