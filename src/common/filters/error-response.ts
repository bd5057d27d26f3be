import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError } from '../errors/domain.error';
import { RateLimitedError } from '../errors/rate-limited.error';

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface ErrorResponse {
  body: ErrorBody;
  headers: Record<string, string>;
  /** True for 5xx answers that hide an unexpected error: the caller logs the original. */
  unexpected: boolean;
}

export interface ErrorContext {
  method: string;
  url: string;
  /** Largest accepted request body, in bytes (Fastify's bodyLimit). */
  bodyLimitBytes: number;
}

const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

/**
 * Maps anything thrown while serving a request to the API's error shape with a message a user can act on:
 * domain errors, Nest HttpExceptions (including those Nest makes from Fastify's body-parsing errors), and
 * anything else (500, message hidden).
 */
export function toErrorResponse(exception: unknown, ctx: ErrorContext): ErrorResponse {
  if (exception instanceof DomainError) {
    const headers: Record<string, string> =
      exception instanceof RateLimitedError ? { 'Retry-After': String(exception.retryAfterSeconds) } : {};
    const body: ErrorBody = {
      statusCode: exception.statusCode,
      error: exception.error,
      message: exception.message,
    };
    if (exception.details) body.details = exception.details;
    return { body, headers, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      body: { statusCode: status, error: reason(status), message: httpMessage(exception, status, ctx) },
      headers: {},
      unexpected: status >= 500,
    };
  }
  const fastifyStatus = fastifyClientErrorStatus(exception);
  if (fastifyStatus !== undefined) {
    const message = (exception as Error).message;
    return {
      body: {
        statusCode: fastifyStatus,
        error: reason(fastifyStatus),
        message: rewordClientError(fastifyStatus, message, ctx),
      },
      headers: {},
      unexpected: false,
    };
  }
  return {
    body: {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: reason(HttpStatus.INTERNAL_SERVER_ERROR),
      message:
        'Internal server error. It has been logged; retry later or report it with the time of the request.',
    },
    headers: {},
    unexpected: true,
  };
}

function httpMessage(exception: HttpException, status: number, ctx: ErrorContext): string {
  const response = exception.getResponse();
  let message = exception.message;
  if (typeof response === 'string') message = response;
  else if (response && typeof response === 'object' && 'message' in response) {
    const m: unknown = response.message;
    if (Array.isArray(m)) message = m.map(String).join('; ');
    else if (typeof m === 'string') message = m;
  }
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    return `No route ${ctx.method} ${ctx.url.split('?')[0]}. The API is described at /docs.`;
  }
  return rewordClientError(status, message, ctx);
}

/** Fastify's own errors (body parsing, limits) carry a 4xx statusCode and a code starting with FST_. */
function fastifyClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const e = exception as Error & { statusCode?: unknown; status?: unknown; code?: unknown };
  const status =
    typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (typeof e.code === 'string' && e.code.startsWith('FST_')) return status;
  if (exception instanceof SyntaxError) return status;
  return undefined;
}

function rewordClientError(status: number, message: string, ctx: ErrorContext): string {
  if (status === 413) {
    return `Request body is larger than the limit of ${ctx.bodyLimitBytes} bytes. Send a smaller article (the text limit is MAX_ARTICLE_BYTES).`;
  }
  if (status === 400) {
    if (
      /JSON|Unexpected token|Unexpected end|Expected .* after/i.test(message) &&
      !/property/.test(message)
    ) {
      if (/empty/i.test(message)) {
        return 'Request body is empty but Content-Type is application/json. Send a JSON object.';
      }
      return `Request body is not valid JSON (${message}). Send a JSON object with Content-Type: application/json.`;
    }
  }
  if (status === 415) {
    return `${message}. Send the body as JSON with Content-Type: application/json.`;
  }
  return message;
}
