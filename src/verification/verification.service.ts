import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditEntry, AuditLogRepository } from '../audit/audit-log.repository';
import { NotFoundError } from '../common/errors';
import { storedQuantity } from '../claims/stored-quantity';
import { ClaimRelationsRepository, orderedPair, pairKey } from '../claims/claim-relations.repository';
import {
  ClaimsRepository,
  type LockedClaimRow,
  type VerificationClaimRow,
} from '../claims/claims.repository';
import {
  claimFeatures,
  claimOrigins,
  compareFeatures,
  type ClaimComparison,
  type ClaimFeatures,
  type ComparableClaim,
} from '../engine/agreement';
import { sentenceAround } from '../engine/text';
import { computeAgreement, statusEvidence } from './agreement-status';
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

/** What verifying a batch answers for each command: its outcome, or why its claim could not be verified. */
export type VerifyClaimResult = { outcome: VerifyClaimOutcome } | { error: Error };

/** A pair compared by a batch: stored order, the engine's answer (undefined: the pair is not related). */
interface PlannedPair {
  a: string;
  b: string;
  result: ClaimComparison | undefined;
}

/** What never changes in a stored claim's comparable shape: its wording, figures and sentence (claims are immutable). */
type Wording = Omit<ComparableClaim, 'sources' | 'via'>;

/**
 * Claims each process keeps the wording and features of (about 2–4 KB each): the stored claims that keep coming back
 * as candidates are then neither read again in full nor analysed again.
 */
const CLAIM_CACHE_SIZE = 20_000;

/**
 * A claim whose sources changed at most this long before its last verification is compared again when it is
 * re-verified (the change may have committed while that verification was reading).
 */
const SOURCE_CHANGE_MARGIN_MS = 5 * 60_000;

/**
 * A re-verification also compares the claim with the claims stored up to this long before its last verification
 * read the corpus (one whose storing transaction was still open then was not visible to it).
 */
const STORED_SINCE_MARGIN_MS = 60_000;

/** A claim's agreement as read under its row lock. */
type AgreementState = Pick<LockedClaimRow, 'agreementStatus' | 'agreeingOrigins' | 'conflictingOrigins'>;

/**
 * Verification: compares each claim with the other claims of its article and with full-text candidates from other
 * articles (engine compareFeatures), upserts the relations, and recomputes the agreement status of the claim and of
 * every verified claim whose relation with it changed. Claims are verified in batches (`verifyClaims`: one claim,
 * or the claims of the jobs a worker holds at once), with the same loads, comparisons and writes for any batch
 * size, so the cost of the database round trips is shared. Idempotent: a claim already verified at its revision is
 * skipped, relations are upserted on their unique pair, and statuses are recomputed from what is stored.
 */
@Injectable()
export class VerificationService {
  /** Immutable parts of claims, by id (no invalidation needed: a claim's wording never changes). */
  private readonly wordings = new LRUCache<string, Wording>({ max: CLAIM_CACHE_SIZE });
  /** Features by claim id, valid while the claim's sources read the same (a merge or rename changes them). */
  private readonly features = new LRUCache<string, { sources: string; features: ClaimFeatures | null }>({
    max: CLAIM_CACHE_SIZE,
  });

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

  /** Verifies one claim (a batch of one); throws NotFoundError when the claim does not exist. */
  async verifyClaim(cmd: VerifyClaimCommand): Promise<VerifyClaimOutcome> {
    const [result] = await this.verifyClaims([cmd]);
    if ('error' in result) throw result.error;
    return result.outcome;
  }

