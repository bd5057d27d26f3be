import type { JobsOptions } from 'bullmq';

/**
 * Every queue, job name, job id, payload and retry policy of the pipeline, declared in one place.
 *
 *   articles queue:    extract-article (id = <articleId>)            → stores claims, then adds the flow below
 *                      article-verified (id = verified-<articleId>)  → parent: runs when all its children are done
 *   claims queue:      verify-claim (id = verify-<claimId>-r<rev>)   → children of article-verified (revision 1), or
 *                                                                     standalone re-verifications (revision 2 and up:
 *                                                                     a later claim changed a relation of a verified
 *                                                                     claim; no parent, so a failure fails no article)
 *   maintenance queue: sweep (job scheduler, every sweepIntervalMs)  → re-enqueues work stuck in the database
 *                                                                     (articles, flows, claims whose re-verification
 *                                                                     job was lost)
 *
 * Job ids are deterministic, so adding the same work twice (a retried request, the sweep racing a worker, two
 * processes) is a no-op in BullMQ. BullMQ refuses ':' in custom ids, hence '-' as separator.
 */
export const ARTICLES_QUEUE = 'articles';
export const CLAIMS_QUEUE = 'claims';
export const MAINTENANCE_QUEUE = 'maintenance';
export const ALL_QUEUES = [ARTICLES_QUEUE, CLAIMS_QUEUE, MAINTENANCE_QUEUE] as const;

export const JOB_EXTRACT_ARTICLE = 'extract-article';
export const JOB_ARTICLE_VERIFIED = 'article-verified';
export const JOB_VERIFY_CLAIM = 'verify-claim';
export const JOB_SWEEP = 'sweep';
/** Id of the job scheduler that produces one sweep job per interval, whatever the number of processes. */
export const SWEEP_SCHEDULER_ID = 'sweep';

export interface ExtractArticlePayload {
  articleId: string;
}
export interface ArticleVerifiedPayload {
  articleId: string;
}
export interface VerifyClaimPayload {
  claimId: string;
  articleId: string;
  /** The claim revision this job verifies. */
  revision: number;
  /** True for a standalone re-verification (no article flow above it). */
  reverify?: boolean;
}
export type SweepPayload = Record<string, never>;

export const extractJobId = (articleId: string): string => articleId;
export const articleVerifiedJobId = (articleId: string): string => `verified-${articleId}`;
export const verifyClaimJobId = (claimId: string, revision: number): string =>
  `verify-${claimId}-r${revision}`;

const KEEP = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobsOptions;

/** Retry policies: transient failures (database or Redis hiccups) retry with exponential backoff. */
export const JOB_OPTIONS = {
  [JOB_EXTRACT_ARTICLE]: { ...KEEP, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  [JOB_ARTICLE_VERIFIED]: { ...KEEP, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  [JOB_VERIFY_CLAIM]: {
    ...KEEP,
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
    // A claim that cannot be verified after every attempt fails its article's flow (the article goes to failed).
    failParentOnFailure: true,
  },
  [JOB_SWEEP]: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 },
} satisfies Record<string, JobsOptions>;

/**
 * A standalone re-verification (verify-claim at revision 2 and up, no parent): the same retries, nothing to fail
 * above it. After the last attempt the claim keeps its last status (the failed run is recorded) and the sweep
 * does not retry it (the failed job keeps its id for removeOnFail's age).
 */
export const REVERIFY_CLAIM_OPTIONS = {
  ...KEEP,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
} satisfies JobsOptions;

/** True when this attempt is the job's last one: a failure now is final. */
export function isLastAttempt(job: { attemptsMade: number; opts: { attempts?: number } }): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Review desk (issue 5), registered by ReviewDeskModule:
 *   webhooks queue: deliver-webhook (id = delivery-<deliveryId>)      → POSTs one signed delivery, retried with backoff
 *   review queue:   review-maintenance (job scheduler, every minute)  → expires leases, refreshes queue priorities,
 *                                                                        re-enqueues deliveries whose job was lost
 * The webhook attempts and first backoff delay come from workspace_settings (defaults below).
 */
export const WEBHOOKS_QUEUE = 'webhooks';
export const REVIEW_QUEUE = 'review';
export const JOB_DELIVER_WEBHOOK = 'deliver-webhook';
export const JOB_REVIEW_MAINTENANCE = 'review-maintenance';
export const REVIEW_MAINTENANCE_SCHEDULER_ID = 'review-maintenance';
export const REVIEW_MAINTENANCE_EVERY_MS = 60_000;

export interface DeliverWebhookPayload {
  deliveryId: string;
}
export type ReviewMaintenancePayload = Record<string, never>;

export const deliverWebhookJobId = (deliveryId: string): string => `delivery-${deliveryId}`;

export const REVIEW_JOB_OPTIONS = {
  [JOB_DELIVER_WEBHOOK]: { ...KEEP, attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
  [JOB_REVIEW_MAINTENANCE]: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 },
} satisfies Record<string, JobsOptions>;

/**
 * Source registry (issue 4), on the maintenance queue:
 *   recompute-source-change (id = source-change-<changeId>) → recomputes the agreement of the claims whose origins an
 *                                                             editor's merge or split changed (and of their related
 *                                                             claims); the sweep re-enqueues changes still pending.
 * Done-ness lives in source_changes.recomputed_at, so finished and failed jobs are not kept (the sweep may re-add).
 */
export const JOB_RECOMPUTE_SOURCE_CHANGE = 'recompute-source-change';

export interface RecomputeSourceChangePayload {
  changeId: string;
}

export const recomputeSourceChangeJobId = (changeId: string): string => `source-change-${changeId}`;

export const SOURCE_JOB_OPTIONS = {
  [JOB_RECOMPUTE_SOURCE_CHANGE]: {
    removeOnComplete: true,
    // kept a week: its job id then blocks the sweep from re-adding a change that fails on every attempt
    removeOnFail: { age: 7 * 24 * 3600 },
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
  },
} satisfies Record<string, JobsOptions>;
