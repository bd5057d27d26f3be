import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
 */
@Entity({ name: 'sources' })
@Index('uq_sources_normalized_key_type', ['normalizedKey', 'type'], {
  unique: true,
  where: `"type" <> 'anonymous'`,
})
@Index('ix_sources_name_trgm', { synchronize: false })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
