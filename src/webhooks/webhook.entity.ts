import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const WEBHOOK_EVENTS = ['article.verified', 'claim.status_changed', 'review.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A subscriber: deliveries of the listed events are POSTed to `url`, signed (HMAC-SHA256) with its secret. The
 * secret is stored encrypted under WEBHOOK_SECRET_KEY (`secretCiphertext`, see webhook-secret-cipher.ts); rows
 * stored before encryption existed keep it in `legacySecret` until a process with the key encrypts them at boot.
 */
@Entity({ name: 'webhooks' })
@Check('ck_webhooks_secret_stored', '"secret_ciphertext" IS NOT NULL OR "legacy_secret" IS NOT NULL')
export class Webhook {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhooks' })
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** The signing secret, AES-256-GCM encrypted: `v1:<key id>:<iv>:<tag>:<ciphertext>`. */
  @Column({ name: 'secret_ciphertext', type: 'text', nullable: true })
  secretCiphertext: string | null;

  /** A signing secret stored in clear text by an earlier version; null once encrypted. */
  @Column({ name: 'legacy_secret', type: 'text', nullable: true })
  legacySecret: string | null;

  @Column({ name: 'created_by_key_id', type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
