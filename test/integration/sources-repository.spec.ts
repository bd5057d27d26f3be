import { DataSource } from 'typeorm';
import { normalizeSourceKey } from '../../src/sources/source-key';
import { SourcesRepository } from '../../src/sources/sources.repository';
import { openTestDataSource, uniqueSuffix } from '../support/db';

describe('SourcesRepository (PostgreSQL)', () => {
  let dataSource: DataSource;
  let sources: SourcesRepository;
  beforeAll(async () => {
    dataSource = await openTestDataSource();
    sources = new SourcesRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  const named = (name: string, extra: Partial<Parameters<SourcesRepository['upsertNamed']>[1]> = {}) => ({
    name,
    normalizedKey: normalizeSourceKey(name),
    type: 'person' as const,
    ...extra,
  });

  it.each([
    ['John Kirby', 'john kirby'],
    ['JOHN  KIRBY', 'john kirby'],
    ['Shin Won-sik', 'shin won sik'],
    ['Kirby’s', 'kirby'],
    ['José Álvarez', 'jose alvarez'],
    ['U.N. Security Council', 'u n security council'],
  ])('normalizes %j to the key %j', (name, key) => {
    expect(normalizeSourceKey(name)).toBe(key);
  });

  it('merges mentions of one named source (same key and type) into one row, collecting aliases', async () => {
    const surname = `Kirby${uniqueSuffix()}`;
    const id1 = await sources.upsertNamed(dataSource.manager, named(`John ${surname}`, { alias: surname }));
    const id2 = await sources.upsertNamed(
      dataSource.manager,
      named(`john ${surname.toLowerCase()}`, { alias: `Advisor John ${surname}`, role: 'Advisor' }),
    );
    const id3 = await sources.upsertNamed(dataSource.manager, named(`John ${surname}`, { alias: surname }));
    expect(id2).toBe(id1);
    expect(id3).toBe(id1);
    const stored = await sources.findById(id1);
    expect(stored?.name).toBe(`John ${surname}`);
    expect(stored?.aliases.sort()).toEqual([`Advisor John ${surname}`, surname].sort());
    expect(stored?.role).toBe('Advisor');
  });

  it('keeps sources of different types apart even with the same name', async () => {
    const name = `Harrow ${uniqueSuffix()}`;
    const person = await sources.upsertNamed(dataSource.manager, named(name));
    const org = await sources.upsertNamed(dataSource.manager, named(name, { type: 'organization' }));
    expect(org).not.toBe(person);
  });

  it('never merges anonymous sources', async () => {
    const name = `a senior official ${uniqueSuffix()}`;
    const a = await sources.insertAnonymous(dataSource.manager, named(name, { type: 'anonymous' }));
    const b = await sources.insertAnonymous(dataSource.manager, named(name, { type: 'anonymous' }));
    expect(a).not.toBe(b);
  });

  it('is race-safe: concurrent upserts of one new source in separate transactions give one row', async () => {
    const name = `Concurrent Source ${uniqueSuffix()}`;
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        dataSource.transaction((em) => sources.upsertNamed(em, named(name, { alias: `alias ${i}` }))),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    const rows: { n: string }[] = await dataSource.query(
      `SELECT count(*) AS n FROM sources WHERE normalized_key = $1`,
      [normalizeSourceKey(name)],
    );
    expect(Number(rows[0].n)).toBe(1);
    expect((await sources.findById(ids[0]))?.aliases).toHaveLength(6);
  });

  it('lists by name with a q filter on names and aliases, keyset-paginated', async () => {
    const tag = uniqueSuffix();
    for (const n of ['Alpha', 'Bravo', 'Charlie']) {
      await sources.upsertNamed(dataSource.manager, named(`${n} ${tag}`, { alias: `${n}-alias-${tag}` }));
    }
    const first = await sources.listPage(2, tag);
    expect(first.map((s) => s.name)).toEqual([`Alpha ${tag}`, `Bravo ${tag}`, `Charlie ${tag}`]);
    const after = await sources.listPage(2, tag, { name: first[1].name, id: first[1].id });
    expect(after.map((s) => s.name)).toEqual([`Charlie ${tag}`]);
    expect((await sources.listPage(10, `bravo-alias-${tag}`)).map((s) => s.name)).toEqual([`Bravo ${tag}`]);
  });
});
