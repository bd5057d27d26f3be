import { DomainError } from './domain.error';

/** A dependency (PostgreSQL, Redis) does not answer (503). */
export class ServiceUnavailableError extends DomainError {
  readonly statusCode = 503;
  readonly error = 'Service Unavailable';
}
