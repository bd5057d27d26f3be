import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { IsIn, IsInt, IsString, Max, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
  ValidationError,
} from '../../../src/common/errors';
import { toErrorResponse } from '../../../src/common/filters/error-response';
import { describeValidationErrors } from '../../../src/common/pipes/app-validation.pipe';

const ctx = { method: 'GET', url: '/v1/things?x=1', bodyLimitBytes: 2_065_536 };

describe('toErrorResponse', () => {
  it.each([
    [new ValidationError('text should not be empty'), 400, 'Bad Request'],
    [new UnauthorizedError('Missing API key'), 401, 'Unauthorized'],
    [new ForbiddenError('Needs admin'), 403, 'Forbidden'],
    [new NotFoundError('Article x does not exist.'), 404, 'Not Found'],
    [new ConflictError('Stale version'), 409, 'Conflict'],
    [new PayloadTooLargeError('text is too long'), 413, 'Payload Too Large'],
    [new ServiceUnavailableError('redis is down'), 503, 'Service Unavailable'],
  ])('maps %p to its status with the message unchanged', (error, statusCode, reason) => {
    const { body, unexpected } = toErrorResponse(error, ctx);
    expect(body).toEqual({ statusCode, error: reason, message: error.message });
    expect(unexpected).toBe(false);
  });

  it('sets Retry-After for rate limiting', () => {
    const { body, headers } = toErrorResponse(new RateLimitedError('Slow down', 42), ctx);
    expect(body.statusCode).toBe(429);
    expect(headers).toEqual({ 'Retry-After': '42' });
  });

  it('passes details through', () => {
    const { body } = toErrorResponse(new ServiceUnavailableError('down', { redis: { status: 'down' } }), ctx);
    expect(body.details).toEqual({ redis: { status: 'down' } });
  });

  it('rewords Nest’s unknown-route 404 and drops the query string', () => {
    const { body } = toErrorResponse(new NotFoundException('Cannot GET /v1/things?x=1'), ctx);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringMatching(/^No route GET \/v1\/things\. /),
    });
  });

  it('joins array messages of HttpExceptions', () => {
    const { body } = toErrorResponse(new BadRequestException(['a is wrong', 'b is wrong']), ctx);
    expect(body.message).toBe('a is wrong; b is wrong');
  });

  it('explains Fastify’s body errors (as Nest wraps them)', () => {
    expect(toErrorResponse(new HttpException('Request body is too large', 413), ctx).body.message).toMatch(
      /larger than the limit of 2065536 bytes/,
    );
    expect(toErrorResponse(new HttpException('Unexpected end of JSON input', 400), ctx).body.message).toMatch(
      /^Request body is not valid JSON/,
    );
    expect(
      toErrorResponse(
        new HttpException("Body cannot be empty when content-type is set to 'application/json'", 400),
        ctx,
      ).body.message,
    ).toMatch(/Request body is empty/);
  });

  it('hides unexpected errors behind a 500 and flags them for logging', () => {
    const { body, unexpected } = toErrorResponse(new TypeError('secret internals'), ctx);
    expect(body.statusCode).toBe(500);
    expect(body.message).not.toContain('secret');
    expect(unexpected).toBe(true);
    expect(toErrorResponse('a string', ctx).body.statusCode).toBe(500);
  });
});

class Evidence {
  @IsString()
  url: string;
}
class Review {
  @IsIn(['true', 'false'])
  rating: string;

  @IsInt()
  @Max(10)
  score: number;

  @ValidateNested({ each: true })
  @Type(() => Evidence)
  evidence: Evidence[];
}

describe('describeValidationErrors', () => {
  it('lists every failed constraint with the full property path', () => {
    const review = plainToInstance(Review, {
      rating: 'maybe',
      score: 11.5,
      evidence: [{ url: 'ok' }, { url: 3 }],
    });
    const messages = describeValidationErrors(validateSync(review));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rating must be one of/),
        expect.stringMatching(/^score must be an integer/),
        expect.stringMatching(/^score must not be greater than 10/),
        'evidence.1.url must be a string',
      ]),
    );
    expect(messages).toHaveLength(4);
  });
});
