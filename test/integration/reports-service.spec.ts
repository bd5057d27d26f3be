import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { ReportsModule } from '../../src/reports/reports.module';
import { ReportsService } from '../../src/reports/reports.service';
import { insertTestArticle, insertTestClaim, testConfig, uniqueSuffix } from '../support/db';

/**
 * The report measures on hand-made claims in real PostgreSQL: named, anonymous-only and missing attribution; relays;
 * single-source and unattributed figures; the cross-article aggregate equals the article's own measures.
 */
describe('ReportsService (real PostgreSQL)', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let reports: ReportsService;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig({ LOG_LEVEL: 'silent' })), DatabaseModule, ReportsModule],
    }).compile();
    await moduleRef.init();
    db = moduleRef.get(DataSource);
    reports = moduleRef.get(ReportsService);
  });
  afterAll(async () => {
    await moduleRef?.close();
  });

  const source = async (name: string, type: string): Promise<string> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO sources (name, normalized_key, type) VALUES ($1, $2, $3) RETURNING id`,
      [name, `${name.toLowerCase()} ${uniqueSuffix()}`, type],
    );
    return rows[0].id;
  };
  const attribute = (claimId: string, sourceId: string, role = 'primary') =>
    db.query(`INSERT INTO attributions (claim_id, source_id, role, cue_text) VALUES ($1, $2, $3, 'said')`, [
      claimId,
      sourceId,
      role,
    ]);
  const figure = (claimId: string, text: string, kind = 'count') =>
    db.query(
      `INSERT INTO quantities (claim_id, span_start, span_end, text, value, bound, kind) VALUES ($1, 0, 1, $2, 3, 'exact', $3)`,
      [claimId, text, kind],
    );
  const status = (claimId: string, s: string) =>
    db.query(`UPDATE claims SET agreement_status = $2 WHERE id = $1`, [claimId, s]);

  it('counts attribution by kind, flags figures, and counts independent origins (relays collapse)', async () => {
    const outlet = `Outlet ${uniqueSuffix()}`;
    const text = `A said 3 things. An official said 7. Nobody said 9. The year was 2024. Via Agency, B said so.`;
    const articleId = await insertTestArticle(db, `${text} ${uniqueSuffix()}`);
    await db.query(
      `UPDATE articles SET outlet = $2, status = 'verified', published_at = '2024-05-06T12:00:00Z' WHERE id = $1`,
      [articleId, outlet],
    );
    const named = await insertTestClaim(db, articleId, 'A said 3 things.', 0);
    const anonymous = await insertTestClaim(db, articleId, 'An official said 7.', 17);
    const none = await insertTestClaim(db, articleId, 'Nobody said 9.', 37);
    const yearOnly = await insertTestClaim(db, articleId, 'The year was 2024.', 52);
    const relayed = await insertTestClaim(db, articleId, 'Via Agency, B said so.', 71);

    const a = await source('A', 'person');
    const official = await source('an official', 'anonymous');
    const agency = await source('Agency', 'media');
    const b = await source('B', 'person');
    await attribute(named, a);
    await attribute(anonymous, official);
    await attribute(relayed, b);
    await attribute(relayed, agency, 'via');
    await figure(named, '3');
    await figure(anonymous, '7');
    await figure(none, '9');
    await figure(yearOnly, '2024', 'year');
    await status(named, 'corroborated');
    await status(anonymous, 'single_source');
    await status(none, 'unattributed');
    await status(yearOnly, 'unattributed');
    await status(relayed, 'single_source');

    const report = await reports.articleReport(articleId);
    expect(report.measures).toMatchObject({
      claims: 5,
      checkworthyClaims: 5,
      attributed: 2,
      anonymous: 1,
      unattributed: 2,
      shares: { attributed: 0.4, anonymous: 0.2, unattributed: 0.4 },
      singleSourceFigures: 1,
      unattributedFigures: 1,
      // A, the official, B (Agency only relays B's claim).
      independentOrigins: 3,
    });
    expect(report.flags.map((f) => [f.claimId, f.kind])).toEqual([
      [anonymous, 'single_source_figure'],
      [none, 'unattributed_figure'],
      [yearOnly, 'unattributed'],
    ]);
    const agencyRow = report.sources.find((s) => s.id === agency)!;
    expect(agencyRow).toMatchObject({ claimCount: 1, viaCount: 1, statuses: { single_source: 1 } });
    expect(report.claims.map((c) => c.attribution)).toEqual(['named', 'anonymous', 'none', 'none', 'named']);

    const across = await reports.attributionReport({ outlet, interval: 'week' });
    expect(across.articles).toBe(1);
    expect(across.totals).toEqual(report.measures);
    expect(across.outlets).toEqual([{ outlet, articles: 1, ...report.measures }]);
    expect(across.timeline).toEqual([
      { period: '2024-05-06', articles: 1, ...report.measures, attributionRate: 0.4 },
    ]);
    // Most citations first; ties in the source_type enum's order.
    expect(across.sourceTypeMix).toEqual([
      { type: 'person', citations: 2, sources: 2, share: 0.5 },
      { type: 'media', citations: 1, sources: 1, share: 0.25 },
      { type: 'anonymous', citations: 1, sources: 1, share: 0.25 },
    ]);
    expect(across.mostCitedSources.map((s) => s.claims)).toEqual([1, 1, 1, 1]);

    const outside = await reports.attributionReport({ outlet, from: '2024-05-07', interval: 'day' });
    expect(outside.articles).toBe(0);
    expect(outside.totals.shares.attributed).toBe(0);
  });
});
