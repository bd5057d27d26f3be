import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { WorkerModule } from '../../src/worker.module';
import {
  ARTIFACTS,
  type Browser,
  ensureWebAppBuilt,
  HAS_CHROMIUM,
  launchChromium,
} from '../browser/chromium';
import type { PageCanvas, PageGlobals } from '../browser/page-globals';
import { testConfig, uniqueSuffix, waitFor } from '../support/db';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The web app in a real browser (Debian's chromium driven by playwright-core) against the real API on a listening
 * port, with a real worker process context (WorkerModule, as `node dist/src/worker.js` runs it) on a queue prefix
 * of this file's own, started once the first article view is open (so the view is seen to change live).
 * Screenshots of each view go to test-artifacts/ (not committed).
 */
const SHARED = path.resolve(__dirname, '../../../shared');
const SEED_FILE = path.join(SHARED, 'eval/dev/seed-nk-troops.json');
const HAS_SEED = fs.existsSync(SEED_FILE);

// Without chromium: CI (.ci/run installs it) fails loudly; elsewhere the suite skips with a message.
const RUN = HAS_CHROMIUM || process.env.CI === 'true';
if (!HAS_CHROMIUM) {
  console.warn('Browser tests need /usr/bin/chromium (apt-get install chromium); skipping them outside CI.');
}

jest.setTimeout(240_000);
const VERIFIED_DEADLINE_MS = 150_000;
const UI_TIMEOUT_MS = 60_000;

function smallArticle(tag: string): string {
  return (
    `The Brookfield ${tag} council approved a budget of $4.5 million on Monday, Mayor Jane Ortiz said. ` +
    `According to the Daily Ledger, council member Tom Reyes said about 300 residents attended the meeting. ` +
    `The police department reported at least 300 people at the meeting. ` +
    `This is the fifth budget vote this year.`
  );
}

const XSS_TEXT = (tag: string) =>
  `Mayor <script>window.__xss=1;alert(1)</script> Ann Lee said the city hired 40 new teachers in ${tag}. ` +
  `The budget grew by 12 percent, <img src=x onerror="window.__xss=2;alert(2)"> the treasurer said. ` +
  `About 300 people attended the opening, <svg onload="alert(3)"></svg> police said.`;

(RUN ? describe : describe.skip)('Web app in chromium (real API, workers, browser)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  const queuePrefix = `${process.env.QUEUE_PREFIX}_web`;
  let baseUrl: string;
  let browser: Browser;
  let keys: { integration: string; editor: string; factchecker: string };
  const dialogs: string[] = [];
  const outlet = `Browser Outlet ${uniqueSuffix()}`;
  let articleId: string;

  /** In-app navigation (the app's router listens to popstate), keeping the signed-in tab. */
  const goTo = (page: Page, url: string) =>
    page.evaluate((to) => {
      const w = globalThis as unknown as PageGlobals;
      w.history.pushState(null, '', to);
      w.dispatchEvent(new w.PopStateEvent('popstate'));
    }, url);

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  const openSignedIn = async (key: string, url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${baseUrl}/app`);
    await page.fill('input[name="apiKey"]', key);
    await page.press('input[name="apiKey"]', 'Enter');
    await page.waitForSelector('nav[aria-label="Main"]', { timeout: UI_TIMEOUT_MS });
    // The key lives in sessionStorage only.
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.length)).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.length)).toBe(1);
    await goTo(page, url);
    return page;
  };

  const post = async (body: object): Promise<string> => {
    const res = await t.http.post('/v1/articles').set('X-API-Key', keys.integration).send(body);
    expect(res.status).toBe(202);
    return (res.body as { id: string }).id;
  };
  const waitVerified = (id: string) =>
    waitFor(
      async () => {
        const res = await t.http.get(`/v1/articles/${id}`).set('X-API-Key', t.adminKey);
        if (res.body.status === 'failed') throw new Error(`article failed: ${res.body.failureReason}`);
        return res.body.status === 'verified' ? true : undefined;
      },
      { timeoutMs: VERIFIED_DEADLINE_MS, what: `article ${id} to be verified` },
    );

  beforeAll(async () => {
    ensureWebAppBuilt();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The API runs no workers: the worker context below does, once started.
    t = await createTestApp({ RUN_WORKERS: 'false', QUEUE_PREFIX: queuePrefix, SWEEP_INTERVAL_MS: '500' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const [integration, editor, factchecker] = await Promise.all([
      t.createKey('integration'),
      t.createKey('editor'),
      t.createKey('factchecker'),
    ]);
    keys = { integration, editor, factchecker };
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
  });

  const startWorker = async () => {
    worker ??= await NestFactory.createApplicationContext(
      WorkerModule.forRoot(
        testConfig({ QUEUE_PREFIX: queuePrefix, SWEEP_INTERVAL_MS: '500', LOG_LEVEL: 'silent' }),
      ),
      { logger: false },
    );
  };

  it('serves the app at /app and /app/* without a key, with a CSP and no CDN', async () => {
    for (const url of ['/app', '/app/queue', '/app/articles/3f0e2b1c-8a4d-4c1e-9f3a-2b6d7e8f9a0b']) {
      const res = await t.http.get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).toContain('<div id="root">');
      expect(res.text).not.toMatch(/https?:\/\//);
    }
    const missing = await t.http.get('/app/assets/nope.js');
    expect(missing.status).toBe(404);
  });

  it('article view: an article posted elsewhere shows every claim highlighted, statuses changing live', async () => {
    const tag = uniqueSuffix();
    const text = HAS_SEED
      ? `${(JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as { text: string }).text}\n\n(Browser test ${tag}.)`
      : smallArticle(tag);
    articleId = await post({ text, title: `Troops ${tag}`, outlet, publishedAt: new Date().toISOString() });

    // Opened before any worker runs: the article is still "received", with no claims.
    const page = await openSignedIn(keys.editor, `/app/articles/${articleId}`);
    await page.waitForSelector('[data-live-status="received"]', { timeout: UI_TIMEOUT_MS });
    expect(await page.$$eval('mark[data-claim-id]', (els) => els.length)).toBe(0);
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__sameDocument = true;
    });
    await screenshot(page, 'article-view-received');

    // A worker starts elsewhere: the open page shows extraction and verification as they finish, never reloaded.
    await startWorker();
    await waitVerified(articleId);
    await page.waitForSelector('[data-live-status="verified"]', { timeout: UI_TIMEOUT_MS });
    await page.waitForFunction(
      () => !(globalThis as unknown as PageGlobals).document.querySelector('mark[data-status="pending"]'),
      undefined,
      { timeout: UI_TIMEOUT_MS },
    );
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__sameDocument)).toBe(true);

    // Every claim of the API is highlighted with its status.
    const claims = (await t.http.get(`/v1/articles/${articleId}/claims`).set('X-API-Key', keys.editor)).body
      .items as { id: string; agreementStatus: string; sources: { name: string }[] }[];
    expect(claims.length).toBeGreaterThanOrEqual(HAS_SEED ? 10 : 3);
    const marked = await page.$$eval('mark[data-claim-id]', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-claim-id'), status: e.getAttribute('data-status') })),
    );
    const statusById = new Map(marked.map((m) => [m.id, m.status]));
    const unmarked = claims.filter((c) => statusById.get(c.id) !== c.agreementStatus);
    expect(unmarked.length).toBeLessThanOrEqual(1); // a claim fully inside others may have no piece of its own
    expect(new Set(marked.map((m) => m.status)).size).toBeGreaterThanOrEqual(2);

    // Hovering an attributed claim shows its sources with the cue.
    const attributed = claims.find((c) => c.sources.length > 0 && statusById.has(c.id))!;
    await page.hover(`mark[data-claim-id="${attributed.id}"]`);
    const panel = page.locator(`.claim-panel[data-claim-id="${attributed.id}"]`);
    await panel.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await panel.innerText()).toContain(attributed.sources[0].name);
    expect(await panel.innerText()).toMatch(/Relations/);

    // Keyboard: focus a claim, Enter selects it.
    await page.mouse.move(0, 0);
    await page.focus(`mark[data-claim-id="${attributed.id}"]`);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(`mark[data-claim-id="${attributed.id}"]`, 'aria-pressed')).toBe('true');
    await screenshot(page, 'article-view');
    await page.close();
  });

  it('queue: keyboard only, "take next" leases a claim, the verdict is submitted and the claim leaves the queue', async () => {
    await startWorker();
    await waitFor(
      async () => {
        const res = await t.http
          .get('/v1/review-queue')
          .query({ outlet, available: true })
          .set('X-API-Key', keys.factchecker);
        return (res.body as { items: unknown[] }).items?.length ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'the article’s claims to be queued' },
    );
    const page = await openSignedIn(keys.factchecker, '/app/queue');
    await page.waitForSelector('ol.queue li[data-claim-id]', { timeout: UI_TIMEOUT_MS });

    // Filter by the outlet, by keyboard.
    await page.focus('#filter-outlet');
    await page.keyboard.type(outlet);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (o) =>
        [...(globalThis as unknown as PageGlobals).document.querySelectorAll('ol.queue li .muted')].every(
          (li) => li.textContent?.startsWith(o),
        ),
      outlet,
      { timeout: UI_TIMEOUT_MS },
    );
    await screenshot(page, 'queue-view');

    // Tab to "Take next" and press Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.activeElement?.textContent,
        )) === 'Take next'
      )
        break;
    }
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
    ).toBe('Take next');
    await page.keyboard.press('Enter');
    const form = page.locator('section.review');
    await form.waitFor({ timeout: UI_TIMEOUT_MS });
    const claimId = (await form.getAttribute('data-claim-id'))!;
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe(
      'review-heading',
    );

    // Rating (type-ahead on the select), summary, one evidence row, submit: Tab and keys only. From the heading,
    // Tab passes the link to the article, then reaches the rating.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
    ).toBe('open the article');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe(
      'rating',
    );
    await page.keyboard.type('mostly');
    expect(await page.inputValue('#rating')).toBe('mostly_true');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Two agencies give the same figure; checked against the transcript.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://example.org/transcript');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Official transcript');
    await page.keyboard.press('Tab'); // Add evidence
    await page.keyboard.press('Tab'); // Submit verdict
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
    ).toBe('Submit verdict');
    await screenshot(page, 'review-form');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Verdict saved', { timeout: UI_TIMEOUT_MS });

    const review = await t.http.get(`/v1/claims/${claimId}/review`).set('X-API-Key', keys.factchecker);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      rating: 'mostly_true',
      evidence: [{ url: 'https://example.org/transcript' }],
    });
    const queue = await t.http
      .get('/v1/review-queue')
      .query({ outlet, limit: 100 })
      .set('X-API-Key', keys.factchecker);
    expect((queue.body.items as { claimId: string }[]).map((i) => i.claimId)).not.toContain(claimId);
    await page.waitForFunction(
      (id) =>
        !(globalThis as unknown as PageGlobals).document.querySelector(`ol.queue li[data-claim-id="${id}"]`),
      claimId,
      {
        timeout: UI_TIMEOUT_MS,
      },
    );
    await screenshot(page, 'queue-after-verdict');
    await page.close();
  });

  /** Counts drawn (non-transparent) pixels of a chart's canvas. */
  const drawnPixels = (page: Page, chart: string) =>
    page.$eval(`canvas[data-chart="${chart}"]`, (canvas) => {
      const c = canvas as unknown as PageCanvas;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });

  it('reports: the outlet report and the article report draw their charts; the source page shows a track record', async () => {
    const page = await openSignedIn(keys.editor, `/app/reports?outlet=${encodeURIComponent(outlet)}`);
    await page.waitForSelector('canvas[data-chart="source-type-mix"][data-drawn="true"]', {
      timeout: UI_TIMEOUT_MS,
    });
    await page.waitForSelector('canvas[data-chart="attribution-rate"][data-drawn="true"]', {
      timeout: UI_TIMEOUT_MS,
    });
    expect(await drawnPixels(page, 'source-type-mix')).toBeGreaterThan(500);
    expect(await drawnPixels(page, 'attribution-rate')).toBeGreaterThan(200);
    expect(await page.innerText('main')).toContain(outlet);
    await screenshot(page, 'outlet-report');

    await goTo(page, `/app/articles/${articleId}/report`);
    await page.waitForSelector('canvas[data-chart="attribution-shares"][data-drawn="true"]', {
      timeout: UI_TIMEOUT_MS,
    });
    expect(await drawnPixels(page, 'attribution-shares')).toBeGreaterThan(500);
    expect(
      await page.$$eval('.report-view mark[data-claim-id][data-status]', (els) => els.length),
    ).toBeGreaterThan(2);
    await screenshot(page, 'article-report');

    // A source link leads to its page with its track record.
    await page.click('table.sources-table a');
    await page.waitForSelector('[data-track-record]', { timeout: UI_TIMEOUT_MS });
    expect(await page.innerText('[data-track-record]')).toMatch(
      /\d+ claims · \d+ corroborated · \d+ conflicting/,
    );
    expect(await page.innerText('[data-fact-checked]')).toMatch(/^Fact-checked: .+; prior fact-checks: .+/);
    await page.waitForSelector('canvas[data-chart="source-statuses"][data-drawn="true"]');
    await screenshot(page, 'source-page');
    await page.close();
  });

  it('an article with <script> and onerror= renders inert in every view and in the HTML report', async () => {
    await startWorker();
    const tag = uniqueSuffix();
    const xssOutlet = `<img src=x onerror="window.__xss=9;alert(9)"> ${tag}`;
    const id = await post({
      text: XSS_TEXT(tag),
      title: `<script>window.__xss=8;alert(8)</script> ${tag}`,
      outlet: xssOutlet,
    });
    await waitVerified(id);
    const before = dialogs.length;

    const inert = async (page: Page, name: string) => {
      const state = await page.evaluate(() => {
        const w = globalThis as unknown as PageGlobals;
        return {
          xss: w.__xss,
          scripts: w.document.querySelectorAll('#root script, body script:not([src])').length,
          injected: w.document.querySelectorAll('img[src="x"], svg[onload], [onerror]').length,
          text: w.document.body.innerText,
        };
      });
      expect({ name, xss: state.xss, scripts: state.scripts, injected: state.injected }).toEqual({
        name,
        xss: undefined,
        scripts: 0,
        injected: 0,
      });
      await screenshot(page, name);
      return state.text;
    };

    const page = await openSignedIn(keys.editor, `/app/articles/${id}`);
    await page.waitForSelector('[data-live-status="verified"]', { timeout: UI_TIMEOUT_MS });
    await page.waitForSelector('mark[data-claim-id]', { timeout: UI_TIMEOUT_MS });
    await page.hover('mark[data-claim-id]');
    const articleText = await inert(page, 'xss-article-view');
    expect(articleText).toContain('<script>window.__xss=1;alert(1)</script>');
    expect(articleText).toContain('<img src=x onerror="window.__xss=2;alert(2)">');

    for (const [url, name, ready] of [
      [
        `/app/articles/${id}/report`,
        'xss-article-report',
        'canvas[data-chart="source-type-mix"][data-drawn="true"]',
      ],
      [`/app/reports?outlet=${encodeURIComponent(xssOutlet)}`, 'xss-outlet-report', 'table.list td'],
      ['/app', 'xss-articles', `tr[data-article-id="${id}"]`],
    ] as const) {
      await goTo(page, url);
      await page.waitForSelector(ready, { timeout: UI_TIMEOUT_MS });
      const text = await inert(page, name);
      expect(text).toContain(tag);
    }
    await page.close();

    const queuePage = await openSignedIn(keys.factchecker, `/app/queue`);
    await queuePage.fill('#filter-outlet', xssOutlet);
    await queuePage.press('#filter-outlet', 'Enter');
    await queuePage.waitForSelector('ol.queue li, main.queue-view p:has-text("The queue is empty")', {
      timeout: UI_TIMEOUT_MS,
    });
    await inert(queuePage, 'xss-queue');
    await queuePage.close();

    // The HTML report, loaded as a page of its own (even without its CSP header), runs nothing.
    const html = await t.http.get(`/v1/articles/${id}/report?format=html`).set('X-API-Key', keys.editor);
    const reportPage = await browser.context.newPage();
    reportPage.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await reportPage.setContent(html.text, { waitUntil: 'load' });
    const reportText = await inert(reportPage, 'xss-html-report');
    expect(reportText).toContain('<script>window.__xss=1;alert(1)</script>');
    await reportPage.close();

    expect(dialogs.slice(before)).toEqual([]);
  });
});
