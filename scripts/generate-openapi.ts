import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppModule } from '../src/app.module';
import { buildOpenApiDocument, createFastifyAdapter } from '../src/bootstrap';
import { loadAppConfig } from '../src/config/load-app-config';

/** The committed spec, at the repository root. */
export const OPENAPI_FILE = path.join(__dirname, '..', 'openapi.json');

/**
 * The OpenAPI document of the code: the real AppModule in Nest's preview mode (modules and routes are resolved,
 * nothing is instantiated, so neither PostgreSQL nor Redis is needed) with the same document builder as /docs-json.
 * Built from fixed defaults, never the environment, so the output depends on the code only.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadAppConfig({ RUN_WORKERS: 'false', MIGRATE_ON_START: 'false', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * The document as committed: JSON formatted by the repository's prettier settings. (prettier is loaded here only:
 * jest cannot load it, and the drift test compares parsed documents.)
 */
export async function formatOpenApiDocument(document: OpenAPIObject): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(OPENAPI_FILE)) ?? {};
  return prettier.format(JSON.stringify(document), { ...options, parser: 'json' });
}

/** `node -r ts-node/register/transpile-only scripts/generate-openapi.ts`: (re)writes openapi.json. */
async function main(): Promise<void> {
  const document = await generateOpenApiDocument();
  writeFileSync(OPENAPI_FILE, await formatOpenApiDocument(document));
  console.log(`wrote ${OPENAPI_FILE}: ${Object.keys(document.paths).length} paths`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
