import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-verification (issue 4): a partial index on the claims behind their revision (verified_revision < revision),
 * which the sweep reads to re-queue re-verification jobs that never reached Redis. Generated with
 * `migration:generate`.
 */
export class ClaimReverification1795786775309 implements MigrationInterface {
  name = 'ClaimReverification1795786775309';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_claims_stale_revision" ON "claims" ("updated_at") WHERE "verified_revision" < "revision"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_claims_stale_revision"`);
  }
}
