import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LexemeStatistics } from './candidate-terms';

/** Tables with a full-text `search_vector` column whose lexeme statistics candidate retrieval reads. */
export type SearchVectorTable = 'claims' | 'fact_checks';

/** How long the statistics are reused before they are read again (ANALYZE refreshes them far less often). */
export const LEXEME_STATISTICS_TTL_MS = 5 * 60_000;

/**
 * Estimated document frequencies of the frequent lexemes of a table's `search_vector`: PostgreSQL's own statistics
 * (pg_stats.most_common_elems, kept by ANALYZE and autovacuum, about the 1,000 most frequent lexemes of a sample)
 * times the table's row estimate. A lexeme absent from the list is rarer than every listed one. Cached per process
 * for LEXEME_STATISTICS_TTL_MS, so candidate retrieval pays one catalog read every few minutes, not one per claim.
 * Before the first ANALYZE of a table nothing is known (every lexeme counts as rare, which is cheap on a table that
 * small).
 */
@Injectable()
export class LexemeStatisticsRepository {
  private readonly cache = new Map<SearchVectorTable, { readAt: number; statistics: LexemeStatistics }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(table: SearchVectorTable): Promise<LexemeStatistics> {
    const cached = this.cache.get(table);
    if (cached && Date.now() - cached.readAt < LEXEME_STATISTICS_TTL_MS) return cached.statistics;
    const [size] = await this.dataSource.query<{ rows: number }[]>(
      `SELECT GREATEST(reltuples, 0) AS rows FROM pg_class WHERE oid = to_regclass($1)`,
      [table],
    );
    const rows: { lexeme: string; documents: number }[] = await this.dataSource.query(
      `SELECT t.lexeme, t.freq * GREATEST(c.reltuples, 0) AS documents
         FROM pg_stats s
         JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = s.schemaname::regnamespace
        CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS t(lexeme, freq)
        WHERE s.schemaname = current_schema() AND s.tablename = $1 AND s.attname = 'search_vector'
          AND t.lexeme IS NOT NULL`,
      [table],
    );
    const statistics = {
      rows: Number(size?.rows ?? 0),
      documents: new Map(rows.map((r) => [r.lexeme, Number(r.documents)])),
    };
    this.cache.set(table, { readAt: Date.now(), statistics });
    return statistics;
  }

  /** Drops the cached statistics (the next call reads them again), e.g. right after an ANALYZE. */
  forget(): void {
    this.cache.clear();
  }
}
