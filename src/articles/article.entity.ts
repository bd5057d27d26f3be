import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ARTICLE_STATUSES = ['received', 'extracted', 'verified', 'failed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A posted article. Its text is immutable: the SHA-256 of the text identifies it (duplicates are refused). */
@Entity({ name: 'articles' })
@Index('ix_articles_created_at_id', ['createdAt', 'id'])
@Index('ix_articles_status_updated_at', ['status', 'updatedAt'])
export class Article {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_articles' })
  id: string;

  /** Hex SHA-256 of the UTF-8 text. */
  @Index('uq_articles_content_hash', { unique: true })
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  outlet: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'enum', enum: ARTICLE_STATUSES, enumName: 'article_status', default: 'received' })
  status: ArticleStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** ISO 639-3 code from the engine ("eng", "und"); null until extracted. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ name: 'claim_count', type: 'integer', default: 0 })
  claimCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true })
  extractedAt: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;
}