  /**
   * Verifies the claims of several commands together; answers one result per command, in order. A command whose
   * claim does not exist gets a NotFoundError; anything else that goes wrong throws (every command of the batch
   * then failed, and nothing was written: the relations, statuses, verified revisions, re-verification bumps and
   * runs of the whole batch commit in one transaction).
   */
  async verifyClaims(cmds: VerifyClaimCommand[]): Promise<VerifyClaimResult[]> {
    const startedAt = new Date();
    const loaded = await this.claims.findForVerification([...new Set(cmds.map((c) => c.claimId))]);
    // Each claim once, at the highest revision asked for (a late job of an earlier revision may share the batch).
    const asked = new Map<string, VerifyClaimCommand>();
    for (const cmd of cmds) {
      const claim = loaded.get(cmd.claimId);
      if (!claim || (claim.verifiedRevision !== null && claim.verifiedRevision >= claim.revision)) continue;
      const seen = asked.get(claim.id);
      if (!seen || cmd.revision > seen.revision) asked.set(claim.id, cmd);
    }
    const outcomes = asked.size ? await this.verifyBatch([...asked.values()], loaded, startedAt) : new Map();
    return cmds.map((cmd): VerifyClaimResult => {
      if (!loaded.has(cmd.claimId)) {
        return {
          error: new NotFoundError(`Claim ${cmd.claimId} does not exist (deleted?); nothing to verify.`),
        };
      }
      return { outcome: outcomes.get(cmd.claimId) ?? { skipped: true } };
    });
  }

