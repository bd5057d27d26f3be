import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SOURCE_CHANGE_KINDS = ['merge', 'split'] as const;
export type SourceChangeKind = (typeof SOURCE_CHANGE_KINDS)[number];

/**
 * An editor's merge or split, written in the same transaction as the change itself: the claims whose origins it
 * changed. Their agreement (and that of the claims related to them) is recomputed by a job after the commit;
 * `recomputed_at` stays null until that is done, so the sweep re-enqueues a change whose job was lost.
 */
@Entity({ name: 'source_changes' })
@Index('ix_source_changes_created_at', ['createdAt'], { where: `"recomputed_at" IS NULL` })
export class SourceChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_source_changes' })
  id: string;

  @Column({ type: 'text' })
  kind: SourceChangeKind;

  /** The source merged or split from. */
  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  /** The source merged into or split to. */
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  /** Claims whose attributions moved (or were dropped as duplicates). */
  @Column({ name: 'claim_ids', type: 'uuid', array: true })
  claimIds: string[];

  @Column({ type: 'text' })
  actor: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'recomputed_at', type: 'timestamptz', precision: 3, nullable: true })
  recomputedAt: Date | null;
}
