import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AttributionSpans } from '../claims/attribution-spans';
import { ATTRIBUTION_ROLES, type AttributionRole } from '../claims/attribution.entity';
import { Claim } from '../claims/claim.entity';
import { Source } from './source.entity';

/**
 * An attribution a source edit could not move because the receiving source already cites the claim in the same
 * role (a claim cites a source once per role): "Kirby and John Kirby said…" merged into one source. It is kept
 * here, with its id and mention, instead of being deleted, so that the edit can be undone: a split that makes
 * `source_id` live again, or that takes the claim away from the source now holding it, restores it as an
 * attribution. Invariant: the source that `source_id` is merged into (or `source_id` itself, when live) cites the
 * claim in this role. Never read for agreement: the holding attribution already counts that origin.
 */
@Entity({ name: 'absorbed_attributions' })
@Index('ix_absorbed_attributions_claim_id', ['claimId'])
@Index('ix_absorbed_attributions_source_id', ['sourceId'])
export class AbsorbedAttribution extends AttributionSpans {
  /** The attribution's own id (restored with it). */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_absorbed_attributions' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_absorbed_attributions_claim_id' })
  claim?: Claim;

  /** The source the attribution belongs to: where it was before the merge (or the split's target). */
  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'fk_absorbed_attributions_source_id' })
  source?: Source;

  @Column({ type: 'enum', enum: ATTRIBUTION_ROLES, enumName: 'attribution_role' })
  role: AttributionRole;

  @CreateDateColumn({ name: 'absorbed_at', type: 'timestamptz', precision: 3 })
  absorbedAt: Date;
}
