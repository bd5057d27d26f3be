import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleStatus } from '../articles/article.entity';
import type { AttributionRole } from '../claims/attribution.entity';
import type { AgreementStatus } from '../claims/claim.entity';
import type { SourceKind } from '../sources/source.entity';

export interface ReportArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  publishedAt: Date | null;
  status: ArticleStatus;
  text: string;
  createdAt: Date;
}

export interface ReportClaimRow {
  id: string;
  start: number;
  end: number;
  text: string;
  checkworthy: boolean;
  score: number;
  agreementStatus: AgreementStatus;
}

export interface ReportAttributionRow {
  claimId: string;
  sourceId: string;
  name: string;
  type: SourceKind;
  role: AttributionRole;
  cue: string | null;
  mention: string | null;
}

export interface ReportQuantityRow {
  claimId: string;
  text: string;
  value: number | null;
  high: number | null;
  bound: string;
  unit: string | null;
  kind: string;
}

export interface ReportReviewRow {
  claimId: string;
  status: string;
  rating: string;
  summary: string;
  publishedAt: Date | null;
}

export interface ReportRelationRow {
  claimId: string;
  otherClaimId: string;
  otherArticleId: string;
  otherText: string;
  relation: 'agree' | 'conflict';
  score: number;
  explanation: string;
}

/** Filters of the cross-article report: outlet (exact), [from, to) on the article's date (published, else received). */
export interface AttributionFilters {
  outlet?: string;
  from?: Date;
  to?: Date;
}

/** One article's aggregate row in the cross-article report (the CSV rows). */
export interface AttributionArticleRow {
  articleId: string;
  title: string | null;
  outlet: string | null;
  date: Date;
  /** First day of the article's period (day or ISO week, UTC), YYYY-MM-DD. */
  period: string;
  claims: number;
  checkworthy: number;
  attributed: number;
  anonymous: number;
  unattributed: number;
  singleSourceFigures: number;
  unattributedFigures: number;
  independentOrigins: number;
}

export interface OutletOriginsRow {
  /** null for the row over every outlet (see `total`). */
  outlet: string | null;
  total: boolean;
  origins: number;
}

export interface SourceTypeMixRow {
  type: SourceKind;
  citations: number;
  sources: number;
}

export interface MostCitedSourceRow {
  id: string;
  name: string;
  type: SourceKind;
  claims: number;
  articles: number;
}

/**
 * Quantity kinds that count as "figures" for the editor's flags (a bare year dates a claim, it is not a figure to
 * check).
 */
export const FIGURE_KINDS = ['count', 'percent', 'money', 'measure', 'ordinal'] as const;

/** Articles in scope of the cross-article report ($1 outlet, $2 from, $3 to): extracted or verified. */
const SCOPED_ARTICLES = `
  SELECT a.id, a.title, a.outlet, COALESCE(a.published_at, a.created_at) AS at
    FROM articles a
   WHERE a.status IN ('extracted', 'verified')
     AND ($1::text IS NULL OR a.outlet = $1)
     AND ($2::timestamptz IS NULL OR COALESCE(a.published_at, a.created_at) >= $2)
     AND ($3::timestamptz IS NULL OR COALESCE(a.published_at, a.created_at) < $3)`;

/**
 * Independent origins of the claims in scope: primary sources; a relay ("via") counts only when the claim names no
 * primary source (the same rule as verification's agreement).
 */
const ORIGINS = `
  SELECT x.claim_id, x.source_id FROM attributions x JOIN claims c ON c.id = x.claim_id
    JOIN scoped s ON s.id = c.article_id
   WHERE x.role = 'primary'
     OR NOT EXISTS (SELECT 1 FROM attributions p WHERE p.claim_id = x.claim_id AND p.role = 'primary')`;

const num = (v: unknown): number => Number(v ?? 0);

