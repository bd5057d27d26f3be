import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { bodyLimitBytes } from './common/http/body-limit';
import { API_KEY_HEADER } from './auth/api-key-secret';

export const SECURITY_SCHEME = 'X-API-Key';

/** The Fastify adapter every HTTP entry point uses (main and the e2e harness). */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: bodyLimitBytes(config),
    logger: false,
    // Request ids (in every log line): the caller's X-Request-Id when it sends one, else a UUID.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
}

/**
 * Setup that has to happen on the application object rather than in AppModule: the logger, shutdown hooks and
 * the OpenAPI document with its UI. Globals (filter, pipe, guards) live in AppModule, so main and tests share them.
 */
export function configureApp(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'claimtrail API',
    swaggerOptions: { persistAuthorization: true },
  });
}

/** The OpenAPI document generated from the controllers: /v1 routes need the X-API-Key scheme, others none. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('claimtrail API')
    .setDescription(
      'Claim fact-checking and source tracking: post articles, read the claims extracted from them with their ' +
        'sources, quantities and agreement status. Every /v1 route needs an API key in the X-API-Key header. ' +
        'Errors are JSON {statusCode, error, message}.',
    )
    .setVersion('1')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'An API key (ct_…).' },
      SECURITY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, options, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === 'object' && 'responses' in operation) {
        operation.security = path.startsWith('/v1/') ? [{ [SECURITY_SCHEME]: [] }] : [];
      }
    }
  }
  return document;
}
