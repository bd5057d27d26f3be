import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticlesRepository } from '../articles/articles.repository';
import type { AttributionRole } from '../claims/attribution.entity';
import { ClaimsRepository, type NewAttribution, type NewQuantity } from '../claims/claims.repository';
import { NotFoundError } from '../common/errors';
import { analyze } from '../engine';
import type { Analysis, SourceRef } from '../engine/types';
import { normalizeSourceKey } from '../sources/source-key';
import { SourcesRepository } from '../sources/sources.repository';
import { PipelineQueueService } from './pipeline-queue.service';

const PRONOUN = /^(he|she|they|it|him|her|them|his|its|their|we|i|you|this|that)$/i;

export interface ExtractionOutcome {
  /** False when the article had already been extracted (the job was a retry or a duplicate). */
  extracted: boolean;
  claims: number;
}

/**
 * Extraction: runs the engine on an article and stores claims, quantities, sources and attributions in one
 * transaction (marking the article extracted), then adds the verification flow. Idempotent: the article row is
 * locked and its status re-checked, so a retried or duplicated job stores nothing twice; the flow has
 * deterministic job ids.
 */
@Injectable()
export class ExtractionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
    private readonly sources: SourcesRepository,
    private readonly queue: PipelineQueueService,
  ) {}

  async extract(articleId: string): Promise<ExtractionOutcome> {
    const article = await this.articles.findById(articleId);
    if (!article) throw new NotFoundError(`Article ${articleId} does not exist; nothing to extract.`);
    let stored: number | undefined;
    if (article.status === 'received') {
      const analysis = analyze(article.text, { outlet: article.outlet ?? undefined });
      stored = await this.dataSource.transaction(async (em) => {
        const locked = await this.articles.findByIdForUpdate(em, articleId);
        if (!locked || locked.status !== 'received') return undefined;
        await this.store(em, locked, analysis);
        await this.articles.markExtracted(
          em,
          articleId,
          analysis.language.slice(0, 8),
          analysis.claims.length,
        );
        return analysis.claims.length;
      });
    }
    const claims = await this.ensureVerificationFlow(articleId);
    return { extracted: stored !== undefined, claims };
  }

  /** Adds the article's verification flow when it is extracted (no-op when the flow exists). Returns the claim count. */
  async ensureVerificationFlow(articleId: string): Promise<number> {
    const article = await this.articles.findById(articleId);
    if (article?.status !== 'extracted') return article?.claimCount ?? 0;
    const claims = await this.claims.findRevisionsByArticle(articleId);
    await this.queue.addVerificationFlow(articleId, claims);
    return claims.length;
  }

  private async store(em: EntityManager, article: Article, analysis: Analysis): Promise<void> {
    const sourceIds = await this.storeSources(em, article, analysis);
    const claimIds = await this.claims.insertClaims(
      em,
      analysis.claims.map((c) => ({
        articleId: article.id,
        spanStart: c.start,
        spanEnd: c.end,
        sentence: c.sentence,
        text: c.text,
        checkworthy: c.checkworthy,
        score: Number.isFinite(c.score) ? c.score : 0,
        negated: c.negated === true,
      })),
    );
    const quantities: NewQuantity[] = [];
    const attributions: NewAttribution[] = [];
    analysis.claims.forEach((c, i) => {
      const claimId = claimIds[i];
      for (const q of c.quantities) {
        quantities.push({
          claimId,
          spanStart: q.start,
          spanEnd: q.end,
          text: q.text,
          value: Number.isFinite(q.value) ? q.value : null,
          high: q.high !== undefined && Number.isFinite(q.high) ? q.high : null,
          bound: q.bound,
          unit: q.unit,
          change: q.change ?? null,
          kind: q.kind,
        });
      }
      const seen = new Set<string>();
      const attribute = (ref: SourceRef, role: AttributionRole) => {
        const sourceId = sourceIds.get(sourceMapKey(ref));
        if (!sourceId || seen.has(`${sourceId}/${role}`)) return;
        seen.add(`${sourceId}/${role}`);
        attributions.push({
          claimId,
          sourceId,
          role,
          cueStart: c.cue?.start ?? null,
          cueEnd: c.cue?.end ?? null,
          cueText: c.cue ? article.text.slice(c.cue.start, c.cue.end) : null,
          mentionStart: ref.mention?.start ?? null,
          mentionEnd: ref.mention?.end ?? null,
          mentionText: ref.mention ? article.text.slice(ref.mention.start, ref.mention.end) : null,
        });
      };
      for (const ref of c.sources) attribute(ref, 'primary');
      for (const ref of c.via) attribute(ref, 'via');
    });
    await this.claims.insertQuantities(em, quantities);
    await this.claims.insertAttributions(em, attributions);
  }

  /**
   * Canonical sources of the article: named ones upserted on (normalized key, type) in key order (so concurrent
   * extractions lock them in the same order), anonymous ones created once per article and never merged across
   * articles. Returns a map from sourceMapKey to source id.
   */
  private async storeSources(
    em: EntityManager,
    article: Article,
    analysis: Analysis,
  ): Promise<Map<string, string>> {
    const refs = new Map<string, SourceRef>();
    const aliases = new Map<string, string>();
    for (const c of analysis.claims) {
      for (const ref of [...c.sources, ...c.via]) {
        const key = sourceMapKey(ref);
        if (!normalizeSourceKey(ref.name)) continue;
        if (!refs.has(key)) refs.set(key, ref);
        const mention = ref.mention ? article.text.slice(ref.mention.start, ref.mention.end).trim() : '';
        if (mention && !PRONOUN.test(mention) && mention !== ref.name && !aliases.has(key))
          aliases.set(key, mention);
      }
    }
    const ids = new Map<string, string>();
    for (const key of [...refs.keys()].sort()) {
      const ref = refs.get(key)!;
      const mention = {
        name: ref.name.trim(),
        normalizedKey: normalizeSourceKey(ref.name),
        type: ref.type,
        alias: aliases.get(key),
        role: ref.role ?? null,
        affiliation: ref.affiliation ?? null,
      };
      ids.set(
        key,
        ref.type === 'anonymous'
          ? await this.sources.insertAnonymous(em, mention)
          : await this.sources.upsertNamed(em, mention),
      );
    }
    return ids;
  }
}

function sourceMapKey(ref: SourceRef): string {
  return `${ref.type}|${normalizeSourceKey(ref.name)}`;
}
