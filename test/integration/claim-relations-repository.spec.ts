import { DataSource } from 'typeorm';
import { ClaimRelationsRepository, orderedPair, pairKey } from '../../src/claims/claim-relations.repository';
import { insertTestArticle, insertTestClaim, openTestDataSource } from '../support/db';

describe('ClaimRelationsRepository (PostgreSQL)', () => {
  let dataSource: DataSource;
  let relations: ClaimRelationsRepository;
  let x: string;
  let y: string;
  beforeAll(async () => {
    dataSource = await openTestDataSource();
    relations = new ClaimRelationsRepository(dataSource);
    const article = await insertTestArticle(dataSource);
    x = await insertTestClaim(dataSource, article, 'About 3,000 troops were dispatched.');
    y = await insertTestClaim(dataSource, article, 'At least 3,000 troops moved.', 40);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  const agree = {
    relation: 'agree' as const,
    score: 0.9,
    method: 'quantity-interval',
    explanation: 'overlap',
  };
  const rowsFor = async () =>
    dataSource.query(
      `SELECT claim_a_id, claim_b_id, relation FROM claim_relations WHERE claim_a_id = ANY($1)`,
      [[x, y]],
    );

  it('stores a pair once, in order, whichever claim comes first; the same relation again changes nothing', async () => {
    expect(await relations.upsert(y, x, agree)).toBe('inserted');
    expect(await relations.upsert(x, y, agree)).toBe('unchanged');
    expect(await relations.upsert(y, x, agree)).toBe('unchanged');
    const rows = await rowsFor();
    expect(rows).toEqual([
      { claim_a_id: orderedPair(x, y)[0], claim_b_id: orderedPair(x, y)[1], relation: 'agree' },
    ]);
  });

  it('updates the pair when the relation changes, and deletes it when it no longer holds', async () => {
    expect(await relations.upsert(x, y, { ...agree, relation: 'conflict', explanation: 'disjoint' })).toBe(
      'updated',
    );
    expect((await relations.findForClaims([x]))[0]).toEqual(
      expect.objectContaining({ relation: 'conflict', explanation: 'disjoint' }),
    );
    expect(await relations.deletePair(y, x)).toBe(true);
    expect(await relations.deletePair(y, x)).toBe(false);
    expect(await rowsFor()).toEqual([]);
  });

  it('upserts and deletes many pairs in one statement, telling which changed', async () => {
    const article = await insertTestArticle(dataSource);
    const [p, q, r] = await Promise.all(
      ['Claim p.', 'Claim q.', 'Claim r.'].map((t, i) => insertTestClaim(dataSource, article, t, i * 20)),
    );
    const first = await relations.upsertMany([
      { claimX: q, claimY: p, ...agree },
      { claimX: r, claimY: p, ...agree, relation: 'conflict' },
    ]);
    expect(first).toEqual(
      new Map([
        [pairKey(p, q), 'inserted'],
        [pairKey(p, r), 'inserted'],
      ]),
    );
    // Same values for (p, q): unchanged, absent; (p, r) now agrees: updated; (q, r) new.
    const second = await relations.upsertMany([
      { claimX: p, claimY: q, ...agree },
      { claimX: p, claimY: r, ...agree },
      { claimX: r, claimY: q, ...agree },
    ]);
    expect(second).toEqual(
      new Map([
        [pairKey(p, r), 'updated'],
        [pairKey(q, r), 'inserted'],
      ]),
    );
    expect(
      await relations.deletePairs([
        [r, p],
        [q, p],
        [p, q],
      ]),
    ).toEqual(new Set([pairKey(p, r), pairKey(p, q)]));
    expect((await relations.findForClaims([p, q, r])).map((x) => pairKey(x.claimAId, x.claimBId))).toEqual([
      pairKey(q, r),
    ]);
  });

  it('holds under concurrent upserts of the same pair (one row)', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => relations.upsert(i % 2 ? x : y, i % 2 ? y : x, agree)),
    );
    expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
    expect(await rowsFor()).toHaveLength(1);
  });

  it('refuses an unordered pair at the database level (check constraint)', async () => {
    const [a, b] = orderedPair(x, y);
    await expect(
      dataSource.query(
        `INSERT INTO claim_relations (claim_a_id, claim_b_id, relation, score, method, explanation) VALUES ($1, $2, 'agree', 1, 'm', 'e')`,
        [b, a],
      ),
    ).rejects.toThrow(/ck_claim_relations_ordered_pair/);
  });
});
