import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { candidateTerms } from '../claims/candidate-terms';
import { LexemeStatisticsRepository } from '../claims/lexeme-statistics.repository';
import type { FactCheckRecord } from '../engine/fact-checks';
import { FactCheck } from './fact-check.entity';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

export interface FactCheckCursor {
  createdAt: string;
  id: string;
}

/** What matching needs of a fact-check. */
export interface FactCheckCandidate {
  id: string;
  claimReviewed: string;
  claimant: string | null;
}

export interface StoredMatch {
  score: number;
  method: string;
  explanation: string;
}

/** Columns written by an import, in the order of the upsert's parameters. */
const COLUMNS = [
  'claim_reviewed',
  'rating_text',
  'rating_value',
  'best_rating',
  'worst_rating',
  'verdict',
  'reviewer_name',
  'reviewer_site',
  'url',
  'title',
  'date_published',
  'claim_date',
  'claimant',
  'language',
  'raw',
] as const;
/** Columns compared to tell an update from a re-import of the same record (raw is what was imported). */
const COMPARED = COLUMNS.filter((c) => c !== 'url' && c !== 'claim_reviewed');

/** Named queries on fact_checks and claim_fact_check_matches. */
@Injectable()
export class FactChecksRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lexemeStatistics: LexemeStatisticsRepository,
  ) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /**
   * Inserts the record, or updates the row with the same (url, claim reviewed) when any field differs.
   * Returns the row id and what happened.
   */
  async upsert(record: FactCheckRecord, em?: EntityManager): Promise<{ id: string; outcome: UpsertOutcome }> {
    const params = [
      record.claimReviewed,
      record.ratingText,
      record.ratingValue,
      record.bestRating,
      record.worstRating,
      record.verdict,
      record.reviewerName,
      record.reviewerSite,
      record.url,
      record.title,
      record.datePublished,
      record.claimDate,
      record.claimant,
      record.language,
      JSON.stringify(record.raw ?? null),
    ];
    const rows: { id: string; inserted: boolean }[] = await this.manager(em).query(
      `INSERT INTO fact_checks (${COLUMNS.join(', ')})
       VALUES (${COLUMNS.map((c, i) => (c === 'raw' ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ')})
       ON CONFLICT (url, md5(claim_reviewed)) DO UPDATE
          SET ${COMPARED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
        WHERE (${COMPARED.map((c) => `fact_checks.${c}`).join(', ')})
              IS DISTINCT FROM (${COMPARED.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING id, (xmax = 0) AS inserted`,
      params,
    );
    if (rows.length) return { id: rows[0].id, outcome: rows[0].inserted ? 'inserted' : 'updated' };
    const existing: { id: string }[] = await this.manager(em).query(
      `SELECT id FROM fact_checks WHERE url = $1 AND md5(claim_reviewed) = md5($2)`,
      [record.url, record.claimReviewed],
    );
    return { id: existing[0].id, outcome: 'unchanged' };
  }

  findById(id: string): Promise<FactCheck | null> {
    return this.manager().getRepository(FactCheck).findOneBy({ id });
  }

  /** Newest first, keyset-paginated on (created_at, id); `q` is a full-text query (web-search syntax). */
  listPage(q: string | undefined, limit: number, after?: FactCheckCursor): Promise<FactCheck[]> {
    const qb = this.manager()
      .getRepository(FactCheck)
      .createQueryBuilder('f')
      .orderBy('f.created_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit + 1);
    if (q) qb.andWhere(`f.search_vector @@ websearch_to_tsquery('english', :q)`, { q });
    if (after) {
      qb.andWhere('(f.created_at, f.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    }
    return qb.getMany();
  }

  /**
   * Fact-checks sharing at least two lexemes with the claim, one of them distinctive among the fact-checks (see
   * candidate-terms.ts: frequent words never open a match, so the GIN index ix_fact_checks_search_vector returns a
   * bounded number of rows), best full-text rank first, for each claim: two round trips for any number of claims
   * (their lexemes, then one LATERAL search per claim). Claims without candidates are absent from the map.
   */
  async findCandidatesForClaims(
    claimIds: string[],
    limit: number,
    em?: EntityManager,
  ): Promise<Map<string, FactCheckCandidate[]>> {
    const out = new Map<string, FactCheckCandidate[]>();
    if (!claimIds.length) return out;
    const mine: { id: string; lexemes: string[] }[] = await this.manager(em).query(
      `SELECT id, tsvector_to_array(search_vector) AS lexemes FROM claims WHERE id = ANY($1)`,
      [claimIds],
    );
    const statistics = await this.lexemeStatistics.statistics('fact_checks');
    const searches = mine
      .map((me) => ({ id: me.id, terms: candidateTerms(me.lexemes, statistics) }))
      .filter((s) => s.terms.match)
      .map(({ id, terms }) => ({ id, open: terms.open, match: terms.match, rank: terms.rank }));
    if (!searches.length) return out;
    const rows: (FactCheckCandidate & { claimId: string })[] = await this.manager(em).query(
      `SELECT q.id AS "claimId", m.id, m.claim_reviewed AS "claimReviewed", m.claimant
         FROM jsonb_to_recordset($1::jsonb) AS q(id uuid, open tsquery, match tsquery, rank tsquery)
        CROSS JOIN LATERAL (
              SELECT f.id, f.claim_reviewed, f.claimant
                FROM fact_checks f
               WHERE f.search_vector @@ q.open AND ts_match_vq(f.search_vector, q.match)
               ORDER BY ts_rank_cd(f.search_vector, q.rank) DESC, f.id
               LIMIT $2) m`,
      [JSON.stringify(searches), limit],
    );
    for (const { claimId, ...candidate } of rows) out.set(claimId, [...(out.get(claimId) ?? []), candidate]);
    return out;
  }

  /**
   * Claims sharing at least two lexemes with the fact-check, one of them distinctive in the claims corpus (GIN index
   * ix_claims_search_vector, bounded as for verification's candidates), best full-text rank first.
   */
  async findCandidateClaimIds(factCheckId: string, limit: number): Promise<string[]> {
    const [me]: { lexemes: string[] }[] = await this.manager().query(
      `SELECT tsvector_to_array(search_vector) AS lexemes FROM fact_checks WHERE id = $1`,
      [factCheckId],
    );
    if (!me) return [];
    const terms = candidateTerms(me.lexemes, await this.lexemeStatistics.statistics('claims'));
    if (!terms.match) return [];
    // The index opens on the rare lexemes (`open`); `match` is checked on the rows it returns (candidate-terms.ts).
    const rows: { id: string }[] = await this.manager().query(
      `SELECT c.id
         FROM claims c
        WHERE c.search_vector @@ $1::tsquery AND ts_match_vq(c.search_vector, $2::tsquery)
        ORDER BY ts_rank_cd(c.search_vector, $3::tsquery) DESC, c.id
        LIMIT $4`,
      [terms.open, terms.match, terms.rank, limit],
    );
    return rows.map((r) => r.id);
  }

  async findCandidatesByIds(ids: string[]): Promise<FactCheckCandidate[]> {
    if (!ids.length) return [];
    return this.manager().query(
      `SELECT id, claim_reviewed AS "claimReviewed", claimant FROM fact_checks WHERE id = ANY($1)`,
      [ids],
    );
  }

  /** Ids of the fact-checks stored as matches of the claim. */
  async findMatchedFactCheckIds(claimId: string, em?: EntityManager): Promise<Set<string>> {
    const rows: { id: string }[] = await this.manager(em).query(
      `SELECT fact_check_id AS id FROM claim_fact_check_matches WHERE claim_id = $1`,
      [claimId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Ids of the claims stored as matches of the fact-check. */
  async findMatchedClaimIds(factCheckId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.manager().query(
      `SELECT claim_id AS id FROM claim_fact_check_matches WHERE fact_check_id = $1`,
      [factCheckId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Stores the match on its unique pair (a repeated match updates the row only when it changed). */
  async upsertMatch(
    claimId: string,
    factCheckId: string,
    match: StoredMatch,
    em?: EntityManager,
  ): Promise<void> {
    await this.manager(em).query(
      `INSERT INTO claim_fact_check_matches (claim_id, fact_check_id, score, method, explanation)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (claim_id, fact_check_id) DO UPDATE
          SET score = EXCLUDED.score, method = EXCLUDED.method, explanation = EXCLUDED.explanation, updated_at = now()
        WHERE (claim_fact_check_matches.score, claim_fact_check_matches.method, claim_fact_check_matches.explanation)
              IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.method, EXCLUDED.explanation)`,
      [claimId, factCheckId, match.score, match.method, match.explanation],
    );
  }

  async deleteMatch(claimId: string, factCheckId: string, em?: EntityManager): Promise<void> {
    await this.manager(em).query(
      `DELETE FROM claim_fact_check_matches WHERE claim_id = $1 AND fact_check_id = $2`,
      [claimId, factCheckId],
    );
  }

  /** The fact-checks matching the claim with their match, best match first. */
  async findMatchesForClaim(claimId: string): Promise<{ factCheck: FactCheck; match: StoredMatch }[]> {
    const matches: (StoredMatch & { factCheckId: string })[] = await this.manager().query(
      `SELECT fact_check_id AS "factCheckId", score, method, explanation
         FROM claim_fact_check_matches WHERE claim_id = $1
        ORDER BY score DESC, fact_check_id`,
      [claimId],
    );
    if (!matches.length) return [];
    const factChecks = await this.manager()
      .getRepository(FactCheck)
      .createQueryBuilder('f')
      .where('f.id = ANY(:ids)', { ids: matches.map((m) => m.factCheckId) })
      .getMany();
    const byId = new Map(factChecks.map((f) => [f.id, f]));
    return matches.flatMap(({ factCheckId, ...match }) => {
      const factCheck = byId.get(factCheckId);
      return factCheck ? [{ factCheck, match }] : [];
    });
  }
}
