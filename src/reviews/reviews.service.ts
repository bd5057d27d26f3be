import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { ClaimsRepository } from '../claims/claims.repository';
import { ConflictError, NotFoundError } from '../common/errors';
import { actorOf, ReviewQueueService } from '../review-queue/review-queue.service';
import { WebhookDispatchService } from '../webhooks/webhook-dispatch.service';
import { WorkspaceSettingsService } from '../workspace-settings/workspace-settings.service';
import type { ClaimReview, ReviewEvidence, ReviewRating, ReviewStatus } from './claim-review.entity';
import { ClaimReviewsRepository, type ReviewChanges } from './claim-reviews.repository';
import type { HistoryDto } from './dto/review.dto';

export interface VerdictInput {
  rating: ReviewRating;
  summary: string;
  evidence: ReviewEvidence[];
}

/** The parts of a review recorded in the audit log. */
function snapshot(r: ClaimReview | null): Record<string, unknown> | null {
  if (!r) return null;
  return {
    status: r.status,
    rating: r.rating,
    summary: r.summary,
    evidence: r.evidence,
    reviewerKeyId: r.reviewerKeyId,
    editorKeyId: r.editorKeyId,
    editorComment: r.editorComment,
    reopenReason: r.reopenReason,
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Verdicts: a fact-checker holding the lease submits one; with the workspace's second review on, an editor approves
 * it or returns it with a comment; a published verdict can be reopened with a reason. Every change checks the
 * version the caller read (409 when stale), is audited with before and after, and publishing emits review.published.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ClaimReviewsRepository,
    private readonly queue: ReviewQueueService,
    private readonly claims: ClaimsRepository,
    private readonly audit: AuditLogRepository,
    private readonly settings: WorkspaceSettingsService,
    private readonly dispatch: WebhookDispatchService,
  ) {}

  async get(claimId: string): Promise<ClaimReview> {
    const review = await this.reviews.find(claimId);
    if (review) return review;
    await this.requireClaim(claimId);
    throw new NotFoundError(`Claim ${claimId} has no verdict yet.`);
  }

  async submit(
    claimId: string,
    caller: AuthenticatedKey,
    verdict: VerdictInput,
    expectedVersion: number | undefined,
  ): Promise<ClaimReview> {
    const { requireSecondReview } = await this.settings.get();
    return this.dataSource.transaction(async (em) => {
      const lease = await this.queue.requireLease(em, claimId, caller);
      const existing = await this.reviews.lock(em, claimId);
      const now = new Date();
      const status: ReviewStatus = requireSecondReview ? 'pending_approval' : 'published';
      const changes: ReviewChanges = {
        status,
        rating: verdict.rating,
        summary: verdict.summary,
        evidence: verdict.evidence.map((e) => ({ url: e.url, ...(e.note ? { note: e.note } : {}) })),
        reviewerKeyId: caller.id,
        submittedAt: now,
        publishedAt: status === 'published' ? now : null,
      };
      let saved: ClaimReview;
      if (!existing) {
        if (expectedVersion !== undefined) {
          throw new ConflictError(
            `Claim ${claimId} has no verdict yet, but version ${expectedVersion} was sent; omit the version for a first verdict.`,
          );
        }
        saved = await this.reviews.insert(em, {
          claimId,
          ...changes,
          editorKeyId: null,
          editorComment: null,
        });
      } else {
        if (existing.status === 'published' || existing.status === 'pending_approval') {
          throw new ConflictError(
            `Claim ${claimId} already has a ${existing.status === 'published' ? 'published verdict' : 'verdict awaiting approval'} ` +
              `(version ${existing.version}). ${existing.status === 'published' ? `Reopen it first (POST /v1/claims/${claimId}/review/reopen).` : 'Wait for the editor.'}`,
          );
        }
        saved = await this.write(em, existing, expectedVersion, changes, true);
      }
      await this.queue.closeForVerdict(em, claimId, lease, caller);
      await this.record(em, caller, 'review.submitted', claimId, existing, saved);
      if (saved.status === 'published') await this.published(em, caller, saved);
      return saved;
    });
  }

  async approve(
    claimId: string,
    caller: AuthenticatedKey,
    expectedVersion: number | undefined,
  ): Promise<ClaimReview> {
    return this.dataSource.transaction(async (em) => {
      const existing = await this.lockExisting(em, claimId);
      this.requireStatus(existing, 'pending_approval', 'approve');
      const saved = await this.write(em, existing, expectedVersion, {
        status: 'published',
        publishedAt: new Date(),
        editorKeyId: caller.id,
        editorComment: null,
      });
      await this.record(em, caller, 'review.approved', claimId, existing, saved);
      await this.published(em, caller, saved);
      return saved;
    });
  }

  async returnToReviewer(
    claimId: string,
    caller: AuthenticatedKey,
    comment: string,
    expectedVersion: number | undefined,
  ): Promise<ClaimReview> {
    return this.dataSource.transaction(async (em) => {
      const existing = await this.lockExisting(em, claimId);
      this.requireStatus(existing, 'pending_approval', 'return');
      const saved = await this.write(em, existing, expectedVersion, {
        status: 'returned',
        editorKeyId: caller.id,
        editorComment: comment,
      });
      await this.queue.reopenItem(em, claimId);
      await this.record(em, caller, 'review.returned', claimId, existing, saved);
      return saved;
    });
  }

  async reopen(
    claimId: string,
    caller: AuthenticatedKey,
    reason: string,
    expectedVersion: number | undefined,
  ): Promise<ClaimReview> {
    return this.dataSource.transaction(async (em) => {
      const existing = await this.lockExisting(em, claimId);
      this.requireStatus(existing, 'published', 'reopen');
      const saved = await this.write(em, existing, expectedVersion, {
        status: 'reopened',
        reopenReason: reason,
      });
      await this.queue.reopenItem(em, claimId);
      await this.record(em, caller, 'review.reopened', claimId, existing, saved);
      return saved;
    });
  }

  /** Every audited change of the claim (verification status, leases, verdicts), oldest first. */
  async history(claimId: string): Promise<HistoryDto> {
    await this.requireClaim(claimId);
    const entries = await this.audit.findForEntity('claim', claimId);
    return {
      items: entries.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actor: e.actor,
        action: e.action,
        before: e.before,
        after: e.after,
      })),
    };
  }

  private async requireClaim(claimId: string, em?: EntityManager): Promise<void> {
    if (!(await this.claims.findById(claimId, em)))
      throw new NotFoundError(`Claim ${claimId} does not exist.`);
  }

  private async lockExisting(em: EntityManager, claimId: string): Promise<ClaimReview> {
    const review = await this.reviews.lock(em, claimId);
    if (review) return review;
    await this.requireClaim(claimId, em);
    throw new NotFoundError(`Claim ${claimId} has no verdict yet.`);
  }

  private requireStatus(review: ClaimReview, status: ReviewStatus, action: string): void {
    if (review.status !== status) {
      throw new ConflictError(
        `Cannot ${action} the verdict on claim ${review.claimId}: it is ${review.status.replace('_', ' ')} ` +
          `(version ${review.version}), and only a verdict that is ${status.replace('_', ' ')} can be ${action === 'return' ? 'returned' : `${action}d`}.`,
      );
    }
  }

  /** Applies changes when the caller's version is current; `versionRequired` refuses blind overwrites. */
  private async write(
    em: EntityManager,
    existing: ClaimReview,
    expectedVersion: number | undefined,
    changes: ReviewChanges,
    versionRequired = false,
  ): Promise<ClaimReview> {
    const claimId = existing.claimId;
    if (expectedVersion === undefined && versionRequired) {
      throw new ConflictError(
        `Claim ${claimId} already has a verdict (version ${existing.version}, ${existing.status}). Send the version ` +
          `you are revising in If-Match or in the body's version, so a concurrent change is not overwritten.`,
      );
    }
    const version = expectedVersion ?? existing.version;
    if (version !== existing.version) throw staleVersion(claimId, version, existing.version);
    const saved = await this.reviews.update(em, claimId, version, changes);
    if (!saved) throw staleVersion(claimId, version, existing.version + 1);
    return saved;
  }

  private async record(
    em: EntityManager,
    caller: AuthenticatedKey,
    action: string,
    claimId: string,
    before: ClaimReview | null,
    after: ClaimReview,
  ): Promise<void> {
    await this.audit.append(
      {
        actor: actorOf(caller),
        action,
        entityType: 'claim',
        entityId: claimId,
        before: snapshot(before),
        after: snapshot(after),
      },
      em,
    );
  }

  private async published(em: EntityManager, caller: AuthenticatedKey, review: ClaimReview): Promise<void> {
    await this.audit.append(
      {
        actor: actorOf(caller),
        action: 'review.published',
        entityType: 'claim',
        entityId: review.claimId,
        before: null,
        after: {
          rating: review.rating,
          version: review.version,
          publishedAt: review.publishedAt?.toISOString(),
        },
      },
      em,
    );
    const claim = await this.claims.findById(review.claimId, em);
    await this.dispatch.emit(
      'review.published',
      {
        claimId: review.claimId,
        articleId: claim?.articleId ?? null,
        claimText: claim?.text ?? null,
        rating: review.rating,
        summary: review.summary,
        evidence: review.evidence,
        version: review.version,
        publishedAt: review.publishedAt?.toISOString() ?? null,
        claimReview: `/v1/claims/${review.claimId}/claimreview`,
      },
      em,
    );
  }
}

function staleVersion(claimId: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The verdict on claim ${claimId} is at version ${current}, but you sent version ${sent}: it changed since you ` +
      `read it. GET /v1/claims/${claimId}/review, then apply your change to the current version.`,
    { currentVersion: current },
  );
}
