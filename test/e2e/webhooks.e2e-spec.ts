import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { WebhooksService } from '../../src/webhooks/webhooks.service';
import { openTestDataSource, waitFor } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedArticle } from './review-fixtures';

jest.setTimeout(120_000);

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  redeliveryOf: string | null;
}

/** Webhooks: signed deliveries to a real receiver on 127.0.0.1, retries with backoff, redelivery, pipeline events. */
describe('webhooks (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let receiver: Server;
  let base: string;
  const received: Received[] = [];
  const failuresLeft: Record<string, number> = { '/flaky': 2 };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const failing = path === '/down' || (failuresLeft[path] ?? 0) > 0;
        if (failuresLeft[path]) failuresLeft[path] -= 1;
        res.writeHead(failing ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await createTestApp();
    db = await openTestDataSource();
    const settings = await t.http
      .patch('/v1/workspace-settings')
      .set('X-API-Key', t.adminKey)
      .send({ webhookBackoffMs: 50, webhookMaxAttempts: 3 });
    expect(settings.status).toBe(200);
  });
  afterAll(async () => {
    await t?.http
      .patch('/v1/workspace-settings')
      .set('X-API-Key', t.adminKey)
      .send({ webhookBackoffMs: 5000, webhookMaxAttempts: 8 });
    await t?.close();
    await db?.destroy();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const subscribe = async (path: string, events: string[], secret?: string) => {
    const res = await t.http
      .post('/v1/webhooks')
      .set('X-API-Key', t.adminKey)
      .send({ url: `${base}${path}`, events, ...(secret ? { secret } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (webhookId: string) =>
    (await t.http.get(`/v1/webhooks/${webhookId}/deliveries`).set('X-API-Key', t.adminKey)).body
      .items as Delivery[];
  const publishVerdict = async () => {
    const { claimIds } = await seedArticle(t, [{ text: 'The agency said 5,000 troops were sent.' }]);
    const factchecker = await t.createKey('factchecker');
    await t.http.post(`/v1/claims/${claimIds[0]}/lease`).set('X-API-Key', factchecker).send({});
    const res = await t.http
      .post(`/v1/claims/${claimIds[0]}/reviews`)
      .set('X-API-Key', factchecker)
      .send({ rating: 'true', summary: 'Confirmed by two ministries.', evidence: [] });
    expect(res.status).toBe(201);
    return claimIds[0];
  };

  it('lets only admins manage webhooks and validates the subscription', async () => {
    const editor = await t.createKey('editor');
    const refused = await t.http
      .post('/v1/webhooks')
      .set('X-API-Key', editor)
      .send({ url: `${base}/x`, events: ['review.published'] });
    expect(refused.status).toBe(403);
    const bad = await t.http
      .post('/v1/webhooks')
      .set('X-API-Key', t.adminKey)
      .send({ url: 'ftp://example.org', events: ['nothing.happened'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/url/);
    expect(bad.body.message).toMatch(/events/);
    const created = await subscribe('/unused', ['article.verified']);
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await t.http.get('/v1/webhooks').set('X-API-Key', t.adminKey);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
    expect((await t.http.delete(`/v1/webhooks/${created.id}`).set('X-API-Key', t.adminKey)).status).toBe(204);
  });

  it('delivers review.published with an HMAC-SHA256 signature of the body, a delivery id and a timestamp', async () => {
    const secret = 'a-test-secret-of-enough-length';
    const hook = await subscribe('/ok', ['review.published'], secret);
    const claimId = await publishVerdict();
    const got = await waitFor(
      async () => received.find((r) => r.path === '/ok' && r.body.includes(claimId)),
      { timeoutMs: 20_000, what: 'the review.published delivery' },
    );
    const expected = `sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`;
    expect(got.headers['x-claimtrail-signature']).toBe(expected);
    expect(got.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(got.body) as {
      id: string;
      event: string;
      timestamp: number;
      data: { claimId: string; rating: string };
    };
    expect(body).toMatchObject({ event: 'review.published', data: { claimId, rating: 'true' } });
    expect(got.headers['x-claimtrail-delivery']).toBe(body.id);
    expect(Number(got.headers['x-claimtrail-timestamp'])).toBe(body.timestamp);
    expect(Math.abs(body.timestamp - Date.now() / 1000)).toBeLessThan(120);
    const log = await waitFor(
      async () => {
        const items = await deliveries(hook.id);
        return items.find((d) => d.id === body.id && d.status === 'delivered');
      },
      { timeoutMs: 10_000, what: 'the delivery to be recorded as delivered' },
    );
    expect(log).toMatchObject({ attempts: 1, lastStatusCode: 204 });

    const again = await t.http
      .post(`/v1/webhooks/${hook.id}/deliveries/${body.id}/redeliver`)
      .set('X-API-Key', t.adminKey);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ redeliveryOf: body.id, event: 'review.published' });
    await waitFor(async () => received.find((r) => r.headers['x-claimtrail-delivery'] === again.body.id), {
      timeoutMs: 20_000,
      what: 'the redelivery',
    });
  });

  it('stores the signing secret only encrypted', async () => {
    const secret = 'another-test-secret-of-enough-length';
    const hook = await subscribe('/unused-encrypted', ['article.verified'], secret);
    const [row] = await db.query<{ secretCiphertext: string; legacySecret: string | null }[]>(
      `SELECT secret_ciphertext AS "secretCiphertext", legacy_secret AS "legacySecret" FROM webhooks WHERE id = $1`,
      [hook.id],
    );
    expect(row.legacySecret).toBeNull();
    expect(row.secretCiphertext).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.secretCiphertext).not.toContain(secret);
    expect(Buffer.from(row.secretCiphertext.split(':')[4], 'base64url').toString('utf8')).not.toContain(
      secret,
    );
    await t.http.delete(`/v1/webhooks/${hook.id}`).set('X-API-Key', t.adminKey);
  });

  it('keeps delivering webhooks stored in clear text by an earlier version, and encrypts their secrets', async () => {
    const legacySecret = 'a-secret-stored-in-clear-by-an-old-version';
    const insertLegacy = async (path: string) =>
      (
        await db.query<{ id: string }[]>(
          `INSERT INTO webhooks (url, events, legacy_secret) VALUES ($1, $2, $3) RETURNING id`,
          [`${base}${path}`, ['review.published'], legacySecret],
        )
      )[0].id;
    const stored = async (id: string) =>
      (
        await db.query<{ secretCiphertext: string | null; legacySecret: string | null }[]>(
          `SELECT secret_ciphertext AS "secretCiphertext", legacy_secret AS "legacySecret" FROM webhooks WHERE id = $1`,
          [id],
        )
      )[0];

    // At boot (the same method), every clear-text secret is encrypted.
    const atBoot = await insertLegacy('/legacy-boot');
    expect(await t.app.get(WebhooksService).encryptLegacySecrets()).toBeGreaterThanOrEqual(1);
    expect(await stored(atBoot)).toMatchObject({
      legacySecret: null,
      secretCiphertext: expect.stringMatching(/^v1:/),
    });

    // A row written in clear after boot (an old process in a rolling deploy) is signed with it, then encrypted.
    const late = await insertLegacy('/legacy-late');
    const claimId = await publishVerdict();
    for (const path of ['/legacy-boot', '/legacy-late']) {
      const got = await waitFor(
        async () => received.find((r) => r.path === path && r.body.includes(claimId)),
        {
          timeoutMs: 20_000,
          what: `the delivery to ${path}`,
        },
      );
      const expected = `sha256=${createHmac('sha256', legacySecret).update(got.body).digest('hex')}`;
      expect(got.headers['x-claimtrail-signature']).toBe(expected);
    }
    expect(await stored(late)).toMatchObject({
      legacySecret: null,
      secretCiphertext: expect.stringMatching(/^v1:/),
    });
    for (const id of [atBoot, late]) await t.http.delete(`/v1/webhooks/${id}`).set('X-API-Key', t.adminKey);
  });

  it('retries a failing receiver with backoff until it accepts, and gives up after the last attempt', async () => {
    const flaky = await subscribe('/flaky', ['review.published']);
    const down = await subscribe('/down', ['review.published']);
    await publishVerdict();
    const delivered = await waitFor(
      async () => (await deliveries(flaky.id)).find((d) => d.status === 'delivered'),
      { timeoutMs: 30_000, what: 'the flaky receiver to get the delivery' },
    );
    expect(delivered.attempts).toBe(3);
    const attempts = received.filter((r) => r.headers['x-claimtrail-delivery'] === delivered.id);
    expect(attempts).toHaveLength(3);
    const failed = await waitFor(async () => (await deliveries(down.id)).find((d) => d.status === 'failed'), {
      timeoutMs: 30_000,
      what: 'the delivery to the dead receiver to fail',
    });
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 500 });
  });

  it('emits article.verified and claim.status_changed from the pipeline', async () => {
    const hook = await subscribe('/pipeline', ['article.verified', 'claim.status_changed']);
    const posted = await t.http
      .post('/v1/articles')
      .set('X-API-Key', t.adminKey)
      .send({
        title: 'Webhook test',
        text:
          `The city council said 300 new homes were built in ${Date.now()}. ` +
          'Police said about 2,000 people marched on Sunday, while organisers said 10,000 people took part.',
      });
    expect(posted.status).toBe(202);
    const articleId = (posted.body as { id: string }).id;
    // Other tests' articles (and their re-verifications) emit events too: look for this article's own.
    const about = (r: (typeof received)[number], event: string): boolean =>
      r.path === '/pipeline' &&
      r.headers['x-claimtrail-event'] === event &&
      (JSON.parse(r.body) as { data?: { articleId?: string } }).data?.articleId === articleId;
    const verified = await waitFor(async () => received.find((r) => about(r, 'article.verified')), {
      timeoutMs: 60_000,
      what: 'the article.verified delivery',
    });
    expect(JSON.parse(verified.body)).toMatchObject({ event: 'article.verified', data: { articleId } });
    const statusChanges = await waitFor(
      async () => {
        const found = received.filter((r) => about(r, 'claim.status_changed'));
        return found.length ? found : undefined;
      },
      { timeoutMs: 20_000, what: 'claim.status_changed deliveries' },
    );
    const change = JSON.parse(statusChanges[0].body) as { data: { claimId: string; text: string } };
    expect(change).toMatchObject({
      event: 'claim.status_changed',
      data: { articleId, before: { agreementStatus: 'pending' } },
    });
    // The claim's own text rides along (verification passes what it read; nothing is read again).
    const [claim]: { text: string }[] = await db.query(`SELECT text FROM claims WHERE id = $1`, [
      change.data.claimId,
    ]);
    expect(change.data.text).toBe(claim.text);
    expect((await deliveries(hook.id)).length).toBeGreaterThan(1);
  });
});

/** Without WEBHOOK_ALLOW_PRIVATE_URLS, URLs on non-public addresses are refused; without a key, no webhook is made. */
describe('webhooks without private URLs or a secret key (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      WEBHOOK_ALLOW_PRIVATE_URLS: 'false',
      WEBHOOK_SECRET_KEY: '',
      RUN_WORKERS: 'false',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (url: string) =>
    t.http
      .post('/v1/webhooks')
      .set('X-API-Key', t.adminKey)
      .send({ url, events: ['review.published'] });

  it.each([
    ['http://127.0.0.1:8080/hook', /127\.0\.0\.1 is not a public address \(loopback\)/],
    [
      'http://localhost/hook',
      /its host localhost resolves to (127\.0\.0\.1|::1), which is not a public address \(loopback\)/,
    ],
    [
      'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is not a public address \(link-local \(cloud metadata\)\)/,
    ],
    ['http://10.0.0.7/hook', /10\.0\.0\.7 is not a public address \(private\)/],
    ['https://192.168.1.20/hook', /\(private\)/],
    ['http://[::1]:3000/hook', /::1 is not a public address \(loopback\)/],
    ['http://[::ffff:127.0.0.1]/hook', /not a public address \(loopback, embedded in IPv6\)/],
    ['http://0.0.0.0/hook', /\(unspecified/],
  ])('refuses %s with a 400 that names the address and the setting', async (url, reason) => {
    const res = await create(url);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^url is refused: /);
    expect(res.body.message).toMatch(reason);
    expect(res.body.message).toMatch(/WEBHOOK_ALLOW_PRIVATE_URLS=true/);
  });

  it('refuses at delivery time too: a stored URL whose host resolves to loopback gets no request', async () => {
    let hits = 0;
    const local = createServer((_req, res) => {
      hits += 1;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const db = await openTestDataSource();
    try {
      const port = (local.address() as AddressInfo).port;
      const [hook] = await db.query<{ id: string }[]>(
        `INSERT INTO webhooks (url, events, legacy_secret) VALUES ($1, $2, $3) RETURNING id`,
        [`http://localhost:${port}/x`, ['review.published'], 'a-legacy-secret-of-enough-length'],
      );
      const [delivery] = await db.query<{ id: string }[]>(
        `INSERT INTO webhook_deliveries (webhook_id, event, data) VALUES ($1, 'review.published', '{}') RETURNING id`,
        [hook.id],
      );
      await expect(t.app.get(WebhooksService).deliver(delivery.id, true)).rejects.toThrow(
        /resolves to (127\.0\.0\.1|::1), which is not a public address \(loopback\)/,
      );
      const [row] = await db.query<{ status: string; lastError: string }[]>(
        `SELECT status, last_error AS "lastError" FROM webhook_deliveries WHERE id = $1`,
        [delivery.id],
      );
      expect(row.status).toBe('failed');
      expect(row.lastError).toMatch(/not a public address/);
      expect(hits).toBe(0);
      await db.query(`DELETE FROM webhooks WHERE id = $1`, [hook.id]);
    } finally {
      await db.destroy();
      await new Promise((resolve) => local.close(resolve));
    }
  });

  it('refuses to create a webhook for a public address while WEBHOOK_SECRET_KEY is unset, saying why', async () => {
    const res = await create('https://93.184.215.14/hooks/claimtrail');
    expect(res.status).toBe(503);
    expect(res.body.message).toMatch(/WEBHOOK_SECRET_KEY is not set/);
    expect(res.body.message).toMatch(/openssl rand -base64 32/);
  });
});
