import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ClaimsRepository } from '../../src/claims/claims.repository';
import { LexemeStatisticsRepository } from '../../src/claims/lexeme-statistics.repository';
import { CANDIDATE_LIMIT } from '../../src/verification/verification.service';
import {
  insertTestArticle,
  insertTestClaim,
  openTestDataSource,
  testConfig,
  uniqueWord,
} from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(60_000);

/** A made-up proper name (letters only), capitalised. */
const name = (prefix: string) => {
  const w = uniqueWord(prefix);
  return w[0].toUpperCase() + w.slice(1);
};

/**
 * Candidate retrieval narrowed by time on real PostgreSQL: the same fact told by articles published near the
 * claim's article, long before, long after, and without a date.
 */
describe('ClaimsRepository.findCandidateIds narrowed by publication time (PostgreSQL)', () => {
  let dataSource: DataSource;
  let claims: ClaimsRepository;
  const place = name('tarn');
  const ids: Record<'claim' | 'near' | 'undated' | 'stale' | 'later' | 'undatedClaim', string> = {
    claim: '',
    near: '',
    undated: '',
    stale: '',
    later: '',
    undatedClaim: '',
  };

  /** A claim stating the fact, in a new article published at `publishedAt` (null: no date). */
  const factIn = async (publishedAt: string | null, wording: string): Promise<string> => {
    const article = await insertTestArticle(dataSource);
    await dataSource.query(`UPDATE articles SET published_at = $2 WHERE id = $1`, [article, publishedAt]);
    return insertTestClaim(dataSource, article, wording);
  };

  /**
   * The fixture claims among the candidates (the run's database is shared: other suites' claims sharing two of the
   * claim's lexemes, "people" and "evacuated", may be candidates too).
   */
  const fixtures = (found: string[]): string[] =>
    found.filter((id) => Object.values(ids).includes(id)).sort();

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    claims = new ClaimsRepository(dataSource, new LexemeStatisticsRepository(dataSource), testConfig());
    ids.claim = await factIn(
      '2026-03-15T09:00:00Z',
      `Officials said 2,315 people were evacuated from ${place}.`,
    );
    ids.near = await factIn(
      '2026-01-20T09:00:00Z',
      `Some 2,315 residents of ${place} were evacuated, police said.`,
    );
    ids.undated = await factIn(null, `About 2,315 people left ${place} on buses.`);
    ids.stale = await factIn(
      '2024-11-01T09:00:00Z',
      `In ${place}, 2,315 people were evacuated after the flood.`,
    );
    ids.later = await factIn('2027-09-01T09:00:00Z', `${place} said 2,315 evacuees could not return home.`);
    ids.undatedClaim = await factIn(null, `The mayor said 2,315 people were evacuated from ${place}.`);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it("stores each claim with its article's publication time (copied by the database on insert)", async () => {
    const rows: { id: string; copied: Date | null; published: Date | null }[] = await dataSource.query(
      `SELECT c.id, c.article_published_at AS copied, a.published_at AS published
         FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ANY($1)`,
      [Object.values(ids)],
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.copied?.toISOString() ?? null).toBe(r.published?.toISOString() ?? null);
    expect(rows.filter((r) => r.copied === null)).toHaveLength(2);
  });

  it('keeps claims of articles published within the window (default 365 days) and those without a date', async () => {
    const found = fixtures(await claims.findCandidateIds(ids.claim, CANDIDATE_LIMIT));
    expect(found).toEqual([ids.near, ids.undated, ids.undatedClaim].sort());
  });

  it('does not narrow a claim whose article has no date, nor with a window of 0 days', async () => {
    const all = [ids.claim, ids.near, ids.undated, ids.stale, ids.later];
    expect(fixtures(await claims.findCandidateIds(ids.undatedClaim, CANDIDATE_LIMIT))).toEqual(all.sort());
    expect(fixtures(await claims.findCandidateIds(ids.claim, CANDIDATE_LIMIT, { windowDays: 0 }))).toEqual(
      [ids.near, ids.undated, ids.stale, ids.later, ids.undatedClaim].sort(),
    );
  });

  it('takes a window per call, and the configured one (CANDIDATE_WINDOW_DAYS) when the repository is injected', async () => {
    expect(fixtures(await claims.findCandidateIds(ids.claim, CANDIDATE_LIMIT, { windowDays: 1000 }))).toEqual(
      [ids.near, ids.undated, ids.stale, ids.later, ids.undatedClaim].sort(),
    );
    const context: TestingModule = await createServiceContext({ CANDIDATE_WINDOW_DAYS: '30' });
    try {
      const injected = context.get(ClaimsRepository);
      // 2026-01-20 is 54 days before the claim's article: outside a 30-day window
      expect(fixtures(await injected.findCandidateIds(ids.claim, CANDIDATE_LIMIT))).toEqual(
        [ids.undated, ids.undatedClaim].sort(),
      );
    } finally {
      await context.close();
    }
  });

  it('reads claims from the GIN index and checks the window on the claim rows (no article read)', async () => {
    // A corpus large enough for the planner to prefer indexes: claims sharing none of the fact's words.
    await dataSource.query(
      `WITH a AS (
         INSERT INTO articles (content_hash, text, published_at)
         SELECT md5($1 || g) || md5($1 || g || 'x'), 'filler ' || $1 || g, now() - g * interval '1 day'
           FROM generate_series(1, 1500) g
         RETURNING id)
       INSERT INTO claims (article_id, span_start, span_end, sentence, text, checkworthy, score)
       SELECT id, 0, 60, 0, 'The council approved a new budget for schools and roads.', true, 0.5 FROM a`,
      [uniqueWord('f')],
    );
    await dataSource.query('ANALYZE claims');
    await dataSource.query('ANALYZE articles');
    // The candidate query's shape (findCandidateIdsForClaims): one LATERAL search per claim.
    const search = {
      id: ids.claim,
      article_id: '00000000-0000-4000-8000-000000000000',
      open: `'${place.toLowerCase()}' | '2,315'`,
      match: `'${place.toLowerCase()}' & '2,315'`,
      distinctive: [place.toLowerCase(), '2,315'],
      rank: `'${place.toLowerCase()}' | '2,315'`,
      published_from: '2025-03-15T09:00:00Z',
      published_to: '2027-03-15T09:00:00Z',
    };
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN SELECT q.id, m.id
         FROM jsonb_to_recordset($1::jsonb)
              AS q(id uuid, article_id uuid, open tsquery, match tsquery, distinctive text[], rank tsquery,
                   published_from timestamptz, published_to timestamptz)
        CROSS JOIN LATERAL (
              SELECT c.id FROM claims c
               WHERE c.search_vector @@ q.open AND ts_match_vq(c.search_vector, q.match)
                 AND c.article_id <> q.article_id
                 AND (q.published_from IS NULL OR c.article_published_at IS NULL
                      OR c.article_published_at BETWEEN q.published_from AND q.published_to)
               ORDER BY length(c.search_vector) - length(ts_delete(c.search_vector, q.distinctive)) DESC,
                        ts_rank(c.search_vector, q.rank) DESC, c.id
               LIMIT 20) m`,
      [JSON.stringify([search])],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('ix_claims_search_vector');
    expect(text).not.toMatch(/articles|Seq Scan|SubPlan/);
  });
});
