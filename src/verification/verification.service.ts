import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { NotFoundError } from '../common/errors';
import { ClaimRelationsRepository, orderedPair } from '../claims/claim-relations.repository';
import type { Claim } from '../claims/claim.entity';
import { ClaimsRepository } from '../claims/claims.repository';
import {
  claimFeatures,
  compareFeatures,
  type ClaimComparison,
  type ClaimFeatures,
  type ComparableClaim,
} from '../engine/agreement';
import type { Quantity as EngineQuantity } from '../engine/types';
import { sentenceAround } from '../engine/text';
import { computeAgreement } from './agreement-status';
import { VerificationRunsRepository } from './verification-runs.repository';
import { NewsroomEventsService } from '../webhooks/newsroom-events.service';
import { FactCheckMatchingService } from '../fact-checks/fact-check-matching.service';
import { ReverificationService, type ReverificationTicket } from './reverification.service';

/** Method of the relation between two copies of one claim in articles of the same wire group. */
export const WIRE_COPY_METHOD = 'wire_copy';

/** Candidate claims of other articles compared with each claim (full-text best matches). */
export const CANDIDATE_LIMIT = 20;
const ACTOR = 'system:verification';

export interface VerifyClaimCommand {
  claimId: string;
  revision: number;
  attempt: number;
  jobId?: string;
}

export interface VerifyClaimOutcome {
  skipped: boolean;
  status?: string;
  compared?: number;
  relations?: number;
  /** Earlier, verified claims whose relations this run changed: re-verification queued for them. */
  reverified?: number;
}

