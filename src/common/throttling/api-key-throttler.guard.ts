import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../errors/rate-limited.error';

/**
 * Rate limit per API key (set on the request by ApiKeyGuard, which runs first), falling back to the client
 * address on public routes. One budget per caller across all routes. Over the limit: 429 with Retry-After.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as FastifyRequest;
    return request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return createHash('sha256').update(`${throttlerName}:${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const who = detail.tracker.startsWith('key:') ? 'this API key' : 'this address';
    throw new RateLimitedError(
      `Rate limit of ${detail.limit} requests per ${Math.round(detail.ttl / 1000)} s exceeded for ${who}. ` +
        `Retry after ${seconds} s.`,
      seconds,
    );
  }
}
