import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { ClaimsRepository } from '../claims/claims.repository';
import { ClaimsService } from '../claims/claims.service';
import { ConflictError, NotFoundError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { WorkspaceSettingsService } from '../workspace-settings/workspace-settings.service';
import type { LeaseDto, NextClaimResponseDto, ReviewQueueItemDto } from './dto/review-queue-item.dto';
import {
  type LeaseRow,
  type QueueCursor,
  type QueueFilters,
  ReviewQueueRepository,
} from './review-queue.repository';

export const SYSTEM_ACTOR = 'system:review-queue';
export const actorOf = (key: AuthenticatedKey): string => `api-key:${key.id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isQueueCursor = (v: unknown): v is QueueCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as QueueCursor).priority === 'number' &&
  Number.isFinite((v as QueueCursor).priority) &&
  typeof (v as QueueCursor).claimId === 'string' &&
  UUID.test((v as QueueCursor).claimId);

/** A lease that is live now (an expired one is as good as none). */
const isLive = (row: { leaseHolderKeyId: string | null; leaseExpiresAt: Date | null }, now = new Date()) =>
  row.leaseHolderKeyId !== null &&
  row.leaseExpiresAt !== null &&
  row.leaseExpiresAt.getTime() > now.getTime();

/**
 * The fact-checkers' queue: listing by priority, handing out claims with leases (renewable, released explicitly or
 * by a verdict, expiring on their own), and keeping priorities current.
 */
@Injectable()
export class ReviewQueueService {
  private readonly logger = new Logger(ReviewQueueService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: ReviewQueueRepository,
    private readonly claims: ClaimsRepository,
    private readonly claimsService: ClaimsService,
    private readonly audit: AuditLogRepository,
    private readonly settings: WorkspaceSettingsService,
  ) {}

  async list(
    filters: QueueFilters,
    limit: number,
    cursor: string | undefined,
    caller: AuthenticatedKey,
  ): Promise<Page<ReviewQueueItemDto>> {
    const after = cursor ? decodeCursor(cursor, isQueueCursor) : undefined;
    const assignee = filters.assignee === 'me' ? caller.id : filters.assignee;
    const rows = await this.queue.listPage({ ...filters, assignee }, limit, after);
    return toPage(rows, limit, (r) => ({ priority: r.priority.score, claimId: r.claimId }));
  }

  /** Leases the highest-priority claim nobody holds to the caller; null when nothing is available. */
  async next(
    caller: AuthenticatedKey,
    options: { leaseSeconds?: number } & Pick<QueueFilters, 'outlet' | 'agreementStatus' | 'articleId'>,
  ): Promise<NextClaimResponseDto | null> {
    const { leaseSeconds, ...filters } = options;
    const seconds = leaseSeconds ?? (await this.settings.get()).leaseSeconds;
    const taken = await this.dataSource.transaction(async (em) => {
      const lease = await this.queue.takeNext(em, caller.id, seconds, filters);
      if (!lease) return null;
      if (lease.previousHolderKeyId !== null && lease.previousExpiresAt !== null) {
        await this.auditExpiry(em, lease.claimId, lease.previousHolderKeyId, lease.previousExpiresAt);
      }
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'lease.acquired',
          entityType: 'claim',
          entityId: lease.claimId,
          before: null,
          after: leaseState(lease),
        },
        em,
      );
      return lease;
    });
    if (!taken) return null;
    const [rows, claim] = await Promise.all([
      this.queue.listPage({ claimId: taken.claimId }, 1),
      this.claimsService.get(taken.claimId),
    ]);
    const item = rows[0];
    if (!item)
      throw new NotFoundError(`Claim ${taken.claimId} left the queue while it was being handed out.`);
    return { lease: toLeaseDto(taken), item, claim };
  }

  /** Takes the lease on a specific claim, or renews it when the caller already holds it. */
  async acquire(claimId: string, caller: AuthenticatedKey, leaseSeconds?: number): Promise<LeaseDto> {
    const seconds = leaseSeconds ?? (await this.settings.get()).leaseSeconds;
    return this.dataSource.transaction(async (em) => {
      const item = await this.lockQueued(em, claimId);
      const now = new Date();
      const live = isLive(item, now);
      if (live && item.leaseHolderKeyId !== caller.id) {
        throw new ConflictError(
          `Claim ${claimId} is leased to another reviewer (API key ${item.leaseHolderKeyId}) until ` +
            `${item.leaseExpiresAt?.toISOString()}. Take another claim with POST /v1/review-queue/next.`,
        );
      }
      if (!item.open) {
        throw new ConflictError(
          `Claim ${claimId} is not open for review: its verdict awaits approval or is published. ` +
            `Reopen the verdict (POST /v1/claims/${claimId}/review/reopen) to review it again.`,
        );
      }
      if (!live && item.leaseHolderKeyId !== null && item.leaseExpiresAt !== null) {
        await this.auditExpiry(em, claimId, item.leaseHolderKeyId, item.leaseExpiresAt);
      }
      const lease = await this.queue.setLease(em, claimId, caller.id, seconds, live);
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: live ? 'lease.renewed' : 'lease.acquired',
          entityType: 'claim',
          entityId: claimId,
          before: live ? leaseState(item) : null,
          after: leaseState(lease),
        },
        em,
      );
      return toLeaseDto(lease);
    });
  }

  /** Gives the claim back to the queue. Only the holder (or an admin) may release a live lease. */
  async release(claimId: string, caller: AuthenticatedKey): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const item = await this.lockQueued(em, claimId);
      if (!isLive(item)) {
        throw new ConflictError(
          `Claim ${claimId} is not leased (or its lease expired); there is nothing to release.`,
        );
      }
      if (item.leaseHolderKeyId !== caller.id && caller.role !== 'admin') {
        throw new ConflictError(
          `Claim ${claimId} is leased to another reviewer (API key ${item.leaseHolderKeyId}); only they can release it.`,
        );
      }
      await this.queue.clearLease(em, claimId);
      await this.audit.append(
        {
          actor: actorOf(caller),
          action: 'lease.released',
          entityType: 'claim',
          entityId: claimId,
          before: leaseState(item),
          after: null,
        },
        em,
      );
    });
  }

  /**
   * The caller's live lease on a claim, locked for the rest of the transaction; throws 409 with what to do when
   * the caller does not hold it. Used by verdicts.
   */
  async requireLease(em: EntityManager, claimId: string, caller: AuthenticatedKey): Promise<LeaseRow> {
    const item = await this.lockQueued(em, claimId);
    const now = new Date();
    if (isLive(item, now) && item.leaseHolderKeyId === caller.id) return item;
    const how = `Take it with POST /v1/claims/${claimId}/lease (or POST /v1/review-queue/next) first.`;
    if (isLive(item, now)) {
      throw new ConflictError(
        `Claim ${claimId} is leased to another reviewer (API key ${item.leaseHolderKeyId}) until ` +
          `${item.leaseExpiresAt?.toISOString()}; only the lease holder can post a verdict.`,
      );
    }
    if (item.leaseHolderKeyId === caller.id && item.leaseExpiresAt) {
      throw new ConflictError(
        `Your lease on claim ${claimId} expired at ${item.leaseExpiresAt.toISOString()}; the claim went back to ` +
          `the queue. ${how}`,
      );
    }
    throw new ConflictError(`You do not hold the lease on claim ${claimId}; a verdict needs one. ${how}`);
  }

  /** A verdict was submitted: the claim leaves the queue and the holder's lease ends (audited as released). */
  async closeForVerdict(
    em: EntityManager,
    claimId: string,
    lease: LeaseRow,
    caller: AuthenticatedKey,
  ): Promise<void> {
    await this.queue.setOpen(em, claimId, false);
    await this.audit.append(
      {
        actor: actorOf(caller),
        action: 'lease.released',
        entityType: 'claim',
        entityId: claimId,
        before: leaseState(lease),
        after: { reason: 'verdict submitted' },
      },
      em,
    );
  }

  /** A verdict was returned or reopened: the claim is back on the queue. */
  async reopenItem(em: EntityManager, claimId: string): Promise<void> {
    await this.queue.setOpen(em, claimId, true);
  }

  /** Re-ranks (or adds) the given claims' queue items, inside the caller's transaction when given. */
  refreshClaims(claimIds: string[], em?: EntityManager): Promise<number> {
    return this.queue.refresh({ claimIds }, em);
  }

  refreshArticle(articleId: string, em?: EntityManager): Promise<number> {
    return this.queue.refresh({ articleId }, em);
  }

  /** Adds check-worthy claims missing from the queue and re-ranks items older than `staleSeconds`. */
  refreshStale(staleSeconds: number, limit = 50_000): Promise<number> {
    return this.queue.refresh({ missingOrStaleSeconds: staleSeconds, limit });
  }

  /** Clears expired leases (the claims are already available: expiry is checked on every read) and audits them. */
  async expireLeases(limit = 1000): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const expired = await this.queue.clearExpiredLeases(em, limit);
      for (const e of expired) await this.auditExpiry(em, e.claimId, e.holderKeyId, e.expiredAt);
      return expired.length;
    });
  }

  private async lockQueued(em: EntityManager, claimId: string): Promise<LeaseRow> {
    const item = await this.queue.lock(em, claimId);
    if (item) return item;
    if (!(await this.claims.findById(claimId, em)))
      throw new NotFoundError(`Claim ${claimId} does not exist.`);
    // Check-worthy claims join the queue when they are stored and verified; make sure this one is not just late.
    await this.queue.refresh({ claimIds: [claimId] }, em);
    const late = await this.queue.lock(em, claimId);
    if (late) return late;
    throw new ConflictError(
      `Claim ${claimId} is not on the review queue: it was not judged check-worthy, so it cannot be leased or reviewed.`,
    );
  }

  private async auditExpiry(
    em: EntityManager,
    claimId: string,
    holderKeyId: string,
    expiredAt: Date,
  ): Promise<void> {
    await this.audit.append(
      {
        actor: SYSTEM_ACTOR,
        action: 'lease.expired',
        entityType: 'claim',
        entityId: claimId,
        before: { holderKeyId, expiresAt: expiredAt.toISOString() },
        after: null,
      },
      em,
    );
  }
}

function leaseState(row: {
  leaseHolderKeyId: string | null;
  leaseExpiresAt: Date | null;
}): Record<string, unknown> {
  return { holderKeyId: row.leaseHolderKeyId, expiresAt: row.leaseExpiresAt?.toISOString() ?? null };
}

function toLeaseDto(row: LeaseRow): LeaseDto {
  return {
    claimId: row.claimId,
    holderKeyId: row.leaseHolderKeyId ?? '',
    leasedAt: (row.leasedAt ?? new Date()).toISOString(),
    expiresAt: (row.leaseExpiresAt ?? new Date()).toISOString(),
    renewals: row.leaseRenewals,
  };
}
