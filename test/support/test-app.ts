import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp, createFastifyAdapter } from '../../src/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { loadAppConfig } from '../../src/config/load-app-config';

export type Env = Record<string, string | undefined>;
export type Http = ReturnType<typeof request>;
export type Role = 'admin' | 'editor' | 'factchecker' | 'integration';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest against the app: `http.get('/v1/…').set('X-API-Key', adminKey)`. */
  http: Http;
  /** An admin key, created at boot through BOOTSTRAP_ADMIN_KEY. */
  adminKey: string;
  /** Creates a key of the given role through POST /v1/api-keys and returns its secret. */
  createKey(role: Role, name?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real application (AppModule, the same Fastify adapter and setup as src/main.ts, real PostgreSQL and
 * Redis, real workers unless RUN_WORKERS=false) against the database prepared by global-setup.ts.
 * `overrides` are environment variables on top of process.env (e.g. { RATE_LIMIT_PER_MINUTE: '3' }).
 * Logs are silent unless LOG_LEVEL is set.
 */
export async function createTestApp(overrides: Env = {}): Promise<TestApp> {
  const adminKey = overrides.BOOTSTRAP_ADMIN_KEY ?? `ct_${randomBytes(32).toString('base64url')}`;
  const config = loadAppConfig({
    LOG_LEVEL: 'silent',
    ...process.env,
    ...overrides,
    BOOTSTRAP_ADMIN_KEY: adminKey,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createFastifyAdapter(config),
    { bufferLogs: true, abortOnError: false },
  );
  try {
    configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  const http = request(app.getHttpServer());
  let closed = false;
  return {
    app,
    config,
    http,
    adminKey,
    async createKey(role: Role, name = `test ${role}`): Promise<string> {
      const res = await http.post('/v1/api-keys').set('X-API-Key', adminKey).send({ name, role });
      if (res.status !== 201) throw new Error(`Could not create a ${role} key: ${res.status} ${res.text}`);
      return (res.body as { key: string }).key;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
