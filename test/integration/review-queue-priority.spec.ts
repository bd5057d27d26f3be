import { DataSource } from 'typeorm';
import { ReviewQueueRepository } from '../../src/review-queue/review-queue.repository';
import { insertTestArticle, insertTestClaim, openTestDataSource, uniqueWord } from '../support/db';

/** The review queue's priority in SQL (ReviewQueueRepository.refresh), on PostgreSQL. */
describe('review queue priority: source prominence (PostgreSQL)', () => {
  let db: DataSource;
  let queue: ReviewQueueRepository;
  beforeAll(async () => {
    db = await openTestDataSource();
    queue = new ReviewQueueRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  /** A source cited by `claims` check-worthy claims (one article); their ids. */
  const sourceWithClaims = async (claims: number): Promise<string[]> => {
    const name = uniqueWord('Minister ');
    const [source]: { id: string }[] = await db.query(
      `INSERT INTO sources (name, normalized_key, type) VALUES ($1, lower($1), 'person') RETURNING id`,
      [name],
    );
    const article = await insertTestArticle(db);
    const ids: string[] = [];
    for (let i = 0; i < claims; i++) {
      const id = await insertTestClaim(db, article, `${name} said ${i + 10} schools closed.`, i * 60);
      await db.query(`INSERT INTO attributions (claim_id, source_id, role) VALUES ($1, $2, 'primary')`, [
        id,
        source.id,
      ]);
      ids.push(id);
    }
    return ids;
  };
  const itemOf = async (claimId: string): Promise<{ priority: number; reasons: string[] }> =>
    (await db.query(`SELECT priority, reasons FROM review_queue_items WHERE claim_id = $1`, [claimId]))[0];

  it.each([
    // [claims citing the source, reason, prominence share of the priority]
    [1, null, 0],
    [3, 'prominent source (3 claims)', 0.1 * (Math.log(4) / Math.log(51))],
    [50, 'prominent source (50 claims)', 0.1],
    [120, 'prominent source (over 50 claims)', 0.1],
  ])('%i claims: %s', async (claims, reason, share) => {
    const ids = await sourceWithClaims(claims);
    await queue.refresh({ claimIds: [ids[0]] });
    const item = await itemOf(ids[0]);
    const prominence = item.reasons.filter((r) => r.startsWith('prominent source'));
    expect(prominence).toEqual(reason ? [reason] : []);
    // The rest: check-worthiness 0.4 × 0.9, no agreement share (pending), recency up to 0.1 (a new article).
    const rest = item.priority - share;
    expect(rest).toBeGreaterThanOrEqual(0.36 - 1e-4);
    expect(rest).toBeLessThanOrEqual(0.36 + 0.1 + 1e-4);
  });

  it('counts a claim that cites the source twice (primary and via) once', async () => {
    const ids = await sourceWithClaims(2);
    const [{ source }]: { source: string }[] = await db.query(
      `SELECT source_id AS source FROM attributions WHERE claim_id = $1`,
      [ids[0]],
    );
    await db.query(`INSERT INTO attributions (claim_id, source_id, role) VALUES ($1, $2, 'via')`, [
      ids[1],
      source,
    ]);
    await queue.refresh({ claimIds: [ids[0]] });
    expect((await itemOf(ids[0])).reasons).toContain('prominent source (2 claims)');
  });
});
