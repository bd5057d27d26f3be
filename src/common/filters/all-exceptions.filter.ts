import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';
import { bodyLimitBytes } from '../http/body-limit';
import { AppConfig } from '../../config/app-config';

/**
 * The one place errors become HTTP answers: `{statusCode, error, message}` for domain errors, Nest's HTTP
 * exceptions, validation failures, Fastify's parsing errors and unknown routes. Unexpected errors are logged and
 * answered with a 500 that hides their details.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers, unexpected } = toErrorResponse(exception, {
      method: request.method,
      url: request.url,
      bodyLimitBytes: bodyLimitBytes(this.config),
    });
    if (unexpected) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url },
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(reply, name, value);
    adapter.reply(reply, body, body.statusCode);
  }
}
