import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Claim } from '../claims/claim.entity';

export const REVIEW_RATINGS = [
  'true',
  'mostly_true',
  'mixed',
  'misleading',
  'false',
  'unverifiable',
] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/**
 * pending_approval: submitted, waits for an editor (second-review workspaces); returned: sent back by an editor;
 * published: public (ClaimReview); reopened: a published verdict taken back for another look.
 */
export const REVIEW_STATUSES = ['pending_approval', 'returned', 'published', 'reopened'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewEvidence {
  url: string;
  note?: string;
}

/** The fact-check verdict on a claim. `version` grows on every change: writers send it back (If-Match) or get 409. */
@Entity({ name: 'claim_reviews' })
@Index('ix_claim_reviews_published_at_claim_id', ['publishedAt', 'claimId'], {
  where: `"status" = 'published'`,
})
@Index('ix_claim_reviews_status_updated_at', ['status', 'updatedAt'])
export class ClaimReview {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid', primaryKeyConstraintName: 'pk_claim_reviews' })
  claimId: string;

  @OneToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_claim_reviews_claim_id' })
  claim?: Claim;

  @Column({ type: 'enum', enum: REVIEW_STATUSES, enumName: 'review_status' })
  status: ReviewStatus;

  @Column({ type: 'enum', enum: REVIEW_RATINGS, enumName: 'review_rating' })
  rating: ReviewRating;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: ReviewEvidence[];

  /** API key of the fact-checker who wrote the current verdict. */
  @Column({ name: 'reviewer_key_id', type: 'uuid' })
  reviewerKeyId: string;

  /** API key of the editor who last approved or returned it. */
  @Column({ name: 'editor_key_id', type: 'uuid', nullable: true })
  editorKeyId: string | null;

  /** The editor's comment when returning the verdict. */
  @Column({ name: 'editor_comment', type: 'text', nullable: true })
  editorComment: string | null;

  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 })
  submittedAt: Date;

  /** When the current verdict was published; null until then. */
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
