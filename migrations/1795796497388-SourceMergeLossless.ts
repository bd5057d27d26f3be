import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lossless source merge and split (issue 4): attributions.merged_from_id records the source an attribution was
 * moved away from by a merge (a split of that source returns it), and absorbed_attributions keeps the attributions
 * a merge could not move because the target already cited the claim in that role (they were deleted before).
 * Attributions merged before this migration have no record of where they came from. Generated with
 * `migration:generate`.
 */

export class SourceMergeLossless1795796497388 implements MigrationInterface {
  name = 'SourceMergeLossless1795796497388';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "absorbed_attributions" ("id" uuid NOT NULL, "claim_id" uuid NOT NULL, "source_id" uuid NOT NULL, "role" "public"."attribution_role" NOT NULL, "cue_start" integer, "cue_end" integer, "cue_text" text, "mention_start" integer, "mention_end" integer, "mention_text" text, "absorbed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_absorbed_attributions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_absorbed_attributions_source_id" ON "absorbed_attributions" ("source_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_absorbed_attributions_claim_id" ON "absorbed_attributions" ("claim_id") `,
    );
    await queryRunner.query(`ALTER TABLE "attributions" ADD "merged_from_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "attributions" ADD CONSTRAINT "fk_attributions_merged_from_id" FOREIGN KEY ("merged_from_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absorbed_attributions" ADD CONSTRAINT "fk_absorbed_attributions_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absorbed_attributions" ADD CONSTRAINT "fk_absorbed_attributions_source_id" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "absorbed_attributions" DROP CONSTRAINT "fk_absorbed_attributions_source_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "absorbed_attributions" DROP CONSTRAINT "fk_absorbed_attributions_claim_id"`,
    );
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "fk_attributions_merged_from_id"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP COLUMN "merged_from_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_absorbed_attributions_claim_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_absorbed_attributions_source_id"`);
    await queryRunner.query(`DROP TABLE "absorbed_attributions"`);
  }
}
