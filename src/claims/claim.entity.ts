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
import { Article } from '../articles/article.entity';

export const AGREEMENT_STATUSES = [
  'pending',
  'unattributed',
  'single_source',
  'corroborated',
  'conflicting',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * One checkable claim of an article. `search_vector` (generated from the text) with its GIN index
 * `ix_claims_search_vector` (created by hand in the migration) serves candidate retrieval for verification.
 */
@Entity({ name: 'claims' })
@Index('ix_claims_article_id_span_start', ['articleId', 'spanStart'])
@Index('ix_claims_created_at_id', ['createdAt', 'id'])
@Index('ix_claims_agreement_status_created_at_id', ['agreementStatus', 'createdAt', 'id'])
@Index('ix_claims_search_vector', { synchronize: false })
@Index('ix_claims_text_hash', ['textHash'])
@Index('ix_claims_text_hash_unchecked', ['id'], { where: '"text_hash" IS NULL AND NOT "text_hash_checked"' })
@Index('ix_claims_stale_revision', ['updatedAt'], { where: '"verified_revision" < "revision"' })
export class Claim {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_claims' })
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_claims_article_id' })
  article?: Article;

  /** Span in the article text (UTF-16 indices, end exclusive). */
  @Column({ name: 'span_start', type: 'integer' })
  spanStart: number;

  @Column({ name: 'span_end', type: 'integer' })
  spanEnd: number;

  /** Index of the sentence in the article. */
  @Column({ type: 'integer' })
  sentence: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'boolean' })
  checkworthy: boolean;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'boolean', default: false })
  negated: boolean;

  /**
   * Hex SHA-256 of the engine's wire form of the text (wireText: case, punctuation and spacing folded), or null when
   * the claim is too short to be distinctive. Index ix_claims_text_hash finds the articles carrying the same copy.
   */
  @Column({ name: 'text_hash', type: 'char', length: 64, nullable: true })
  textHash: string | null;

  /**
   * Whether text_hash was computed from the text: true for every claim stored since (extraction hashes it), false
   * for claims stored before the TextHashBackfill migration until the backfill (WireHashBackfillService) has
   * hashed them. A claim without a hash and checked is not distinctive and is never looked at again; one with a
   * hash was hashed whatever this says (ix_claims_text_hash_unchecked holds the claims still to do).
   */
  @Column({ name: 'text_hash_checked', type: 'boolean', default: true })
  textHashChecked: boolean;

  @Column({
    name: 'agreement_status',
    type: 'enum',
    enum: AGREEMENT_STATUSES,
    enumName: 'agreement_status',
    default: 'pending',
  })
  agreementStatus: AgreementStatus;

  /** Independent origins (canonical sources, relays collapsed) that state this claim or agree with it. */
  @Column({ name: 'agreeing_origins', type: 'integer', default: 0 })
  agreeingOrigins: number;

  /** Independent origins of claims that conflict with this one. */
  @Column({ name: 'conflicting_origins', type: 'integer', default: 0 })
  conflictingOrigins: number;

  /** Bumped whenever the claim's inputs to verification change (e.g. its sources are merged). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** The revision the last successful verification saw; equal to `revision` when up to date. */
  @Column({ name: 'verified_revision', type: 'integer', nullable: true })
  verifiedRevision: number | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /**
   * Publication time of the claim's article (null when the article has none), copied by the database on insert
   * (trigger trg_claims_article_published_at, migration ClaimPublicationTime): candidate retrieval checks its time
   * window on the claim row itself. Never written by the application.
   */
  @Column({
    name: 'article_published_at',
    type: 'timestamptz',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  articlePublishedAt?: Date | null;

  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('english', "text")`,
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
