import type { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { ClaimsRepository } from '../../src/claims/claims.repository';
import { NotFoundError } from '../../src/common/errors';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { VerificationService } from '../../src/verification/verification.service';
import { uniqueWord } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ClaimState {
  article: number;
  sentence: number;
  status: string;
  agreeing: number;
  conflicting: number;
  verifiedRevision: number | null;
}

/**
 * Verifying claims in one batch (VerificationService.verifyClaims, what a worker does with the jobs it holds at once)
 * must reach what verifying them one by one reaches: the same relations, statuses and counts. Real PostgreSQL and
 * Redis, no workers.
 */
describe('batch verification (PostgreSQL + Redis, no workers)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let verification: VerificationService;

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_batch` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    verification = context.get(VerificationService);
  });
  afterAll(async () => {
    await context.close();
  });

  /** Three outlets on one dam collapse: two tolls that agree, one that conflicts; plus an unrelated article. */
  const texts = (place: string, person: string): { text: string; outlet: string }[] => [
    {
      text:
        `At least 40 people were killed when a dam collapsed in ${place} on Monday, police chief Marta ${person} said. ` +
        `Rescue teams were still searching the river banks on Tuesday.`,
      outlet: 'Northern Ledger',
    },
    {
      text:
        `The dam collapse in ${place} on Monday killed 12 people, regional governor Anil ${person}son said. ` +
        `Schools in the valley stayed closed.`,
      outlet: 'Valley Post',
    },
    {
      text:
        `About 45 people died when the dam in ${place} collapsed on Monday, Red Cross spokesman Jonas ${person}ley ` +
        `told reporters. Aid lorries reached the valley on Wednesday.`,
      outlet: 'Coast Herald',
    },
    {
      text: `A ferry strike in ${place}port left 300 lorries stranded on Thursday, the harbour master said.`,
      outlet: 'Coast Herald',
    },
  ];

  /** Stores and extracts the articles (not verified); their claim ids in article and reading order. */
  const ingestAll = async (
    place: string,
    person: string,
  ): Promise<{ articleIds: string[]; claims: string[] }> => {
    const articleIds: string[] = [];
    for (const t of texts(place, person)) {
      const { id } = await articles.submit(t);
      await extraction.extract(id);
      articleIds.push(id);
    }
    const rows: { id: string }[] = await db.query(
      `SELECT c.id FROM claims c WHERE c.article_id = ANY($1)
        ORDER BY array_position($1::uuid[], c.article_id), c.span_start`,
      [articleIds],
    );
    return { articleIds, claims: rows.map((r) => r.id) };
  };

  /** Each claim's state and relations, keyed by position (article index, sentence), so two worlds compare. */
  const snapshot = async (articleIds: string[]) => {
    const rows: (ClaimState & { id: string })[] = await db.query(
      `SELECT c.id, array_position($1::uuid[], c.article_id) AS article, c.sentence,
              c.agreement_status AS status, c.agreeing_origins AS agreeing, c.conflicting_origins AS conflicting,
              c.verified_revision AS "verifiedRevision"
         FROM claims c WHERE c.article_id = ANY($1) ORDER BY 2, c.span_start`,
      [articleIds],
    );
    const position = new Map(rows.map((r) => [r.id, `${r.article}.${r.sentence}`]));
    const relations: { a: string; b: string; relation: string; method: string }[] = await db.query(
      `SELECT claim_a_id AS a, claim_b_id AS b, relation, method FROM claim_relations
        WHERE claim_a_id = ANY($1) OR claim_b_id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
    return {
      claims: rows.map(({ article, sentence, status, agreeing, conflicting }) => ({
        at: `${article}.${sentence}`,
        status,
        agreeing,
        conflicting,
      })),
      relations: relations
        .map(
          (r) => [position.get(r.a), position.get(r.b)].sort().join(' ~ ') + ` ${r.relation} (${r.method})`,
        )
        .sort(),
    };
  };

  /**
   * The first and third texts (two tolls that agree) stored, extracted and verified together; the articles and the
   * first claim of each.
   */
  const verifiedAgreeingPair = async (placePrefix: string, personPrefix: string) => {
    const [earlier, , agreeing] = texts(uniqueWord(placePrefix), uniqueWord(personPrefix));
    const ids: string[] = [];
    for (const t of [earlier, agreeing]) {
      const { id } = await articles.submit(t);
      await extraction.extract(id);
      ids.push(id);
    }
    const all: { id: string }[] = await db.query(`SELECT id FROM claims WHERE article_id = ANY($1)`, [ids]);
    await verification.verifyClaims(all.map((c) => ({ claimId: c.id, revision: 1, attempt: 1 })));
    const firsts: { id: string }[][] = await Promise.all(
      ids.map((articleId) =>
        db.query(`SELECT id FROM claims WHERE article_id = $1 ORDER BY span_start LIMIT 1`, [articleId]),
      ),
    );
    return { ids, a: firsts[0][0].id, b: firsts[1][0].id };
  };
  /**
   * What an editor's merge does to claim `a`: its primary attribution now names `b`'s source, and the change is
   * recorded (source_changes, as SourceEditsService records it).
   */
  const giveSourceOf = async (a: string, b: string): Promise<void> => {
    const [{ source }]: { source: string }[] = await db.query(
      `SELECT source_id AS source FROM attributions WHERE claim_id = $1 AND role = 'primary'`,
      [b],
    );
    await db.query(`UPDATE attributions SET source_id = $2 WHERE claim_id = $1 AND role = 'primary'`, [
      a,
      source,
    ]);
    await db.query(
      `INSERT INTO source_changes (kind, source_id, target_id, claim_ids, actor) VALUES ('merge', $1, $1, $2, 'test')`,
      [source, [a]],
    );
  };
  /** The stored relation of a pair, in either order. */
  const relationBetween = (a: string, b: string): Promise<{ relation: string }[]> =>
    db.query(
      `SELECT relation FROM claim_relations WHERE (claim_a_id, claim_b_id) IN (($1::uuid, $2::uuid), ($2, $1))`,
      [a, b],
    );

  it('reaches the same relations, statuses and counts as verifying the claims one by one', async () => {
    // One by one, in article order, each article's re-verifications run before the next article (as workers would).
    const one = await ingestAll(uniqueWord('Zor'), uniqueWord('Vel'));
    for (const id of one.claims) await verification.verifyClaim({ claimId: id, revision: 1, attempt: 1 });
    for (;;) {
      const behind: { id: string; revision: number }[] = await db.query(
        `SELECT id, revision FROM claims WHERE article_id = ANY($1) AND verified_revision < revision`,
        [one.articleIds],
      );
      if (!behind.length) break;
      for (const c of behind)
        await verification.verifyClaim({ claimId: c.id, revision: c.revision, attempt: 1 });
    }

    // Every claim of the four articles in one batch.
    const all = await ingestAll(uniqueWord('Kar'), uniqueWord('Bro'));
    const results = await verification.verifyClaims(
      all.claims.map((id) => ({ claimId: id, revision: 1, attempt: 1, jobId: `job-${id}` })),
    );
    expect(results.every((r) => 'outcome' in r && !r.outcome.skipped)).toBe(true);

    const sequential = await snapshot(one.articleIds);
    const batched = await snapshot(all.articleIds);
    expect(batched).toEqual(sequential);
    // And what they reach is right: the two tolls that agree both conflict with the third.
    const first = batched.claims.find((c) => c.at === '1.0');
    expect(first).toMatchObject({ status: 'conflicting', agreeing: 2, conflicting: 1 });
    expect(batched.relations.filter((r) => r.includes(' conflict '))).toHaveLength(2);
    expect(batched.relations.filter((r) => r.includes(' agree '))).toHaveLength(1);
    // Nobody outside the batch was touched, so nothing was bumped; one run per claim, each telling its batch.
    const runs: { claimId: string; revision: number; jobId: string; batch: number }[] = await db.query(
      `SELECT claim_id AS "claimId", revision, job_id AS "jobId", (result->>'batch')::int AS batch
         FROM verification_runs WHERE claim_id = ANY($1)`,
      [all.claims],
    );
    expect(runs).toHaveLength(all.claims.length);
    expect(
      runs.every((r) => r.revision === 1 && r.jobId === `job-${r.claimId}` && r.batch === all.claims.length),
    ).toBe(true);
    const revisions: { revision: number; verified: number }[] = await db.query(
      `SELECT revision, verified_revision AS verified FROM claims WHERE id = ANY($1)`,
      [all.claims],
    );
    expect(revisions.every((r) => r.revision === 1 && r.verified === 1)).toBe(true);
  });

  it('answers each command: a missing claim fails alone, a claim asked twice is verified once', async () => {
    const { articleIds, claims } = await ingestAll(uniqueWord('Lum'), uniqueWord('Dar'));
    const missing = randomUUID();
    const cmds = [
      { claimId: claims[0], revision: 1, attempt: 1 },
      { claimId: missing, revision: 1, attempt: 1 },
      { claimId: claims[0], revision: 1, attempt: 2 },
      ...claims.slice(1).map((id) => ({ claimId: id, revision: 1, attempt: 1 })),
    ];
    const results = await verification.verifyClaims(cmds);
    expect(results).toHaveLength(cmds.length);
    expect('error' in results[1] && results[1].error).toBeInstanceOf(NotFoundError);
    expect(results.filter((r) => 'outcome' in r && !r.outcome.skipped)).toHaveLength(cmds.length - 1);
    expect(results[0]).toEqual(results[2]);
    const runs: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM verification_runs WHERE claim_id = $1`,
      [claims[0]],
    );
    expect(Number(runs[0].n)).toBe(1);
    // Verified already: asking again skips them all.
    const again = await verification.verifyClaims(
      claims.map((id) => ({ claimId: id, revision: 1, attempt: 2 })),
    );
    expect(again.every((r) => 'outcome' in r && r.outcome.skipped)).toBe(true);
    expect((await snapshot(articleIds)).claims.every((c) => c.status !== 'pending')).toBe(true);
  });

  it('a batch of new claims re-verifies the verified claims they relate to, once each', async () => {
    const place = uniqueWord('Pel');
    const person = uniqueWord('Rin');
    const [earlier, ...later] = texts(place, person);
    const { id: earlierId } = await articles.submit(earlier);
    await extraction.extract(earlierId);
    const [first]: { id: string }[] = await db.query(
      `SELECT id FROM claims WHERE article_id = $1 ORDER BY span_start LIMIT 1`,
      [earlierId],
    );
    await verification.verifyClaim({ claimId: first.id, revision: 1, attempt: 1 });

    const laterIds: string[] = [];
    for (const t of later) {
      const { id } = await articles.submit(t);
      await extraction.extract(id);
      laterIds.push(id);
    }
    const laterClaims: { id: string }[] = await db.query(`SELECT id FROM claims WHERE article_id = ANY($1)`, [
      laterIds,
    ]);
    const results = await verification.verifyClaims(
      laterClaims.map((c) => ({ claimId: c.id, revision: 1, attempt: 1 })),
    );
    // The earlier claim's relations changed (one agreement, one conflict): bumped once, status recomputed now.
    const [row]: { revision: number; verified: number; status: string; conflicting: number }[] =
      await db.query(
        `SELECT revision, verified_revision AS verified, agreement_status AS status, conflicting_origins AS conflicting
         FROM claims WHERE id = $1`,
        [first.id],
      );
    expect(row).toEqual({ revision: 2, verified: 1, status: 'conflicting', conflicting: 1 });
    expect(results.some((r) => 'outcome' in r && r.outcome.reverified === 1)).toBe(true);
    // Its re-verification compares it with the claims stored since its verification (the later ones) and finds the
    // relations their verifications wrote: the same status, nothing changes, nobody is bumped.
    const again = await verification.verifyClaim({ claimId: first.id, revision: 2, attempt: 1 });
    expect(again).toMatchObject({ skipped: false, status: 'conflicting', relations: 2, reverified: 0 });
    const [run]: { scope: string; since: string }[] = await db.query(
      `SELECT result->>'scope' AS scope, result->>'since' AS since FROM verification_runs
        WHERE claim_id = $1 AND revision = 2`,
      [first.id],
    );
    expect(run.scope).toBe('since');
    expect(Number.isNaN(Date.parse(run.since))).toBe(false);
  });

  it('a re-verification looks only at claims stored since its last verification', async () => {
    const { ids, a, b } = await verifiedAgreeingPair('Vos', 'Hal');
    // Both were stored well before the verification (as if long ago): a re-verification does not compare them again
    // (only claims stored since, here other tests' claims) and keeps the relation the first verification found.
    await db.query(
      `UPDATE claims SET created_at = created_at - interval '1 day', revision = 2 WHERE article_id = ANY($1)`,
      [ids],
    );
    const result = await verification.verifyClaim({ claimId: a, revision: 2, attempt: 1 });
    expect(result).toMatchObject({ skipped: false, reverified: 0 });
    const [run]: { related: { claimId: string }[]; scope: string }[] = await db.query(
      `SELECT result->'relations' AS related, result->>'scope' AS scope FROM verification_runs
        WHERE claim_id = $1 AND revision = 2`,
      [a],
    );
    expect(run.scope).toBe('since');
    expect(run.related.map((r) => r.claimId)).not.toContain(b);
    expect(await relationBetween(a, b)).toEqual([{ relation: 'agree' }]);
  });

  it('compared with the whole corpus, a claim is compared again with every claim it is related to', async () => {
    const { ids, a, b } = await verifiedAgreeingPair('Quen', 'Lar');
    expect(await relationBetween(a, b)).toEqual([{ relation: 'agree' }]);
    // B's article is now dated two years earlier (outside A's candidate window: A's search no longer finds it),
    // and an editor's merge gave A B's source: one origin, so the pair no longer relates.
    for (const [articleId, age] of [
      [ids[1], '800 days'],
      [ids[0], '0 days'],
    ]) {
      await db.query(`UPDATE articles SET published_at = now() - $2::interval WHERE id = $1`, [
        articleId,
        age,
      ]);
      // The claims' copy of the date (set on insert by the database; articles are never re-dated by the service).
      await db.query(`UPDATE claims SET article_published_at = now() - $2::interval WHERE article_id = $1`, [
        articleId,
        age,
      ]);
    }
    await giveSourceOf(a, b);
    await db.query(`UPDATE claims SET revision = 2 WHERE id = $1`, [a]);
    await verification.verifyClaim({ claimId: a, revision: 2, attempt: 1 });
    expect(await relationBetween(a, b)).toEqual([]);
  });

  it('a claim whose sources an editor changed since its verification is compared again', async () => {
    const { claims } = await ingestAll(uniqueWord('Tor'), uniqueWord('Nel'));
    await verification.verifyClaims(claims.map((id) => ({ claimId: id, revision: 1, attempt: 1 })));
    const [first, second] = claims;
    // An editor's merge that moved the first claim's attribution (as SourceEditsService records it), then its
    // re-verification: compared with its article and the corpus again; the second claim's only with what is new.
    const [source]: { id: string }[] = await db.query(
      `SELECT source_id AS id FROM attributions WHERE claim_id = $1 LIMIT 1`,
      [first],
    );
    await db.query(
      `INSERT INTO source_changes (kind, source_id, target_id, claim_ids, actor) VALUES ('merge', $1, $1, $2, 'test')`,
      [source.id, [first]],
    );
    await db.query(`UPDATE claims SET revision = 2 WHERE id = ANY($1)`, [[first, second]]);
    const [afterChange, untouched] = await verification.verifyClaims([
      { claimId: first, revision: 2, attempt: 1 },
      { claimId: second, revision: 2, attempt: 1 },
    ]);
    expect('outcome' in afterChange && afterChange.outcome.compared).toBeGreaterThan(0);
    expect('outcome' in untouched && untouched.outcome.skipped).toBe(false);
    const scopes: { id: string; scope: string }[] = await db.query(
      `SELECT claim_id AS id, result->>'scope' AS scope FROM verification_runs WHERE claim_id = ANY($1) AND revision = 2`,
      [[first, second]],
    );
    expect(new Map(scopes.map((m) => [m.id, m.scope]))).toEqual(
      new Map([
        [first, 'corpus'],
        [second, 'since'],
      ]),
    );
  });

  it('a claim whose sources an editor moves while it is being verified is re-verified after it', async () => {
    const { a, b } = await verifiedAgreeingPair('Yst', 'Pov');
    await db.query(`UPDATE claims SET revision = 2 WHERE id = $1`, [a]);
    // The editor's merge commits after this verification read A's sources, before it locks A's row: A now shares
    // B's source (what SourceEditsService's merge does to the attribution rows).
    const claimsRepository = context.get(ClaimsRepository);
    const lock = jest.spyOn(claimsRepository, 'lockInOrder');
    lock.mockImplementationOnce(async (em, ids) => {
      await db.query(
        `UPDATE attributions SET source_id = (SELECT source_id FROM attributions WHERE claim_id = $2 AND role = 'primary')
          WHERE claim_id = $1 AND role = 'primary'`,
        [a, b],
      );
      lock.mockRestore();
      return claimsRepository.lockInOrder(em, ids);
    });
    const result = await verification.verifyClaim({ claimId: a, revision: 2, attempt: 1 });
    expect(result).toMatchObject({ skipped: false });
    // Verified at revision 2 with the sources it read, then bumped: its re-verification reads the new ones.
    const [row]: { revision: number; verified: number }[] = await db.query(
      `SELECT revision, verified_revision AS verified FROM claims WHERE id = $1`,
      [a],
    );
    expect(row).toEqual({ revision: 3, verified: 2 });
  });

  it('a re-verification whose claim an editor moves after its scope was chosen is re-verified after it', async () => {
    const { a, b } = await verifiedAgreeingPair('Ixo', 'Dal');
    await db.query(`UPDATE claims SET revision = 2 WHERE id = $1`, [a]);
    // The merge commits after this re-verification chose to compare A only with the claims stored since its last
    // verification, and before it reads A's sources (it reads the new ones, and they read the same under the lock).
    const claimsRepository = context.get(ClaimsRepository);
    const search = jest.spyOn(claimsRepository, 'findCandidateIdsForClaims');
    search.mockImplementationOnce(async (...args) => {
      await giveSourceOf(a, b);
      search.mockRestore();
      return claimsRepository.findCandidateIdsForClaims(...args);
    });
    await verification.verifyClaim({ claimId: a, revision: 2, attempt: 1 });
    const [row]: { revision: number; verified: number }[] = await db.query(
      `SELECT revision, verified_revision AS verified FROM claims WHERE id = $1`,
      [a],
    );
    expect(row).toEqual({ revision: 3, verified: 2 });
    // Its next re-verification compares it with the whole corpus.
    await verification.verifyClaim({ claimId: a, revision: 3, attempt: 1 });
    const [run]: { scope: string }[] = await db.query(
      `SELECT result->>'scope' AS scope FROM verification_runs WHERE claim_id = $1 AND revision = 3`,
      [a],
    );
    expect(run.scope).toBe('corpus');
  });

  it("a bump waits for the lock of the claim's verification and bumps it once that has committed", async () => {
    const { a } = await verifiedAgreeingPair('Wem', 'Qua');
    await db.query(`UPDATE claims SET revision = 2 WHERE id = $1`, [a]);
    const claimsRepository = context.get(ClaimsRepository);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A verification holding A's row, not yet committed: A is behind its revision until it commits.
    const verifying = db.transaction(async (em) => {
      await claimsRepository.lockInOrder(em, [a]);
      await claimsRepository.markVerifiedRevisions(em, [{ claimId: a, revision: 2 }]);
      locked();
      await released;
    });
    await isLocked;
    const bumping = db.transaction((em) => claimsRepository.bumpRevisionsIfVerified(em, [a]));
    // Still waiting on the lock after a while; then the verification commits and the bump sees it.
    const early = await Promise.race([bumping.then(() => 'bumped'), sleep(300).then(() => 'waiting')]);
    expect(early).toBe('waiting');
    release();
    await verifying;
    expect(await bumping).toEqual([expect.objectContaining({ id: a, revision: 3 })]);
  });
});
