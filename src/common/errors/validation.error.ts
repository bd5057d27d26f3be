import { DomainError } from './domain.error';

/** The request is well-formed JSON but its content is not acceptable (400). */
export class ValidationError extends DomainError {
  readonly statusCode = 400;
  readonly error = 'Bad Request';
}
