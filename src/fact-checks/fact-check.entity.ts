import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FactCheckVerdict } from '../engine/fact-checks/fact-check-record';

/**
 * A published fact-check (schema.org ClaimReview, or one claimReview of a Google Fact Check Tools result), imported
 * so that our claims can be matched against prior verdicts. One row per (url, claim reviewed): re-importing the same
 * document updates the rows in place. Two indexes are made by hand in the migration (entities cannot express them):
 * `uq_fact_checks_url_claim_reviewed` on (url, md5(claim_reviewed)), so long texts fit a btree, and the GIN index
 * `ix_fact_checks_search_vector` for full-text candidate retrieval.
 */
@Entity({ name: 'fact_checks' })
@Index('uq_fact_checks_url_claim_reviewed', { synchronize: false })
@Index('ix_fact_checks_search_vector', { synchronize: false })
@Index('ix_fact_checks_created_at_id', ['createdAt', 'id'])
export class FactCheck {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_fact_checks' })
  id: string;

  /** The statement the fact-check reviews. */
  @Column({ name: 'claim_reviewed', type: 'text' })
  claimReviewed: string;

  /** The publisher's verdict in words ("Mostly false", "Pants on fire"). */
  @Column({ name: 'rating_text', type: 'text', nullable: true })
  ratingText: string | null;

  @Column({ name: 'rating_value', type: 'double precision', nullable: true })
  ratingValue: number | null;

  @Column({ name: 'best_rating', type: 'double precision', nullable: true })
  bestRating: number | null;

  @Column({ name: 'worst_rating', type: 'double precision', nullable: true })
  worstRating: number | null;

  /** Our verdict scale, derived from the textual or numeric rating when possible. */
  @Column({ type: 'text', nullable: true })
  verdict: FactCheckVerdict | null;

  @Column({ name: 'reviewer_name', type: 'text', nullable: true })
  reviewerName: string | null;

  @Column({ name: 'reviewer_site', type: 'text', nullable: true })
  reviewerSite: string | null;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'date_published', type: 'timestamptz', nullable: true })
  datePublished: Date | null;

  /** When the reviewed claim was made. */
  @Column({ name: 'claim_date', type: 'timestamptz', nullable: true })
  claimDate: Date | null;

  @Column({ type: 'text', nullable: true })
  claimant: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  /** The record as imported. */
  @Column({ type: 'jsonb' })
  raw: unknown;

  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('english', "claim_reviewed")`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
