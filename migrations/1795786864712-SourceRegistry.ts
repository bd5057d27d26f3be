import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Source registry (issue 4): alias resolution keys on sources (match_keys + GIN index ix_sources_match_keys, made by
 * hand; surname_key for persons), editors' merges (merged_into_id, merged_at) and source_changes (merges and splits
 * whose claims' agreement is still to be recomputed). Generated with `migration:generate`, then edited by hand: the
 * GIN index and the backfill of the keys of existing sources (the SQL normalization approximates normalizeSourceKey:
 * lower case, non-alphanumerics to spaces, no accent folding; new writes use the TypeScript one).
 */

export class SourceRegistry1795786864712 implements MigrationInterface {
  name = 'SourceRegistry1795786864712';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "source_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "source_id" uuid NOT NULL, "target_id" uuid NOT NULL, "claim_ids" uuid array NOT NULL, "actor" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "recomputed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "pk_source_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_source_changes_created_at" ON "source_changes" ("created_at") WHERE "recomputed_at" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "sources" ADD "match_keys" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "surname_key" text`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "merged_into_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "merged_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_sources_merged_into_id" ON "sources" ("merged_into_id") WHERE "merged_into_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_sources_surname_key" ON "sources" ("surname_key") WHERE "surname_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "fk_sources_merged_into_id" FOREIGN KEY ("merged_into_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sources_match_keys" ON "sources" USING gin ("match_keys")`);
    await queryRunner.query(
      `UPDATE "sources" SET
               "match_keys" = ARRAY(SELECT DISTINCT k FROM (
                   SELECT "normalized_key" AS k
                   UNION ALL
                   SELECT btrim(regexp_replace(regexp_replace(lower(a), '[''’]s\\M', '', 'g'), '[^[:alnum:]]+', ' ', 'g')) FROM unnest("aliases") a
                 ) keys WHERE k <> ''),
               "surname_key" = CASE WHEN "type" = 'person' AND "normalized_key" <> ''
                                    THEN (regexp_split_to_array("normalized_key", ' '))[array_length(regexp_split_to_array("normalized_key", ' '), 1)]
                               END`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_sources_match_keys"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "fk_sources_merged_into_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sources_surname_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sources_merged_into_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "merged_at"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "merged_into_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "surname_key"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "match_keys"`);
    await queryRunner.query(`DROP INDEX "public"."ix_source_changes_created_at"`);
    await queryRunner.query(`DROP TABLE "source_changes"`);
  }
}
