import { createServer, type Server } from 'node:net';
import { createTestApp, type TestApp } from '../support/test-app';

/** The HTTP platform: authentication, roles, API keys, errors, health, OpenAPI and rate limiting. */
describe('HTTP platform (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectErrorShape = (body: unknown, statusCode: number) => {
    expect(body).toEqual(
      expect.objectContaining({ statusCode, error: expect.any(String), message: expect.any(String) }),
    );
  };

  describe('authentication and roles', () => {
    it('refuses a /v1 route without a key (401, says which header)', async () => {
      const res = await t.http.get('/v1/api-keys');
      expect(res.status).toBe(401);
      expectErrorShape(res.body, 401);
      expect(res.body.message).toMatch(/X-API-Key/);
    });

    it('refuses an unknown key (401)', async () => {
      const res = await t.http.get('/v1/api-keys').set('X-API-Key', 'ct_not-a-real-key');
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/Unknown API key/);
    });

    it('refuses a factchecker key on POST /v1/api-keys (403 naming the required role)', async () => {
      const factchecker = await t.createKey('factchecker');
      const res = await t.http
        .post('/v1/api-keys')
        .set('X-API-Key', factchecker)
        .send({ name: 'sneaky', role: 'admin' });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403);
      expect(res.body.message).toMatch(/admin/);
      expect(res.body.message).toMatch(/factchecker/);
    });

    it('lets an admin create a key (secret shown once), use it, list it without secret, revoke it', async () => {
      const created = await t.http
        .post('/v1/api-keys')
        .set('X-API-Key', t.adminKey)
        .send({ name: 'newsroom CMS', role: 'integration' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'newsroom CMS',
        role: 'integration',
        key: expect.stringMatching(/^ct_[A-Za-z0-9_-]{43}$/),
      });
      const { id, key } = created.body as { id: string; key: string };

      // Usable: an integration key passes authentication but not the admin-only role check.
      const asIntegration = await t.http.get('/v1/api-keys').set('X-API-Key', key);
      expect(asIntegration.status).toBe(403);

      const list = await t.http.get('/v1/api-keys').set('X-API-Key', t.adminKey);
      expect(list.status).toBe(200);
      const listed = (list.body.items as Array<Record<string, unknown>>).find((k) => k.id === id);
      expect(listed).toEqual(
        expect.objectContaining({ name: 'newsroom CMS', role: 'integration', revokedAt: null }),
      );
      expect(JSON.stringify(list.body)).not.toContain(key);
      expect(listed?.keyPrefix).toBe(key.slice(0, 8));

      const revoked = await t.http.delete(`/v1/api-keys/${id}`).set('X-API-Key', t.adminKey);
      expect(revoked.status).toBe(204);
      const after = await t.http.get('/v1/api-keys').set('X-API-Key', key);
      expect(after.status).toBe(401);
      expect(after.body.message).toMatch(/revoked/);
    });

    it('validates the key request body (400 listing the problems)', async () => {
      const res = await t.http
        .post('/v1/api-keys')
        .set('X-API-Key', t.adminKey)
        .send({ name: '', role: 'superuser', extra: 1 });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(res.body.message).toMatch(/name/);
      expect(res.body.message).toMatch(/role must be one of admin, editor, factchecker, integration/);
      expect(res.body.message).toMatch(/extra/);
    });

    it('answers 404 for revoking a key that does not exist, 400 for an id that is not a UUID', async () => {
      const missing = await t.http
        .delete('/v1/api-keys/00000000-0000-4000-8000-000000000000')
        .set('X-API-Key', t.adminKey);
      expect(missing.status).toBe(404);
      expectErrorShape(missing.body, 404);
      const bad = await t.http.delete('/v1/api-keys/nope').set('X-API-Key', t.adminKey);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/UUID/);
    });

    it('refuses to revoke the last active admin key (409)', async () => {
      type Listed = { id: string; role: string; keyPrefix: string; revokedAt: string | null };
      const activeAdmins = async () =>
        ((await t.http.get('/v1/api-keys').set('X-API-Key', t.adminKey)).body.items as Listed[]).filter(
          (k) => k.role === 'admin' && k.revokedAt === null,
        );
      const own = (await activeAdmins()).find((k) => k.keyPrefix === t.adminKey.slice(0, 8));
      expect(own).toBeDefined();
      // Earlier test files may have left admin keys in this run's database: revoke all but ours.
      for (const other of (await activeAdmins()).filter((k) => k.id !== own?.id)) {
        const res = await t.http.delete(`/v1/api-keys/${other.id}`).set('X-API-Key', t.adminKey);
        expect(res.status).toBe(204);
      }
      const res = await t.http.delete(`/v1/api-keys/${own?.id}`).set('X-API-Key', t.adminKey);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/last active admin key/);
      expect((await t.http.get('/v1/api-keys').set('X-API-Key', t.adminKey)).status).toBe(200);
    });
  });

  describe('errors', () => {
    it('answers invalid JSON with 400 in the error shape', async () => {
      const res = await t.http
        .post('/v1/api-keys')
        .set('X-API-Key', t.adminKey)
        .set('Content-Type', 'application/json')
        .send('{"name": "x", ');
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400);
      expect(res.body.message).toMatch(/not valid JSON/);
    });

    it('answers an unknown route with 404 in the error shape', async () => {
      const res = await t.http.get('/v1/nothing-here').set('X-API-Key', t.adminKey);
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 404);
      expect(res.body.message).toMatch(/GET \/v1\/nothing-here/);
    });

    it('answers a body over the limit with 413 in the error shape', async () => {
      const limit = t.config.maxArticleBytes * 2 + 64 * 1024;
      const res = await t.http
        .post('/v1/api-keys')
        .set('X-API-Key', t.adminKey)
        .send({ name: 'x'.repeat(limit + 1), role: 'editor' });
      expect(res.status).toBe(413);
      expectErrorShape(res.body, 413);
      expect(res.body.message).toMatch(/larger than the limit/);
    });
  });

  describe('health', () => {
    it('is public and reports PostgreSQL and Redis up', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('answers 503 naming redis when Redis does not answer', async () => {
      // A port that was free a moment ago: nothing listens there.
      const server: Server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));

      const down = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, RUN_WORKERS: 'false' });
      try {
        const res = await down.http.get('/health');
        expect(res.status).toBe(503);
        expectErrorShape(res.body, 503);
        expect(res.body.message).toMatch(/redis is down/);
        expect(res.body.message).not.toMatch(/database/);
        expect(res.body.details).toEqual(
          expect.objectContaining({
            database: { status: 'up' },
            redis: expect.objectContaining({ status: 'down' }),
          }),
        );
      } finally {
        await down.close();
      }
    });
  });

  describe('OpenAPI', () => {
    it('serves the Swagger UI without a key', async () => {
      const res = await t.http.get('/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });

    it('serves the document with the routes and the X-API-Key security scheme', async () => {
      const res = await t.http.get('/docs-json');
      expect(res.status).toBe(200);
      const doc = res.body as {
        paths: Record<string, Record<string, { summary?: string; security?: unknown[]; responses: object }>>;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(doc.components.securitySchemes['X-API-Key']).toEqual(
        expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
      );
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/health', '/v1/api-keys', '/v1/api-keys/{id}']),
      );
      expect(doc.paths['/v1/api-keys'].post.security).toEqual([{ 'X-API-Key': [] }]);
      expect(doc.paths['/v1/api-keys'].post.responses).toHaveProperty('403');
      expect(doc.paths['/health'].get.security).toEqual([]);
      // Every route has a summary and documents its errors (authenticated ones: at least 401).
      const problems: string[] = [];
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (typeof op.summary !== 'string' || op.summary === '') problems.push(`${route}: no summary`);
          const errors = Object.keys(op.responses).filter((status) => Number(status) >= 400);
          if (errors.length === 0) problems.push(`${route}: no error responses`);
          if (path.startsWith('/v1/') && !errors.includes('401')) problems.push(`${route}: no 401 response`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('rate limiting', () => {
    it('answers the 4th request in a minute with 429 and Retry-After when the limit is 3', async () => {
      const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3', RUN_WORKERS: 'false' });
      try {
        const editorKey = await limited.createKey('editor'); // the admin key's 1st request
        const statuses: number[] = [];
        for (let i = 0; i < 2; i++) {
          statuses.push((await limited.http.get('/v1/api-keys').set('X-API-Key', limited.adminKey)).status);
        }
        expect(statuses).toEqual([200, 200]);
        const res = await limited.http.get('/v1/api-keys').set('X-API-Key', limited.adminKey);
        expect(res.status).toBe(429);
        expectErrorShape(res.body, 429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body.message).toMatch(/Retry after \d+ s/);
        // The budget is per key: another key still gets through (403 here: editors may not list keys).
        const other = await limited.http.get('/v1/api-keys').set('X-API-Key', editorKey);
        expect(other.status).toBe(403);
      } finally {
        await limited.close();
      }
    });
  });
});
