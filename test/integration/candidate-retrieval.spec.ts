import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClaimsRepository } from '../../src/claims/claims.repository';
import { LexemeStatisticsRepository } from '../../src/claims/lexeme-statistics.repository';
import { CANDIDATE_LIMIT } from '../../src/verification/verification.service';
import { insertTestArticle, insertTestClaim, openTestDataSource, uniqueWord, waitFor } from '../support/db';

const DISTRACTORS = 600;

/** `count` new articles with one claim each, whose text is the SQL expression `text` (row_number() varies it). */
const insertClaimsInArticles = (
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  count: number,
  text: string,
) =>
  db.query(
    `WITH a AS (
       INSERT INTO articles (content_hash, text)
       SELECT md5($1 || g) || md5($1 || g || 'x'), 'bulk ' || $1 || g FROM generate_series(1, $2) g
       RETURNING id
     )
     INSERT INTO claims (article_id, span_start, span_end, sentence, text, checkworthy, score)
     SELECT id, 0, 100, 0, ${text}, true, 0.5 FROM a`,
    [uniqueWord('bulk'), count],
  );

/** A made-up proper name (letters only), capitalised. */
const name = (prefix: string) => {
  const w = uniqueWord(prefix);
  return w[0].toUpperCase() + w.slice(1);
};

/**
 * Candidate retrieval for verification on real PostgreSQL, with the corpus statistics ANALYZE keeps: hundreds of
 * claims of other articles share the claim's frequent words; the same fact, told by another article in other words
 * but with the same place and figure, is still found, and claims sharing only frequent words are not.
 */
describe('ClaimsRepository.findCandidateIds (PostgreSQL, narrowed by distinctive lexemes)', () => {
  let dataSource: DataSource;
  let statistics: LexemeStatisticsRepository;
  let claims: ClaimsRepository;
  let claim: string;
  let sameFact: string;
  let sameFactFromSibling: string;
  let onePlaceOnly: string;
  const place = name('harb');
  const governor = name('berg');

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    statistics = new LexemeStatisticsRepository(dataSource);
    claims = new ClaimsRepository(dataSource, statistics);
    const article = await insertTestArticle(dataSource);
    claim = await insertTestClaim(
      dataSource,
      article,
      `Officials said 1,870 people were moved to hospitals in ${place} after the storm, governor ${governor} told reporters.`,
    );
    sameFactFromSibling = await insertTestClaim(
      dataSource,
      article,
      `About 1,870 people were taken to hospitals in ${place}.`,
      200,
    );
    sameFact = await insertTestClaim(
      dataSource,
      await insertTestArticle(dataSource),
      `Some 1,870 patients were taken to hospital in ${place}, the health ministry said.`,
    );
    // Shares one distinctive word (the place) and nothing else: two lexemes are the minimum.
    onePlaceOnly = await insertTestClaim(dataSource, await insertTestArticle(dataSource), `${place}.`);
    // Distractors in other articles sharing many of the claim's frequent words (more than the same-fact claim does),
    // none of its distinctive ones.
    await insertClaimsInArticles(
      dataSource,
      DISTRACTORS,
      `'Officials said people were moved to hospitals after the storm, the governor told reporters and '
         || (ARRAY['residents', 'doctors', 'nurses', 'police'])[1 + (row_number() OVER ()) % 4] || '.'`,
    );
    await dataSource.query('ANALYZE claims');
    statistics.forget();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('reads the frequent lexemes from the corpus statistics', async () => {
    const { rows, documents } = await statistics.statistics('claims');
    expect(rows).toBeGreaterThan(DISTRACTORS);
    expect(documents.get('said')).toBeGreaterThan(DISTRACTORS / 2);
    expect(documents.get('hospit')).toBeGreaterThan(DISTRACTORS / 2);
    expect(documents.get(place.toLowerCase()) ?? 0).toBeLessThan(10);
  });

  it('finds the same fact in another article among many distractors sharing common words', async () => {
    const found = await claims.findCandidateIds(claim, CANDIDATE_LIMIT);
    expect(found[0]).toBe(sameFact);
    // The claim's own article is left to the sibling comparison.
    expect(found).not.toContain(sameFactFromSibling);
    expect(found).not.toContain(claim);
  });

  it('ignores claims sharing only frequent words, or a single word', async () => {
    const found = await claims.findCandidateIds(claim, CANDIDATE_LIMIT);
    expect(found).toEqual([sameFact]);
    expect(found).not.toContain(onePlaceOnly);
  });

  it('gives no candidates to a claim made only of frequent words', async () => {
    const generic = await insertTestClaim(
      dataSource,
      await insertTestArticle(dataSource),
      'Officials said people were moved to hospitals after the storm.',
    );
    expect(await claims.findCandidateIds(generic, CANDIDATE_LIMIT)).toEqual([]);
  });

  it('for several claims at once, gives each claim what it gets alone', async () => {
    const generic = await insertTestClaim(
      dataSource,
      await insertTestArticle(dataSource),
      'Officials said people were moved to hospitals after the storm.',
    );
    const ids = [claim, generic, sameFact, onePlaceOnly, randomUUID()];
    const together = await claims.findCandidateIdsForClaims(ids, CANDIDATE_LIMIT);
    expect([...together.keys()]).toEqual(ids);
    for (const id of ids)
      expect(together.get(id)).toEqual(await claims.findCandidateIds(id, CANDIDATE_LIMIT));
    expect(together.get(claim)).toEqual([sameFact]);
    expect(together.get(sameFact)).toContain(claim);
  });

  it('answers from the GIN index, not a scan of the table', async () => {
    const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN SELECT id FROM claims WHERE search_vector @@ $1::tsquery`,
      [`'${place.toLowerCase()}' & 'hospit'`],
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_claims_search_vector');
  });

  it('counts the rows stored since the last ANALYZE: frequencies scale with the live table', async () => {
    const before = await statistics.statistics('claims');
    // As many claims again, all with "said", and no ANALYZE: the sampled frequencies stay, the table doubles.
    const runner = dataSource.createQueryRunner();
    try {
      await insertClaimsInArticles(
        runner,
        Math.round(before.rows),
        `'The council said the bridge would reopen.'`,
      );
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
    const after = await waitFor(
      async () => {
        statistics.forget();
        const read = await statistics.statistics('claims');
        return read.rows >= 1.9 * before.rows ? read : undefined;
      },
      { timeoutMs: 15_000, what: 'the live row count' },
    );
    expect(after.documents.get('said')! / before.documents.get('said')!).toBeCloseTo(
      after.rows / before.rows,
      5,
    );
  }, 30_000);
});
