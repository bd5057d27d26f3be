import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '../common/errors';
import type {
  ArticleReportDto,
  ReportClaimDto,
  ReportFlagDto,
  ReportSourceDto,
  ReportVerdictDto,
  StatusCountsDto,
} from './dto/article-report.dto';
import type { AttributionMeasuresDto } from './dto/attribution-measures.dto';
import type { ReportInterval } from './dto/attribution-report-query.dto';
import type {
  AttributionReportDto,
  OutletMeasuresDto,
  PeriodMeasuresDto,
} from './dto/attribution-report.dto';
import {
  type AttributionArticleRow,
  type AttributionFilters,
  FIGURE_KINDS,
  ReportsRepository,
} from './reports.repository';

/** Most articles the cross-article report reads (its CSV has one row per article). */
export const MAX_REPORT_ARTICLES = 20_000;
const MOST_CITED_SHOWN = 15;

const share = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 1e4) / 1e4 : 0;

const emptyStatuses = (): StatusCountsDto => ({
  pending: 0,
  unattributed: 0,
  single_source: 0,
  corroborated: 0,
  conflicting: 0,
});

export interface AttributionReportRequest {
  outlet?: string;
  from?: string;
  to?: string;
  interval: ReportInterval;
}

/** Editors' attribution reports: one article, and articles aggregated per outlet and period. */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  async articleReport(articleId: string): Promise<ArticleReportDto> {
    const article = await this.reports.findArticle(articleId);
    if (!article) throw new NotFoundError(`Article ${articleId} does not exist.`);
    const [claims, attributions, quantities, reviews, relations] = await Promise.all([
      this.reports.findClaims(articleId),
      this.reports.findAttributions(articleId),
      this.reports.findQuantities(articleId),
      this.reports.findReviews(articleId),
      this.reports.findRelations(articleId),
    ]);

    const verdicts = new Map<string, ReportVerdictDto>(
      reviews.map((r) => [
        r.claimId,
        {
          claimId: r.claimId,
          rating: r.rating,
          status: r.status,
          summary: r.summary,
          publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
        },
      ]),
    );
    const reportClaims: ReportClaimDto[] = claims.map((c, i) => {
      const sources = attributions.filter((a) => a.claimId === c.id);
      const named = sources.some((s) => s.type !== 'anonymous');
      return {
        id: c.id,
        number: i + 1,
        start: c.start,
        end: c.end,
        text: c.text,
        checkworthy: c.checkworthy,
        agreementStatus: c.agreementStatus,
        attribution: named ? 'named' : sources.length ? 'anonymous' : 'none',
        sources: sources.map((s) => ({
          id: s.sourceId,
          name: s.name,
          type: s.type,
          role: s.role,
          cue: s.cue,
        })),
        quantities: quantities
          .filter((q) => q.claimId === c.id)
          .map((q) => ({
            text: q.text,
            value: q.value,
            ...(q.high !== null ? { high: q.high } : {}),
            bound: q.bound,
            unit: q.unit,
            kind: q.kind,
          })),
        relations: relations
          .filter((r) => r.claimId === c.id)
          .map((r) => ({
            claimId: r.otherClaimId,
            articleId: r.otherArticleId,
            text: r.otherText,
            relation: r.relation,
            score: r.score,
            explanation: r.explanation,
          })),
        verdict: verdicts.get(c.id) ?? null,
      };
    });

    // Sources of the article, with the claims they carry and how those stand.
    const bySource = new Map<string, ReportSourceDto & { claimIds: Set<string> }>();
    for (const a of attributions) {
      let s = bySource.get(a.sourceId);
      if (!s) {
        s = {
          id: a.sourceId,
          name: a.name,
          type: a.type,
          claimCount: 0,
          viaCount: 0,
          statuses: emptyStatuses(),
          claimIds: new Set(),
        };
        bySource.set(a.sourceId, s);
      }
      if (a.role === 'via') s.viaCount++;
      if (s.claimIds.has(a.claimId)) continue;
      s.claimIds.add(a.claimId);
      s.claimCount++;
      const status = claims.find((c) => c.id === a.claimId)?.agreementStatus;
      if (status) s.statuses[status]++;
    }
    const sources = [...bySource.values()]
      .map(({ claimIds: _ids, ...s }) => s)
      .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name));

    const flags: ReportFlagDto[] = [];
    for (const c of reportClaims) {
      const figures = c.quantities.filter((q) => (FIGURE_KINDS as readonly string[]).includes(q.kind));
      let kind: ReportFlagDto['kind'] | null = null;
      if (c.agreementStatus === 'single_source' && figures.length) kind = 'single_source_figure';
      else if (c.agreementStatus === 'unattributed' && figures.length) kind = 'unattributed_figure';
      else if (c.agreementStatus === 'unattributed' && c.checkworthy) kind = 'unattributed';
      if (!kind) continue;
      flags.push({
        claimId: c.id,
        number: c.number,
        kind,
        text: c.text,
        figures: figures.map((q) => q.text),
        sources: c.sources.map((s) => s.name),
      });
    }

    return {
      article: {
        id: article.id,
        title: article.title,
        url: article.url,
        outlet: article.outlet,
        publishedAt: article.publishedAt ? new Date(article.publishedAt).toISOString() : null,
        status: article.status,
      },
      text: article.text,
      measures: this.measuresOf(reportClaims, flags, independentOrigins(attributions)),
      sources,
      flags,
      claims: reportClaims,
      verdicts: reportClaims.flatMap((c) => (c.verdict ? [c.verdict] : [])),
      generatedAt: new Date().toISOString(),
    };
  }

  async attributionReport(request: AttributionReportRequest): Promise<AttributionReportDto> {
    const filters = parseFilters(request);
    const [rows, origins, periodOrigins, mix, mostCited] = await Promise.all([
      this.reports.articleRows(filters, request.interval, MAX_REPORT_ARTICLES + 1),
      this.reports.originsByOutlet(filters),
      this.reports.originsByPeriod(filters, request.interval),
      this.reports.sourceTypeMix(filters),
      this.reports.mostCitedSources(filters, MOST_CITED_SHOWN),
    ]);
    const truncated = rows.length > MAX_REPORT_ARTICLES;
    const articles = rows.slice(0, MAX_REPORT_ARTICLES);

    const outlets = new Map<string | null, AttributionArticleRow[]>();
    for (const r of articles) outlets.set(r.outlet, [...(outlets.get(r.outlet) ?? []), r]);
    const periods = new Map<string, AttributionArticleRow[]>();
    for (const r of articles) {
      periods.set(r.period, [...(periods.get(r.period) ?? []), r]);
    }
    const originsOf = (outlet: string | null): number =>
      origins.find((o) => !o.total && o.outlet === outlet)?.origins ?? 0;
    const totalCitations = mix.reduce((n, m) => n + m.citations, 0);

    return {
      filters: {
        outlet: filters.outlet ?? null,
        from: filters.from?.toISOString() ?? null,
        to: filters.to?.toISOString() ?? null,
        interval: request.interval,
      },
      articles: articles.length,
      truncated,
      totals: sumRows(articles, origins.find((o) => o.total)?.origins ?? 0),
      outlets: [...outlets.entries()]
        .map(([outlet, group]): OutletMeasuresDto => ({
          outlet,
          articles: group.length,
          ...sumRows(group, originsOf(outlet)),
        }))
        .sort((a, b) => b.articles - a.articles || (a.outlet ?? '').localeCompare(b.outlet ?? '')),
      timeline: [...periods.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, group]): PeriodMeasuresDto => {
          const m = sumRows(group, periodOrigins.get(period) ?? 0);
          return { period, articles: group.length, ...m, attributionRate: m.shares.attributed };
        }),
      sourceTypeMix: mix.map((m) => ({ ...m, share: share(m.citations, totalCitations) })),
      mostCitedSources: mostCited,
      generatedAt: new Date().toISOString(),
    };
  }

  /** The article rows behind the cross-article report (its CSV). */
  async attributionRows(request: AttributionReportRequest): Promise<AttributionArticleRow[]> {
    return this.reports.articleRows(parseFilters(request), request.interval, MAX_REPORT_ARTICLES);
  }

  private measuresOf(
    claims: ReportClaimDto[],
    flags: ReportFlagDto[],
    origins: number,
  ): AttributionMeasuresDto {
    const checkworthy = claims.filter((c) => c.checkworthy);
    const count = (a: ReportClaimDto['attribution']): number =>
      checkworthy.filter((c) => c.attribution === a).length;
    return withShares({
      claims: claims.length,
      checkworthyClaims: checkworthy.length,
      attributed: count('named'),
      anonymous: count('anonymous'),
      unattributed: count('none'),
      singleSourceFigures: flags.filter((f) => f.kind === 'single_source_figure').length,
      unattributedFigures: flags.filter((f) => f.kind === 'unattributed_figure').length,
      independentOrigins: origins,
    });
  }
}

