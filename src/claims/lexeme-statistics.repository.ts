import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LexemeStatistics } from './candidate-terms';

/** Tables with a full-text `search_vector` column whose lexeme statistics candidate retrieval reads. */
export type SearchVectorTable = 'claims' | 'fact_checks';

/**
 * How long the statistics are reused before they are read again: the table's size changes with every insert, and
 * autovacuum's ANALYZE refreshes the frequencies each time a tenth of a table has changed (often, while it is young).
 */
export const LEXEME_STATISTICS_TTL_MS = 60_000;

/**
 * Estimated document frequencies of the frequent lexemes of a table's `search_vector`: PostgreSQL's own statistics
 * (pg_stats.most_common_elems, kept by ANALYZE and autovacuum, about the 1,000 most frequent lexemes of a sample)
 * times the table's current live row count (pg_stat_user_tables, kept by every insert and delete; the last
 * ANALYZE's count when larger), so the estimates keep pace with a table that grows fast between two ANALYZEs. A
 * lexeme absent from the list is rarer than every listed one. Cached per process for LEXEME_STATISTICS_TTL_MS, so
 * candidate retrieval pays two catalog reads a minute, not one per claim. Before the first ANALYZE of a table
 * nothing is known (every lexeme counts as rare, which is cheap on a table that small).
 */
@Injectable()
export class LexemeStatisticsRepository {
  private readonly cache = new Map<SearchVectorTable, { readAt: number; statistics: LexemeStatistics }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(table: SearchVectorTable): Promise<LexemeStatistics> {
    const cached = this.cache.get(table);
    if (cached && Date.now() - cached.readAt < LEXEME_STATISTICS_TTL_MS) return cached.statistics;
    const [size] = await this.dataSource.query<{ rows: number }[]>(
      `SELECT GREATEST(c.reltuples, COALESCE(u.n_live_tup, 0), 0) AS rows
         FROM pg_class c LEFT JOIN pg_stat_user_tables u ON u.relid = c.oid
        WHERE c.oid = to_regclass($1)`,
      [table],
    );
    const rowCount = Number(size?.rows ?? 0);
    const rows: { lexeme: string; freq: number }[] = await this.dataSource.query(
      `SELECT t.lexeme, t.freq
         FROM pg_stats s
        CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS t(lexeme, freq)
        WHERE s.schemaname = current_schema() AND s.tablename = $1 AND s.attname = 'search_vector'
          AND t.lexeme IS NOT NULL`,
      [table],
    );
    const statistics = {
      rows: rowCount,
      documents: new Map(rows.map((r) => [r.lexeme, Number(r.freq) * rowCount])),
    };
    this.cache.set(table, { readAt: Date.now(), statistics });
    return statistics;
  }

  /** Drops the cached statistics (the next call reads them again), e.g. right after an ANALYZE. */
  forget(): void {
    this.cache.clear();
  }
}
