import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Claim } from '../claims/claim.entity';
import { FactCheck } from './fact-check.entity';

/** A prior fact-check that reviews the same statement as one of our claims; one row per (claim, fact-check). */
@Entity({ name: 'claim_fact_check_matches' })
@Index('ix_claim_fact_check_matches_fact_check_id', ['factCheckId'])
export class ClaimFactCheckMatch {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid', primaryKeyConstraintName: 'pk_claim_fact_check_matches' })
  claimId: string;

  @PrimaryColumn({
    name: 'fact_check_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_claim_fact_check_matches',
  })
  factCheckId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_claim_fact_check_matches_claim_id' })
  claim?: Claim;

  @ManyToOne(() => FactCheck, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'fact_check_id',
    foreignKeyConstraintName: 'fk_claim_fact_check_matches_fact_check_id',
  })
  factCheck?: FactCheck;

  /** Confidence 0..1 that the fact-check reviews this claim. */
  @Column({ type: 'double precision' })
  score: number;

  /** How the match was decided ("engine:paraphrase", "engine:quantity-interval", "token-overlap"). */
  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  explanation: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
