import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Claim } from '../claims/claim.entity';

/**
 * A check-worthy claim on the fact-checkers' queue, with its priority computed by SQL (see ReviewQueueRepository)
 * and the lease of the reviewer working on it. `open` is false while a verdict awaits approval or is published.
 * The partial indexes on (…, priority, claim_id) WHERE open back the listing and /next, read backwards: one per
 * equality filter (none, outlet, agreement status, both) so a filtered page is the first rows of one index; /next
 * reads the unleased items (WHERE open AND lease_expires_at IS NULL) so live leases are never walked over.
 */
@Entity({ name: 'review_queue_items' })
@Index('ix_review_queue_items_priority_claim_id', ['priority', 'claimId'], { where: '"open"' })
@Index(
  'ix_review_queue_items_agreement_status_priority_claim_id',
  ['agreementStatus', 'priority', 'claimId'],
  {
    where: '"open"',
  },
)
@Index('ix_review_queue_items_outlet_priority_claim_id', ['outlet', 'priority', 'claimId'], {
  where: '"open"',
})
@Index(
  'ix_review_queue_items_outlet_agreement_status_priority_claim_id',
  ['outlet', 'agreementStatus', 'priority', 'claimId'],
  { where: '"open"' },
)
@Index('ix_review_queue_items_unleased_priority_claim_id', ['priority', 'claimId'], {
  where: '"open" AND "lease_expires_at" IS NULL',
})
@Index('ix_review_queue_items_article_id', ['articleId'])
@Index('ix_review_queue_items_lease_holder_key_id', ['leaseHolderKeyId'], {
  where: '"lease_holder_key_id" IS NOT NULL',
})
@Index('ix_review_queue_items_lease_expires_at', ['leaseExpiresAt'], {
  where: '"lease_expires_at" IS NOT NULL',
})
export class ReviewQueueItem {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid', primaryKeyConstraintName: 'pk_review_queue_items' })
  claimId: string;

  @OneToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_review_queue_items_claim_id' })
  claim?: Claim;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  /** Copied from the article, for the outlet filter. */
  @Column({ type: 'text', nullable: true })
  outlet: string | null;

  /** Copied from the claim at the last refresh, for the agreementStatus filter. */
  @Column({ name: 'agreement_status', type: 'text' })
  agreementStatus: string;

  @Column({ type: 'double precision' })
  priority: number;

  /** Why the claim ranks where it does ("conflicting figures", "check-worthiness 0.93", …). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons: string[];

  @Column({ type: 'boolean', default: true })
  open: boolean;

  @Column({ name: 'lease_holder_key_id', type: 'uuid', nullable: true })
  leaseHolderKeyId: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'leased_at', type: 'timestamptz', precision: 3, nullable: true })
  leasedAt: Date | null;

  @Column({ name: 'lease_renewals', type: 'integer', default: 0 })
  leaseRenewals: number;

  @Column({ name: 'refreshed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  refreshedAt: Date;
}
