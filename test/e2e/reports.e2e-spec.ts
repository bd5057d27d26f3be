import * as fs from 'node:fs';
import * as path from 'node:path';
import { uniqueSuffix, waitFor } from '../support/db';
import { norm } from '../support/eval-scorer';
import { createTestApp, type TestApp } from '../support/test-app';

/** The shared evaluation material (repo root's sibling ../shared); the seed-article test skips when it is absent. */
const SHARED = path.resolve(__dirname, '../../../shared');
const SEED_FILE = path.join(SHARED, 'eval/dev/seed-nk-troops.json');
const HAS_SEED = fs.existsSync(SEED_FILE);
if (!HAS_SEED) console.warn(`Skipping the seed-article report test: ${SEED_FILE} is absent.`);

const VERIFIED_DEADLINE_MS = 150_000;
jest.setTimeout(200_000);

interface ReportBody {
  article: { id: string; outlet: string | null; status: string };
  text: string;
  measures: {
    claims: number;
    checkworthyClaims: number;
    attributed: number;
    anonymous: number;
    unattributed: number;
    shares: { attributed: number; anonymous: number; unattributed: number };
    singleSourceFigures: number;
    unattributedFigures: number;
    independentOrigins: number;
  };
  sources: {
    id: string;
    name: string;
    type: string;
    claimCount: number;
    statuses: Record<string, number>;
  }[];
  flags: { claimId: string; kind: string; text: string; figures: string[] }[];
  claims: {
    id: string;
    text: string;
    checkworthy: boolean;
    agreementStatus: string;
    attribution: string;
    sources: { name: string }[];
    verdict: unknown;
  }[];
  verdicts: unknown[];
}

/** The XSS probe: markup in the text, the title and the outlet must come out as text in every format. */
const XSS_TEXT = (tag: string) =>
  `Mayor <script>window.__xss=1</script> Ann Lee said the city hired 40 new teachers in ${tag}. ` +
  `The budget grew by 12 percent, <img src=x onerror="window.__xss=2"> the treasurer said. ` +
  `About 300 people attended the opening.`;