  private async verifyBatch(
    cmds: VerifyClaimCommand[],
    loaded: Map<string, VerificationClaimRow>,
    startedAt: Date,
  ): Promise<Map<string, VerifyClaimOutcome>> {
    const batch = cmds.map((c) => c.claimId);
    // What this batch reads is as of now (the database's clock): recorded as the claims' verified_at, so a later
    // re-verification knows which claims it has not been compared with.
    const asOf = await this.claims.databaseNow();
    // A claim verified before is verified again because a relation of it changed (a later claim's verification
    // wrote it, comparing the pair as this claim's own would) or because its own sources changed (an editor's merge
    // or split). In the first case the comparisons of its last verification stand: it is compared only with the
    // claims stored since (its candidates among them), then its relations are re-read. The first time, and after a
    // change of its sources, it is compared with its article and the whole corpus.
    const since = new Map<string, Date>();
    for (const id of batch) {
      const verifiedAt = loaded.get(id)!.verifiedAt;
      if (verifiedAt) since.set(id, verifiedAt);
    }
    const sourcesChanged = await this.claims.findSourceChangedSince(
      [...since].map(([id, at]) => ({ id, since: at })),
      SOURCE_CHANGE_MARGIN_MS,
    );
    for (const id of sourcesChanged) since.delete(id);
    const storedAfter = new Map(
      [...since].map(([id, at]) => [id, new Date(at.getTime() - STORED_SINCE_MARGIN_MS)]),
    );
    const inBatch = new Set(batch);
    const siblingsByArticle = await this.claims.findIdsByArticles([
      ...new Set(batch.filter((id) => !since.has(id)).map((id) => loaded.get(id)!.articleId)),
    ]);
    const candidates = await this.claims.findCandidateIdsForClaims(batch, CANDIDATE_LIMIT, { storedAfter });
    // Compared with the whole corpus, a claim is also compared again with every claim it is stored as related to
    // (found by the other claim's search, or before its sources changed), so a relation that no longer holds goes.
    const related = new Map<string, string[]>();
    for (const r of await this.relations.findForClaims(batch.filter((id) => !since.has(id)))) {
      for (const [mine, other] of [
        [r.claimAId, r.claimBId],
        [r.claimBId, r.claimAId],
      ]) {
        if (inBatch.has(mine) && !since.has(mine)) related.set(mine, [...(related.get(mine) ?? []), other]);
      }
    }
    const othersOf = new Map(
      batch.map((id) => {
        const siblings = since.has(id) ? [] : (siblingsByArticle.get(loaded.get(id)!.articleId) ?? []);
        const others = [...siblings, ...(candidates.get(id) ?? []), ...(related.get(id) ?? [])];
        return [id, [...new Set(others)].filter((o) => o !== id)];
      }),
    );
    const missing = [...new Set([...othersOf.values()].flat())].filter((id) => !loaded.has(id));
    for (const [id, row] of await this.claims.findForVerification(missing)) loaded.set(id, row);
    const involved = [...new Set([...batch, ...[...othersOf.values()].flat()])].filter((id) =>
      loaded.has(id),
    );
    const { comparables, sourcesRead } = await this.loadComparables(involved.map((id) => loaded.get(id)!));
    const wire = loaded;
    const hashes = new Map(involved.map((id) => [id, loaded.get(id)!.textHash]));
    // Features once per claim, then one cheap comparison per pair (a pair shared by two claims of the batch, once).
    // A claim without an origin (the outlet's own) relates to nothing: its features are never needed.
    const features = new Map<string, ClaimFeatures | null>();
    for (const [id, comparable] of comparables) {
      features.set(
        id,
        inBatch.has(id) || claimOrigins(comparable).length ? this.featuresOf(id, comparable) : null,
      );
    }
    for (const id of batch) {
      if (!features.get(id)) throw new Error(`Claim ${id} could not be loaded for comparison`);
    }
    const pairs = new Map<string, PlannedPair>();
    const pairsOf = new Map<string, { otherId: string; pair: PlannedPair }[]>();
    for (const id of batch) {
      const mine: { otherId: string; pair: PlannedPair }[] = [];
      for (const otherId of othersOf.get(id)!) {
        if (!features.has(otherId)) continue;
        const key = pairKey(id, otherId);
        let pair = pairs.get(key);
        if (!pair) {
          const [a, b] = orderedPair(id, otherId);
          // Claims of different articles must also name a common event anchor (engine scope 'corpus').
          const scope = wire.get(a)?.articleId === wire.get(b)?.articleId ? 'article' : 'corpus';
          pair = {
            a,
            b,
            result:
              wireCopy(a, b, features, hashes, wire) ?? compare(features.get(a), features.get(b), scope),
          };
          pairs.set(key, pair);
        }
        mine.push({ otherId, pair });
      }
      pairsOf.set(id, mine);
    }

    // Prior fact-checks (issue 4): matches of these claims with imported fact-checks (idempotent on their own).
    await this.factCheckMatching.matchClaims(batch);

    // The relations, the statuses, the verified revisions, the re-verification bumps and the records of the runs
    // commit together: a failed attempt leaves nothing behind, so its retry sees the same changes again (a relation
    // written by an attempt that then failed would read as unchanged, and its bump would be lost). Re-verification
    // converges: re-verifying a bumped claim finds the same relations (same pair order, same answer), so nothing
    // changes and nobody else is bumped.
    let tickets: ReverificationTicket[] = [];
    const statuses = await this.dataSource.transaction(async (em) => {
      const planned = [...pairs.values()];
      const stored = new Set(
        (await this.relations.findForClaims(batch, em)).map((r) => pairKey(r.claimAId, r.claimBId)),
      );
      // A stored pair compared again that no longer relates is deleted.
      const gone = planned.filter((p) => !p.result?.relation && stored.has(pairKey(p.a, p.b)));
      // Every claim whose relation this batch writes or deletes is locked first, in id order: a relation write then
      // never waits on a transaction that holds the other claim's row and waits on this one (deadlock). Relations
      // of the batch's claims that it did not compare again (a re-verification's older pairs) are only read.
      const locked = await this.claims.lockInOrder(em, [
        ...batch,
        ...planned.filter((p) => p.result?.relation).flatMap((p) => [p.a, p.b]),
        ...gone.flatMap((p) => [p.a, p.b]),
      ]);
      // An editor's merge or split that moved a batch claim's sources after they were read above (its comparisons
      // used the old sources), or after its scope was chosen (compared only with the claims stored since, where the
      // move asks for the whole corpus): it is re-verified (bumped below). A move that commits after these reads
      // waits for the claim's row lock in its own bump (SourceEditsService), and bumps it once this batch has
      // committed.
      const sourcesNow = sourceKeys(await this.claims.findAttributedSources(batch, em));
      const movedLate = await this.claims.findSourceChangedSince(
        [...since].map(([id, at]) => ({ id, since: at })),
        SOURCE_CHANGE_MARGIN_MS,
        em,
      );
      const movedSince = batch.filter(
        (id) => movedLate.has(id) || (sourcesNow.get(id) ?? '') !== (sourcesRead.get(id) ?? ''),
      );
      const changed = await this.relations.upsertMany(
        planned
          .filter((p) => p.result?.relation)
          .map((p) => ({
            claimX: p.a,
            claimY: p.b,
            relation: p.result!.relation!,
            score: clamp01(p.result!.score),
            method: p.result!.method,
            explanation: p.result!.explanation,
          })),
        em,
      );
      const deleted = await this.relations.deletePairs(
        gone.map((p): [string, string] => [p.a, p.b]),
        em,
      );
      // The claims whose relation this batch wrote or deleted. Those outside the batch (touched) are re-verified (a
      // new revision) when verified, and their status recomputed now. A re-verified claim of the batch none of whose
      // relations changed keeps its status: every earlier change of its relations or sources recomputed it in the
      // transaction that made it.
      const changedClaims = new Set<string>();
      for (const p of planned) {
        const key = pairKey(p.a, p.b);
        if (changed.has(key) || deleted.has(key)) changedClaims.add(p.a).add(p.b);
      }
      const touched = new Set([...changedClaims].filter((id) => !inBatch.has(id)));
      // A touched claim not verified yet is left to its own job when it is a sibling waiting in its article's flow;
      // one of another article (whose verification may have failed for good) is recomputed now.
      const batchArticles = new Set(batch.map((id) => loaded.get(id)!.articleId));
      const recompute = [
        ...batch.filter((id) => !since.has(id) || changedClaims.has(id)),
        ...[...touched].filter(
          (id) =>
            (locked.get(id)?.verifiedRevision ?? null) !== null ||
            !batchArticles.has(loaded.get(id)!.articleId),
        ),
      ];
      const computed = await this.recomputeLocked(em, recompute, locked, loaded);
      for (const id of batch) if (!computed.has(id)) computed.set(id, locked.get(id)!.agreementStatus);
      await this.claims.markVerifiedRevisions(
        em,
        cmds.map((c) => ({ claimId: c.claimId, revision: c.revision })),
        asOf,
      );
      tickets = await this.reverification.request(em, [...touched, ...movedSince]);
      const finishedAt = new Date();
      await this.runs.insertMany(
        cmds.map((cmd) => {
          const mine = pairsOf.get(cmd.claimId)!;
          return {
            claimId: cmd.claimId,
            status: 'succeeded' as const,
            revision: loaded.get(cmd.claimId)!.revision,
            attempt: cmd.attempt,
            jobId: cmd.jobId ?? null,
            startedAt,
            finishedAt,
            result: {
              // 'corpus': compared with its article and the corpus; 'since': with the claims stored since its
              // last verification (`since`), its other relations re-read.
              scope: since.has(cmd.claimId) ? 'since' : 'corpus',
              ...(since.has(cmd.claimId) ? { since: since.get(cmd.claimId)!.toISOString() } : {}),
              compared: mine.length,
              siblings: mine.filter(
                (m) => wire.get(m.otherId)?.articleId === loaded.get(cmd.claimId)!.articleId,
              ).length,
              candidates: candidates.get(cmd.claimId)?.length ?? 0,
              batch: cmds.length,
              relations: mine
                .filter((m) => m.pair.result?.relation)
                .map((m) => ({
                  claimId: m.otherId,
                  relation: m.pair.result!.relation,
                  score: m.pair.result!.score,
                  method: m.pair.result!.method,
                })),
              status: computed.get(cmd.claimId),
              reverify: tickets.map((t) => ({ claimId: t.id, revision: t.revision })),
            },
            error: null,
          };
        }),
        em,
      );
      return computed;
    });
    // After the commit: the bumped claims' re-verification (if Redis does not take it, the sweep re-queues it).
    await this.reverification.enqueue(tickets);
    return new Map(
      cmds.map((cmd) => {
        const mine = pairsOf.get(cmd.claimId)!;
        return [
          cmd.claimId,
          {
            skipped: false,
            status: statuses.get(cmd.claimId),
            compared: mine.length,
            relations: mine.filter((m) => m.pair.result?.relation).length,
            reverified: tickets.length,
          },
        ];
      }),
    );
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
   * Recomputes a claim's agreement from its stored relations, under its row lock (concurrent jobs touching the same
   * claim serialise there, and the last one sees every committed relation). Returns the status (undefined when the
   * claim does not exist).
   */
  async recomputeAgreement(claimId: string): Promise<string | undefined> {
    return this.dataSource.transaction(async (em) => {
      const locked = await this.claims.lockInOrder(em, [claimId]);
      return (await this.recomputeLocked(em, [claimId], locked)).get(claimId);
    });
  }

