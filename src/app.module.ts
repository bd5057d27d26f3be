import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthModule } from './auth/auth.module';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { AppValidationPipe } from './common/pipes/app-validation.pipe';
import { ApiKeyThrottlerGuard } from './common/throttling/api-key-throttler.guard';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ArticlesModule } from './articles/articles.module';
import { AuditModule } from './audit/audit.module';
import { ClaimsModule } from './claims/claims.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { QueueModule } from './pipeline/queue.module';
import { SourcesModule } from './sources/sources.module';
import { ReviewDeskModule } from './review-queue/review-desk.module';
import { ReportsModule } from './reports/reports.module';
import { WebAppModule } from './web/web-app.module';
import { FactChecksModule } from './fact-checks/fact-checks.module';

/** The HTTP application: every global (filter, pipe, guards) is registered here, so main and tests share them. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: {
              paths: ['req.headers["x-api-key"]', 'req.headers.authorization'],
              censor: '[redacted]',
            },
            // Load balancers poll /health; middie rewrites req.url, so match on originalUrl.
            autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => isHealthCheck(req) },
          },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
        }),
        DatabaseModule,
        QueueModule,
        AuthModule,
        ArticlesModule,
        ClaimsModule,
        SourcesModule,
        AuditModule,
        HealthModule,
        PipelineModule.register({ runWorkers: config.runWorkers }),
        ReviewDeskModule.register({ runWorkers: config.runWorkers }),
        ReportsModule,
        WebAppModule,
        FactChecksModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: AppValidationPipe },
        // Order matters: the key guard identifies the caller, then the throttler counts per key.
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
      ],
    };
  }
}

function isHealthCheck(req: IncomingMessage & { originalUrl?: string }): boolean {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] === '/health';
}
