import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { RedisHealthIndicator } from './redis-health.indicator';
import { Public } from '../auth/public.decorator';
import { ServiceUnavailableError } from '../common/errors/service-unavailable.error';
import { ErrorResponseDto } from '../common/swagger/error-response.dto';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: PostgreSQL and Redis answer',
    description: 'No API key needed.',
  })
  @ApiOkResponse({
    description: 'Both dependencies answer.',
    schema: { example: { status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } } },
  })
  @ApiServiceUnavailableResponse({
    description: 'PostgreSQL or Redis does not answer; `details` says which.',
    type: ErrorResponseDto,
  })
  async check(): Promise<Pick<HealthCheckResult, 'status' | 'info'>> {
    try {
      const { status, info } = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2_000 }),
        () => this.redis.pingCheck('redis'),
      ]);
      return { status, info };
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      const failed = Object.entries(result.error ?? {}).map(([name, detail]) => {
        const message = detail?.message;
        const reason = typeof message === 'string' ? ` (${message})` : '';
        return `${name === 'database' ? 'database (PostgreSQL)' : name} is down${reason}`;
      });
      throw new ServiceUnavailableError(`Unhealthy: ${failed.join('; ')}.`, result.details);
    }
  }
}
