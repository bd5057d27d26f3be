import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Claim } from './claim.entity';

export const RELATION_KINDS = ['agree', 'conflict'] as const;
export type RelationKindValue = (typeof RELATION_KINDS)[number];

/**
 * Agreement or conflict between two claims. The pair is stored once, ordered (claim_a_id < claim_b_id), and is
 * unique, so a retried or duplicated verification job upserts the same row.
 */
@Entity({ name: 'claim_relations' })
@Index('uq_claim_relations_claim_a_id_claim_b_id', ['claimAId', 'claimBId'], { unique: true })
@Index('ix_claim_relations_claim_b_id', ['claimBId'])
@Check('ck_claim_relations_ordered_pair', `"claim_a_id" < "claim_b_id"`)
export class ClaimRelation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_claim_relations' })
  id: string;

  @Column({ name: 'claim_a_id', type: 'uuid' })
  claimAId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_a_id', foreignKeyConstraintName: 'fk_claim_relations_claim_a_id' })
  claimA?: Claim;

  @Column({ name: 'claim_b_id', type: 'uuid' })
  claimBId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_b_id', foreignKeyConstraintName: 'fk_claim_relations_claim_b_id' })
  claimB?: Claim;

  @Column({ type: 'enum', enum: RELATION_KINDS, enumName: 'relation_kind' })
  relation: RelationKindValue;

  /** Confidence 0..1. */
  @Column({ type: 'double precision' })
  score: number;

  /** How the decision was made (e.g. "quantity-interval", "lexical"). */
  @Column({ type: 'text' })
  method: string;

  /** Plain-language reason. */
  @Column({ type: 'text' })
  explanation: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
