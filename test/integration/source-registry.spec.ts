import { getQueueToken } from '@nestjs/bullmq';
import type { TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ArticlesService } from '../../src/articles/articles.service';
import { AuditLogRepository } from '../../src/audit/audit-log.repository';
import type { AuthenticatedKey } from '../../src/auth/authenticated-key';
import { ConflictError, NotFoundError, ValidationError } from '../../src/common/errors';
import { ExtractionService } from '../../src/pipeline/extraction.service';
import { MAINTENANCE_QUEUE, recomputeSourceChangeJobId } from '../../src/pipeline/queues';
import { SweepService } from '../../src/pipeline/sweep.service';
import { SourceEditsService } from '../../src/sources/source-edits.service';
import { SourcesService } from '../../src/sources/sources.service';
import { VerificationService } from '../../src/verification/verification.service';
import { uniqueSuffix } from '../support/db';
import { createServiceContext } from '../support/service-context';

jest.setTimeout(90_000);

/** Alias resolution across ingests, merges and splits, on the run's PostgreSQL (services, no workers). */
describe('source registry (PostgreSQL)', () => {
  let context: TestingModule;
  let db: DataSource;
  let articles: ArticlesService;
  let extraction: ExtractionService;
  let verification: VerificationService;
  let edits: SourceEditsService;
  let sourcesService: SourcesService;
  let audit: AuditLogRepository;
  const editor: AuthenticatedKey = {
    id: '00000000-0000-4000-8000-0000000000ed',
    name: 'editor',
    role: 'editor',
  };

  beforeAll(async () => {
    context = await createServiceContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_registry` });
    db = context.get(DataSource);
    articles = context.get(ArticlesService);
    extraction = context.get(ExtractionService);
    verification = context.get(VerificationService);
    edits = context.get(SourceEditsService);
    sourcesService = context.get(SourcesService);
    audit = context.get(AuditLogRepository);
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

  /** Ingests and verifies an article (claims in order, as the flow would). Returns its id. */
  const ingestVerified = async (text: string): Promise<string> => {
    const id = await ingest(text);
    const claims: { id: string; revision: number }[] = await db.query(
      `SELECT id, revision FROM claims WHERE article_id = $1 ORDER BY span_start`,
      [id],
    );
    for (const c of claims)
      await verification.verifyClaim({ claimId: c.id, revision: c.revision, attempt: 1 });
    return id;
  };
  const statusOf = async (articleId: string): Promise<string> =>
    (
      await db.query(`SELECT agreement_status AS s FROM claims WHERE article_id = $1 ORDER BY span_start`, [
        articleId,
      ])
    )[0].s;
  /**
   * Runs the jobs the edits of a source enqueued (no workers here). Changes another process's sweep may already
   * have recomputed (the run's database is shared) are skipped by recomputeChange itself.
   */
  const runRecompute = async (sourceId: string) => {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM source_changes WHERE source_id = $1 OR target_id = $1 ORDER BY created_at`,
      [sourceId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) await edits.recomputeChange(r.id);
  };

  describe('merge and split', () => {
    /** Two articles stating one figure, each through its own person: corroborated. */
    const corroboratedPair = async () => {
      const tag = uniqueSuffix();
      const first = surname();
      const second = surname();
      const a1 = await ingestVerified(
        `Health Minister Alda ${first} said 340 ${tag} beds were added at the Brannock hospital on Monday.`,
      );
      const a2 = await ingestVerified(
        `Hospital director Omar ${second} said 340 ${tag} beds were added at the Brannock hospital on Monday.`,
      );
      const [s1] = await sourcesOf(a1);
      const [s2] = await sourcesOf(a2);
      return { a1, a2, s1, s2 };
    };

    it('merging the two origins of a corroborated pair makes both claims single-source; splitting restores it', async () => {
      const { a1, a2, s1, s2 } = await corroboratedPair();
      expect(s1.sourceId).not.toBe(s2.sourceId);
      expect(await statusOf(a1)).toBe('corroborated');
      expect(await statusOf(a2)).toBe('corroborated');

      const merged = await edits.merge(s2.sourceId, s1.sourceId, editor);
      expect(merged.movedAttributions).toBe(1);
      expect(merged.affectedClaims).toBe(1);
      expect(merged.source.aliases).toEqual(expect.arrayContaining([s2.name]));
      expect((await sourcesOf(a2))[0].sourceId).toBe(s1.sourceId);
      await runRecompute(s2.sourceId);
      expect(await statusOf(a1)).toBe('single_source');
      expect(await statusOf(a2)).toBe('single_source');

      // The merged source answers with where it went, and is audited with who/before/after.
      const moved = await sourcesService.get(s2.sourceId);
      expect(moved).toEqual({
        moved: expect.objectContaining({ statusCode: 301, mergedIntoId: s1.sourceId }),
      });
      const entries = await audit.findForEntity('source', s2.sourceId);
      expect(entries.map((e) => e.action)).toEqual(['source.merged']);
      expect(entries[0].actor).toBe(`api-key:${editor.id}`);
      expect(entries[0].before).toMatchObject({ name: s2.name, mergedIntoId: null });
      expect(entries[0].after).toMatchObject({ mergedIntoId: s1.sourceId, movedAttributions: 1 });

      // A later mention of the merged name lands on the target.
      const a3 = await ingest(`Hospital director Omar ${s2.name.split(' ')[1]} said the wards reopened.`);
      expect((await sourcesOf(a3))[0].sourceId).toBe(s1.sourceId);

      // Split by the alias: the mentions written so go back to the (revived) source; statuses come back.
      const split = await edits.changeAliases(s1.sourceId, { action: 'split', alias: s2.name }, editor);
      expect(split.other?.id).toBe(s2.sourceId);
      expect(split.movedAttributions).toBe(2);
      expect(split.source.aliases).not.toContain(s2.name);
      expect((await sourcesOf(a2))[0].sourceId).toBe(s2.sourceId);
      expect((await sourcesOf(a1))[0].sourceId).toBe(s1.sourceId);
      await runRecompute(s1.sourceId);
      expect(await statusOf(a1)).toBe('corroborated');
      expect(await statusOf(a2)).toBe('corroborated');
      const revived = await sourcesService.get(s2.sourceId);
      expect(revived).toMatchObject({ id: s2.sourceId, trackRecord: { claims: 2, corroborated: 1 } });
      expect((await audit.findForEntity('source', s1.sourceId)).map((e) => e.action)).toEqual([
        'source.merge_received',
        'source.split',
      ]);
    });

    /** Every attribution of an article's claims, as stored (id, claim, source, role, mention). */
    const attributionRows = async (...articleIds: string[]) =>
      db.query<Record<string, unknown>[]>(
        `SELECT a.id, a.claim_id AS "claimId", a.source_id AS "sourceId", a.role, a.mention_text AS mention,
                a.mention_start AS "mentionStart", a.cue_text AS cue
           FROM attributions a JOIN claims c ON c.id = a.claim_id
          WHERE c.article_id = ANY($1::uuid[]) ORDER BY a.id`,
        [articleIds],
      );
    const claimStatuses = async (...articleIds: string[]): Promise<string[]> =>
      (
        await db.query<{ id: string; status: string }[]>(
          `SELECT id, agreement_status AS status FROM claims WHERE article_id = ANY($1::uuid[]) ORDER BY id`,
          [articleIds],
        )
      ).map((r) => `${r.id}:${r.status}`);
    const absorbedFor = async (...articleIds: string[]) =>
      (
        await db.query<unknown[]>(
          `SELECT p.id FROM absorbed_attributions p JOIN claims c ON c.id = p.claim_id
            WHERE c.article_id = ANY($1::uuid[])`,
          [articleIds],
        )
      ).length;

    /**
     * A claim both people stated jointly (a1), and one of them alone stating it again with a pronoun follow-up
     * (a2): merging Alda into Omar collides on the joint claim.
     */
    const jointPair = async () => {
      const tag = uniqueSuffix();
      const alda = `Alda ${surname()}`;
      const omar = `Omar ${surname()}`;
      const a1 = await ingestVerified(
        `Health Minister ${alda} and hospital director ${omar} said 340 ${tag} beds were added at the Brannock ` +
          `hospital on Monday.`,
      );
      const a2 = await ingestVerified(
        `Health Minister ${alda} said 340 ${tag} beds were added at the Brannock hospital on Monday. ` +
          `She said the ${tag} wards would reopen on Friday.`,
      );
      const rows: { sourceId: string; name: string; mention: string }[] = await sourcesOf(a1);
      const aldaId = rows.find((r) => r.name === alda)?.sourceId;
      const omarId = rows.find((r) => r.name === omar)?.sourceId;
      if (!aldaId || !omarId) throw new Error(`joint sources not found: ${JSON.stringify(rows)}`);
      return { a1, a2, alda, omar, aldaId, omarId };
    };

    it('merge keeps a colliding attribution aside and a split restores exactly what the merge took', async () => {
      const { a1, a2, alda, aldaId, omarId } = await jointPair();
      const before = await attributionRows(a1, a2);
      const statusesBefore = await claimStatuses(a1, a2);
      // the joint claim cites both; a2's claims (the figure, and the pronoun follow-up) cite Alda
      expect(before.filter((r) => r.sourceId === aldaId)).toHaveLength(3);
      expect(before.some((r) => r.sourceId === aldaId && /^she$/i.test(String(r.mention)))).toBe(true);
      expect(statusesBefore.some((s) => s.endsWith(':corroborated'))).toBe(true);

      const merged = await edits.merge(aldaId, omarId, editor);
      expect(merged.movedAttributions).toBe(2);
      expect(merged.droppedAttributions).toBe(1); // the joint claim already cites Omar: absorbed, not lost
      expect(merged.affectedClaims).toBe(3);
      expect(await absorbedFor(a1, a2)).toBe(1);
      const afterMerge = await attributionRows(a1, a2);
      expect(afterMerge).toHaveLength(before.length - 1);
      expect(afterMerge.every((r) => r.sourceId === omarId)).toBe(true);
      await runRecompute(aldaId);
      // one origin left everywhere: the agreeing claims are the same person's now
      expect((await claimStatuses(a1, a2)).some((s) => s.endsWith(':corroborated'))).toBe(false);

      const split = await edits.changeAliases(omarId, { action: 'split', alias: alda }, editor);
      expect(split.other?.id).toBe(aldaId);
      expect(split.movedAttributions).toBe(3); // two moved back (one written "She"), one restored
      expect(split.droppedAttributions).toBe(0);
      // exactly the attributions of before the merge: same ids, claims, sources, roles and mentions
      expect(await attributionRows(a1, a2)).toEqual(before);
      expect(await absorbedFor(a1, a2)).toBe(0);
      await runRecompute(omarId);
      expect(await claimStatuses(a1, a2)).toEqual(statusesBefore);
      const revived = await sourcesService.get(aldaId);
      expect(revived).toMatchObject({ id: aldaId, trackRecord: { claims: 3 } });
    });

    it('a split that takes the absorbing attribution away gives the absorbed one to the merge target', async () => {
      const { a1, a2, aldaId, omarId, omar } = await jointPair();
      await edits.merge(aldaId, omarId, editor);
      await runRecompute(aldaId);
      expect(await absorbedFor(a1)).toBe(1);
      // Omar's joint-claim mention ("hospital director Omar …") is split off to a source of its own
      const split = await edits.changeAliases(
        omarId,
        { action: 'split', alias: `hospital director ${omar}` },
        editor,
      );
      expect(split.other?.id).not.toBe(aldaId);
      await runRecompute(omarId);
      // the claim still cites the merge target, now through Alda's own attribution (Alda is merged into Omar)
      const rows = await attributionRows(a1);
      expect(rows.map((r) => r.sourceId).sort()).toEqual([omarId, split.other?.id].sort());
      const back: { mergedFromId: string }[] = await db.query(
        `SELECT merged_from_id AS "mergedFromId" FROM attributions a JOIN claims c ON c.id = a.claim_id
          WHERE c.article_id = $1 AND a.source_id = $2`,
        [a1, omarId],
      );
      expect(back).toEqual([{ mergedFromId: aldaId }]);
      expect(await absorbedFor(a1)).toBe(0);
      // and splitting Alda out later still returns it to her
      await edits.changeAliases(omarId, { action: 'split', alias: (await source(aldaId)).name }, editor);
      expect((await attributionRows(a1, a2)).filter((r) => r.sourceId === aldaId)).toHaveLength(3);
    });

    it('commit, enqueue, sweep: the merge queues its recompute; a lost job is re-queued by the sweep', async () => {
      const maintenance = context.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
      const { a1, s1, s2 } = await corroboratedPair();
      await edits.merge(s2.sourceId, s1.sourceId, editor);
      const [change]: { id: string }[] = await db.query(
        `SELECT id FROM source_changes WHERE source_id = $1 AND recomputed_at IS NULL`,
        [s2.sourceId],
      );
      const job = await maintenance.getJob(recomputeSourceChangeJobId(change.id));
      expect(job?.data).toEqual({ changeId: change.id });
      // Redis lost it; the change is older than the grace period.
      await job?.remove();
      await db.query(`UPDATE source_changes SET created_at = now() - interval '1 minute' WHERE id = $1`, [
        change.id,
      ]);
      await context.get(SweepService).sweep();
      expect(await maintenance.getJob(recomputeSourceChangeJobId(change.id))).toBeDefined();
      await edits.recomputeChange(change.id);
      expect(await statusOf(a1)).toBe('single_source');
      // Done: a second run exits early, the sweep no longer sees it.
      expect(await edits.recomputeChange(change.id)).toEqual({ skipped: true });
      await maintenance.remove(recomputeSourceChangeJobId(change.id));
      await context.get(SweepService).sweep();
      expect(await maintenance.getJob(recomputeSourceChangeJobId(change.id))).toBeUndefined();
    });

    it('refuses merging into itself, into or from a merged source, across types and anonymous without force', async () => {
      const { s1, s2 } = await corroboratedPair();
      await expect(edits.merge(s1.sourceId, s1.sourceId, editor)).rejects.toBeInstanceOf(ValidationError);
      await expect(
        edits.merge(s1.sourceId, '00000000-0000-4000-8000-000000000000', editor),
      ).rejects.toBeInstanceOf(NotFoundError);
      await edits.merge(s2.sourceId, s1.sourceId, editor);
      await expect(edits.merge(s2.sourceId, s1.sourceId, editor)).rejects.toBeInstanceOf(ConflictError);
      await expect(edits.merge(s1.sourceId, s2.sourceId, editor)).rejects.toThrow(/merge into that one/);

      const tag = uniqueSuffix();
      const anon = await ingest(
        `A senior official, who spoke on condition of anonymity, said 20 ${tag} wards closed.`,
      );
      const [a] = await sourcesOf(anon);
      await expect(edits.merge(a.sourceId, s1.sourceId, editor)).rejects.toThrow(/force/);
      const forced = await edits.merge(a.sourceId, s1.sourceId, editor, true);
      expect(forced.source.type).toBe('person');
      expect(forced.source.aliases).not.toContain(a.name);
    });

    it('adds and removes aliases (audited), and refuses unknown aliases and the canonical name', async () => {
      const name = surname();
      const a1 = await ingest(`Finance Minister Lena ${name} said inflation reached 4% in March.`);
      const [s] = await sourcesOf(a1);
      const added = await edits.changeAliases(s.sourceId, { action: 'add', alias: `L. ${name}` }, editor);
      expect(added.source.aliases).toContain(`L. ${name}`);
      // the alias is found at ingest
      const a2 = await ingest(`Inflation will ease to 3% next year, L. ${name} said.`);
      expect((await sourcesOf(a2))[0].sourceId).toBe(s.sourceId);
      await expect(
        edits.changeAliases(s.sourceId, { action: 'add', alias: `Lena ${name}` }, editor),
      ).rejects.toBeInstanceOf(ValidationError);
      const removed = await edits.changeAliases(
        s.sourceId,
        { action: 'remove', alias: `L. ${name}` },
        editor,
      );
      expect(removed.source.aliases).not.toContain(`L. ${name}`);
      await expect(
        edits.changeAliases(s.sourceId, { action: 'remove', alias: 'Nobody' }, editor),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        edits.changeAliases(s.sourceId, { action: 'split', alias: `Lena ${name}` }, editor),
      ).rejects.toThrow(/source's name/);
      expect((await audit.findForEntity('source', s.sourceId)).map((e) => e.action)).toEqual([
        'source.alias_added',
        'source.alias_removed',
      ]);
    });

    it('splits the surname mentions off to an existing source', async () => {
      const name = surname();
      const a1 = await ingest(`Finance Minister Lena ${name} said inflation reached 4% in March.`);
      const a2 = await ingest(`The budget will be cut by 3%, ${name} said.`);
      const [lena] = await sourcesOf(a1);
      expect((await sourcesOf(a2))[0].sourceId).toBe(lena.sourceId);
      const a3 = await ingest(`Central bank governor Paul ${name} said rates would stay at 2%.`);
      const [paul] = await sourcesOf(a3);
      const split = await edits.changeAliases(
        lena.sourceId,
        { action: 'split', alias: name, intoId: paul.sourceId },
        editor,
      );
      expect(split.movedAttributions).toBe(1);
      expect((await sourcesOf(a2))[0].sourceId).toBe(paul.sourceId);
      expect((await sourcesOf(a1))[0].sourceId).toBe(lena.sourceId);
      expect(split.other?.aliases).toContain(name);
    });
  });

  describe('track record', () => {
    it('counts claims per agreement status, published review ratings and matched fact-check verdicts', async () => {
      const name = surname();
      const tag = uniqueSuffix();
      const a1 = await ingest(`Finance Minister Lena ${name} said ${tag} inflation reached 6.9% in March.`);
      const a2 = await ingest(`The ${tag} budget will be cut by 17%, ${name} said.`);
      const a3 = await ingest(`The ${tag} unemployment rate fell to 8.2% last year, ${name} said.`);
      const [lena] = await sourcesOf(a1);
      const claimOf = async (articleId: string): Promise<string> =>
        (await db.query(`SELECT id FROM claims WHERE article_id = $1 ORDER BY span_start`, [articleId]))[0]
          .id;
      const [c1, c2, c3] = [await claimOf(a1), await claimOf(a2), await claimOf(a3)];
      // Statuses set directly: the counts are what is under test (verification is covered above).
      const setStatus = (claimId: string, status: string) =>
        db.query(`UPDATE claims SET agreement_status = $2 WHERE id = $1`, [claimId, status]);
      await setStatus(c1, 'corroborated');
      await setStatus(c2, 'conflicting');
      await setStatus(c3, 'single_source');
      const review = (claimId: string, status: string, rating: string) =>
        db.query(
          `INSERT INTO claim_reviews (claim_id, status, rating, summary, reviewer_key_id, submitted_at)
           VALUES ($1, $2, $3, 'checked', $4, now())`,
          [claimId, status, rating, editor.id],
        );
      await review(c1, 'published', 'false');
      await review(c2, 'published', 'false');
      await review(c3, 'pending_approval', 'true'); // not published: not counted
      const factCheck = async (verdict: string | null): Promise<string> =>
        (
          await db.query(
            `INSERT INTO fact_checks (claim_reviewed, url, raw, verdict) VALUES ('x', $1, '{}', $2) RETURNING id`,
            [`https://example.org/${uniqueSuffix()}`, verdict],
          )
        )[0].id;
      const match = (claimId: string, factCheckId: string) =>
        db.query(
          `INSERT INTO claim_fact_check_matches (claim_id, fact_check_id, score, method, explanation)
           VALUES ($1, $2, 0.9, 'test', 'test')`,
          [claimId, factCheckId],
        );
      const mostlyFalse = await factCheck('mostly_false');
      await match(c1, mostlyFalse);
      await match(c2, mostlyFalse); // one fact-check matched twice counts once
      await match(c3, await factCheck(null));

      const detail = await sourcesService.get(lena.sourceId);
      if ('moved' in detail) throw new Error('not merged');
      expect(detail.trackRecord).toEqual({
        claims: 3,
        corroborated: 1,
        conflicting: 1,
        singleSource: 1,
        unattributed: 0,
        pending: 0,
        reviewRatings: { false: 2 },
        factCheckVerdicts: { mostly_false: 1, unrated: 1 },
      });
    });
  });
});
