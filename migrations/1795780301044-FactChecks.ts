import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prior fact-checks (issue 4): fact_checks (imported ClaimReview / Google Fact Check Tools records, with a generated
 * tsvector of the claim reviewed) and claim_fact_check_matches (claim ↔ fact-check, unique pair, score and method).
 * Generated with `migration:generate`, then edited by hand: the GIN index and the unique (url, md5(claim_reviewed))
 * index that the entity marks `synchronize: false`, and the generated-column metadata row keyed on the current
 * database.
 */

export class FactChecks1795780301044 implements MigrationInterface {
  name = 'FactChecks1795780301044';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        await queryRunner.getCurrentDatabase(),
        'public',
        'fact_checks',
        'GENERATED_COLUMN',
        'search_vector',
        'to_tsvector(\'english\', "claim_reviewed")',
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "fact_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_reviewed" text NOT NULL, "rating_text" text, "rating_value" double precision, "best_rating" double precision, "worst_rating" double precision, "verdict" text, "reviewer_name" text, "reviewer_site" text, "url" text NOT NULL, "title" text, "date_published" TIMESTAMP WITH TIME ZONE, "claim_date" TIMESTAMP WITH TIME ZONE, "claimant" text, "language" character varying(16), "raw" jsonb NOT NULL, "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "claim_reviewed")) STORED NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_fact_checks" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_fact_checks_created_at_id" ON "fact_checks" ("created_at", "id") `,
    );
    // One row per (url, claim reviewed): the import upserts on it. md5 keeps long texts within a btree entry.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_fact_checks_url_claim_reviewed" ON "fact_checks" ("url", md5("claim_reviewed"))`,
    );
    // Candidate retrieval when matching claims against fact-checks (and GET /v1/fact-checks?q=).
    await queryRunner.query(
      `CREATE INDEX "ix_fact_checks_search_vector" ON "fact_checks" USING gin ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_fact_check_matches" ("claim_id" uuid NOT NULL, "fact_check_id" uuid NOT NULL, "score" double precision NOT NULL, "method" text NOT NULL, "explanation" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_claim_fact_check_matches" PRIMARY KEY ("claim_id", "fact_check_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_fact_check_matches_fact_check_id" ON "claim_fact_check_matches" ("fact_check_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_fact_check_matches" ADD CONSTRAINT "fk_claim_fact_check_matches_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_fact_check_matches" ADD CONSTRAINT "fk_claim_fact_check_matches_fact_check_id" FOREIGN KEY ("fact_check_id") REFERENCES "fact_checks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "claim_fact_check_matches" DROP CONSTRAINT "fk_claim_fact_check_matches_fact_check_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_fact_check_matches" DROP CONSTRAINT "fk_claim_fact_check_matches_claim_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_claim_fact_check_matches_fact_check_id"`);
    await queryRunner.query(`DROP TABLE "claim_fact_check_matches"`);
    await queryRunner.query(`DROP INDEX "public"."ix_fact_checks_search_vector"`);
    await queryRunner.query(`DROP INDEX "public"."uq_fact_checks_url_claim_reviewed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_fact_checks_created_at_id"`);
    await queryRunner.query(`DROP TABLE "fact_checks"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search_vector', await queryRunner.getCurrentDatabase(), 'public', 'fact_checks'],
    );
  }
}
