import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WEB_APP_PREFIX, webAppDirectory } from './web-app-paths';

/**
 * The web app's page policy: scripts and styles only from this origin (the bundle, no CDN), API calls to this origin,
 * nothing inline that could run. Article text is rendered as text by the app; the CSP is the second line of defence.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built single-page app without an API key: hashed bundles under /app/assets/ through @fastify/static,
 * and index.html for /app and every other /app/* path (the app routes in the browser). Registered on Fastify
 * directly, so these routes are outside the /v1 API (no key, not in OpenAPI).
 */
@Injectable()
export class WebAppRoutes implements OnModuleInit {
  private readonly logger = new Logger('WebApp');
  private readonly root = webAppDirectory();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as FastifyAdapter | undefined;
    if (!adapter || adapter.getType() !== 'fastify') return; // worker context: no HTTP
    // Hashed file names: cache for a year. The folder may be built after boot (files are looked up per request).
    adapter.useStaticAssets({
      root: join(this.root, 'assets'),
      prefix: `${WEB_APP_PREFIX}/assets/`,
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      // @fastify/static 10 passes the Fastify reply (older versions passed the raw response).
      setHeaders: (reply: unknown) => {
        (reply as FastifyReply).header('X-Content-Type-Options', 'nosniff');
      },
      ...{ suppressWarning: true },
    });
    const fastify = adapter.getInstance<FastifyInstance>();
    const page = (request: FastifyRequest, reply: FastifyReply) => this.sendIndex(request, reply);
    fastify.get(WEB_APP_PREFIX, page);
    fastify.get(`${WEB_APP_PREFIX}/*`, page);
  }

  private async sendIndex(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const path = request.url.split('?')[0];
    reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer');
    if (path.startsWith(`${WEB_APP_PREFIX}/assets/`)) {
      await reply
        .code(404)
        .send({ statusCode: 404, error: 'Not Found', message: `No web app asset ${path}.` });
      return;
    }
    let html: string;
    try {
      html = await readFile(join(this.root, 'index.html'), 'utf8');
    } catch {
      this.logger.warn(`The web app is not built (no ${join(this.root, 'index.html')}); run npm run build.`);
      await reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (or `npm run build:web`) and reload.');
      return;
    }
    await reply
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', WEB_APP_CSP)
      .type('text/html; charset=utf-8')
      .send(html);
  }
}
