import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: articles, claims (with a generated tsvector and its GIN index), quantities, sources (canonical,
 * anonymous never merged), attributions, claim_relations (ordered unique pair), verification_runs, audit_log, api_keys.
 * Generated with `migration:generate`, then edited by hand: pg_trgm and the two GIN indexes TypeORM cannot express
 * (their entities mark them `synchronize: false`), and the generated-column metadata row keyed on the current database.
 */

export class InitialSchema1795775376036 implements MigrationInterface {
  name = 'InitialSchema1795775376036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pgcrypto"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pg_trgm"`);
    await queryRunner.query(
      `CREATE TYPE "public"."article_status" AS ENUM('received', 'extracted', 'verified', 'failed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "content_hash" character(64) NOT NULL, "text" text NOT NULL, "title" text, "url" text, "outlet" text, "published_at" TIMESTAMP WITH TIME ZONE, "status" "public"."article_status" NOT NULL DEFAULT 'received', "failure_reason" text, "language" character varying(8), "claim_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "extracted_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_articles" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_articles_content_hash" ON "articles" ("content_hash") `);
    await queryRunner.query(
      `CREATE INDEX "ix_articles_status_updated_at" ON "articles" ("status", "updated_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_articles_created_at_id" ON "articles" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_entity_type_entity_id_at" ON "audit_log" ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."api_key_role" AS ENUM('admin', 'editor', 'factchecker', 'integration')`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "role" "public"."api_key_role" NOT NULL, "key_hash" character(64) NOT NULL, "key_prefix" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys" ("key_hash") `);
    await queryRunner.query(
      `CREATE TYPE "public"."source_type" AS ENUM('person', 'government', 'organization', 'media', 'document', 'anonymous')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "normalized_key" text NOT NULL, "type" "public"."source_type" NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "role" text, "affiliation" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sources" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_sources_normalized_key_type" ON "sources" ("normalized_key", "type") WHERE "type" <> 'anonymous'`,
    );
    // Substring search on source names (GET /v1/sources?q=).
    await queryRunner.query(
      `CREATE INDEX "ix_sources_name_trgm" ON "sources" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."agreement_status" AS ENUM('pending', 'unattributed', 'single_source', 'corroborated', 'conflicting')`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        await queryRunner.getCurrentDatabase(),
        'public',
        'claims',
        'GENERATED_COLUMN',
        'search_vector',
        'to_tsvector(\'english\', "text")',
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "span_start" integer NOT NULL, "span_end" integer NOT NULL, "sentence" integer NOT NULL, "text" text NOT NULL, "checkworthy" boolean NOT NULL, "score" double precision NOT NULL, "negated" boolean NOT NULL DEFAULT false, "agreement_status" "public"."agreement_status" NOT NULL DEFAULT 'pending', "agreeing_origins" integer NOT NULL DEFAULT '0', "conflicting_origins" integer NOT NULL DEFAULT '0', "revision" integer NOT NULL DEFAULT '1', "verified_revision" integer, "verified_at" TIMESTAMP WITH TIME ZONE, "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_claims" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claims_agreement_status_created_at_id" ON "claims" ("agreement_status", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_claims_created_at_id" ON "claims" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_claims_article_id_span_start" ON "claims" ("article_id", "span_start") `,
    );
    // Candidate retrieval for verification (full-text search over all stored claims).
    await queryRunner.query(`CREATE INDEX "ix_claims_search_vector" ON "claims" USING gin ("search_vector")`);
    await queryRunner.query(`CREATE TYPE "public"."attribution_role" AS ENUM('primary', 'via')`);
    await queryRunner.query(
      `CREATE TABLE "attributions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "source_id" uuid NOT NULL, "role" "public"."attribution_role" NOT NULL, "cue_start" integer, "cue_end" integer, "cue_text" text, "mention_start" integer, "mention_end" integer, "mention_text" text, CONSTRAINT "pk_attributions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attributions_source_id" ON "attributions" ("source_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attributions_claim_id_source_id_role" ON "attributions" ("claim_id", "source_id", "role") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."relation_kind" AS ENUM('agree', 'conflict')`);
    await queryRunner.query(
      `CREATE TABLE "claim_relations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_a_id" uuid NOT NULL, "claim_b_id" uuid NOT NULL, "relation" "public"."relation_kind" NOT NULL, "score" double precision NOT NULL, "method" text NOT NULL, "explanation" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_claim_relations_ordered_pair" CHECK ("claim_a_id" < "claim_b_id"), CONSTRAINT "pk_claim_relations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_relations_claim_b_id" ON "claim_relations" ("claim_b_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_claim_relations_claim_a_id_claim_b_id" ON "claim_relations" ("claim_a_id", "claim_b_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."quantity_bound" AS ENUM('exact', 'approx', 'at_least', 'at_most', 'range', 'vague')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."quantity_change" AS ENUM('up', 'down')`);
    await queryRunner.query(
      `CREATE TYPE "public"."quantity_kind" AS ENUM('count', 'percent', 'money', 'measure', 'ordinal', 'year')`,
    );
    await queryRunner.query(
      `CREATE TABLE "quantities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "span_start" integer NOT NULL, "span_end" integer NOT NULL, "text" text NOT NULL, "value" numeric, "high" numeric, "bound" "public"."quantity_bound" NOT NULL, "unit" text, "change" "public"."quantity_change", "kind" "public"."quantity_kind" NOT NULL, CONSTRAINT "pk_quantities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quantities_claim_id_span_start" ON "quantities" ("claim_id", "span_start") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."verification_run_status" AS ENUM('succeeded', 'failed')`);
    await queryRunner.query(
      `CREATE TABLE "verification_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "status" "public"."verification_run_status" NOT NULL, "revision" integer NOT NULL, "attempt" integer NOT NULL, "job_id" text, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "result" jsonb, "error" text, CONSTRAINT "pk_verification_runs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verification_runs_claim_id_started_at" ON "verification_runs" ("claim_id", "started_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "fk_claims_article_id" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attributions" ADD CONSTRAINT "fk_attributions_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attributions" ADD CONSTRAINT "fk_attributions_source_id" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_relations" ADD CONSTRAINT "fk_claim_relations_claim_a_id" FOREIGN KEY ("claim_a_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_relations" ADD CONSTRAINT "fk_claim_relations_claim_b_id" FOREIGN KEY ("claim_b_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quantities" ADD CONSTRAINT "fk_quantities_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verification_runs" ADD CONSTRAINT "fk_verification_runs_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "verification_runs" DROP CONSTRAINT "fk_verification_runs_claim_id"`,
    );
    await queryRunner.query(`ALTER TABLE "quantities" DROP CONSTRAINT "fk_quantities_claim_id"`);
    await queryRunner.query(`ALTER TABLE "claim_relations" DROP CONSTRAINT "fk_claim_relations_claim_b_id"`);
    await queryRunner.query(`ALTER TABLE "claim_relations" DROP CONSTRAINT "fk_claim_relations_claim_a_id"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "fk_attributions_source_id"`);
    await queryRunner.query(`ALTER TABLE "attributions" DROP CONSTRAINT "fk_attributions_claim_id"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "fk_claims_article_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_verification_runs_claim_id_started_at"`);
    await queryRunner.query(`DROP TABLE "verification_runs"`);
    await queryRunner.query(`DROP TYPE "public"."verification_run_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quantities_claim_id_span_start"`);
    await queryRunner.query(`DROP TABLE "quantities"`);
    await queryRunner.query(`DROP TYPE "public"."quantity_kind"`);
    await queryRunner.query(`DROP TYPE "public"."quantity_change"`);
    await queryRunner.query(`DROP TYPE "public"."quantity_bound"`);
    await queryRunner.query(`DROP INDEX "public"."uq_claim_relations_claim_a_id_claim_b_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_relations_claim_b_id"`);
    await queryRunner.query(`DROP TABLE "claim_relations"`);
    await queryRunner.query(`DROP TYPE "public"."relation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_attributions_claim_id_source_id_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attributions_source_id"`);
    await queryRunner.query(`DROP TABLE "attributions"`);
    await queryRunner.query(`DROP TYPE "public"."attribution_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_search_vector"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_article_id_span_start"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_created_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_agreement_status_created_at_id"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search_vector', await queryRunner.getCurrentDatabase(), 'public', 'claims'],
    );
    await queryRunner.query(`DROP TYPE "public"."agreement_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sources_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."uq_sources_normalized_key_type"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP TYPE "public"."source_type"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_key_hash"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity_type_entity_id_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_created_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_status_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_articles_content_hash"`);
    await queryRunner.query(`DROP TABLE "articles"`);
    await queryRunner.query(`DROP TYPE "public"."article_status"`);
  }
}
