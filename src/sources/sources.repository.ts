import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Source, SourceKind } from './source.entity';

export interface SourceMention {
  name: string;
  normalizedKey: string;
  type: SourceKind;
  /** The name as written in the article, recorded as an alias when it differs from the canonical name. */
  alias?: string;
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
   * affiliation when they were unknown. Race-safe (ON CONFLICT on the partial unique index). Returns its id.
   */
  async upsertNamed(em: EntityManager, s: SourceMention): Promise<string> {
    const aliases = s.alias && s.alias !== s.name ? [s.alias] : [];
    const rows: { id: string }[] = await this.manager(em).query(
      `INSERT INTO sources (name, normalized_key, type, aliases, role, affiliation)
       VALUES ($1, $2, $3, $4::text[], $5, $6)
       ON CONFLICT (normalized_key, type) WHERE type <> 'anonymous'
       DO UPDATE SET
         aliases = CASE WHEN sources.aliases @> EXCLUDED.aliases THEN sources.aliases
                        ELSE ARRAY(SELECT DISTINCT unnest(sources.aliases || EXCLUDED.aliases)) END,
         role = COALESCE(sources.role, EXCLUDED.role),
         affiliation = COALESCE(sources.affiliation, EXCLUDED.affiliation),
         updated_at = CASE WHEN sources.aliases @> EXCLUDED.aliases
                            AND sources.role IS NOT DISTINCT FROM COALESCE(sources.role, EXCLUDED.role)
                            AND sources.affiliation IS NOT DISTINCT FROM COALESCE(sources.affiliation, EXCLUDED.affiliation)
                           THEN sources.updated_at ELSE now() END
       RETURNING id`,
      [s.name, s.normalizedKey, s.type, aliases, s.role ?? null, s.affiliation ?? null],
    );
    return rows[0].id;
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

  /** How many claims cite the source as primary, and how they stand. */
  async claimCounts(sourceId: string): Promise<SourceClaimCounts> {
    const rows: { claims: string; corroborated: string; conflicting: string }[] = await this.manager().query(
      `SELECT count(DISTINCT c.id) AS claims,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'corroborated') AS corroborated,
              count(DISTINCT c.id) FILTER (WHERE c.agreement_status = 'conflicting') AS conflicting
         FROM attributions a JOIN claims c ON c.id = a.claim_id
        WHERE a.source_id = $1`,
      [sourceId],
    );
    return {
      claims: Number(rows[0].claims),
      corroborated: Number(rows[0].corroborated),
      conflicting: Number(rows[0].conflicting),
    };
  }
}
