import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text hash backfill (issue 4): claims stored before WireCopies have a null text_hash, so wire-copy detection never
 * finds them. claims.text_hash_checked is false for every claim that exists now (added with that default: no table
 * rewrite) and true for claims stored from now on (extraction hashes them); the backfill (WireHashBackfillService,
 * run by the sweep in bounded batches) hashes the unchecked claims without a hash and marks them checked.
 * ix_claims_text_hash_unchecked holds exactly the claims left to do. Generated with `migration:generate`, then the
 * two-step default by hand.
 */
export class TextHashBackfill1795797304798 implements MigrationInterface {
  name = 'TextHashBackfill1795797304798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "text_hash_checked" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "claims" ALTER COLUMN "text_hash_checked" SET DEFAULT true`);
    await queryRunner.query(
      `CREATE INDEX "ix_claims_text_hash_unchecked" ON "claims" ("id") WHERE "text_hash" IS NULL AND NOT "text_hash_checked"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_claims_text_hash_unchecked"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "text_hash_checked"`);
  }
}