describe('Attribution reports (e2e, real PostgreSQL, Redis and workers)', () => {
  let t: TestApp;
  let integrationKey: string;
  let editorKey: string;
  let factcheckerKey: string;

  beforeAll(async () => {
    t = await createTestApp({ SWEEP_INTERVAL_MS: '500' });
    [integrationKey, editorKey, factcheckerKey] = await Promise.all([
      t.createKey('integration'),
      t.createKey('editor'),
      t.createKey('factchecker'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (body: object): Promise<string> => {
    const res = await t.http.post('/v1/articles').set('X-API-Key', integrationKey).send(body);
    expect([200, 202]).toContain(res.status);
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
  const report = async (id: string, key = editorKey): Promise<ReportBody> => {
    const res = await t.http.get(`/v1/articles/${id}/report`).set('X-API-Key', key);
    expect(res.status).toBe(200);
    return res.body as ReportBody;
  };

  (HAS_SEED ? describe : describe.skip)('the seed article', () => {
    let seed: { text: string; title: string };
    let id: string;
    let body: ReportBody;

    beforeAll(async () => {
      seed = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as { text: string; title: string };
      id = await post({ text: seed.text, title: seed.title, outlet: 'Seed Outlet' });
      await waitVerified(id);
      body = await report(id);
    });

    it('lists every source of the article with its type, claim count and statuses', () => {
      const expected = [
        'Seoul',
        'Washington',
        'White House',
        "South Korea's intelligence agency",
        'John Kirby',
        'Kim Jong-gyu',
        'a White House official',
      ];
      // Names compared as the evaluation scorer normalises them (case, apostrophes, "the"/"a", possessive 's).
      const names = body.sources.map((s) => s.name);
      const missing = expected.filter((gold) => !names.some((n) => norm(n) === norm(gold)));
      expect({ missing, names }).toEqual({ missing: [], names });
      for (const s of body.sources) {
        expect(s.claimCount).toBeGreaterThan(0);
        expect(Object.values(s.statuses).reduce((a, b) => a + b, 0)).toBe(s.claimCount);
        expect(['person', 'government', 'organization', 'media', 'document', 'anonymous']).toContain(s.type);
      }
      expect(body.sources.find((s) => norm(s.name) === norm('John Kirby'))?.type).toBe('person');
    });

    it('flags the Camp David and fifth-meeting claims as unattributed', () => {
      const describeFlags = body.flags.map((f) => `${f.kind}: ${f.text}`);
      const flaggedUnattributed = (fragment: string): boolean =>
        body.flags.some(
          (f) => f.text.includes(fragment) && (f.kind === 'unattributed' || f.kind === 'unattributed_figure'),
        );
      expect({ campDavid: flaggedUnattributed('Camp David'), describeFlags }).toEqual({
        campDavid: true,
        describeFlags,
      });
      expect({ fifth: flaggedUnattributed('fifth such meeting'), describeFlags }).toEqual({
        fifth: true,
        describeFlags,
      });
      // The agency's "about 3,000" is corroborated by the White House: never flagged.
      expect(body.flags.some((f) => f.text.includes('about 3,000') && f.kind === 'unattributed_figure')).toBe(
        false,
      );
    });

    it('measures attribution shares of check-worthy claims and independent origins', () => {
      const m = body.measures;
      expect(m.checkworthyClaims).toBeGreaterThanOrEqual(8);
      expect(m.attributed + m.anonymous + m.unattributed).toBe(m.checkworthyClaims);
      expect(m.unattributed).toBeGreaterThanOrEqual(2);
      expect(m.shares.attributed + m.shares.anonymous + m.shares.unattributed).toBeCloseTo(1, 3);
      expect(m.shares.attributed).toBeGreaterThan(0.4);
      // Seoul, Washington, the White House, the agency, Kirby, Kim Jong-gyu, the official: at least six origins.
      expect(m.independentOrigins).toBeGreaterThanOrEqual(6);
    });

    it('renders the same report as Markdown and as an HTML page with the claims marked', async () => {
      const md = await t.http.get(`/v1/articles/${id}/report?format=md`).set('X-API-Key', editorKey);
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toMatch(/^text\/markdown/);
      expect(md.text).toContain('John Kirby');
      expect(md.text).toContain('**UNATTRIBUTED**');
      expect(md.text).toMatch(/\*\*\\\[1\\\]\*\* \*/);

      const html = await t.http.get(`/v1/articles/${id}/report?format=html`).set('X-API-Key', editorKey);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      const marks = html.text.match(/<mark data-claim-id="[0-9a-f-]{36}" data-status="[a-z_]+"/g) ?? [];
      expect(marks.length).toBeGreaterThanOrEqual(body.claims.length - 1);
      expect(html.text).toContain('Kim Jong-gyu');
    });
  });

  describe('an article with markup in it', () => {
    const tag = uniqueSuffix();
    let id: string;

    beforeAll(async () => {
      id = await post({
        text: XSS_TEXT(tag),
        title: `<script>alert("title")</script> ${tag}`,
        outlet: `<img src=x onerror=alert(1)> ${tag}`,
      });
      await waitVerified(id);
    });

    it('keeps markup as text in the JSON, Markdown and HTML reports', async () => {
      const json = await report(id);
      expect(json.text).toContain('<script>window.__xss=1</script>');

      const md = await t.http.get(`/v1/articles/${id}/report?format=md`).set('X-API-Key', editorKey);
      expect(md.status).toBe(200);
      expect(md.text).not.toMatch(/<script|<img|<\/script/i);
      expect(md.text).toContain('&lt;script&gt;');

      const html = await t.http.get(`/v1/articles/${id}/report?format=html`).set('X-API-Key', editorKey);
      expect(html.status).toBe(200);
      expect(html.text).not.toMatch(/<script|<img|onerror="window/i);
      expect(html.text).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
      expect(html.text).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
      expect(html.text).toContain('<title>Attribution report: &lt;script&gt;alert(&quot;title&quot;)');
    });

    it('keeps markup and formulas inert in the CSV', async () => {
      const res = await t.http
        .get('/v1/reports/attribution')
        .query({ outlet: `<img src=x onerror=alert(1)> ${tag}`, format: 'csv' })
        .set('X-API-Key', editorKey);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(id);
      expect(lines[1]).toContain(`<img src=x onerror=alert(1)> ${tag}`);
    });
  });

  describe('across articles', () => {
    const outlet = `Report Outlet ${uniqueSuffix()}`;
    const ids: string[] = [];

    beforeAll(async () => {
      const tag = uniqueSuffix();
      ids.push(
        await post({
          outlet,
          publishedAt: '2024-03-04T10:00:00Z',
          title: 'Budget',
          text:
            `The ${tag} council approved a budget of $4.5 million on Monday, Mayor Jane Ortiz said. ` +
            `About 300 residents attended the meeting, according to an official who asked not to be named. ` +
            `The town has 12 schools.`,
        }),
        await post({
          outlet,
          publishedAt: '2024-03-12T10:00:00Z',
          title: 'Fire',
          text:
            `A fire in ${tag} destroyed 14 homes on Tuesday, fire chief Sam Hill said. ` +
            `The Regional Water Agency said 2,000 households lost water. The blaze started near a warehouse.`,
        }),
        await post({
          outlet: `=HYPERLINK("http://evil.example") ${tag}`,
          publishedAt: '2024-03-05T10:00:00Z',
          text: `In ${tag}, the ministry said 7 bridges were closed. Officials reopened 3 of them on Friday.`,
        }),
      );
      for (const id of ids) await waitVerified(id);
    });

    it('aggregates the article measures per outlet and period, with source-type mix and most-cited sources', async () => {
      const res = await t.http
        .get('/v1/reports/attribution')
        .query({ outlet, from: '2024-03-01', to: '2024-04-01', interval: 'week' })
        .set('X-API-Key', editorKey);
      expect(res.status).toBe(200);
      const body = res.body as {
        articles: number;
        totals: ReportBody['measures'];
        outlets: ({ outlet: string; articles: number } & ReportBody['measures'])[];
        timeline: { period: string; articles: number; attributionRate: number; checkworthyClaims: number }[];
        sourceTypeMix: { type: string; citations: number; share: number }[];
        mostCitedSources: { name: string; claims: number }[];
      };
      expect(body.articles).toBe(2);
      expect(body.outlets).toHaveLength(1);
      expect(body.outlets[0]).toMatchObject({ outlet, articles: 2 });

      // The aggregate equals the sum of the two article reports.
      const [a, b] = await Promise.all([report(ids[0]), report(ids[1])]);
      for (const k of ['claims', 'checkworthyClaims', 'attributed', 'anonymous', 'unattributed'] as const) {
        expect(body.totals[k]).toBe(a.measures[k] + b.measures[k]);
      }
      expect(body.totals.singleSourceFigures).toBe(
        a.measures.singleSourceFigures + b.measures.singleSourceFigures,
      );
      expect(body.totals.checkworthyClaims).toBeGreaterThan(0);
      expect(body.totals.independentOrigins).toBeGreaterThanOrEqual(2);

      // Two ISO weeks (2024-03-04 and 2024-03-11), oldest first.
      expect(body.timeline.map((p) => p.period)).toEqual(['2024-03-04', '2024-03-11']);
      expect(
        body.timeline.every((p) => p.articles === 1 && p.attributionRate >= 0 && p.attributionRate <= 1),
      ).toBe(true);
      expect(body.sourceTypeMix.length).toBeGreaterThan(0);
      expect(body.sourceTypeMix.reduce((n, m) => n + m.share, 0)).toBeCloseTo(1, 2);
      expect(body.mostCitedSources.length).toBeGreaterThan(0);
      expect(body.mostCitedSources[0].claims).toBeGreaterThanOrEqual(body.mostCitedSources.at(-1)!.claims);

      const days = await t.http
        .get('/v1/reports/attribution')
        .query({ outlet, from: '2024-03-05', to: '2024-04-01' })
        .set('X-API-Key', editorKey);
      expect(days.body.articles).toBe(1);
      expect(days.body.timeline.map((p: { period: string }) => p.period)).toEqual(['2024-03-12']);
    });

    it('downloads the rows behind it as CSV, with spreadsheet formulas neutralised', async () => {
      const res = await t.http
        .get('/v1/reports/attribution')
        .query({ from: '2024-03-01', to: '2024-04-01', format: 'csv' })
        .set('X-API-Key', editorKey);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'article_id,outlet,title,date,period,claims,checkworthy_claims,attributed,anonymous,unattributed,' +
          'attribution_rate,single_source_figures,unattributed_figures,independent_origins',
      );
      for (const id of ids) expect(lines.filter((l) => l.startsWith(id))).toHaveLength(1);
      const evil = lines.find((l) => l.startsWith(ids[2]))!;
      expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"")`);
    });

    it('refuses bad filters and the wrong roles with clear messages', async () => {
      const bad = await t.http
        .get('/v1/reports/attribution')
        .query({ from: 'yesterday', format: 'pdf' })
        .set('X-API-Key', editorKey);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('from must be an ISO 8601 date');
      expect(bad.body.message).toContain('format must be json or csv');

      const reversed = await t.http
        .get('/v1/reports/attribution')
        .query({ from: '2024-04-01', to: '2024-03-01' })
        .set('X-API-Key', editorKey);
      expect(reversed.status).toBe(400);

      const factchecker = await t.http.get('/v1/reports/attribution').set('X-API-Key', factcheckerKey);
      expect(factchecker.status).toBe(403);
      expect(factchecker.body.message).toContain('editor');

      const articleForFactchecker = await t.http
        .get(`/v1/articles/${ids[0]}/report`)
        .set('X-API-Key', factcheckerKey);
      expect(articleForFactchecker.status).toBe(200);

      const unknown = await t.http
        .get('/v1/articles/3f0e2b1c-8a4d-4c1e-9f3a-2b6d7e8f9a0b/report')
        .set('X-API-Key', editorKey);
      expect(unknown.status).toBe(404);
      const format = await t.http.get(`/v1/articles/${ids[0]}/report?format=pdf`).set('X-API-Key', editorKey);
      expect(format.status).toBe(400);
      expect(format.body.message).toContain('format must be one of json, md, html');
    });
  });
});
