import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { ClaimRelationsRepository } from '../claims/claim-relations.repository';
import { ClaimsRepository } from '../claims/claims.repository';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { PipelineQueueService } from '../pipeline/pipeline-queue.service';
import { ReverificationService } from '../verification/reverification.service';
import { VerificationService } from '../verification/verification.service';
import type { SourceAliasesDto, SourceEditResponseDto } from './dto/source-edit.dto';
import type { SourceChangeKind } from './source-change.entity';
import { normalizeSourceKey } from './source-key';
import { toSourceView } from './source-view';
import type { Source } from './source.entity';
import { SourcesRepository } from './sources.repository';

/** Changes waiting this long for their recompute are re-enqueued by the sweep (their job was probably lost). */
const PENDING_CHANGE_GRACE_MS = 5000;
const SWEEP_BATCH = 500;

interface Moved {
  source: Source;
  other: Source;
  kind: SourceChangeKind;
  moved: number;
  dropped: number;
  claimIds: string[];
  changeId: string;
}

export interface RecomputeOutcome {
  skipped: boolean;
  recomputed?: number;
}

const actorOf = (caller: AuthenticatedKey): string => `api-key:${caller.id}`;
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/**
 * Whether a mention (or alias) was written as the alias key: the same key, or, for a multi-word alias, the key
 * after a title ("Hospital director Omar Zed" is written as "Omar Zed"; "Minister Zed" is not written as "Zed").
 */
function writtenAs(text: string, key: string): boolean {
  const k = normalizeSourceKey(text);
  return k === key || (key.includes(' ') && k.endsWith(` ${key}`));
}

/** What the audit log keeps of a source, before and after an edit. */
const snapshot = (s: Source) => ({
  id: s.id,
  name: s.name,
  type: s.type,
  aliases: s.aliases,
  role: s.role,
  affiliation: s.affiliation,
  mergedIntoId: s.mergedIntoId,
});

/**
 * Editors' changes to the registry: merge two sources, add or remove an alias, split the mentions written as an
 * alias off to another source. Each change commits with its audit entries and, when attributions moved, a
 * source_changes row; then a job recomputes the agreement of the affected claims and of the claims related to
 * them (origins changed, relations did not). The sweep re-enqueues a change whose job was lost.
 */
@Injectable()
export class SourceEditsService {
  private readonly logger = new Logger(SourceEditsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: SourcesRepository,
    private readonly relations: ClaimRelationsRepository,
    private readonly claims: ClaimsRepository,
    private readonly audit: AuditLogRepository,
    private readonly verification: VerificationService,
    private readonly reverification: ReverificationService,
    private readonly queue: PipelineQueueService,
  ) {}