/**
 * Distinct independent origins of an article: the primary sources of its claims; a relay counts only for a claim
 * that names no primary source.
 */
function independentOrigins(attributions: { claimId: string; sourceId: string; role: string }[]): number {
  const withPrimary = new Set(attributions.filter((a) => a.role === 'primary').map((a) => a.claimId));
  return new Set(
    attributions.filter((a) => a.role === 'primary' || !withPrimary.has(a.claimId)).map((a) => a.sourceId),
  ).size;
}

function withShares(m: Omit<AttributionMeasuresDto, 'shares'>): AttributionMeasuresDto {
  return {
    ...m,
    shares: {
      attributed: share(m.attributed, m.checkworthyClaims),
      anonymous: share(m.anonymous, m.checkworthyClaims),
      unattributed: share(m.unattributed, m.checkworthyClaims),
    },
  };
}

function sumRows(rows: AttributionArticleRow[], origins: number): AttributionMeasuresDto {
  const sum = (k: keyof AttributionArticleRow): number => rows.reduce((n, r) => n + Number(r[k]), 0);
  return withShares({
    claims: sum('claims'),
    checkworthyClaims: sum('checkworthy'),
    attributed: sum('attributed'),
    anonymous: sum('anonymous'),
    unattributed: sum('unattributed'),
    singleSourceFigures: sum('singleSourceFigures'),
    unattributedFigures: sum('unattributedFigures'),
    independentOrigins: origins,
  });
}

function parseFilters(request: AttributionReportRequest): AttributionFilters {
  const from = request.from ? new Date(request.from) : undefined;
  const to = request.to ? new Date(request.to) : undefined;
  if (from && to && from >= to) {
    throw new ValidationError('from must be before to (to is exclusive: from=2024-10-01&to=2024-11-01).');
  }
  return { outlet: request.outlet, from, to };
}
