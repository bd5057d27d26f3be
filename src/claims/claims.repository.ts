import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, DEFAULT_CANDIDATE_WINDOW_DAYS } from '../config/app-config';
import type { SourceKind } from '../sources/source.entity';
import type { AttributionRole } from './attribution.entity';
import { Attribution } from './attribution.entity';
import { candidateTerms, candidateWindow } from './candidate-terms';
import { AgreementStatus, Claim } from './claim.entity';
import { LexemeStatisticsRepository } from './lexeme-statistics.repository';
import { Quantity } from './quantity.entity';

export type NewClaim = Pick<
  Claim,
  'articleId' | 'spanStart' | 'spanEnd' | 'sentence' | 'text' | 'checkworthy' | 'score' | 'negated'
> &
  Partial<Pick<Claim, 'textHash'>>;
export type NewQuantity = Omit<Quantity, 'id' | 'claim'>;
export type NewAttribution = Omit<Attribution, 'id' | 'claim' | 'source'>;

export interface ClaimFilters {
  status?: AgreementStatus;
  checkworthy?: boolean;
  /** Full-text query (web-search syntax) over claim texts. */
  q?: string;
  sourceId?: string;
  articleId?: string;
}

export interface ClaimCursor {
  createdAt: string;
  id: string;
}

/** An attribution joined with its source, for reading claims. */
export interface AttributedSource {
  claimId: string;
  sourceId: string;
  name: string;
  type: SourceKind;
  role: AttributionRole;
  mentionStart: number | null;
  mentionEnd: number | null;
  cueStart: number | null;
  cueEnd: number | null;
  cueText: string | null;
}

export interface AgreementRow {
  id: string;
  agreementStatus: AgreementStatus;
  agreeingOrigins: number;
  conflictingOrigins: number;
  revision: number;
}

/** A claim as verification reads it (ClaimsRepository.findForVerification). */
export interface VerificationClaimRow {
  id: string;
  articleId: string;
  text: string;
  negated: boolean;
  textHash: string | null;
  revision: number;
  verifiedRevision: number | null;
  verifiedAt: Date | null;
  /** The article's wire origin, or the article itself. */
  wireGroupId: string;
  outlet: string | null;
}

/** A claim row locked for verification: its agreement and where its verification stands. */
export interface LockedClaimRow extends AgreementRow {
  verifiedRevision: number | null;
}

/** An article sharing claim text hashes with another (wire copy detection). */
export interface WireCandidateRow {
  articleId: string;
  /** Distinct hashes shared with the new article. */
  shared: number;
  /** Distinct hashes of the candidate. */
  claims: number;
  createdAt: Date;
  wireOriginArticleId: string | null;
}

/** Characters read on each side of a claim's span to find its sentence. */
const CONTEXT_WINDOW = 400;
/** Characters of an article's opening read for the names that place its event. */
const LEAD_LENGTH = 800;

/** Options of a candidate search. */
export interface CandidateOptions {
  /** Per claim: only candidates stored after this time (a re-verification looks only at claims stored since). */
  storedAfter?: ReadonlyMap<string, Date>;
  /**
   * Only claims of articles published at most this many days before or after the claim's article (0: no window;
   * default AppConfig.candidateWindowDays).
   */
  windowDays?: number;
}

