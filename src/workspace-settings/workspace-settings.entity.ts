import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The id of the one settings row (the service has one workspace). */
export const WORKSPACE_SETTINGS_ID = 1;

/**
 * Newsroom-wide settings of the review desk, one row (id 1). A missing row means every default below.
 */
@Entity({ name: 'workspace_settings' })
@Check('ck_workspace_settings_single_row', `"id" = 1`)
export class WorkspaceSettings {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_workspace_settings' })
  id: number;

  /** When true, a verdict waits for an editor's approval before it is published. */
  @Column({ name: 'require_second_review', type: 'boolean', default: false })
  requireSecondReview: boolean;

  /** Default lease length for claims handed to a fact-checker, in seconds. */
  @Column({ name: 'lease_seconds', type: 'integer', default: 900 })
  leaseSeconds: number;

  /** The fact-checking organisation: author of published ClaimReview documents. */
  @Column({ name: 'organization_name', type: 'text', default: 'claimtrail' })
  organizationName: string;

  @Column({ name: 'organization_url', type: 'text', nullable: true })
  organizationUrl: string | null;

  /** Public page of a fact-check: `{claimId}` is replaced; null = the API's own ClaimReview URL. */
  @Column({ name: 'review_url_template', type: 'text', nullable: true })
  reviewUrlTemplate: string | null;

  /** Attempts per webhook delivery (first try included). */
  @Column({ name: 'webhook_max_attempts', type: 'integer', default: 8 })
  webhookMaxAttempts: number;

  /** First retry delay of a failed webhook delivery (doubles each attempt), in milliseconds. */
  @Column({ name: 'webhook_backoff_ms', type: 'integer', default: 5000 })
  webhookBackoffMs: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