/** Named queries behind the attribution reports. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findArticle(id: string): Promise<ReportArticleRow | null> {
    const rows: ReportArticleRow[] = await this.dataSource.query(
      `SELECT id, title, url, outlet, published_at AS "publishedAt", status, text, created_at AS "createdAt"
         FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findClaims(articleId: string): Promise<ReportClaimRow[]> {
    return this.dataSource.query(
      `SELECT id, span_start AS start, span_end AS "end", text, checkworthy, score,
              agreement_status AS "agreementStatus"
         FROM claims WHERE article_id = $1 ORDER BY span_start, span_end DESC, id`,
      [articleId],
    );
  }

  async findAttributions(articleId: string): Promise<ReportAttributionRow[]> {
    return this.dataSource.query(
      `SELECT x.claim_id AS "claimId", s.id AS "sourceId", s.name, s.type, x.role,
              x.cue_text AS cue, x.mention_text AS mention
         FROM attributions x JOIN claims c ON c.id = x.claim_id JOIN sources s ON s.id = x.source_id
        WHERE c.article_id = $1
        ORDER BY c.span_start, x.role, x.mention_start NULLS LAST, s.name`,
      [articleId],
    );
  }

  async findQuantities(articleId: string): Promise<ReportQuantityRow[]> {
    const rows: (Omit<ReportQuantityRow, 'value' | 'high'> & {
      value: string | null;
      high: string | null;
    })[] = await this.dataSource.query(
      `SELECT q.claim_id AS "claimId", q.text, q.value, q.high, q.bound, q.unit, q.kind
           FROM quantities q JOIN claims c ON c.id = q.claim_id
          WHERE c.article_id = $1 ORDER BY q.span_start`,
      [articleId],
    );
    return rows.map((r) => ({
      ...r,
      value: r.value === null ? null : Number(r.value),
      high: r.high === null ? null : Number(r.high),
    }));
  }

  async findReviews(articleId: string): Promise<ReportReviewRow[]> {
    return this.dataSource.query(
      `SELECT r.claim_id AS "claimId", r.status, r.rating, r.summary, r.published_at AS "publishedAt"
         FROM claim_reviews r JOIN claims c ON c.id = r.claim_id
        WHERE c.article_id = $1 ORDER BY c.span_start`,
      [articleId],
    );
  }

  /** Agree/conflict relations of the article's claims, seen from each of them (with the other claim's text). */
  async findRelations(articleId: string): Promise<ReportRelationRow[]> {
    const rows: ReportRelationRow[] = await this.dataSource.query(
      `WITH mine AS (SELECT id FROM claims WHERE article_id = $1),
            pairs AS (
              SELECT r.claim_a_id AS claim_id, r.claim_b_id AS other_id, r.relation, r.score, r.explanation
                FROM claim_relations r WHERE r.claim_a_id IN (SELECT id FROM mine)
              UNION ALL
              SELECT r.claim_b_id, r.claim_a_id, r.relation, r.score, r.explanation
                FROM claim_relations r WHERE r.claim_b_id IN (SELECT id FROM mine))
       SELECT p.claim_id AS "claimId", p.other_id AS "otherClaimId", o.article_id AS "otherArticleId",
              o.text AS "otherText", p.relation, p.score, p.explanation
         FROM pairs p JOIN claims o ON o.id = p.other_id
        ORDER BY p.claim_id, p.score DESC, p.other_id`,
      [articleId],
    );
    return rows;
  }

  /** One aggregate row per article in scope, oldest first, at most `limit` rows. */
  async articleRows(
    filters: AttributionFilters,
    interval: 'day' | 'week',
    limit: number,
  ): Promise<AttributionArticleRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH scoped AS (${SCOPED_ARTICLES}),
            cl AS (
              SELECT c.id, c.article_id, c.checkworthy, c.agreement_status,
                     EXISTS (SELECT 1 FROM quantities q WHERE q.claim_id = c.id AND q.kind = ANY($5::quantity_kind[])) AS has_figure,
                     EXISTS (SELECT 1 FROM attributions x JOIN sources s ON s.id = x.source_id
                              WHERE x.claim_id = c.id AND s.type <> 'anonymous') AS named,
                     EXISTS (SELECT 1 FROM attributions x WHERE x.claim_id = c.id) AS any_source
                FROM claims c JOIN scoped s ON s.id = c.article_id),
            origins AS (${ORIGINS}),
            article_origins AS (
              SELECT c.article_id, count(DISTINCT o.source_id) AS n
                FROM origins o JOIN claims c ON c.id = o.claim_id GROUP BY c.article_id)
       SELECT s.id AS "articleId", s.title, s.outlet, s.at AS date,
              to_char(date_trunc($4, s.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period,
              count(cl.id) AS claims,
              count(cl.id) FILTER (WHERE cl.checkworthy) AS checkworthy,
              count(cl.id) FILTER (WHERE cl.checkworthy AND cl.named) AS attributed,
              count(cl.id) FILTER (WHERE cl.checkworthy AND cl.any_source AND NOT cl.named) AS anonymous,
              count(cl.id) FILTER (WHERE cl.checkworthy AND NOT cl.any_source) AS unattributed,
              count(cl.id) FILTER (WHERE cl.has_figure AND cl.agreement_status = 'single_source') AS "singleSourceFigures",
              count(cl.id) FILTER (WHERE cl.has_figure AND cl.agreement_status = 'unattributed') AS "unattributedFigures",
              COALESCE(max(ao.n), 0) AS "independentOrigins"
         FROM scoped s
         LEFT JOIN cl ON cl.article_id = s.id
         LEFT JOIN article_origins ao ON ao.article_id = s.id
        GROUP BY s.id, s.title, s.outlet, s.at
        ORDER BY s.at, s.id
        LIMIT $6`,
      [filters.outlet ?? null, filters.from ?? null, filters.to ?? null, interval, FIGURE_KINDS, limit],
    );
    return rows.map((r) => ({
      articleId: r.articleId as string,
      title: r.title as string | null,
      outlet: r.outlet as string | null,
      date: r.date as Date,
      period: r.period as string,
      claims: num(r.claims),
      checkworthy: num(r.checkworthy),
      attributed: num(r.attributed),
      anonymous: num(r.anonymous),
      unattributed: num(r.unattributed),
      singleSourceFigures: num(r.singleSourceFigures),
      unattributedFigures: num(r.unattributedFigures),
      independentOrigins: num(r.independentOrigins),
    }));
  }

  /** Distinct independent origins per outlet, plus one row over the whole scope (`total`). */
  async originsByOutlet(filters: AttributionFilters): Promise<OutletOriginsRow[]> {
    const rows: { outlet: string | null; total: boolean; origins: string }[] = await this.dataSource.query(
      `WITH scoped AS (${SCOPED_ARTICLES}), origins AS (${ORIGINS})
       SELECT s.outlet, GROUPING(s.outlet) = 1 AS total, count(DISTINCT o.source_id) AS origins
         FROM origins o JOIN claims c ON c.id = o.claim_id JOIN scoped s ON s.id = c.article_id
        GROUP BY ROLLUP (s.outlet)`,
      [filters.outlet ?? null, filters.from ?? null, filters.to ?? null],
    );
    return rows.map((r) => ({ outlet: r.outlet, total: r.total, origins: num(r.origins) }));
  }

  /** Distinct independent origins per period (key: first day of the period, YYYY-MM-DD, UTC). */
  async originsByPeriod(filters: AttributionFilters, interval: 'day' | 'week'): Promise<Map<string, number>> {
    const rows: { period: string; origins: string }[] = await this.dataSource.query(
      `WITH scoped AS (${SCOPED_ARTICLES}), origins AS (${ORIGINS})
       SELECT to_char(date_trunc($4, s.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period,
              count(DISTINCT o.source_id) AS origins
         FROM origins o JOIN claims c ON c.id = o.claim_id JOIN scoped s ON s.id = c.article_id
        GROUP BY 1`,
      [filters.outlet ?? null, filters.from ?? null, filters.to ?? null, interval],
    );
    return new Map(rows.map((r) => [r.period, num(r.origins)]));
  }

  /** Citations (claim ↔ source, primary or via) and distinct sources per source type. */
  async sourceTypeMix(filters: AttributionFilters): Promise<SourceTypeMixRow[]> {
    const rows: { type: SourceKind; citations: string; sources: string }[] = await this.dataSource.query(
      `WITH scoped AS (${SCOPED_ARTICLES})
       SELECT src.type, count(DISTINCT (x.claim_id, x.source_id)) AS citations,
              count(DISTINCT x.source_id) AS sources
         FROM attributions x JOIN claims c ON c.id = x.claim_id JOIN scoped s ON s.id = c.article_id
         JOIN sources src ON src.id = x.source_id
        GROUP BY src.type ORDER BY citations DESC, src.type`,
      [filters.outlet ?? null, filters.from ?? null, filters.to ?? null],
    );
    return rows.map((r) => ({ type: r.type, citations: num(r.citations), sources: num(r.sources) }));
  }

  /** The sources carrying the most claims in scope. */
  async mostCitedSources(filters: AttributionFilters, limit: number): Promise<MostCitedSourceRow[]> {
    const rows: (Omit<MostCitedSourceRow, 'claims' | 'articles'> & { claims: string; articles: string })[] =
      await this.dataSource.query(
        `WITH scoped AS (${SCOPED_ARTICLES})
         SELECT src.id, src.name, src.type, count(DISTINCT x.claim_id) AS claims,
                count(DISTINCT c.article_id) AS articles
           FROM attributions x JOIN claims c ON c.id = x.claim_id JOIN scoped s ON s.id = c.article_id
           JOIN sources src ON src.id = x.source_id
          GROUP BY src.id, src.name, src.type
          ORDER BY claims DESC, articles DESC, src.name, src.id
          LIMIT $4`,
        [filters.outlet ?? null, filters.from ?? null, filters.to ?? null, limit],
      );
    return rows.map((r) => ({ ...r, claims: num(r.claims), articles: num(r.articles) }));
  }
}
