import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ClaimRelationsRepository } from '../../src/claims/claim-relations.repository';
import { normalizeSourceKey } from '../../src/sources/source-key';
import { SourcesRepository } from '../../src/sources/sources.repository';
import { computeAgreement, type AgreementInputs } from '../../src/verification/agreement-status';
import { VerificationService } from '../../src/verification/verification.service';
import { insertTestArticle, insertTestClaim, uniqueSuffix } from '../support/db';
import { createServiceContext } from '../support/service-context';

describe('computeAgreement', () => {
  it.each<[string, AgreementInputs, string, number, number]>([
    ['no source of its own', { own: [], agreeing: [], conflicting: [] }, 'unattributed', 0, 0],
    ['one source, nothing related', { own: ['s1'], agreeing: [], conflicting: [] }, 'single_source', 1, 0],
    ['another origin agrees', { own: ['s1'], agreeing: [['s2']], conflicting: [] }, 'corroborated', 2, 0],
    [
      'the same source agrees again',
      { own: ['s1'], agreeing: [['s1'], ['s1']], conflicting: [] },
      'single_source',
      1,
      0,
    ],
    [
      'two sources in the claim itself',
      { own: ['s1', 's2'], agreeing: [], conflicting: [] },
      'corroborated',
      2,
      0,
    ],
    [
      'an agreeing outlet claim adds no origin',
      { own: ['s1'], agreeing: [[]], conflicting: [] },
      'single_source',
      1,
      0,
    ],
    [
      'agreement and a conflict',
      { own: ['s1'], agreeing: [['s2']], conflicting: [['s3']] },
      'conflicting',
      2,
      1,
    ],
    [
      'a conflict with an outlet claim',
      { own: ['s1'], agreeing: [], conflicting: [[]] },
      'conflicting',
      1,
      0,
    ],
    [
      'a wire copy of it adds no origin, whatever its sources',
      { own: ['s1'], agreeing: [], conflicting: [], copies: [['s9']] },
      'single_source',
      1,
      0,
    ],
    ['unattributed but conflicting', { own: [], agreeing: [], conflicting: [['s3']] }, 'conflicting', 0, 1],
    [
      'unattributed with agreement',
      { own: [], agreeing: [['s2'], ['s3']], conflicting: [] },
      'unattributed',
      2,
      0,
    ],
  ])('%s', (_label, inputs, status, agreeing, conflicting) => {
    expect(computeAgreement(inputs)).toEqual({
      status,
      agreeingOrigins: agreeing,
      conflictingOrigins: conflicting,
    });
  });
});

describe('VerificationService.recomputeAgreement (PostgreSQL)', () => {
  jest.setTimeout(60_000);
  let context: TestingModule;
  let dataSource: DataSource;
  let verification: VerificationService;
  let sources: SourcesRepository;
  let relations: ClaimRelationsRepository;
  let articleId: string;

  beforeAll(async () => {
    context = await createServiceContext();
    dataSource = context.get(DataSource);
    verification = context.get(VerificationService);
    sources = context.get(SourcesRepository);
    relations = context.get(ClaimRelationsRepository);
    articleId = await insertTestArticle(dataSource);
  });
  afterAll(async () => {
    await context.close();
  });

  const source = (name: string) =>
    sources.upsertNamed(dataSource.manager, {
      name: `${name} ${uniqueSuffix()}`,
      normalizedKey: normalizeSourceKey(`${name} ${uniqueSuffix()}`),
      type: 'government',
    });
  const claim = async (text: string, primary: string[], via: string[] = []) => {
    const id = await insertTestClaim(dataSource, articleId, text);
    for (const [role, ids] of [
      ['primary', primary],
      ['via', via],
    ] as const) {
      for (const sourceId of ids) {
        await dataSource.query(`INSERT INTO attributions (claim_id, source_id, role) VALUES ($1, $2, $3)`, [
          id,
          sourceId,
          role,
        ]);
      }
    }
    return id;
  };
  const agree = { relation: 'agree' as const, score: 0.9, method: 'test', explanation: 'figures overlap' };
  const statusOf = async (id: string) =>
    (
      await dataSource.query(
        `SELECT agreement_status AS status, agreeing_origins AS agreeing, conflicting_origins AS conflicting FROM claims WHERE id = $1`,
        [id],
      )
    )[0];

  it('corroborates a claim when another independent origin agrees, and audits the change once', async () => {
    const [nis, whiteHouse] = [await source('Intelligence Agency'), await source('White House')];
    const a = await claim('about 3,000 troops already dispatched', [nis]);
    const b = await claim('at least 3,000 troops moved', [whiteHouse]);
    await relations.upsert(a, b, agree);
    expect(await verification.recomputeAgreement(a)).toBe('corroborated');
    expect(await verification.recomputeAgreement(a)).toBe('corroborated');
    expect(await statusOf(a)).toEqual({ status: 'corroborated', agreeing: 2, conflicting: 0 });
    const audit = await dataSource.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'claim' AND entity_id = $1`,
      [a],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toEqual({
      action: 'claim.status_changed',
      before: { agreementStatus: 'pending', agreeingOrigins: 0, conflictingOrigins: 0 },
      after: expect.objectContaining({
        agreementStatus: 'corroborated',
        evidence: [
          expect.objectContaining({ claimId: b, relation: 'agree', explanation: 'figures overlap' }),
        ],
      }),
    });
  });

  it('counts one canonical source once, and a relay collapses into its origin', async () => {
    const [kirby, yonhap, reuters] = [await source('Kirby'), await source('Yonhap'), await source('Reuters')];
    const a = await claim('Kirby said the advisers met', [kirby], [yonhap]);
    const b = await claim('Kirby said the advisers met in Washington', [kirby], [reuters]);
    await relations.upsert(a, b, agree);
    expect(await verification.recomputeAgreement(a)).toBe('single_source');
    expect(await statusOf(a)).toEqual({ status: 'single_source', agreeing: 1, conflicting: 0 });
  });

  it('marks conflicts, and leaves outlet claims unattributed', async () => {
    const [s1, s2] = [await source('Ministry'), await source('Agency')];
    const a = await claim('12 people died', [s1]);
    const b = await claim('30 people died', [s2]);
    await relations.upsert(a, b, { ...agree, relation: 'conflict', explanation: '12 vs 30' });
    expect(await verification.recomputeAgreement(b)).toBe('conflicting');
    expect(await statusOf(b)).toEqual({ status: 'conflicting', agreeing: 1, conflicting: 1 });
    const outlet = await claim('This is the fifth such meeting', []);
    expect(await verification.recomputeAgreement(outlet)).toBe('unattributed');
  });
});
