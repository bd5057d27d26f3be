import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { ReviewQueueItemDto } from './dto/review-queue-item.dto';

/** Which claims a priority refresh covers. */
export type RefreshScope =
  | { claimIds: string[] }
  | { articleId: string }
  /** Every check-worthy claim missing from the queue, and items not refreshed for `staleSeconds`. */
  | { missingOrStaleSeconds: number; limit: number };

export interface QueueFilters {
  outlet?: string;
  sourceId?: string;
  agreementStatus?: string;
  /** Lease holder (API key id): only claims under a live lease of this key. */
  assignee?: string;
  articleId?: string;
  /** Full-text query (web-search syntax) over claim texts. */
  q?: string;
  /** Only claims nobody holds a live lease on. */
  available?: boolean;
  /** One claim (to render a single item). */
  claimId?: string;
}

export interface QueueCursor {
  priority: number;
  claimId: string;
}

export interface LeaseRow {
  claimId: string;
  open: boolean;
  leaseHolderKeyId: string | null;
  leaseExpiresAt: Date | null;
  leasedAt: Date | null;
  leaseRenewals: number;
}

export interface TakenLease extends LeaseRow {
  /** The holder of an expired lease the claim was taken from, if any. */
  previousHolderKeyId: string | null;
  previousExpiresAt: Date | null;
}

/**
 * How many of the best available items `takeNext` considers before falling back to a full scan: more than the
 * requests that can hold a row lock at once (the API's connection pool), so concurrent callers rarely exhaust it.
 */
const NEXT_CANDIDATES = 64;

