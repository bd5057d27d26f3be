import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SourceChangeKind } from './source-change.entity';
import { SourceChange } from './source-change.entity';
import { normalizeSourceKey } from './source-key';
import { type MatchCandidate, matchKeys, surnameKey } from './source-matching';
import { Source, SourceKind } from './source.entity';

export interface SourceMention {
  name: string;
  normalizedKey: string;
  type: SourceKind;
  /** The name as written in the article, recorded as an alias when it differs from the canonical name. */
  alias?: string;
  /** Every other way the article wrote it (recorded as aliases like `alias`). */
  aliases?: string[];
  role?: string | null;
  affiliation?: string | null;
}

export interface SourceCursor {
  name: string;
  id: string;
}

export interface SourceClaimCounts {
  claims: number;
  corroborated: number;
  conflicting: number;
  singleSource: number;
  unattributed: number;
  pending: number;
}

export interface NamedRow {
  id: string;
  mergedIntoId: string | null;
}

/** An attribution of a source with the mention it was written as. */
export interface SourceAttributionRow {
  id: string;
  claimId: string;
  role: string;
  mentionText: string | null;
  /** The source a merge moved it from (see Attribution.mergedFromId). */
  mergedFromId: string | null;
}

/** The identity fields an editor or the resolver rewrites (match and surname keys follow from them). */
export interface SourceIdentity {
  name: string;
  type: SourceKind;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
}

export interface NewSourceChange {
  kind: SourceChangeKind;
  sourceId: string;
  targetId: string;
  claimIds: string[];
  actor: string;
}

/** The aliases a mention adds: what the article wrote, when it is not the canonical name itself. */
export function mentionAliases(s: SourceMention): string[] {
  const all = [...(s.alias ? [s.alias] : []), ...(s.aliases ?? [])].map((a) => a.trim());
  return [...new Set(all.filter((a) => a && a !== s.name))];
}

