import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Article } from '../articles/article.entity';
import { ArticlesRepository } from '../articles/articles.repository';
import type { AttributionRole } from '../claims/attribution.entity';
import { ClaimsRepository, type NewAttribution, type NewQuantity } from '../claims/claims.repository';
import { claimTextHash } from '../claims/text-hash';
import { NotFoundError } from '../common/errors';
import { analyze, wireOriginOf } from '../engine';
import { WIRE_MIN_SHARED } from '../engine/wire';
import type { Analysis, SourceRef } from '../engine/types';
import { normalizeSourceKey } from '../sources/source-key';
import { SourceResolutionService } from '../sources/source-resolution.service';
import { SourcesRepository, type SourceMention } from '../sources/sources.repository';
import { PipelineQueueService } from './pipeline-queue.service';

/** Articles sharing claim texts considered per extraction (the most shared first). */
const WIRE_CANDIDATE_LIMIT = 20;

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
    private readonly resolution: SourceResolutionService,
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
    // Claims verified before the flow was lost are left out (a restored flow must not reuse the job id of their
    // standalone re-verification); with none left, the parent runs at once and marks the article verified.
    const claims = await this.claims.findRevisionsByArticle(articleId);
    await this.queue.addVerificationFlow(articleId, claims);
    return article.claimCount;
  }

  private async store(em: EntityManager, article: Article, analysis: Analysis): Promise<void> {
    const sourceIds = await this.storeSources(em, article, analysis);
    const hashes = analysis.claims.map((c) => claimTextHash(c.text));
    const claimIds = await this.claims.insertClaims(
      em,
      analysis.claims.map((c, i) => ({
        articleId: article.id,
        spanStart: c.start,
        spanEnd: c.end,
        sentence: c.sentence,
        text: c.text,
        checkworthy: c.checkworthy,
        score: Number.isFinite(c.score) ? c.score : 0,
        negated: c.negated === true,
        textHash: hashes[i],
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
    await this.detectWireCopy(em, article.id, hashes);
  }

  /**
   * Wire copy: when most of the article's distinctive claims are the same text as an earlier article's (engine
   * rule isWireCopy), the article joins that article's wire group. Index-backed (ix_claims_text_hash), and
   * serialised per hash so two copies extracted at once still find each other.
   */
  private async detectWireCopy(
    em: EntityManager,
    articleId: string,
    hashes: (string | null)[],
  ): Promise<void> {
    const distinct = [...new Set(hashes.filter((h): h is string => h !== null))].sort();
    if (distinct.length < WIRE_MIN_SHARED) return;
    await this.claims.lockTextHashes(em, distinct);
    const candidates = await this.claims.findWireCandidates(
      em,
      articleId,
      distinct,
      WIRE_MIN_SHARED,
      WIRE_CANDIDATE_LIMIT,
    );
    const origin = wireOriginOf(distinct.length, candidates);
    if (origin && origin !== articleId) await this.articles.setWireOrigin(em, articleId, origin);
  }

  /**
   * Canonical sources of the article. Named ones are resolved across articles (SourceResolutionService: the
   * existing source a mention unambiguously is, else the one of its exact key), under advisory locks taken up front
   * in sorted order, then in key order; anonymous ones are created once per article and never merged across
   * articles. Every non-pronoun way the article wrote a source becomes an alias. Returns a map from sourceMapKey to
   * source id.
   */
  private async storeSources(
    em: EntityManager,
    article: Article,
    analysis: Analysis,
  ): Promise<Map<string, string>> {
    const refs = new Map<string, SourceRef>();
    const aliases = new Map<string, Set<string>>();
    for (const c of analysis.claims) {
      for (const ref of [...c.sources, ...c.via]) {
        const key = sourceMapKey(ref);
        if (!normalizeSourceKey(ref.name)) continue;
        if (!refs.has(key)) refs.set(key, ref);
        const mention = ref.mention ? article.text.slice(ref.mention.start, ref.mention.end).trim() : '';
        if (mention && !PRONOUN.test(mention) && mention !== ref.name)
          aliases.set(key, (aliases.get(key) ?? new Set<string>()).add(mention));
      }
    }
    const mentions = new Map<string, SourceMention>();
    for (const [key, ref] of refs) {
      mentions.set(key, {
        name: ref.name.trim(),
        normalizedKey: normalizeSourceKey(ref.name),
        type: ref.type,
        aliases: [...(aliases.get(key) ?? [])],
        role: ref.role ?? null,
        affiliation: ref.affiliation ?? null,
      });
    }
    await this.resolution.lockMentions(em, [...mentions.values()]);
    const ids = new Map<string, string>();
    for (const key of [...mentions.keys()].sort()) {
      const mention = mentions.get(key)!;
      ids.set(
        key,
        mention.type === 'anonymous'
          ? await this.sources.insertAnonymous(em, mention)
          : (await this.resolution.resolveNamed(em, mention)).id,
      );
    }
    return ids;
  }
}

/** Hex SHA-256 of the claim's wire text, or null when the claim is too short to be distinctive. */
function sourceMapKey(ref: SourceRef): string {
  return `${ref.type}|${normalizeSourceKey(ref.name)}`;
}
