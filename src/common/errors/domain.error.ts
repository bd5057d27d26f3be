/**
 * Base of the errors services throw. Each subclass fixes an HTTP status; the global exception filter turns any
 * DomainError into `{statusCode, error, message}` (plus `details` when set), so services never import HTTP types.
 */
export abstract class DomainError extends Error {
  abstract readonly statusCode: number;
  /** Short HTTP reason phrase ("Not Found"). */
  abstract readonly error: string;

  constructor(
    message: string,
    /** Optional machine-readable context returned to the client (e.g. which health check failed). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
