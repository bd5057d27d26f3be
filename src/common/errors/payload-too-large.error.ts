import { DomainError } from './domain.error';

/** The request body or one of its fields is larger than the configured limit (413). */
export class PayloadTooLargeError extends DomainError {
  readonly statusCode = 413;
  readonly error = 'Payload Too Large';
}