/**
 * Verification v1: compares a claim with the other claims of its article and with full-text candidates from other
 * articles (engine compareClaims), upserts the relations, and recomputes the agreement status of the claim and of
 * every claim it relates to. Idempotent: a claim already verified at its revision is skipped, relations are
 * upserted on their unique pair, and statuses are recomputed from what is stored.
 */
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly relations: ClaimRelationsRepository,
    private readonly runs: VerificationRunsRepository,
    private readonly audit: AuditLogRepository,
    private readonly newsroomEvents: NewsroomEventsService,
    private readonly factCheckMatching: FactCheckMatchingService,
    private readonly reverification: ReverificationService,
  ) {}

  async verifyClaim(cmd: VerifyClaimCommand): Promise<VerifyClaimOutcome> {
    const startedAt = new Date();
    const claim = await this.claims.findById(cmd.claimId);
    if (!claim) throw new NotFoundError(`Claim ${cmd.claimId} does not exist (deleted?); nothing to verify.`);
    if (claim.verifiedRevision !== null && claim.verifiedRevision >= claim.revision) return { skipped: true };

    const siblingIds = await this.claims.findSiblingIds(claim.articleId, claim.id);
    const candidateIds = await this.claims.findCandidateIds(claim.id, CANDIDATE_LIMIT);
    const otherIds = [...new Set([...siblingIds, ...candidateIds])];
    const others = await this.claims.findByIds(otherIds);
    const comparables = await this.loadComparables([claim, ...others]);
    const wire = await this.claims.findWireContext([claim.id, ...others.map((o) => o.id)]);
    const hashes = new Map([claim, ...others].map((c) => [c.id, c.textHash]));
    // Features once per claim, then one cheap comparison per pair.
    const features = new Map<string, ClaimFeatures | null>();
    for (const [id, comparable] of comparables) features.set(id, featuresOf(comparable));
    if (!features.get(claim.id)) throw new Error(`Claim ${claim.id} could not be loaded for comparison`);

    const counterpart = (r: { claimAId: string; claimBId: string }) =>
      r.claimAId === claim.id ? r.claimBId : r.claimAId;
    // Compare first (pure), write after: in the stored pair order, so the two claims' jobs reach the same answer.
    const planned = otherIds
      .filter((otherId) => features.has(otherId))
      .map((otherId) => {
        const [a, b] = orderedPair(claim.id, otherId);
        // Claims of different articles must also name a common event anchor (engine scope 'corpus').
        const scope = wire.get(a)?.articleId === wire.get(b)?.articleId ? 'article' : 'corpus';
        const result =
          wireCopy(a, b, features, hashes, wire) ?? compare(features.get(a), features.get(b), scope);
        return { otherId, a, b, result };
      })
      // Every job writes its pairs in one global order, so concurrent jobs never wait on each other in a cycle.
      .sort((x, y) => (x.a === y.a ? cmp(x.b, y.b) : cmp(x.a, y.a)));

    // Prior fact-checks (issue 4): matches of this claim with imported fact-checks (idempotent on their own).
    await this.factCheckMatching.matchClaim(claim.id);

    // The relations, the claim's status, its verified revision, the re-verification bumps and the record of this
    // run commit together: a failed attempt leaves nothing behind, so its retry sees the same changes again (a
    // relation written by an attempt that then failed would read as unchanged, and its bump would be lost).
    // Re-verification converges: re-verifying a bumped claim finds the same relations (same pair order, same
    // answer), so nothing changes and nobody else is bumped.
    const found: { claimId: string; relation: string; score: number; method: string }[] = [];
    const touched = new Set<string>();
    let tickets: ReverificationTicket[] = [];
    // The claim and every claim whose relation with it may be written are locked first, in id order: a relation
    // write then never waits on a job that holds the other claim's row and waits on this one (deadlock).
    const storedBefore = (await this.relations.findForClaims([claim.id])).map(counterpart);
    const lock = [
      claim.id,
      ...storedBefore,
      ...planned.filter((p) => p.result?.relation).map((p) => p.otherId),
    ];
    const status = await this.recomputeAgreement(claim.id, {
      lock,
      before: async (em) => {
        const stored = new Set((await this.relations.findForClaims([claim.id], em)).map(counterpart));
        for (const { otherId, a, b, result } of planned) {
          if (result?.relation) {
            const outcome = await this.relations.upsert(
              a,
              b,
              {
                relation: result.relation,
                score: clamp01(result.score),
                method: result.method,
                explanation: result.explanation,
              },
              em,
            );
            found.push({
              claimId: otherId,
              relation: result.relation,
              score: result.score,
              method: result.method,
            });
            if (outcome !== 'unchanged') touched.add(otherId);
          } else if (stored.has(otherId) && (await this.relations.deletePair(a, b, em))) {
            touched.add(otherId);
          }
        }
      },
      after: async (em, computed) => {
        await this.claims.markVerifiedRevision(em, claim.id, cmd.revision);
        tickets = await this.reverification.request(em, [...touched]);
        await this.runs.insert(
          {
            claimId: claim.id,
            status: 'succeeded',
            revision: claim.revision,
            attempt: cmd.attempt,
            jobId: cmd.jobId ?? null,
            startedAt,
            finishedAt: new Date(),
            result: {
              compared: otherIds.length,
              siblings: siblingIds.length,
              candidates: candidateIds.length,
              relations: found,
              status: computed,
              reverify: tickets.map((t) => ({ claimId: t.id, revision: t.revision })),
            },
            error: null,
          },
          em,
        );
      },
    });
    // Then every claim whose relations changed (its status may change too). A sibling not verified yet is skipped:
    // its own job compares the same pair and recomputes its status after that. A crash here loses nothing: the
    // bumped claims' re-verification (queued below, or by the sweep) recomputes them.
    const pendingSiblings = new Set(
      others.filter((o) => o.articleId === claim.articleId && o.verifiedRevision === null).map((o) => o.id),
    );
    for (const id of touched) if (!pendingSiblings.has(id)) await this.recomputeAgreement(id);
    await this.reverification.enqueue(tickets);
    return {
      skipped: false,
      status,
      compared: otherIds.length,
      relations: found.length,
      reverified: tickets.length,
    };
  }

  /** Records a failed attempt (the job will be retried, or the article fails after the last attempt). */
  async recordFailure(cmd: VerifyClaimCommand, startedAt: Date, error: unknown): Promise<void> {
    const claim = await this.claims.findById(cmd.claimId);
    if (!claim) return;
    await this.runs.insert({
      claimId: claim.id,
      status: 'failed',
      revision: claim.revision,
      attempt: cmd.attempt,
      jobId: cmd.jobId ?? null,
      startedAt,
      finishedAt: new Date(),
      result: null,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  /**
   * Recomputes a claim's agreement from its stored relations, under a row lock (concurrent jobs touching the same
   * claim serialise here, and the last one sees every committed relation). Audits a status change with its
   * evidence. `hooks` run in the same transaction (the verification's relation writes and bookkeeping). Returns the
   * status.
   */
  async recomputeAgreement(
    claimId: string,
    hooks: {
      /** Claim rows locked in id order before anything else (the claims whose relations `before` writes). */
      lock?: string[];
      /** Runs first, under the claim's row lock (the verification's relation writes). */
      before?: (em: EntityManager) => Promise<void>;
      /** Runs last, with the computed status (the verification's own bookkeeping). */
      after?: (em: EntityManager, status: string) => Promise<void>;
    } = {},
  ): Promise<string | undefined> {
    return this.dataSource.transaction(async (em) => {
      if (hooks.lock?.length) await this.claims.lockInOrder(em, hooks.lock);
      const current = await this.claims.lockAgreement(em, claimId);
      if (!current) return undefined;
      if (hooks.before) await hooks.before(em);
      const relations = await this.relations.findForClaims([claimId], em);
      const counterpart = (r: { claimAId: string; claimBId: string }) =>
        r.claimAId === claimId ? r.claimBId : r.claimAId;
      const origins = await this.claims.findOrigins([claimId, ...relations.map(counterpart)], em);
      const next = computeAgreement({
        own: origins.get(claimId) ?? [],
        agreeing: relations
          .filter((r) => r.relation === 'agree' && r.method !== WIRE_COPY_METHOD)
          .map((r) => origins.get(counterpart(r)) ?? []),
        copies: relations
          .filter((r) => r.method === WIRE_COPY_METHOD)
          .map((r) => origins.get(counterpart(r)) ?? []),
        conflicting: relations
          .filter((r) => r.relation === 'conflict')
          .map((r) => origins.get(counterpart(r)) ?? []),
      });
      const changed =
        next.status !== current.agreementStatus ||
        next.agreeingOrigins !== current.agreeingOrigins ||
        next.conflictingOrigins !== current.conflictingOrigins;
      if (changed) {
        await this.claims.updateAgreement(em, claimId, next);
        await this.audit.append(
          {
            actor: ACTOR,
            action: 'claim.status_changed',
            entityType: 'claim',
            entityId: claimId,
            before: {
              agreementStatus: current.agreementStatus,
              agreeingOrigins: current.agreeingOrigins,
              conflictingOrigins: current.conflictingOrigins,
            },
            after: {
              agreementStatus: next.status,
              agreeingOrigins: next.agreeingOrigins,
              conflictingOrigins: next.conflictingOrigins,
              evidence: relations.map((r) => ({
                claimId: counterpart(r),
                relation: r.relation,
                score: r.score,
                method: r.method,
                explanation: r.explanation,
              })),
            },
          },
          em,
        );
        // Review desk hook (issue 5): re-rank the claim on the review queue, emit claim.status_changed.
        await this.newsroomEvents.claimStatusChanged(
          claimId,
          {
            before: { agreementStatus: current.agreementStatus },
            after: {
              agreementStatus: next.status,
              agreeingOrigins: next.agreeingOrigins,
              conflictingOrigins: next.conflictingOrigins,
            },
          },
          em,
        );
      }
      if (hooks.after) await hooks.after(em, next.status);
      return next.status;
    });
  }

  /** Claims in the engine's comparable shape (wording, figures, sources, relays, negation). */
  private async loadComparables(claims: Claim[]): Promise<Map<string, ComparableClaim>> {
    const ids = claims.map((c) => c.id);
    const [quantities, sources, texts] = await Promise.all([
      this.claims.findQuantities(ids),
      this.claims.findAttributedSources(ids),
      this.claims.findTextContexts(ids),
    ]);
    const out = new Map<string, ComparableClaim>();
    for (const c of claims) {
      out.set(c.id, {
        text: c.text,
        negated: c.negated,
        quantities: quantities
          .filter((q) => q.claimId === c.id)
          .map((q): EngineQuantity => ({
            start: q.spanStart,
            end: q.spanEnd,
            text: q.text,
            value: q.value,
            ...(q.high !== null ? { high: q.high } : {}),
            bound: q.bound,
            unit: q.unit,
            ...(q.change ? { change: q.change } : {}),
            kind: q.kind,
          })),
        sources: sources
          .filter((s) => s.claimId === c.id && s.role === 'primary')
          .map((s) => ({ name: s.name, type: s.type })),
        via: sources.filter((s) => s.claimId === c.id && s.role === 'via').map((s) => ({ name: s.name })),
        ...textContext(texts.get(c.id)),
      });
    }
    return out;
  }
}

/**
 * Two copies of one claim: the same distinctive text (hash) in two articles of one wire group, both with an origin.
 * Stored as an agreement with method wire_copy, which adds no origin (computeAgreement's `copies`).
 */
function wireCopy(
  a: string,
  b: string,
  features: Map<string, ClaimFeatures | null>,
  hashes: Map<string, string | null>,
  wire: Map<string, { articleId: string; wireGroupId: string; outlet: string | null }>,
): ClaimComparison | undefined {
  const wa = wire.get(a);
  const wb = wire.get(b);
  const hash = hashes.get(a);
  if (!wa || !wb || !hash || hash !== hashes.get(b)) return undefined;
  if (wa.articleId === wb.articleId || wa.wireGroupId !== wb.wireGroupId) return undefined;
  if (!features.get(a)?.origins.length || !features.get(b)?.origins.length) return undefined;
  const outlet = (o: string | null) => o ?? 'an unnamed outlet';
  return {
    sameFact: true,
    relation: 'agree',
    score: 1,
    method: WIRE_COPY_METHOD,
    explanation: `the same wire copy, carried by ${outlet(wa.outlet)} and ${outlet(wb.outlet)}: one origin`,
  };
}

function featuresOf(claim: ComparableClaim): ClaimFeatures | null {
  try {
    return claimFeatures(claim);
  } catch {
    return null;
  }
}

/**
 * Like the engine within one article, only claims with an origin (not the outlet's own statements) are related;
 * undefined when the pair is not compared.
 */
function compare(
  a: ClaimFeatures | null | undefined,
  b: ClaimFeatures | null | undefined,
  scope: 'article' | 'corpus',
): ClaimComparison | undefined {
  if (!a || !b || !a.origins.length || !b.origins.length) return undefined;
  try {
    return compareFeatures(a, b, { scope });
  } catch {
    return undefined;
  }
}

/** The claim's sentence (where its figures are read) and its article's opening (what places its event). */
function textContext(
  t: { window: string; claimAt: number; claimEnd: number; lead: string } | undefined,
): Pick<ComparableClaim, 'context' | 'lead'> {
  if (!t) return {};
  return { context: sentenceAround(t.window, t.claimAt, t.claimEnd), lead: t.lead };
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
