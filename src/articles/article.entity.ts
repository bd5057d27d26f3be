import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ARTICLE_STATUSES = ['received', 'extracted', 'verified', 'failed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A posted article. Its text is immutable: the SHA-256 of the text identifies it (duplicates are refused). */
@Entity({ name: 'articles' })
@Index('ix_articles_created_at_id', ['createdAt', 'id'])
@Index('ix_articles_status_updated_at', ['status', 'updatedAt'])
@Index('ix_articles_wire_origin_article_id', ['wireOriginArticleId'])
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

  /**
   * Set at extraction when the article is a wire copy: most of its distinctive claims are the same text as those of
   * an earlier article. Points at the group's first article (never at another copy), so a wire group is that
   * article and every article pointing at it; its claims count as one origin.
   */
  @Column({ name: 'wire_origin_article_id', type: 'uuid', nullable: true })
  wireOriginArticleId: string | null;

  @ManyToOne(() => Article, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'wire_origin_article_id',
    foreignKeyConstraintName: 'fk_articles_wire_origin_article_id',
  })
  wireOrigin?: Article;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true })
  extractedAt: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;
}
