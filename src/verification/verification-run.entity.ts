import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Claim } from '../claims/claim.entity';

export const VERIFICATION_RUN_STATUSES = ['succeeded', 'failed'] as const;
export type VerificationRunStatus = (typeof VERIFICATION_RUN_STATUSES)[number];

/** One verification attempt of one claim: what was compared, what was found, or why it failed. */
@Entity({ name: 'verification_runs' })
@Index('ix_verification_runs_claim_id_started_at', ['claimId', 'startedAt'])
export class VerificationRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_verification_runs' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'fk_verification_runs_claim_id' })
  claim?: Claim;

  @Column({ type: 'enum', enum: VERIFICATION_RUN_STATUSES, enumName: 'verification_run_status' })
  status: VerificationRunStatus;

  /** The claim revision this run verified. */
  @Column({ type: 'integer' })
  revision: number;

  /** 1 for the first try of the job, 2 for its first retry, … */
  @Column({ type: 'integer' })
  attempt: number;

  @Column({ name: 'job_id', type: 'text', nullable: true })
  jobId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3 })
  finishedAt: Date;

  /** Candidates compared, relations found, resulting status. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
