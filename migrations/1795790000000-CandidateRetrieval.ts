import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate retrieval reads the full-text GIN indexes once per verified claim. With GIN's fast update on, new
 * entries wait in a pending list (up to gin_pending_list_limit, 4 MB) that every search scans from end to end until
 * a vacuum merges it: tens of milliseconds per query once the list is full, whatever the query. Fast update off:
 * each insert updates the index itself (a few posting lists per claim), and a search reads only the posting lists
 * of its own lexemes.
 * Candidate retrieval also reads the lexeme frequencies ANALYZE keeps for claims.search_vector (pg_stats
 * most_common_elems): statistics target 500 keeps about 5,000 lexemes instead of 1,000, so the frequent ones are
 * known in corpora of a million claims and more.
 */
export class CandidateRetrieval1795790000000 implements MigrationInterface {
  name = 'CandidateRetrieval1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "ix_claims_search_vector" SET (fastupdate = off)`);
    await queryRunner.query(`ALTER INDEX "ix_fact_checks_search_vector" SET (fastupdate = off)`);
    await queryRunner.query(`ALTER TABLE "claims" ALTER COLUMN "search_vector" SET STATISTICS 500`);
    // Entries already pending are merged now (turning fast update off does not flush them).
    await queryRunner.query(`SELECT gin_clean_pending_list('ix_claims_search_vector')`);
    await queryRunner.query(`SELECT gin_clean_pending_list('ix_fact_checks_search_vector')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ALTER COLUMN "search_vector" SET STATISTICS -1`);
    await queryRunner.query(`ALTER INDEX "ix_fact_checks_search_vector" RESET (fastupdate)`);
    await queryRunner.query(`ALTER INDEX "ix_claims_search_vector" RESET (fastupdate)`);
  }
}