  /**
   * Merges source `id` into `intoId`: its attributions and names move to the target, it stays as a pointer
   * (merged_into_id; GET answers 301). 400: into itself; 404: either missing; 409: either already merged, or the
   * types differ / an anonymous source is involved without `force`.
   */
  async merge(
    id: string,
    intoId: string,
    caller: AuthenticatedKey,
    force = false,
  ): Promise<SourceEditResponseDto> {
    if (id === intoId) throw new ValidationError('A source cannot be merged into itself.');
    const result = await this.dataSource.transaction(async (em): Promise<Moved> => {
      const rows = await this.sources.lockForUpdate(em, [id, intoId]);
      const from = rows.find((r) => r.id === id);
      const into = rows.find((r) => r.id === intoId);
      if (!from) throw new NotFoundError(`Source ${id} does not exist.`);
      if (!into) throw new NotFoundError(`Target source ${intoId} does not exist.`);
      if (from.mergedIntoId) {
        throw new ConflictError(
          `Source ${id} ("${from.name}") was already merged into ${from.mergedIntoId}.`,
          {
            mergedIntoId: from.mergedIntoId,
          },
        );
      }
      if (into.mergedIntoId) {
        throw new ConflictError(
          `Target source ${intoId} ("${into.name}") was merged into ${into.mergedIntoId}; merge into that one.`,
          { mergedIntoId: into.mergedIntoId },
        );
      }
      if (!force && (from.type !== into.type || from.type === 'anonymous')) {
        throw new ConflictError(
          from.type === 'anonymous'
            ? `Source ${id} is anonymous ("${from.name}"): anonymous sources are merged only with "force": true.`
            : `Source ${id} is a ${from.type} and ${intoId} a ${into.type}: merging across types needs "force": true.`,
        );
      }
      const attributions = await this.sources.findAttributions(em, id);
      const { moved, absorbed } = await this.sources.moveAttributions(
        em,
        attributions.map((a) => a.id),
        intoId,
        'merge',
      );
      // The merged source's names become the target's aliases (an anonymous description is no name).
      const names = from.type === 'anonymous' ? [] : [from.name, ...from.aliases];
      const intoKey = normalizeSourceKey(into.name);
      const aliases = uniq([...into.aliases, ...names]).filter((a) => normalizeSourceKey(a) !== intoKey);
      const after = {
        ...into,
        aliases,
        role: into.role ?? from.role,
        affiliation: into.affiliation ?? from.affiliation,
      };
      await this.sources.saveIdentity(em, intoId, after);
      await this.sources.markMerged(em, id, intoId);
      const claimIds = uniq(attributions.map((a) => a.claimId));
      const changeId = await this.sources.insertChange(em, {
        kind: 'merge',
        sourceId: id,
        targetId: intoId,
        claimIds,
        actor: actorOf(caller),
      });
      const summary = { movedAttributions: moved.length, absorbedAttributions: absorbed, claimIds, changeId };
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'source.merged',
          entityType: 'source',
          entityId: id,
          before: snapshot(from),
          after: { ...snapshot(from), mergedIntoId: intoId, ...summary },
        },
        em,
      );
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'source.merge_received',
          entityType: 'source',
          entityId: intoId,
          before: snapshot(into),
          after: { ...snapshot(after), mergedFromId: id, ...summary },
        },
        em,
      );
      return {
        source: after,
        other: { ...from, mergedIntoId: intoId },
        kind: 'merge',
        moved: moved.length,
        dropped: absorbed.length,
        claimIds,
        changeId,
      };
    });
    return this.afterCommit(result);
  }

  /** POST /v1/sources/:id/aliases: add, remove, or split by an alias (see SourceAliasesDto). */
  async changeAliases(
    id: string,
    dto: SourceAliasesDto,
    caller: AuthenticatedKey,
  ): Promise<SourceEditResponseDto> {
    const alias = dto.alias.trim().replace(/\s+/g, ' ');
    const key = normalizeSourceKey(alias);
    if (!key) throw new ValidationError('alias must contain letters or digits.');
    if (dto.intoId !== undefined && dto.action !== 'split') {
      throw new ValidationError('intoId is only accepted with action "split".');
    }
    if (dto.action === 'split') return this.split(id, alias, caller, dto.intoId);
    const source = await this.dataSource.transaction(async (em) => {
      const [row] = await this.sources.lockForUpdate(em, [id]);
      const current = this.live(row, id);
      const has = current.aliases.filter((a) => normalizeSourceKey(a) === key);
      let aliases: string[];
      if (dto.action === 'add') {
        if (key === normalizeSourceKey(current.name)) {
          throw new ValidationError(`"${alias}" is the source's name, not an alias.`);
        }
        if (has.length) return current;
        aliases = [...current.aliases, alias];
      } else {
        if (!has.length) throw new NotFoundError(`Source ${id} has no alias "${alias}".`);
        aliases = current.aliases.filter((a) => normalizeSourceKey(a) !== key);
      }
      const after = { ...current, aliases };
      await this.sources.saveIdentity(em, id, after);
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: dto.action === 'add' ? 'source.alias_added' : 'source.alias_removed',
          entityType: 'source',
          entityId: id,
          before: snapshot(current),
          after: { ...snapshot(after), alias },
        },
        em,
      );
      return after;
    });
    return {
      source: toSourceView(source),
      other: null,
      movedAttributions: 0,
      droppedAttributions: 0,
      affectedClaims: 0,
    };
  }

  /**
   * Moves the attributions of `id` whose mention was written as `alias` (normalized), and the alias, to `intoId`
   * or to a new source named after the alias (a source of that name merged into this one before is revived
   * instead). Mentions written otherwise (the canonical name, pronouns) stay, except those a merge brought from the
   * target: a revived source gets back exactly what it had, including the attributions the merge absorbed.
   */
  private async split(
    id: string,
    alias: string,
    caller: AuthenticatedKey,
    intoId?: string,
  ): Promise<SourceEditResponseDto> {
    if (intoId === id) throw new ValidationError('A source cannot be split into itself.');
    const key = normalizeSourceKey(alias);
    const result = await this.dataSource.transaction(async (em): Promise<Moved> => {
      const rows = await this.sources.lockForUpdate(em, intoId ? [id, intoId] : [id]);
      const from = this.live(
        rows.find((r) => r.id === id),
        id,
      );
      if (key === normalizeSourceKey(from.name)) {
        throw new ValidationError(
          `"${alias}" is the source's name: split by one of its aliases (${from.aliases.join(', ') || 'none'}).`,
        );
      }
      if (!from.aliases.some((a) => writtenAs(a, key))) {
        throw new NotFoundError(`Source ${id} has no alias "${alias}".`);
      }
      let target: Source;
      if (intoId) {
        const row = rows.find((r) => r.id === intoId);
        if (!row) throw new NotFoundError(`Target source ${intoId} does not exist.`);
        target = this.live(row, intoId, 'Target source');
      } else {
        target = await this.splitTarget(em, from, alias);
      }
      // Mentions written as the alias, and whatever a merge brought here from the target (a source split back out).
      const attributions = (await this.sources.findAttributions(em, id)).filter(
        (a) => (a.mentionText !== null && writtenAs(a.mentionText, key)) || a.mergedFromId === target.id,
      );
      const { moved, absorbed } = await this.sources.moveAttributions(
        em,
        attributions.map((a) => a.id),
        target.id,
        'split',
      );
      // Attributions a merge absorbed come back where the split left their source without the claim: the target's
      // own (a source split back out), then those held here for sources merged in (their holder moved away).
      const restored = [
        ...(await this.sources.restoreAbsorbed(em, target.id)),
        ...(await this.sources.restoreAbsorbed(em, id)),
      ];
      const movedAliases = from.aliases.filter((a) => writtenAs(a, key));
      const fromAfter = { ...from, aliases: from.aliases.filter((a) => !writtenAs(a, key)) };
      const targetKey = normalizeSourceKey(target.name);
      const targetAliases = uniq([...target.aliases, ...movedAliases]).filter(
        (a) => normalizeSourceKey(a) !== targetKey,
      );
      const targetAfter = { ...target, aliases: targetAliases, mergedIntoId: null };
      await this.sources.saveIdentity(em, id, fromAfter);
      await this.sources.saveIdentity(em, target.id, targetAfter);
      const claimIds = uniq([...attributions, ...restored].map((a) => a.claimId));
      const changeId = await this.sources.insertChange(em, {
        kind: 'split',
        sourceId: id,
        targetId: target.id,
        claimIds,
        actor: actorOf(caller),
      });
      const summary = {
        alias,
        movedAttributions: moved.length,
        absorbedAttributions: absorbed,
        restoredAttributions: restored.map((r) => r.id),
        claimIds,
        changeId,
      };
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'source.split',
          entityType: 'source',
          entityId: id,
          before: snapshot(from),
          after: { ...snapshot(fromAfter), splitIntoId: target.id, ...summary },
        },
        em,
      );
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'source.split_received',
          entityType: 'source',
          entityId: target.id,
          before: snapshot(target),
          after: { ...snapshot(targetAfter), splitFromId: id, ...summary },
        },
        em,
      );
      return {
        source: fromAfter,
        other: targetAfter,
        kind: 'split',
        moved: moved.length + restored.length,
        dropped: absorbed.length,
        claimIds,
        changeId,
      };
    });
    return this.afterCommit(result);
  }

  /** The new source of a split without intoId: named after the alias, or the source of that name merged here. */
  private async splitTarget(em: EntityManager, from: Source, alias: string): Promise<Source> {
    const existing = await this.sources.findByKey(em, from.type, normalizeSourceKey(alias));
    if (existing?.mergedIntoId === from.id) {
      await this.sources.unmarkMerged(em, existing.id);
      const [revived] = await this.sources.lockForUpdate(em, [existing.id]);
      return revived;
    }
    if (existing) {
      throw new ConflictError(
        `A ${from.type} source named "${existing.name}" exists (${existing.id}${
          existing.mergedIntoId ? `, merged into ${existing.mergedIntoId}` : ''
        }): split into it with "intoId".`,
        { sourceId: existing.mergedIntoId ?? existing.id },
      );
    }
    const newId = await this.sources.insertNamed(em, {
      name: alias,
      type: from.type,
      aliases: [],
      role: null,
      affiliation: null,
    });
    const [created] = await this.sources.lockForUpdate(em, [newId]);
    return created;
  }

  private live(row: Source | undefined, id: string, what = 'Source'): Source {
    if (!row) throw new NotFoundError(`${what} ${id} does not exist.`);
    if (row.mergedIntoId) {
      throw new ConflictError(
        `${what} ${id} ("${row.name}") was merged into ${row.mergedIntoId}; edit that one.`,
        {
          mergedIntoId: row.mergedIntoId,
        },
      );
    }
    return row;
  }

  /** Commit, then enqueue (the sweep re-enqueues when Redis did not take it). */
  private async afterCommit(r: Moved): Promise<SourceEditResponseDto> {
    await this.queue.enqueueSourceChange(r.changeId);
    return {
      source: toSourceView(r.source),
      other: toSourceView(r.other),
      movedAttributions: r.moved,
      droppedAttributions: r.dropped,
      affectedClaims: r.claimIds.length,
    };
  }

  /**
   * The job: recomputes the agreement of the change's claims and of every claim related to them, then marks the
   * change done. Idempotent (recomputeAgreement derives the status from what is stored); exits early when done.
   */
  async recomputeChange(changeId: string): Promise<RecomputeOutcome> {
    const change = await this.sources.findChange(changeId);
    if (!change || change.recomputedAt) return { skipped: true };
    const related = await this.relations.findForClaims(change.claimIds);
    const ids = uniq([...change.claimIds, ...related.flatMap((r) => [r.claimAId, r.claimBId])]);
    // A claim not verified yet gets its status from its own verification job (which reads the new origins).
    const claimIds = (await this.claims.findByIds(ids))
      .filter((c) => c.verifiedRevision !== null)
      .map((c) => c.id);
    for (const claimId of claimIds) await this.verification.recomputeAgreement(claimId);
    // The moved claims' relations were computed under their old source names ("same origin" pairs are never
    // related): they are re-verified too. A verified claim is bumped once; the sweep re-queues a lost job.
    const tickets = await this.dataSource.transaction(async (em) => {
      const bumped = await this.reverification.request(em, change.claimIds);
      await this.sources.markChangeRecomputed(changeId, em);
      return bumped;
    });
    await this.reverification.enqueue(tickets);
    return { skipped: false, recomputed: claimIds.length };
  }

  /** The sweep's part: re-enqueues changes whose recompute is still pending. Returns how many were re-enqueued. */
  async requeuePendingChanges(): Promise<number> {
    let requeued = 0;
    for (const id of await this.sources.findPendingChangeIds(PENDING_CHANGE_GRACE_MS, SWEEP_BATCH)) {
      if (await this.queue.enqueueSourceChange(id, { timeoutMs: 10_000 })) requeued++;
    }
    if (requeued) this.logger.log(`Sweep: ${requeued} source change(s) re-queued for recompute`);
    return requeued;
  }
}
