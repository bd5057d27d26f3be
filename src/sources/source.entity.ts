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

export const SOURCE_TYPES = [
  'person',
  'government',
  'organization',
  'media',
  'document',
  'anonymous',
] as const;
export type SourceKind = (typeof SOURCE_TYPES)[number];

/**
 * A canonical source across articles. Named sources are unique on (normalized key, type); anonymous sources
 * ("a White House official") are never merged, so the unique index excludes them. `ix_sources_name_trgm`
 * (pg_trgm GIN on name, created by hand in the migration) backs the `q` filter.
 *
 * Alias resolution at ingest (source-matching.ts) looks candidates up by `match_keys` (normalized name and alias
 * keys; `ix_sources_match_keys`, GIN, created by hand) and by `surname_key` (last name token of a person). A source
 * merged by an editor keeps its row (and its key, so later mentions of that name land on the target) with
 * `merged_into_id` set; it has no attributions left.
 */
@Entity({ name: 'sources' })
@Index('uq_sources_normalized_key_type', ['normalizedKey', 'type'], {
  unique: true,
  where: `"type" <> 'anonymous'`,
})
@Index('ix_sources_name_trgm', { synchronize: false })
@Index('ix_sources_match_keys', { synchronize: false })
@Index('ix_sources_surname_key', ['surnameKey'], { where: `"surname_key" IS NOT NULL` })
@Index('ix_sources_merged_into_id', ['mergedIntoId'], { where: `"merged_into_id" IS NOT NULL` })
export class Source {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sources' })
  id: string;

  /** Canonical display name ("John Kirby"). */
  @Column({ type: 'text' })
  name: string;

  /** Lower-cased, accent- and punctuation-free name used to merge mentions ("john kirby"). */
  @Column({ name: 'normalized_key', type: 'text' })
  normalizedKey: string;

  @Column({ type: 'enum', enum: SOURCE_TYPES, enumName: 'source_type' })
  type: SourceKind;

  /** Other names this source was written as ("Kirby", "National Security Communications Advisor John Kirby"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Role or title as last written ("National Security Communications Advisor"). */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'text', nullable: true })
  affiliation: string | null;

  /** Normalized keys of the name and of every alias ("john kirby", "kirby", …): the alias lookup at ingest. */
  @Column({ name: 'match_keys', type: 'text', array: true, default: () => "'{}'" })
  matchKeys: string[];

  /** Persons only: the last name token of the canonical name ("kirby"), for surname-only mentions. */
  @Column({ name: 'surname_key', type: 'text', nullable: true })
  surnameKey: string | null;

  /** The source an editor merged this one into (GET answers 301 to it); null for a live source. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_sources_merged_into_id' })
  mergedInto?: Source;

  @Column({ name: 'merged_at', type: 'timestamptz', precision: 3, nullable: true })
  mergedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
