import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Source } from '../sources/source.entity';
import { AttributionSpans } from './attribution-spans';
import { Claim } from './claim.entity';

export const ATTRIBUTION_ROLES = ['primary', 'via'] as const;
export type AttributionRole = (typeof ATTRIBUTION_ROLES)[number];

/** Who a claim is attributed to: a primary source (who said it) or a relay it came through ("via"). */
@Entity({ name: 'attributions' })
@Index('uq_attributions_claim_id_source_id_role', ['claimId', 'sourceId', 'role'], { unique: true })
@Index('ix_attributions_source_id', ['sourceId'])
export class Attribution extends AttributionSpans {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attributions' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_attributions_claim_id' })
  claim?: Claim;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'fk_attributions_source_id' })
  source?: Source;

  @Column({ type: 'enum', enum: ATTRIBUTION_ROLES, enumName: 'attribution_role' })
  role: AttributionRole;

  /**
   * The source this attribution belonged to before an editor's merge moved it here (the first one, when merges
   * chain; null for attributions never merged; extraction leaves it unset). A split of that source back out
   * returns them to it, whatever their mention (a pronoun, a title). Always a source merged, directly or through
   * others, into `source_id`.
   */
  @Column({ name: 'merged_from_id', type: 'uuid', nullable: true })
  mergedFromId?: string | null;

  @ManyToOne(() => Source, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_from_id', foreignKeyConstraintName: 'fk_attributions_merged_from_id' })
  mergedFrom?: Source;
}
