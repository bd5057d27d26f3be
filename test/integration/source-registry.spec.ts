import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { uniqueSuffix } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

/** Alias resolution across ingests, merges and splits, on the run's PostgreSQL (services, no workers). */
describe('source registry (PostgreSQL)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_registry` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
  });
  afterAll(async () => {
    await context.close();
  });

  /** A made-up surname no other test uses ("Zorbqxkt…"), capitalised like a name. */
  const surname = () => `Zor${uniqueSuffix()}`;

  const ingest = async (text: string): Promise<string> => {
    const { id } = await articles.submit({ text });
    await extraction.extract(id);
    return id;
  };

  /** The sources the claims of an article are attributed to, by mention as written. */
  const sourcesOf = async (articleId: string) => {
    const rows: { mention: string; sourceId: string; name: string; type: string }[] = await db.query(
      `SELECT a.mention_text AS mention, s.id AS "sourceId", s.name, s.type
         FROM attributions a JOIN claims c ON c.id = a.claim_id JOIN sources s ON s.id = a.source_id
        WHERE c.article_id = $1 ORDER BY c.span_start`,
      [articleId],
    );
    return rows;
  };
  const source = async (id: string) =>
    (
      await db.query(
        `SELECT id, name, aliases, role, affiliation, merged_into_id AS "mergedIntoId" FROM sources WHERE id = $1`,
        [id],
      )
    )[0] as { id: string; name: string; aliases: string[]; role: string | null; mergedIntoId: string | null };

  describe('alias resolution at ingest', () => {
    it('attaches a surname-only mention of a later article to the one person of that name', async () => {
      const name = surname();
      const a1 = await ingest(
        `National Security Communications Advisor John ${name} said on Monday that 40 trucks crossed the border.`,
      );
      const a2 = await ingest(`The talks will resume next week, ${name} said.`);
      const [first] = await sourcesOf(a1);
      const [second] = await sourcesOf(a2);
      expect(first.name).toBe(`John ${name}`);
      expect(second.sourceId).toBe(first.sourceId);
      const stored = await source(first.sourceId);
      expect(stored.role).toBe('National Security Communications Advisor');
      expect(stored.aliases).toEqual(
        expect.arrayContaining([name, `National Security Communications Advisor John ${name}`]),
      );
    });

    it('finds the full name when an earlier article knew the person by the surname only (and renames it)', async () => {
      const name = surname();
      const a1 = await ingest(`The talks will resume next week, ${name} said.`);
      const a2 = await ingest(`Chief negotiator Mara ${name} said 12 delegations had arrived.`);
      const [first] = await sourcesOf(a1);
      const [second] = await sourcesOf(a2);
      expect(second.sourceId).toBe(first.sourceId);
      const stored = await source(first.sourceId);
      expect(stored.name).toBe(`Mara ${name}`);
      expect(stored.aliases).toEqual(expect.arrayContaining([name]));
      // and the surname alone still lands there afterwards
      const a3 = await ingest(`The talks ended without a deal, ${name} said.`);
      expect((await sourcesOf(a3))[0].sourceId).toBe(first.sourceId);
    });

    it('keeps a separate source when two people share the surname', async () => {
      const name = surname();
      const a1 = await ingest(`Finance Minister Lena ${name} said inflation reached 4% in March.`);
      const a2 = await ingest(`Central bank governor Paul ${name} said rates would stay at 2%.`);
      const a3 = await ingest(`The budget will be cut by 3%, ${name} said.`);
      const [lena] = await sourcesOf(a1);
      const [paul] = await sourcesOf(a2);
      const [ambiguous] = await sourcesOf(a3);
      expect(paul.sourceId).not.toBe(lena.sourceId);
      expect([lena.sourceId, paul.sourceId]).not.toContain(ambiguous.sourceId);
      expect(ambiguous.name).toBe(name);
    });

    it('never merges anonymous sources across articles', async () => {
      const tag = uniqueSuffix();
      const a1 = await ingest(
        `A senior official, who spoke on condition of anonymity, said 200 ${tag} beds were added.`,
      );
      const a2 = await ingest(
        `A senior official, who spoke on condition of anonymity, said 300 ${tag} beds were added.`,
      );
      const [x] = await sourcesOf(a1);
      const [y] = await sourcesOf(a2);
      expect(x.type).toBe('anonymous');
      expect(y.type).toBe('anonymous');
      expect(y.sourceId).not.toBe(x.sourceId);
    });
  });
});
