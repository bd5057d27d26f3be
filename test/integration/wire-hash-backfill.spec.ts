import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { TextHashBackfillRepository } from '../../src/claims/text-hash-backfill.repository';
import { claimTextHash } from '../../src/claims/text-hash';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { SweepService } from '../../src/pipeline/sweep.service';
import { WireHashBackfillService } from '../../src/pipeline/wire-hash-backfill.service';
import { uniqueWord } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

/** The text hash backfill of claims stored before extraction hashed them, on real PostgreSQL (no workers). */
describe('text hash backfill (PostgreSQL)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let backfill: WireHashBackfillService;
  let repository: TextHashBackfillRepository;

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_hashfill` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    backfill = context.get(WireHashBackfillService);
    repository = context.get(TextHashBackfillRepository);
  });
  afterAll(async () => {
    await context.close();
  });

  /** An agency story about a made-up town, with one claim too short to be distinctive. */
  const story = (town: string) =>
    `At least 200 homes were flooded in ${town} after the river burst its banks on Sunday, a senior official said. ` +
    `About 1,500 residents of ${town} were moved to emergency shelters overnight, officials said. ` +
    `The regional weather office said more rain was expected in ${town} on Tuesday. Nobody was hurt, police said.`;
  const post = async (text: string, outlet: string): Promise<string> => {
    const { id } = await articles.submit({ text, outlet });
    await extraction.extract(id);
    return id;
  };
  /** Makes an article's claims look stored before the WireCopies migration: no hash, never checked. */
  const makeLegacy = (articleId: string) =>
    db.query(`UPDATE claims SET text_hash = NULL, text_hash_checked = false WHERE article_id = $1`, [
      articleId,
    ]);
  const hashesOf = async (articleId: string) =>
    db.query<{ id: string; text: string; hash: string | null; checked: boolean }[]>(
      `SELECT id, text, text_hash AS hash, text_hash_checked AS checked
         FROM claims WHERE article_id = $1 ORDER BY span_start`,
      [articleId],
    );
  const wireOrigin = async (articleId: string): Promise<string | null> =>
    (
      await db.query<{ o: string | null }[]>(
        `SELECT wire_origin_article_id AS o FROM articles WHERE id = $1`,
        [articleId],
      )
    )[0].o;
  /** Runs the backfill until nothing is left (other suites' claims are all checked: only this test's are seen). */
  const drain = async () => {
    let total = 0;
    for (;;) {
      const { checked } = await backfill.runBatch(2);
      total += checked;
      if (!checked) return total;
    }
  };

  it('new claims are checked at extraction; only legacy ones are left to do', async () => {
    const id = await post(story(uniqueWord('Kel')), 'Fresh Wire');
    const rows = await hashesOf(id);
    expect(rows.every((r) => r.checked)).toBe(true);
    expect(rows.map((r) => r.hash)).toEqual(rows.map((r) => claimTextHash(r.text)));
    expect(await repository.countUnhashed()).toBe(0);
  });

  it('hashes legacy claims exactly as extraction does, marks the short ones checked, and never looks again', async () => {
    const id = await post(story(uniqueWord('Kel')), 'Old Wire');
    const extracted = await hashesOf(id);
    expect(extracted.filter((r) => r.hash === null)).toHaveLength(1); // "Nobody was hurt"
    await makeLegacy(id);
    expect(await repository.countUnhashed()).toBe(extracted.length);

    expect(await drain()).toBe(extracted.length);
    const after = await hashesOf(id);
    expect(after.map((r) => r.hash)).toEqual(extracted.map((r) => r.hash));
    expect(after.every((r) => r.checked)).toBe(true);
    // the short claim keeps its null hash and is not picked up again: the next runs find nothing
    expect(await repository.countUnhashed()).toBe(0);
    expect(await backfill.backfill()).toEqual({ checked: 0, hashed: 0 });
  });

  it('is resumable in bounded batches, and concurrent runs split the work', async () => {
    const ids = [
      await post(story(uniqueWord('Kel')), 'Wire A'),
      await post(story(uniqueWord('Kel')), 'Wire B'),
    ];
    for (const id of ids) await makeLegacy(id);
    const total = await repository.countUnhashed();
    expect(total).toBe(8);
    // one batch of 3, then stop: 5 left, resumed later
    expect((await backfill.runBatch(3)).checked).toBe(3);
    expect(await repository.countUnhashed()).toBe(5);
    // two runs at once take disjoint batches (SKIP LOCKED): together they do what is left, each claim once
    const [x, y] = await Promise.all([backfill.backfill(10, 2), backfill.backfill(10, 2)]);
    expect(x.checked + y.checked).toBe(5);
    expect(await repository.countUnhashed()).toBe(0);
    for (const id of ids) {
      const rows = await hashesOf(id);
      expect(rows.map((r) => r.hash)).toEqual(rows.map((r) => claimTextHash(r.text)));
    }
  });

  it('once backfilled, a later copy of a legacy article is detected as a wire copy (run by the sweep)', async () => {
    const town = uniqueWord('Kel');
    const legacy = await post(story(town), 'Agency Wire');
    await makeLegacy(legacy);
    // before the backfill, a copy cannot find it
    const early = await post(`${town.toUpperCase()} (Wire) - ${story(town)}`, 'Early Courier');
    expect(await wireOrigin(early)).toBeNull();

    const outcome = await context.get(SweepService).sweep();
    expect(outcome.textHashesChecked).toBe(4);
    const late = await post(
      `${story(town)} Schools in ${town} will reopen next week, the council said.`,
      'Late Post',
    );
    // the earliest article carrying the story is the legacy one
    expect(await wireOrigin(late)).toBe(legacy);
  });

  it('reads the claims left to do from the partial index', async () => {
    const plan = await db.transaction(async (em) => {
      await em.query(`SET LOCAL enable_seqscan = off`);
      return em.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id, text FROM claims WHERE text_hash IS NULL AND NOT text_hash_checked
          ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`,
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_claims_text_hash_unchecked');
  });
});
