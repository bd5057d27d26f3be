import { DomainError } from './domain.error';

/** Too many requests for one API key (or address) in the current window (429). Sets Retry-After. */
export class RateLimitedError extends DomainError {
  readonly statusCode = 429;
  readonly error = 'Too Many Requests';

  constructor(
    message: string,
    /** Whole seconds until the caller may try again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
