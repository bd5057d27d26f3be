import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../database/numeric.transformer';
import { Claim } from './claim.entity';

export const QUANTITY_BOUNDS = ['exact', 'approx', 'at_least', 'at_most', 'range', 'vague'] as const;
export const QUANTITY_KINDS = ['count', 'percent', 'money', 'measure', 'ordinal', 'year'] as const;
export const QUANTITY_CHANGES = ['up', 'down'] as const;

/** A figure inside a claim, with its hedge (bound) and unit. */
@Entity({ name: 'quantities' })
@Index('ix_quantities_claim_id_span_start', ['claimId', 'spanStart'])
export class Quantity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_quantities' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_quantities_claim_id' })
  claim?: Claim;

  /** Span in the article text. */
  @Column({ name: 'span_start', type: 'integer' })
  spanStart: number;

  @Column({ name: 'span_end', type: 'integer' })
  spanEnd: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  value: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  high: number | null;

  @Column({ type: 'enum', enum: QUANTITY_BOUNDS, enumName: 'quantity_bound' })
  bound: (typeof QUANTITY_BOUNDS)[number];

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ type: 'enum', enum: QUANTITY_CHANGES, enumName: 'quantity_change', nullable: true })
  change: (typeof QUANTITY_CHANGES)[number] | null;

  @Column({ type: 'enum', enum: QUANTITY_KINDS, enumName: 'quantity_kind' })
  kind: (typeof QUANTITY_KINDS)[number];
}