/** Named queries on claims, their quantities and attributions. */
@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lexemeStatistics: LexemeStatisticsRepository,
    @Optional() private readonly config?: AppConfig,
  ) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Inserts claims and returns their ids in input order. */
  async insertClaims(em: EntityManager, claims: NewClaim[]): Promise<string[]> {
    if (!claims.length) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Claim)
      .values(claims)
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async insertQuantities(em: EntityManager, quantities: NewQuantity[]): Promise<void> {
    if (quantities.length) await em.createQueryBuilder().insert().into(Quantity).values(quantities).execute();
  }

  async insertAttributions(em: EntityManager, attributions: NewAttribution[]): Promise<void> {
    if (attributions.length) {
      await em.createQueryBuilder().insert().into(Attribution).values(attributions).orIgnore().execute();
    }
  }

  findById(id: string, em?: EntityManager): Promise<Claim | null> {
    return this.manager(em).getRepository(Claim).findOneBy({ id });
  }

  findByIds(ids: string[], em?: EntityManager): Promise<Claim[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager(em)
      .getRepository(Claim)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The article's claims in reading order. */
  findByArticle(articleId: string): Promise<Claim[]> {
    return this.manager()
      .getRepository(Claim)
      .createQueryBuilder('c')
      .where('c.article_id = :articleId', { articleId })
      .orderBy('c.span_start', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * Ids and revisions of the article's claims not verified yet (the verification flow's children). A claim verified
   * once is no longer the flow's: its later revisions are standalone re-verifications (and the sweep's).
   */
  async findRevisionsByArticle(articleId: string): Promise<{ id: string; revision: number }[]> {
    return this.manager().query(
      `SELECT id, revision FROM claims WHERE article_id = $1 AND verified_revision IS NULL ORDER BY span_start, id`,
      [articleId],
    );
  }

  /** Newest first, keyset-paginated on (created_at, id), with optional filters. Fetches `limit + 1` rows. */
  listPage(filters: ClaimFilters, limit: number, after?: ClaimCursor): Promise<Claim[]> {
    const qb = this.manager()
      .getRepository(Claim)
      .createQueryBuilder('c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (filters.status) qb.andWhere('c.agreement_status = :status', { status: filters.status });
    if (filters.checkworthy !== undefined) qb.andWhere('c.checkworthy = :cw', { cw: filters.checkworthy });
    if (filters.articleId) qb.andWhere('c.article_id = :articleId', { articleId: filters.articleId });
    if (filters.q) qb.andWhere(`c.search_vector @@ websearch_to_tsquery('english', :q)`, { q: filters.q });
    if (filters.sourceId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id AND a.source_id = :sourceId)',
        {
          sourceId: filters.sourceId,
        },
      );
    }
    if (after)
      qb.andWhere('(c.created_at, c.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    return qb.getMany();
  }

  /** The quantities of the claims, in span order (numeric values as JavaScript numbers, like the entity's). */
  findQuantities(claimIds: string[]): Promise<Quantity[]> {
    if (!claimIds.length) return Promise.resolve([]);
    return this.manager().query(
      `SELECT id, claim_id AS "claimId", span_start AS "spanStart", span_end AS "spanEnd", text,
              value::float8 AS value, high::float8 AS high, bound, unit, change, kind
         FROM quantities WHERE claim_id = ANY($1) ORDER BY span_start, id`,
      [claimIds],
    );
  }

  async findAttributedSources(claimIds: string[], em?: EntityManager): Promise<AttributedSource[]> {
    if (!claimIds.length) return [];
    return this.manager(em).query(
      `SELECT a.claim_id AS "claimId", s.id AS "sourceId", s.name, s.type, a.role,
              a.mention_start AS "mentionStart", a.mention_end AS "mentionEnd",
              a.cue_start AS "cueStart", a.cue_end AS "cueEnd", a.cue_text AS "cueText"
         FROM attributions a JOIN sources s ON s.id = a.source_id
        WHERE a.claim_id = ANY($1)
        ORDER BY a.claim_id, a.role, a.mention_start NULLS LAST, s.name`,
      [claimIds],
    );
  }

  /** The claims of each article, in reading order (verification compares a claim with its siblings). */
  async findIdsByArticles(articleIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(articleIds.map((id) => [id, []]));
    if (!articleIds.length) return out;
    const rows: { id: string; articleId: string }[] = await this.manager().query(
      `SELECT id, article_id AS "articleId" FROM claims WHERE article_id = ANY($1) ORDER BY article_id, span_start, id`,
      [articleIds],
    );
    for (const r of rows) out.get(r.articleId)?.push(r.id);
    return out;
  }

  /** The other claims of the same article (verification compares a claim with them). */
  async findSiblingIds(articleId: string, claimId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager().query(
      `SELECT id FROM claims WHERE article_id = $1 AND id <> $2 ORDER BY span_start`,
      [articleId, claimId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Candidate claims of OTHER articles for verification: claims sharing at least two lexemes with the claim, one of
   * them distinctive (rare in the corpus: a name, a place, a figure), most shared distinctive lexemes first, then by
   * full-text rank. Frequent lexemes ("said", "people") never open a match, so the GIN index
   * (ix_claims_search_vector) returns a bounded number of rows whatever the corpus size (see candidate-terms.ts);
   * a claim made only of frequent words gets no candidates. Narrowed by time: only claims of articles published
   * within `windowDays` (default: AppConfig.candidateWindowDays) of the claim's article; articles without a
   * publication date are never excluded, and a claim whose article has none is not narrowed. The window is checked
   * on the rows the GIN index returned, on their own copy of their article's publication time
   * (claims.article_published_at), so it only removes candidates. The shared distinctive lexemes are counted as the
   * lexemes ts_delete takes away (no per-row subquery).
   */
  async findCandidateIds(claimId: string, limit: number, options: CandidateOptions = {}): Promise<string[]> {
    return (await this.findCandidateIdsForClaims([claimId], limit, options)).get(claimId) ?? [];
  }

  /**
   * findCandidateIds for several claims in two round trips (their lexemes, then one query whose LATERAL subquery
   * runs each claim's candidate search). Each claim gets its own list (in the same order findCandidateIds gives).
   */
  async findCandidateIdsForClaims(
    claimIds: string[],
    limit: number,
    options: CandidateOptions = {},
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(claimIds.map((id) => [id, []]));
    if (!claimIds.length) return out;
    const mine: { id: string; articleId: string; lexemes: string[]; publishedAt: Date | null }[] =
      await this.manager().query(
        `SELECT id, article_id AS "articleId", tsvector_to_array(search_vector) AS lexemes,
                article_published_at AS "publishedAt"
           FROM claims WHERE id = ANY($1)`,
        [claimIds],
      );
    if (!mine.length) return out;
    const statistics = await this.lexemeStatistics.statistics('claims');
    const windowDays =
      options.windowDays ?? this.config?.candidateWindowDays ?? DEFAULT_CANDIDATE_WINDOW_DAYS;
    const searches = mine
      .map((me) => ({ me, terms: candidateTerms(me.lexemes, statistics) }))
      .filter((s) => s.terms.match)
      .map(({ me, terms }) => {
        const window = candidateWindow(me.publishedAt, windowDays);
        return {
          id: me.id,
          article_id: me.articleId,
          open: terms.open,
          match: terms.match,
          distinctive: terms.distinctive,
          rank: terms.rank,
          published_from: window?.from ?? null,
          published_to: window?.to ?? null,
          stored_after: options.storedAfter?.get(me.id)?.toISOString() ?? null,
        };
      });
    if (!searches.length) return out;
    // The record's columns are typed tsquery, so each query text is parsed once, not once per row it is checked on.
    // The GIN index opens on `open` (rare lexemes only); ts_match_vq (@@ as a function: no index) checks `match`.
    const rows: { claimId: string; id: string }[] = await this.manager().query(
      `SELECT q.id AS "claimId", m.id
         FROM jsonb_to_recordset($1::jsonb)
              AS q(id uuid, article_id uuid, open tsquery, match tsquery, distinctive text[], rank tsquery,
                   published_from timestamptz, published_to timestamptz, stored_after timestamptz)
        CROSS JOIN LATERAL (
              SELECT c.id
                FROM claims c
               WHERE c.search_vector @@ q.open AND ts_match_vq(c.search_vector, q.match)
                 AND c.article_id <> q.article_id
                 AND (q.stored_after IS NULL OR c.created_at > q.stored_after)
                 AND (q.published_from IS NULL OR c.article_published_at IS NULL
                      OR c.article_published_at BETWEEN q.published_from AND q.published_to)
               ORDER BY length(c.search_vector) - length(ts_delete(c.search_vector, q.distinctive)) DESC,
                        ts_rank(c.search_vector, q.rank) DESC, c.id
               LIMIT $2) m`,
      [JSON.stringify(searches), limit],
    );
    for (const r of rows) out.get(r.claimId)?.push(r.id);
    return out;
  }

  /**
   * Independent origins of each claim: its primary sources; a relay it came "via" collapses into the source it
   * relays, and counts as the origin only when no primary source is named. Outlet claims have none. A named source
   * is its canonical id (one across articles). An anonymous source is created per article, so it is keyed by its
   * wire group and wording instead: "officials" in two copies of one wire story are one origin, in two unrelated
   * articles two.
   */
  async findOrigins(claimIds: string[], em?: EntityManager): Promise<Map<string, string[]>> {
    const origins = new Map<string, string[]>(claimIds.map((id) => [id, []]));
    if (!claimIds.length) return origins;
    const rows: { claimId: string; sourceId: string; role: AttributionRole }[] = await this.manager(em).query(
      `SELECT DISTINCT at.claim_id AS "claimId", at.role,
              CASE WHEN s.type = 'anonymous'
                   THEN 'anonymous:' || COALESCE(a.wire_origin_article_id, a.id) || ':' || s.normalized_key
                   ELSE s.id::text END AS "sourceId"
         FROM attributions at
         JOIN sources s ON s.id = at.source_id
         JOIN claims c ON c.id = at.claim_id
         JOIN articles a ON a.id = c.article_id
        WHERE at.claim_id = ANY($1)`,
      [claimIds],
    );
    const vias = new Map<string, string[]>();
    for (const r of rows) {
      if (r.role === 'primary') origins.get(r.claimId)?.push(r.sourceId);
      else vias.set(r.claimId, [...(vias.get(r.claimId) ?? []), r.sourceId]);
    }
    for (const [claimId, ids] of vias) if (origins.get(claimId)?.length === 0) origins.set(claimId, ids);
    return origins;
  }

  /**
   * Serialises wire detection between articles that share claim texts: a transaction-scoped advisory lock per hash,
   * taken in one order (no deadlock). The second of two concurrent copies waits for the first to commit, then sees
   * its claims.
   */
  async lockTextHashes(em: EntityManager, hashes: string[]): Promise<void> {
    if (!hashes.length) return;
    await em.query(
      `SELECT pg_advisory_xact_lock(k)
         FROM (SELECT DISTINCT hashtextextended('claimtrail:wire:' || h, 0) AS k FROM unnest($1::text[]) h ORDER BY 1) l`,
      [hashes],
    );
  }

  /**
   * Articles other than `articleId` whose claims share at least `minShared` of the given text hashes (index
   * ix_claims_text_hash), most shared first, with their own count of distinct hashes.
   */
  async findWireCandidates(
    em: EntityManager,
    articleId: string,
    hashes: string[],
    minShared: number,
    limit: number,
  ): Promise<WireCandidateRow[]> {
    if (!hashes.length) return [];
    return em.query(
      `WITH shared AS (
         SELECT c.article_id, count(DISTINCT c.text_hash)::int AS shared
           FROM claims c
          WHERE c.text_hash = ANY($2) AND c.article_id <> $1
          GROUP BY c.article_id
         HAVING count(DISTINCT c.text_hash) >= $3
          ORDER BY 2 DESC, 1
          LIMIT $4
       )
       SELECT s.article_id AS "articleId", s.shared,
              (SELECT count(DISTINCT c.text_hash)::int FROM claims c
                WHERE c.article_id = s.article_id AND c.text_hash IS NOT NULL) AS claims,
              a.created_at AS "createdAt", a.wire_origin_article_id AS "wireOriginArticleId"
         FROM shared s JOIN articles a ON a.id = s.article_id`,
      [articleId, hashes, minShared, limit],
    );
  }

  /**
   * What verification reads around each claim: a window of the article text around the claim's span (the
   * sentence is cut from it) and the article's opening (dateline and lede, whose names place the event).
   */
  async findTextContexts(
    claimIds: string[],
  ): Promise<Map<string, { window: string; claimAt: number; claimEnd: number; lead: string }>> {
    if (!claimIds.length) return new Map();
    const rows: { id: string; window: string; claimAt: number; claimEnd: number; lead: string }[] =
      await this.manager().query(
        `SELECT c.id,
                substring(a.text FROM greatest(0, c.span_start - $2) + 1
                          FOR c.span_end - greatest(0, c.span_start - $2) + $2) AS window,
                c.span_start - greatest(0, c.span_start - $2) AS "claimAt",
                c.span_end - greatest(0, c.span_start - $2) AS "claimEnd",
                left(a.text, $3) AS lead
           FROM claims c JOIN articles a ON a.id = c.article_id
          WHERE c.id = ANY($1)`,
        [claimIds, CONTEXT_WINDOW, LEAD_LENGTH],
      );
    return new Map(rows.map(({ id, ...context }) => [id, context]));
  }

  /**
   * What verification reads of each claim: its wording, hash and revisions, its article, the article's wire group
   * (its wire origin, or itself) and outlet. Missing ids are absent.
   */
  async findForVerification(claimIds: string[]): Promise<Map<string, VerificationClaimRow>> {
    if (!claimIds.length) return new Map();
    const rows: VerificationClaimRow[] = await this.manager().query(
      `SELECT c.id, c.article_id AS "articleId", c.text, c.negated, c.text_hash AS "textHash", c.revision,
              c.verified_revision AS "verifiedRevision", c.verified_at AS "verifiedAt",
              COALESCE(a.wire_origin_article_id, a.id) AS "wireGroupId", a.outlet
         FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.id = ANY($1)`,
      [claimIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The claims whose sources an editor changed (a merge or split, source_changes) since the given time, or at most
   * `marginMs` before it (a change committed while a verification was reading).
   */
  async findSourceChangedSince(
    claims: { id: string; since: Date }[],
    marginMs: number,
    em?: EntityManager,
  ): Promise<Set<string>> {
    if (!claims.length) return new Set();
    const rows: { id: string }[] = await this.manager(em).query(
      `SELECT DISTINCT t.id
         FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, since)
         JOIN source_changes sc
           ON sc.created_at > t.since - make_interval(secs => $3::double precision / 1000)
          AND t.id = ANY(sc.claim_ids)`,
      [claims.map((c) => c.id), claims.map((c) => c.since.toISOString()), marginMs],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Locks claim rows in id order until the transaction ends. Transactions that lock several claims this way
   * before writing their relations never wait on each other in a cycle. FOR NO KEY UPDATE (what an UPDATE that
   * changes no key takes): foreign-key checks of rows referencing a claim (an editor's attribution moves) are not
   * blocked, so they cannot close a cycle with these locks.
   */
  async lockInOrder(em: EntityManager, claimIds: string[]): Promise<Map<string, LockedClaimRow>> {
    if (!claimIds.length) return new Map();
    const rows: LockedClaimRow[] = await em.query(
      `SELECT id, agreement_status AS "agreementStatus", agreeing_origins AS "agreeingOrigins",
              conflicting_origins AS "conflictingOrigins", revision, verified_revision AS "verifiedRevision"
         FROM claims WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`,
      [[...new Set(claimIds)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async updateAgreement(
    em: EntityManager,
    claimId: string,
    agreement: { status: AgreementStatus; agreeingOrigins: number; conflictingOrigins: number },
  ): Promise<void> {
    await em.query(
      `UPDATE claims SET agreement_status = $2, agreeing_origins = $3, conflicting_origins = $4, updated_at = now()
        WHERE id = $1`,
      [claimId, agreement.status, agreement.agreeingOrigins, agreement.conflictingOrigins],
    );
  }

  /** updateAgreement for several claims in one statement. */
  async updateAgreements(
    em: EntityManager,
    rows: { claimId: string; status: AgreementStatus; agreeingOrigins: number; conflictingOrigins: number }[],
  ): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `UPDATE claims c
          SET agreement_status = t.status::agreement_status, agreeing_origins = t.agreeing,
              conflicting_origins = t.conflicting, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS t(id, status, agreeing, conflicting)
        WHERE c.id = t.id`,
      [
        rows.map((r) => r.claimId),
        rows.map((r) => r.status),
        rows.map((r) => r.agreeingOrigins),
        rows.map((r) => r.conflictingOrigins),
      ],
    );
  }

  /**
   * Re-verification: bumps the revision of each claim that is verified at its current revision (verified_revision
   * >= revision), so a claim already waiting for a re-verification is not bumped again. Every row is locked first,
   * in id order (concurrent bumps cannot deadlock on each other), whatever its state: a claim whose verification
   * holds its row is waited for, and bumped once that verification has committed (the UPDATE, a statement of its
   * own, reads the committed row). Returns the bumped claims with their new revision.
   */
  async bumpRevisionsIfVerified(
    em: EntityManager,
    claimIds: string[],
  ): Promise<{ id: string; articleId: string; revision: number }[]> {
    if (!claimIds.length) return [];
    const ids = [...new Set(claimIds)];
    await em.query(`SELECT id FROM claims WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, [ids]);
    // An UPDATE … RETURNING answers [rows, affected count].
    const [rows]: [{ id: string; articleId: string; revision: number }[], number] = await em.query(
      `UPDATE claims c SET revision = c.revision + 1, updated_at = now()
        WHERE c.id = ANY($1) AND c.verified_revision IS NOT NULL AND c.verified_revision >= c.revision
        RETURNING c.id, c.article_id AS "articleId", c.revision`,
      [ids],
    );
    return rows;
  }

  /**
   * Claims of finished (verified or failed) articles whose revision is ahead of their last verification and unchanged for
   * `olderThanMs` (their re-verification job may have been lost), oldest first. Partial index
   * ix_claims_stale_revision holds exactly the claims behind their revision.
   */
  async findStaleRevisions(
    olderThanMs: number,
    limit: number,
  ): Promise<{ id: string; articleId: string; revision: number }[]> {
    return this.manager().query(
      `SELECT c.id, c.article_id AS "articleId", c.revision
         FROM claims c JOIN articles a ON a.id = c.article_id AND a.status IN ('verified', 'failed')
        WHERE c.verified_revision < c.revision
          AND c.updated_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY c.updated_at
        LIMIT $2`,
      [olderThanMs, limit],
    );
  }

  async markVerifiedRevision(em: EntityManager, claimId: string, revision: number): Promise<void> {
    await this.markVerifiedRevisions(em, [{ claimId, revision }]);
  }

  /**
   * Records each claim as verified at (at least) the given revision, as of `asOf` (when its verification started
   * reading; default now).
   */
  async markVerifiedRevisions(
    em: EntityManager,
    rows: { claimId: string; revision: number }[],
    asOf?: Date,
  ): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `UPDATE claims c
          SET verified_revision = GREATEST(COALESCE(c.verified_revision, 0), t.revision),
              verified_at = COALESCE($3::timestamptz, now())
         FROM unnest($1::uuid[], $2::int[]) AS t(id, revision)
        WHERE c.id = t.id`,
      [rows.map((r) => r.claimId), rows.map((r) => r.revision), asOf?.toISOString() ?? null],
    );
  }

  /** The database's clock (claims' created_at and verified_at are on it). */
  async databaseNow(): Promise<Date> {
    const [row]: { now: Date }[] = await this.manager().query(`SELECT statement_timestamp() AS now`);
    return row.now;
  }
}
