import { DataSource } from 'typeorm';
import { openTestDataSource } from '../support/db';

describe('schema: entities and migrations', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('has no pending migration on the freshly migrated test database', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('matches the entities exactly: the schema diff after the migrations is empty', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has the hand-made indexes the entities cannot express', async () => {
    const rows: { indexname: string }[] = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1)`,
      [['ix_claims_search_vector', 'ix_sources_name_trgm', 'ix_sources_match_keys']],
    );
    expect(rows.map((r) => r.indexname).sort()).toEqual([
      'ix_claims_search_vector',
      'ix_sources_match_keys',
      'ix_sources_name_trgm',
    ]);
  });
});