  /**
   * The agreement of each claim from its stored relations, in the caller's transaction, the claims locked
   * (`locked`: their state as read under the lock). Writes and audits every change with its evidence, and tells the
   * review desk (re-rank, claim.status_changed). Returns the status of each claim.
   */
  private async recomputeLocked(
    em: EntityManager,
    claimIds: string[],
    locked: Map<string, AgreementState>,
    known?: Map<string, { articleId: string; text: string }>,
  ): Promise<Map<string, string>> {
    const ids = [...new Set(claimIds)].filter((id) => locked.has(id));
    const relations = await this.relations.findForClaims(ids, em);
    const byClaim = new Map<string, { counterpart: string; relation: (typeof relations)[number] }[]>(
      ids.map((id) => [id, []]),
    );
    for (const r of relations) {
      byClaim.get(r.claimAId)?.push({ counterpart: r.claimBId, relation: r });
      byClaim.get(r.claimBId)?.push({ counterpart: r.claimAId, relation: r });
    }
    const origins = await this.claims.findOrigins(
      [...new Set([...ids, ...relations.flatMap((r) => [r.claimAId, r.claimBId])])],
      em,
    );
    const originsOf = (id: string) => origins.get(id) ?? [];
    const statuses = new Map<string, string>();
    const updates: Parameters<ClaimsRepository['updateAgreements']>[1] = [];
    const audits: AuditEntry[] = [];
    const events: Parameters<NewsroomEventsService['claimStatusesChanged']>[0] = [];
    for (const id of ids) {
      const mine = byClaim.get(id)!;
      const next = computeAgreement({
        own: originsOf(id),
        agreeing: mine
          .filter((m) => m.relation.relation === 'agree' && m.relation.method !== WIRE_COPY_METHOD)
          .map((m) => originsOf(m.counterpart)),
        copies: mine
          .filter((m) => m.relation.method === WIRE_COPY_METHOD)
          .map((m) => originsOf(m.counterpart)),
        conflicting: mine
          .filter((m) => m.relation.relation === 'conflict')
          .map((m) => originsOf(m.counterpart)),
      });
      statuses.set(id, next.status);
      const current = locked.get(id)!;
      if (
        next.status === current.agreementStatus &&
        next.agreeingOrigins === current.agreeingOrigins &&
        next.conflictingOrigins === current.conflictingOrigins
      ) {
        continue;
      }
      const before = {
        agreementStatus: current.agreementStatus,
        agreeingOrigins: current.agreeingOrigins,
        conflictingOrigins: current.conflictingOrigins,
      };
      const after = {
        agreementStatus: next.status,
        agreeingOrigins: next.agreeingOrigins,
        conflictingOrigins: next.conflictingOrigins,
      };
      updates.push({ claimId: id, ...next });
      const { evidence, omitted } = statusEvidence(
        mine.map(({ counterpart, relation: r }) => ({
          claimId: counterpart,
          relation: r.relation,
          score: r.score,
          method: r.method,
          explanation: r.explanation,
        })),
      );
      audits.push({
        actor: ACTOR,
        action: 'claim.status_changed',
        entityType: 'claim',
        entityId: id,
        before,
        after: { ...after, evidence, ...(omitted ? { evidenceOmitted: omitted } : {}) },
      });
      // Review desk hook (issue 5): re-rank the claim on the review queue, emit claim.status_changed.
      const claim = known?.get(id);
      events.push({
        claimId: id,
        ...(claim ? { articleId: claim.articleId, text: claim.text } : {}),
        before: { agreementStatus: current.agreementStatus },
        after,
      });
      // A later recompute in the same transaction starts from this state.
      locked.set(id, { ...locked.get(id)!, ...after });
    }
    await this.claims.updateAgreements(em, updates);
    await this.audit.appendMany(audits, em);
    await this.newsroomEvents.claimStatusesChanged(events, em);
    return statuses;
  }