/** Named queries on `sources`. */
@Injectable()
export class SourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /**
   * Finds or creates the canonical named source for (normalized key, type), adding the alias and filling role and
   * affiliation when they were unknown. Race-safe (ON CONFLICT on the partial unique index). Returns its id (which
   * may be a source merged into another: see upsertNamedRow).
   */
  async upsertNamed(em: EntityManager, s: SourceMention): Promise<string> {
    return (await this.upsertNamedRow(em, s)).id;
  }

  /**
   * upsertNamed, telling whether the row found was merged into another source (its key stays reserved, so the
   * caller attaches the mention to `mergedIntoId`; the merged row itself is left unchanged).
   */
  async upsertNamedRow(em: EntityManager, s: SourceMention): Promise<NamedRow> {
    const aliases = mentionAliases(s);
    const rows: NamedRow[] = await this.manager(em).query(
      `INSERT INTO sources (name, normalized_key, type, aliases, role, affiliation, match_keys, surname_key)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7::text[], $8)
       ON CONFLICT (normalized_key, type) WHERE type <> 'anonymous'
       DO UPDATE SET
         aliases = CASE WHEN sources.aliases @> EXCLUDED.aliases THEN sources.aliases
                        ELSE ARRAY(SELECT DISTINCT unnest(sources.aliases || EXCLUDED.aliases)) END,
         match_keys = CASE WHEN sources.match_keys @> EXCLUDED.match_keys THEN sources.match_keys
                        ELSE ARRAY(SELECT DISTINCT unnest(sources.match_keys || EXCLUDED.match_keys)) END,
         role = COALESCE(sources.role, EXCLUDED.role),
         affiliation = COALESCE(sources.affiliation, EXCLUDED.affiliation),
         updated_at = CASE WHEN sources.aliases @> EXCLUDED.aliases
                            AND sources.role IS NOT DISTINCT FROM COALESCE(sources.role, EXCLUDED.role)
                            AND sources.affiliation IS NOT DISTINCT FROM COALESCE(sources.affiliation, EXCLUDED.affiliation)
                           THEN sources.updated_at ELSE now() END
       WHERE sources.merged_into_id IS NULL
       RETURNING id, merged_into_id AS "mergedIntoId"`,
      [
        s.name,
        s.normalizedKey,
        s.type,
        aliases,
        s.role ?? null,
        s.affiliation ?? null,
        matchKeys(s.name, aliases),
        surnameKey(s.name, s.type),
      ],
    );
    if (rows[0]) return rows[0];
    // The key belongs to a merged source (the DO UPDATE's WHERE left it alone).
    const merged: NamedRow[] = await this.manager(em).query(
      `SELECT id, merged_into_id AS "mergedIntoId" FROM sources WHERE normalized_key = $1 AND type = $2`,
      [s.normalizedKey, s.type],
    );
    return merged[0];
  }

  /** Anonymous sources are never merged: every mention is a source of its own. */
  async insertAnonymous(em: EntityManager, s: SourceMention): Promise<string> {
    const rows: { id: string }[] = await this.manager(em).query(
      `INSERT INTO sources (name, normalized_key, type, aliases, role, affiliation)
       VALUES ($1, $2, 'anonymous', '{}', $3, $4) RETURNING id`,
      [s.name, s.normalizedKey, s.role ?? null, s.affiliation ?? null],
    );
    return rows[0].id;
  }

  /**
   * Serialises ingests that could resolve the same names (transaction-scoped advisory locks, taken in sorted
   * order so two extractions never wait on each other crosswise).
   */
  async lockNames(em: EntityManager, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`source-name:${key}`]);
    }
  }

  /**
   * Live sources of a type that a mention with this key could be (index-backed: GIN on match_keys, btree on
   * surname_key): those known by the key (name or alias), and persons with that last name token. At most 100,
   * those known by the key first (beyond two people of a surname the answer is "ambiguous" anyway).
   */
  findMatchCandidates(
    em: EntityManager,
    type: SourceKind,
    key: string,
    surname: string | null,
  ): Promise<MatchCandidate[]> {
    return em.query(
      `SELECT id, name, type, aliases, affiliation, merged_into_id AS "mergedIntoId"
         FROM sources
        WHERE type = $1 AND merged_into_id IS NULL
          AND (match_keys @> ARRAY[$2]::text[] OR surname_key = $3 OR match_keys @> ARRAY[$3]::text[])
        ORDER BY match_keys @> ARRAY[$2]::text[] DESC, created_at, id
        LIMIT 100`,
      [type, key, surname],
    );
  }

  /** Locks sources (in id order, so concurrent edits never deadlock) and returns them. */
  lockForUpdate(em: EntityManager, ids: string[]): Promise<Source[]> {
    return em
      .getRepository(Source)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Rewrites a source's name, aliases, role and affiliation, with the keys that follow from them. */
  async saveIdentity(em: EntityManager, id: string, v: SourceIdentity): Promise<void> {
    await em.query(
      `UPDATE sources SET name = $2, normalized_key = $3, aliases = $4::text[], role = $5, affiliation = $6,
              match_keys = $7::text[], surname_key = $8, updated_at = now()
        WHERE id = $1`,
      [
        id,
        v.name,
        normalizeSourceKey(v.name),
        v.aliases,
        v.role,
        v.affiliation,
        matchKeys(v.name, v.aliases),
        surnameKey(v.name, v.type),
      ],
    );
  }

  /** Creates a named source (a split's new source). Returns its id. */
  async insertNamed(em: EntityManager, v: SourceIdentity): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO sources (name, normalized_key, type, aliases, role, affiliation, match_keys, surname_key)
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7::text[], $8) RETURNING id`,
      [
        v.name,
        normalizeSourceKey(v.name),
        v.type,
        v.aliases,
        v.role,
        v.affiliation,
        matchKeys(v.name, v.aliases),
        surnameKey(v.name, v.type),
      ],
    );
    return rows[0].id;
  }

  /** The named source (live or merged) holding a key, if any. */
  async findByKey(em: EntityManager, type: SourceKind, normalizedKey: string): Promise<Source | null> {
    return em.getRepository(Source).findOneBy({ type, normalizedKey });
  }

  /** Marks a source merged into another; sources merged into it before now point at the target too. */
  async markMerged(em: EntityManager, id: string, intoId: string): Promise<void> {
    await em.query(
      `UPDATE sources SET merged_into_id = $2, merged_at = now(), updated_at = now() WHERE id = $1`,
      [id, intoId],
    );
    await em.query(`UPDATE sources SET merged_into_id = $2, updated_at = now() WHERE merged_into_id = $1`, [
      id,
      intoId,
    ]);
  }

  /** A merged source becomes live again (a split back out of the source it was merged into). */
  async unmarkMerged(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE sources SET merged_into_id = NULL, merged_at = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** The attributions of a source with the mention text they were written as. */
  findAttributions(em: EntityManager, sourceId: string): Promise<SourceAttributionRow[]> {
    return em.query(
      `SELECT id, claim_id AS "claimId", role, mention_text AS "mentionText", merged_from_id AS "mergedFromId"
         FROM attributions WHERE source_id = $1 ORDER BY id`,
      [sourceId],
    );
  }

  /**
   * Moves attributions to another source. One whose claim the target already cites in the same role (a claim cites
   * a source once per role) is kept aside in absorbed_attributions instead, under the source it belongs to: for a
   * merge, where it came from (its merged_from_id, else its source); for a split, the target. A merge records
   * where each moved attribution came from (merged_from_id, the first source when merges chain); a split is an
   * editor's say on whose mentions they are, and clears it. Returns the ids moved and the ids absorbed.
   */
  async moveAttributions(
    em: EntityManager,
    attributionIds: string[],
    toSourceId: string,
    edit: 'merge' | 'split',
  ): Promise<{ moved: string[]; absorbed: string[] }> {
    if (!attributionIds.length) return { moved: [], absorbed: [] };
    const absorbed: { id: string }[] = await em.query(
      `WITH gone AS (
         DELETE FROM attributions a
          WHERE a.id = ANY($1::uuid[]) AND a.source_id <> $2
            AND EXISTS (SELECT 1 FROM attributions b
                         WHERE b.claim_id = a.claim_id AND b.role = a.role AND b.source_id = $2)
          RETURNING a.*)
       INSERT INTO absorbed_attributions
              (id, claim_id, source_id, role, cue_start, cue_end, cue_text, mention_start, mention_end, mention_text)
       SELECT id, claim_id, CASE WHEN $3 THEN COALESCE(merged_from_id, source_id) ELSE $2::uuid END, role,
              cue_start, cue_end, cue_text, mention_start, mention_end, mention_text
         FROM gone
       RETURNING id`,
      [attributionIds, toSourceId, edit === 'merge'],
    );
    const [movedRows]: [{ id: string }[], number] = await em.query(
      `UPDATE attributions
          SET source_id = $2, merged_from_id = CASE WHEN $3 THEN COALESCE(merged_from_id, source_id) END
        WHERE id = ANY($1::uuid[]) AND source_id <> $2
       RETURNING id`,
      [attributionIds, toSourceId, edit === 'merge'],
    );
    return { moved: movedRows.map((r) => r.id), absorbed: absorbed.map((r) => r.id) };
  }

  /**
   * Restores absorbed attributions to a live source that no longer cites their claim in their role: those that
   * belong to it (a source split back out) and those of the sources merged into it (the attribution that absorbed
   * them moved away in a split). One per claim and role, its own first. Returns the restored attributions.
   */
  restoreAbsorbed(em: EntityManager, sourceId: string): Promise<{ id: string; claimId: string }[]> {
    return em.query(
      `WITH candidates AS (
         SELECT DISTINCT ON (p.claim_id, p.role) p.*
           FROM absorbed_attributions p
          WHERE p.source_id IN (SELECT $1::uuid UNION ALL SELECT s.id FROM sources s WHERE s.merged_into_id = $1)
            AND NOT EXISTS (SELECT 1 FROM attributions a
                             WHERE a.claim_id = p.claim_id AND a.role = p.role AND a.source_id = $1)
          ORDER BY p.claim_id, p.role, p.source_id = $1 DESC, p.absorbed_at, p.id),
       restored AS (
         INSERT INTO attributions (id, claim_id, source_id, role, cue_start, cue_end, cue_text, mention_start,
                                   mention_end, mention_text, merged_from_id)
         SELECT id, claim_id, $1, role, cue_start, cue_end, cue_text, mention_start, mention_end, mention_text,
                NULLIF(source_id, $1::uuid)
           FROM candidates
         RETURNING id, claim_id),
       removed AS (DELETE FROM absorbed_attributions p USING restored r WHERE p.id = r.id)
       SELECT id, claim_id AS "claimId" FROM restored`,
      [sourceId],
    );
  }

  async insertChange(em: EntityManager, change: NewSourceChange): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO source_changes (kind, source_id, target_id, claim_ids, actor)
       VALUES ($1, $2, $3, $4::uuid[], $5) RETURNING id`,
      [change.kind, change.sourceId, change.targetId, change.claimIds, change.actor],
    );
    return rows[0].id;
  }

  findChange(id: string): Promise<SourceChange | null> {
    return this.manager().getRepository(SourceChange).findOneBy({ id });
  }

  async markChangeRecomputed(id: string, em?: EntityManager): Promise<void> {
    await this.manager(em).query(
      `UPDATE source_changes SET recomputed_at = now() WHERE id = $1 AND recomputed_at IS NULL`,
      [id],
    );
  }

  /** Changes still waiting for their recompute this long after they were made (their job was probably lost). */
  async findPendingChangeIds(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager().query(
      `SELECT id FROM source_changes
        WHERE recomputed_at IS NULL AND created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }

  findById(id: string): Promise<Source | null> {
    return this.manager().getRepository(Source).findOneBy({ id });
  }

  /** Alphabetical, keyset-paginated on (name, id); `q` matches name or alias, case-insensitively. */
  listPage(limit: number, q?: string, after?: SourceCursor): Promise<Source[]> {
    const qb = this.manager()
      .getRepository(Source)
      .createQueryBuilder('s')
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .where('s.merged_into_id IS NULL')
      .limit(limit + 1);
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        '(s.name ILIKE :pattern OR EXISTS (SELECT 1 FROM unnest(s.aliases) alias WHERE alias ILIKE :pattern))',
        { pattern },
      );
    }
    if (after) qb.andWhere('(s.name, s.id) > (:name, :id)', { name: after.name, id: after.id });
    return qb.getMany();
  }

  /** How many claims cite the source (as primary source or relay), and how they stand. */
  async claimCounts(sourceId: string): Promise<SourceClaimCounts> {
    const rows: Record<keyof SourceClaimCounts, string>[] = await this.manager().query(
      `SELECT count(DISTINCT c.id) AS claims,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'corroborated') AS corroborated,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'conflicting') AS conflicting,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'single_source') AS "singleSource",
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'unattributed') AS unattributed,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'pending') AS pending
         FROM attributions a JOIN claims c ON c.id = a.claim_id
        WHERE a.source_id = $1`,
      [sourceId],
    );
    const r = rows[0];
    return {
      claims: Number(r.claims),
      corroborated: Number(r.corroborated),
      conflicting: Number(r.conflicting),
      singleSource: Number(r.singleSource),
      unattributed: Number(r.unattributed),
      pending: Number(r.pending),
    };
  }

  /** Ratings of the published review verdicts on the source's claims: rating → claims. */
  async reviewRatingCounts(sourceId: string): Promise<Record<string, number>> {
    const rows: { rating: string; n: string }[] = await this.manager().query(
      `SELECT r.rating::text AS rating, count(*) AS n
         FROM claim_reviews r
        WHERE r.status = 'published'
          AND EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = r.claim_id AND a.source_id = $1)
        GROUP BY r.rating ORDER BY r.rating`,
      [sourceId],
    );
    return Object.fromEntries(rows.map((r) => [r.rating, Number(r.n)]));
  }

  /**
   * Verdicts of the imported fact-checks matched with the source's claims: verdict → distinct fact-checks
   * ("unrated" when the publisher's rating could not be read on our scale).
   */
  async factCheckVerdictCounts(sourceId: string): Promise<Record<string, number>> {
    const rows: { verdict: string; n: string }[] = await this.manager().query(
      `SELECT COALESCE(f.verdict, 'unrated') AS verdict, count(DISTINCT f.id) AS n
         FROM claim_fact_check_matches m
         JOIN fact_checks f ON f.id = m.fact_check_id
        WHERE EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = m.claim_id AND a.source_id = $1)
        GROUP BY 1 ORDER BY 1`,
      [sourceId],
    );
    return Object.fromEntries(rows.map((r) => [r.verdict, Number(r.n)]));
  }
}