/** A timestamp as JavaScript's toISOString() writes it (UTC, milliseconds, Z): the columns hold milliseconds. */
const iso = (expr: string): string =>
  `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const LEASE_COLUMNS = `claim_id AS "claimId", open, lease_holder_key_id AS "leaseHolderKeyId",
  lease_expires_at AS "leaseExpiresAt", leased_at AS "leasedAt", lease_renewals AS "leaseRenewals"`;

/** A source with this many claims or more gets the whole prominence share of the priority ("over 50 claims"). */
const PROMINENCE_CAP = 50;

/**
 * The priority of a check-worthy claim, computed in SQL from the claim, its article, figures and sources:
 *   check-worthiness 0.40 × score
 *   conflicting claims +0.30 with figures, +0.20 without; a single source +0.15 with figures, +0.05 without;
 *   an unattributed figure +0.05
 *   source prominence up to +0.10 (log of the number of claims its most-cited source carries, 50 → full)
 *   recency up to +0.10 (decays with the article's age: e^(−hours/72))
 * rounded to 4 decimals, with the reasons that contributed. `$1` is the scope parameter.
 */
function priorityUpsertSql(scopeWhere: string, limitSql = ''): string {
  return `
    WITH target AS MATERIALIZED (
      SELECT c.id, c.article_id, c.score, c.agreement_status::text AS status, a.outlet,
             COALESCE(a.published_at, a.created_at) AS appeared_at
        FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.checkworthy AND ${scopeWhere}
       ${limitSql}
    ), figures AS MATERIALIZED (
      SELECT DISTINCT q.claim_id FROM quantities q WHERE q.claim_id IN (SELECT id FROM target)
    ), source_counts AS MATERIALIZED (
      -- Claims per source, counted only up to past the cap (the priority saturates there, and counting every claim of
      -- a source quoted thousands of times made each re-rank grow with the corpus): a claim cites a source at most
      -- twice (primary and via), so ${2 * (PROMINENCE_CAP + 1)} attribution rows hold more than ${PROMINENCE_CAP} claims.
      SELECT s.source_id,
             (SELECT count(DISTINCT c.claim_id)
                FROM (SELECT at.claim_id FROM attributions at WHERE at.source_id = s.source_id
                       LIMIT ${2 * (PROMINENCE_CAP + 1)}) c) AS n
        FROM (SELECT DISTINCT x.source_id FROM attributions x WHERE x.claim_id IN (SELECT id FROM target)) s
    ), prominence AS MATERIALIZED (
      SELECT x.claim_id, max(sc.n) AS n
        FROM attributions x JOIN source_counts sc ON sc.source_id = x.source_id
       WHERE x.claim_id IN (SELECT id FROM target)
       GROUP BY x.claim_id
    ), facts AS MATERIALIZED (
      SELECT t.*, f.claim_id IS NOT NULL AS has_figure, COALESCE(pr.n, 0) AS prominence,
             GREATEST(EXTRACT(EPOCH FROM (now() - t.appeared_at)) / 3600.0, 0) AS age_hours
        FROM target t
        LEFT JOIN figures f ON f.claim_id = t.id
        LEFT JOIN prominence pr ON pr.claim_id = t.id
    ), parts AS MATERIALIZED (
      SELECT f.*,
             0.40 * f.score AS p_cw,
             CASE WHEN f.status = 'conflicting' THEN (CASE WHEN f.has_figure THEN 0.30 ELSE 0.20 END)
                  WHEN f.status = 'single_source' THEN (CASE WHEN f.has_figure THEN 0.15 ELSE 0.05 END)
                  WHEN f.status = 'unattributed' AND f.has_figure THEN 0.05
                  ELSE 0 END AS p_agreement,
             CASE WHEN f.prominence >= 2 THEN 0.10 * LEAST(1, ln(1 + f.prominence) / ln(${PROMINENCE_CAP + 1})) ELSE 0 END
               AS p_source,
             0.10 * exp(-LEAST(f.age_hours, 10000) / 72.0) AS p_recent
        FROM facts f
    )
    INSERT INTO review_queue_items (claim_id, article_id, outlet, agreement_status, priority, reasons, open, refreshed_at)
    SELECT p.id, p.article_id, p.outlet, p.status,
           round((p.p_cw + p.p_agreement + p.p_source + p.p_recent)::numeric, 4)::float8,
           array_remove(ARRAY[
             CASE WHEN p.status = 'conflicting' THEN (CASE WHEN p.has_figure THEN 'conflicting figures' ELSE 'conflicting claims' END)
                  WHEN p.status = 'single_source' THEN (CASE WHEN p.has_figure THEN 'single source for a figure' ELSE 'single source' END)
                  WHEN p.status = 'unattributed' AND p.has_figure THEN 'unattributed figure' END,
             'check-worthiness ' || to_char(p.score, 'FM0.00'),
             CASE WHEN p.p_source > 0 THEN 'prominent source (' ||
               CASE WHEN p.prominence > ${PROMINENCE_CAP} THEN 'over ${PROMINENCE_CAP}' ELSE p.prominence::text END ||
               ' claims)' END,
             CASE WHEN p.age_hours < 48 THEN 'recent' END
           ], NULL),
           NOT EXISTS (SELECT 1 FROM claim_reviews r WHERE r.claim_id = p.id AND r.status IN ('pending_approval', 'published')),
           now()
      FROM parts p
     -- in claim order, like every other writer of these rows (no lock-order cycle with a concurrent re-rank)
     ORDER BY p.id
    ON CONFLICT (claim_id) DO UPDATE
       SET article_id = EXCLUDED.article_id, outlet = EXCLUDED.outlet, agreement_status = EXCLUDED.agreement_status,
           priority = EXCLUDED.priority, reasons = EXCLUDED.reasons, refreshed_at = EXCLUDED.refreshed_at`;
}

/** Named queries on review_queue_items: priority refresh, the listing, and leases. */
@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Inserts or re-ranks the check-worthy claims in scope; returns how many items were written. */
  async refresh(scope: RefreshScope, em?: EntityManager): Promise<number> {
    let sql: string;
    let params: unknown[];
    if ('claimIds' in scope) {
      if (!scope.claimIds.length) return 0;
      sql = priorityUpsertSql('c.id = ANY($1::uuid[])');
      params = [scope.claimIds];
    } else if ('articleId' in scope) {
      sql = priorityUpsertSql('c.article_id = $1');
      params = [scope.articleId];
    } else {
      sql = priorityUpsertSql(
        `NOT EXISTS (SELECT 1 FROM review_queue_items i WHERE i.claim_id = c.id
                      AND i.refreshed_at > now() - make_interval(secs => $1))`,
        'LIMIT $2',
      );
      params = [scope.missingOrStaleSeconds, scope.limit];
    }
    const result: unknown = await this.manager(em).query(`${sql} RETURNING claim_id`, params);
    return Array.isArray(result) ? result.length : 0;
  }

  /**
   * One page of open items, highest priority first, keyset on (priority, claim_id); fetches `limit + 1`. One
   * statement, prepared once per connection: the page is picked from the review_queue_items indexes alone (a
   * partial index on (…, priority, claim_id) WHERE open for each equality filter), then PostgreSQL joins the page's
   * claims and articles, counts figures, lists sources and renders each item in the response's JSON shape (lease
   * only while live, timestamps as ISO 8601 UTC), so the API process parses one JSON value instead of mapping rows.
   */
  async listPage(filters: QueueFilters, limit: number, after?: QueueCursor): Promise<ReviewQueueItemDto[]> {
    const where: string[] = ['i.open'];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filters.claimId !== undefined) where.push(`i.claim_id = ${param(filters.claimId)}::uuid`);
    if (filters.outlet !== undefined) where.push(`i.outlet = ${param(filters.outlet)}`);
    if (filters.agreementStatus !== undefined)
      where.push(`i.agreement_status = ${param(filters.agreementStatus)}`);
    if (filters.articleId !== undefined) where.push(`i.article_id = ${param(filters.articleId)}::uuid`);
    if (filters.assignee !== undefined) {
      where.push(`i.lease_holder_key_id = ${param(filters.assignee)}::uuid AND i.lease_expires_at > now()`);
    }
    if (filters.available) where.push(`(i.lease_expires_at IS NULL OR i.lease_expires_at <= now())`);
    if (filters.sourceId !== undefined) {
      where.push(
        `i.claim_id IN (SELECT at.claim_id FROM attributions at WHERE at.source_id = ${param(filters.sourceId)}::uuid)`,
      );
    }
    if (filters.q !== undefined) {
      where.push(
        `i.claim_id IN (SELECT s.id FROM claims s WHERE s.search_vector @@ websearch_to_tsquery('english', ${param(filters.q)}))`,
      );
    }
    if (after)
      where.push(
        `(i.priority, i.claim_id) < (${param(after.priority)}::float8, ${param(after.claimId)}::uuid)`,
      );
    // The limit is a validated integer written into the text: a generic plan then still knows how few rows it needs.
    const fetch = Math.max(1, Math.trunc(limit) + 1);
    const rows = await preparedQuery<{ items: ReviewQueueItemDto[] }>(
      this.dataSource,
      `WITH page AS MATERIALIZED (
         SELECT i.claim_id, i.agreement_status, i.outlet, i.priority, i.reasons,
                i.lease_holder_key_id, i.lease_expires_at, i.leased_at, i.lease_renewals
           FROM review_queue_items i
          WHERE ${where.join(' AND ')}
          ORDER BY i.priority DESC, i.claim_id DESC
          LIMIT ${fetch}
       )
       SELECT COALESCE(json_agg(json_build_object(
                'claimId', p.claim_id, 'articleId', c.article_id, 'text', c.text, 'checkworthiness', c.score,
                'agreementStatus', p.agreement_status, 'outlet', p.outlet, 'articleTitle', a.title,
                'articleUrl', a.url,
                'figures', (SELECT count(*)::int FROM quantities q WHERE q.claim_id = p.claim_id),
                'sources', COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'type', s.type,
                                                                       'role', at.role)
                                                     ORDER BY at.role, s.name)
                                       FROM attributions at JOIN sources s ON s.id = at.source_id
                                      WHERE at.claim_id = p.claim_id), '[]'::json),
                'priority', json_build_object('score', p.priority, 'reasons', p.reasons),
                'lease', CASE WHEN p.lease_holder_key_id IS NOT NULL AND p.lease_expires_at > now()
                              THEN json_build_object(
                                'claimId', p.claim_id, 'holderKeyId', p.lease_holder_key_id,
                                'leasedAt', ${iso('COALESCE(p.leased_at, now())')},
                                'expiresAt', ${iso('p.lease_expires_at')},
                                'renewals', p.lease_renewals) END,
                'createdAt', ${iso('c.created_at')}
              ) ORDER BY p.priority DESC, p.claim_id DESC), '[]'::json) AS items
         FROM page p
         JOIN claims c ON c.id = p.claim_id
         JOIN articles a ON a.id = c.article_id`,
      params,
    );
    return rows[0]?.items ?? [];
  }

  /**
   * Leases the highest-priority open claim nobody holds (or whose lease expired) to `holderKeyId`. Concurrent
   * callers skip each other's locked rows (FOR UPDATE SKIP LOCKED), so each gets a different claim; one row is
   * locked. The candidates come from two short index scans in priority order — the unleased items (partial index
   * WHERE open AND lease_expires_at IS NULL, so live leases at the top of the queue are never walked over) and the
   * items whose lease expired (index on lease_expires_at) — and the best unlocked one is taken. Only when every
   * candidate was locked by concurrent callers does the full scan of the open items run, so the answer is the
   * same as scanning the whole queue.
   */
  async takeNext(
    em: EntityManager,
    holderKeyId: string,
    leaseSeconds: number,
    filters: Pick<QueueFilters, 'outlet' | 'agreementStatus' | 'articleId'> = {},
  ): Promise<TakenLease | null> {
    const params: unknown[] = [holderKeyId, leaseSeconds];
    const where: string[] = [];
    if (filters.outlet !== undefined) where.push(`outlet = $${params.push(filters.outlet)}`);
    if (filters.agreementStatus !== undefined) {
      where.push(`agreement_status = $${params.push(filters.agreementStatus)}`);
    }
    if (filters.articleId !== undefined) where.push(`article_id = $${params.push(filters.articleId)}`);
    const and = where.map((w) => ` AND ${w}`).join('');
    const available = `open AND (lease_expires_at IS NULL OR lease_expires_at <= now())${and}`;
    const fast = await this.leaseOne(
      em,
      `WITH candidates AS MATERIALIZED (
         (SELECT claim_id FROM review_queue_items
           WHERE open AND lease_expires_at IS NULL${and}
           ORDER BY priority DESC, claim_id DESC LIMIT ${NEXT_CANDIDATES})
         UNION ALL
         (SELECT claim_id FROM review_queue_items
           WHERE open AND lease_expires_at <= now()${and}
           ORDER BY priority DESC, claim_id DESC LIMIT ${NEXT_CANDIDATES})
       ), picked AS (
         SELECT claim_id, lease_holder_key_id AS previous_holder, lease_expires_at AS previous_expires_at
           FROM review_queue_items
          WHERE claim_id IN (SELECT claim_id FROM candidates) AND ${available}
          ORDER BY priority DESC, claim_id DESC
          LIMIT 1
          FOR UPDATE SKIP LOCKED
       )`,
      params,
    );
    if (fast) return fast;
    return this.leaseOne(
      em,
      `WITH picked AS (
         SELECT claim_id, lease_holder_key_id AS previous_holder, lease_expires_at AS previous_expires_at
           FROM review_queue_items
          WHERE ${available}
          ORDER BY priority DESC, claim_id DESC
          LIMIT 1
          FOR UPDATE SKIP LOCKED
       )`,
      params,
    );
  }

  /** Gives the lease on the row `picked` (a CTE that locked it) to `$1` for `$2` seconds. */
  private async leaseOne(
    em: EntityManager,
    pickedSql: string,
    params: unknown[],
  ): Promise<TakenLease | null> {
    const result: [TakenLease[], number] = await em.query(
      `${pickedSql}
       UPDATE review_queue_items i
          SET lease_holder_key_id = $1, lease_expires_at = now() + make_interval(secs => $2),
              leased_at = now(), lease_renewals = 0
         FROM picked
        WHERE i.claim_id = picked.claim_id
       RETURNING i.claim_id AS "claimId", i.open, i.lease_holder_key_id AS "leaseHolderKeyId",
                 i.lease_expires_at AS "leaseExpiresAt", i.leased_at AS "leasedAt", i.lease_renewals AS "leaseRenewals",
                 picked.previous_holder AS "previousHolderKeyId", picked.previous_expires_at AS "previousExpiresAt"`,
      params,
    );
    return result[0][0] ?? null;
  }

  /** Reads a claim's queue item and locks it until the transaction ends. */
  async lock(em: EntityManager, claimId: string): Promise<LeaseRow | null> {
    const rows: LeaseRow[] = await em.query(
      `SELECT ${LEASE_COLUMNS} FROM review_queue_items WHERE claim_id = $1 FOR UPDATE`,
      [claimId],
    );
    return rows[0] ?? null;
  }

  async find(claimId: string): Promise<LeaseRow | null> {
    const rows: LeaseRow[] = await this.dataSource.query(
      `SELECT ${LEASE_COLUMNS} FROM review_queue_items WHERE claim_id = $1`,
      [claimId],
    );
    return rows[0] ?? null;
  }

  /** Gives the lease to `holderKeyId` for `leaseSeconds` from now; `renewal` keeps leased_at and counts it. */
  async setLease(
    em: EntityManager,
    claimId: string,
    holderKeyId: string,
    leaseSeconds: number,
    renewal: boolean,
  ): Promise<LeaseRow> {
    const rows: [LeaseRow[], number] = await em.query(
      `UPDATE review_queue_items
          SET lease_holder_key_id = $2, lease_expires_at = now() + make_interval(secs => $3),
              leased_at = CASE WHEN $4 THEN leased_at ELSE now() END,
              lease_renewals = CASE WHEN $4 THEN lease_renewals + 1 ELSE 0 END
        WHERE claim_id = $1
       RETURNING ${LEASE_COLUMNS}`,
      [claimId, holderKeyId, leaseSeconds, renewal],
    );
    return rows[0][0];
  }

  async clearLease(em: EntityManager, claimId: string): Promise<void> {
    await em.query(
      `UPDATE review_queue_items
          SET lease_holder_key_id = NULL, lease_expires_at = NULL, leased_at = NULL, lease_renewals = 0
        WHERE claim_id = $1`,
      [claimId],
    );
  }

  /** Opens (back on the queue) or closes (verdict pending or published) the item; a closed item loses its lease. */
  async setOpen(em: EntityManager, claimId: string, open: boolean): Promise<void> {
    await em.query(
      `UPDATE review_queue_items
          SET open = $2,
              lease_holder_key_id = CASE WHEN $2 THEN lease_holder_key_id END,
              lease_expires_at = CASE WHEN $2 THEN lease_expires_at END,
              leased_at = CASE WHEN $2 THEN leased_at END
        WHERE claim_id = $1`,
      [claimId, open],
    );
  }

  /** Clears expired leases (skipping rows locked by a request) and returns whose they were. */
  async clearExpiredLeases(
    em: EntityManager,
    limit: number,
  ): Promise<{ claimId: string; holderKeyId: string; expiredAt: Date }[]> {
    const rows: [{ claimId: string; holderKeyId: string; expiredAt: Date }[], number] = await em.query(
      `WITH expired AS (
         SELECT claim_id, lease_holder_key_id, lease_expires_at FROM review_queue_items
          WHERE lease_expires_at <= now()
          ORDER BY lease_expires_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE review_queue_items i
          SET lease_holder_key_id = NULL, lease_expires_at = NULL, leased_at = NULL, lease_renewals = 0
         FROM expired
        WHERE i.claim_id = expired.claim_id
       RETURNING expired.claim_id AS "claimId", expired.lease_holder_key_id AS "holderKeyId",
                 expired.lease_expires_at AS "expiredAt"`,
      [limit],
    );
    return rows[0];
  }
}