  /**
   * Claims in the engine's comparable shape (wording, figures, sources, relays, negation). The wording comes from the
   * cache when the claim was read before; the sources are read every time (an editor may merge or rename them).
   */
  private async loadComparables(
    claims: VerificationClaimRow[],
  ): Promise<{ comparables: Map<string, ComparableClaim>; sourcesRead: Map<string, string> }> {
    // Read from the cache once (a later set in this loop could evict an entry only looked at).
    const wordings = new Map<string, Wording>();
    for (const c of claims) {
      const cached = this.wordings.get(c.id);
      if (cached) wordings.set(c.id, cached);
    }
    const unread = claims.filter((c) => !wordings.has(c.id)).map((c) => c.id);
    const [quantities, sources, texts] = await Promise.all([
      this.claims.findQuantities(unread),
      this.claims.findAttributedSources(claims.map((c) => c.id)),
      this.claims.findTextContexts(unread),
    ]);
    const quantitiesOf = groupBy(quantities, (q) => q.claimId);
    for (const c of claims) {
      if (wordings.has(c.id)) continue;
      const wording: Wording = {
        text: c.text,
        negated: c.negated,
        quantities: (quantitiesOf.get(c.id) ?? []).map(storedQuantity),
        ...textContext(texts.get(c.id)),
      };
      wordings.set(c.id, wording);
      this.wordings.set(c.id, wording);
    }
    const sourcesOf = groupBy(sources, (s) => s.claimId);
    const out = new Map<string, ComparableClaim>();
    const sourcesRead = sourceKeys(sources);
    for (const c of claims) {
      const mine = sourcesOf.get(c.id) ?? [];
      out.set(c.id, {
        ...wordings.get(c.id)!,
        sources: mine.filter((s) => s.role === 'primary').map((s) => ({ name: s.name, type: s.type })),
        via: mine.filter((s) => s.role === 'via').map((s) => ({ name: s.name })),
      });
    }
    return { comparables: out, sourcesRead };
  }

  /** The engine's features of a claim, from the cache while its sources read the same. */
  private featuresOf(id: string, claim: ComparableClaim): ClaimFeatures | null {
    const sources = JSON.stringify([claim.sources, claim.via]);
    const cached = this.features.get(id);
    if (cached?.sources === sources) return cached.features;
    const features = featuresOf(claim);
    this.features.set(id, { sources, features });
    return features;
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

/**
 * What a claim's sources read as, per claim (role, source, name and type of each attribution, in a fixed order):
 * two reads that differ saw an editor's merge, split or rename in between.
 */
function sourceKeys(
  rows: { claimId: string; sourceId: string; role: string; name: string; type: string }[],
): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.role}|${r.sourceId}|${r.type}|${r.name}`;
    const list = out.get(r.claimId);
    if (list) list.push(key);
    else out.set(r.claimId, [key]);
  }
  return new Map([...out].map(([id, keys]) => [id, keys.sort().join('\n')]));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
