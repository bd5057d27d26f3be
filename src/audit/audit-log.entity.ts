import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of state changes: who did what to which entity, with the state before and after. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_entity_type_entity_id_at', ['entityType', 'entityId', 'at'])
@Index('ix_audit_log_at', ['at'])
export class AuditLog {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  /** "system:verification", "api-key:<id>", … */
  @Column({ type: 'text' })
  actor: string;

  /** "claim.status_changed", "article.verified", … */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
