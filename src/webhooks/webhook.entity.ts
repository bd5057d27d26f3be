import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WEBHOOK_EVENTS = ['article.verified', 'claim.status_changed', 'review.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A subscriber: deliveries of the listed events are POSTed to `url`, signed with `secret` (HMAC-SHA256). */
@Entity({ name: 'webhooks' })
export class Webhook {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhooks' })
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** Signing secret (kept in clear: the service must sign with it). */
  @Column({ type: 'text' })
  secret: string;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
