import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { runImportFactChecksCommand } from '../../src/cli/import-factchecks-command';
import { ValidationError } from '../../src/common/errors';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { FactCheckMatchingService } from '../../src/fact-checks/fact-check-matching.service';
import { FactChecksModule } from '../../src/fact-checks/fact-checks.module';
import { FactChecksService } from '../../src/fact-checks/fact-checks.service';
import {
  insertTestArticle,
  insertTestClaim,
  openTestDataSource,
  testConfig,
  uniqueSuffix,
} from '../support/db';

/** A unique word of letters only (the tokenizers split words at digits). */
const uniqueWord = (prefix: string): string =>
  `${prefix}${uniqueSuffix().replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;

const review = (url: string, claimReviewed: string, rating = 'False') => ({
  '@type': 'ClaimReview',
  url,
  claimReviewed,
  reviewRating: { alternateName: rating },
  author: { name: 'Example Checks', url: 'https://checks.example.org' },
});

describe('FactChecksService and FactCheckMatchingService (real PostgreSQL)', () => {
  let moduleRef: TestingModule;
  let service: FactChecksService;
  let matching: FactCheckMatchingService;
  let db: DataSource;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(testConfig({ LOG_LEVEL: 'silent' })), DatabaseModule, FactChecksModule],
    }).compile();
    await moduleRef.init();
    service = moduleRef.get(FactChecksService);
    matching = moduleRef.get(FactCheckMatchingService);
    db = await openTestDataSource();
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.destroy();
  });

  it('has the hand-made indexes: GIN on the search vector, unique on (url, md5(claim_reviewed))', async () => {
    const rows: { indexname: string; indexdef: string }[] = await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'fact_checks' ORDER BY indexname`,
    );
    const defs = new Map(rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.get('ix_fact_checks_search_vector')).toMatch(/USING gin \(search_vector\)/);
    expect(defs.get('uq_fact_checks_url_claim_reviewed')).toMatch(
      /UNIQUE INDEX .* \(url, md5\(claim_reviewed\)\)/,
    );
  });

  it('lands good records, reports bad ones, and stores a long claim reviewed under the unique index', async () => {
    const tag = uniqueSuffix();
    const long = `${'A long reviewed statement '.repeat(150)}${tag}`;
    const report = await service.import([
      review(`https://checks.example.org/${tag}/1`, long),
      { '@type': 'ClaimReview', url: `https://checks.example.org/${tag}/2` },
      review(`https://checks.example.org/${tag}/3`, `Short statement ${tag}`),
    ]);
    expect(report).toEqual({
      format: 'claimreview',
      imported: 2,
      updated: 0,
      unchanged: 0,
      failed: 1,
      errors: [{ index: 1, error: 'claimReviewed is missing' }],
      matches: 0,
    });
    // Same url, different statement: a second row (the key is url + claim reviewed).
    const second = await service.import(
      review(`https://checks.example.org/${tag}/3`, `Other statement ${tag}`),
    );
    expect(second.imported).toBe(1);
  });

  it('refuses a document of neither shape', async () => {
    await expect(service.import({ hello: 'world' })).rejects.toBeInstanceOf(ValidationError);
    await expect(service.import('text')).rejects.toThrow(/Expected schema\.org ClaimReview/);
  });

  it('matches a claim by full-text candidates and the engine, and removes a match that no longer holds', async () => {
    const tag = uniqueWord('zz');
    const articleId = await insertTestArticle(db);
    const claimId = await insertTestClaim(db, articleId, `The ${tag} dam will be demolished next year`);
    const otherId = await insertTestClaim(db, articleId, `The ${tag} orchestra cancelled its tour`, 100);
    const report = await service.import(
      review(`https://checks.example.org/${tag}`, `${tag} dam to be demolished next year`),
    );
    expect(report.matches).toBe(1);
    const [match] = (await service.forClaim(claimId)).items;
    expect(match).toEqual(
      expect.objectContaining({
        claimReviewed: `${tag} dam to be demolished next year`,
        verdict: 'false',
        match: { score: expect.any(Number), method: expect.any(String), explanation: expect.any(String) },
      }),
    );
    expect((await service.forClaim(otherId)).items).toEqual([]);
    // Matching the claim again is stable (one row per pair).
    expect(await matching.matchClaim(claimId)).toBe(1);
    const rows: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM claim_fact_check_matches WHERE claim_id = $1`,
      [claimId],
    );
    expect(rows[0].n).toBe(1);
    // The claim's wording changes (an edit): the stored match no longer holds and is removed when re-matched.
    await db.query(`UPDATE claims SET text = $2 WHERE id = $1`, [
      claimId,
      `The ${tag} dam was repainted in 1990`,
    ]);
    await matching.matchClaim(claimId);
    expect((await service.forClaim(claimId)).items).toEqual([]);
  });

  it('lists with full-text search and keyset pages', async () => {
    const tag = `pg${uniqueSuffix()}`;
    await service.import(
      [1, 2, 3].map((n) => review(`https://checks.example.org/${tag}/${n}`, `Claim ${n} ${tag}`)),
    );
    const first = await service.list(tag, 2);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest = await service.list(tag, 2, first.nextCursor ?? undefined);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const urls = [...first.items, ...rest.items].map((i) => i.url).sort();
    expect(urls).toEqual([1, 2, 3].map((n) => `https://checks.example.org/${tag}/${n}`));
  });

  it('claimtrail import-factchecks FILE prints the per-record report and exits 1 when a record failed', async () => {
    const tag = uniqueSuffix();
    const file = path.join(tmpdir(), `factchecks-${tag}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        claims: [
          {
            text: `Cli claim ${tag}`,
            claimReview: [{ url: `https://cli.example.org/${tag}`, textualRating: 'True' }],
          },
          { text: `Cli claim without review ${tag}` },
        ],
      }),
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdin: process.stdin,
      stdout: { write: (s: string) => out.push(s) > 0 },
      stderr: { write: (s: string) => err.push(s) > 0 },
    };
    const args = {
      command: 'import-factchecks',
      positional: [file],
      flags: new Set<string>(),
      options: new Map(),
    };
    const code = await runImportFactChecksCommand(args, io, { ...process.env, LOG_LEVEL: 'silent' });
    expect(err.join('')).toBe('');
    expect(out.join('')).toMatch(/^google-factcheck: 1 imported, 0 updated, 0 unchanged, 1 failed/);
    expect(out.join('')).toMatch(/record 1: claims\[1\]: claimReview is missing or empty/);
    expect(code).toBe(1);

    const json: string[] = [];
    const again = await runImportFactChecksCommand(
      { ...args, flags: new Set(['--json']) },
      { ...io, stdout: { write: (s: string) => json.push(s) > 0 } },
      { ...process.env, LOG_LEVEL: 'silent' },
    );
    expect(again).toBe(1);
    expect(JSON.parse(json.join(''))).toEqual(
      expect.objectContaining({ imported: 0, unchanged: 1, failed: 1 }),
    );
  });
});
