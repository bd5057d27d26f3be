import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review desk (issue 5): review_queue_items (priority, reasons and lease per check-worthy claim),
 * claim_reviews (verdicts with a version for optimistic concurrency), webhooks and webhook_deliveries, and the
 * single-row workspace_settings. Generated with `migration:generate`; every index and constraint is named.
 */

export class ReviewDesk1795776046570 implements MigrationInterface {
  name = 'ReviewDesk1795776046570';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_queue_items" ("claim_id" uuid NOT NULL, "article_id" uuid NOT NULL, "outlet" text, "agreement_status" text NOT NULL, "priority" double precision NOT NULL, "reasons" text array NOT NULL DEFAULT '{}', "open" boolean NOT NULL DEFAULT true, "lease_holder_key_id" uuid, "lease_expires_at" TIMESTAMP(3) WITH TIME ZONE, "leased_at" TIMESTAMP(3) WITH TIME ZONE, "lease_renewals" integer NOT NULL DEFAULT '0', "refreshed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_review_queue_items" PRIMARY KEY ("claim_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_lease_expires_at" ON "review_queue_items" ("lease_expires_at") WHERE "lease_expires_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_lease_holder_key_id" ON "review_queue_items" ("lease_holder_key_id") WHERE "lease_holder_key_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_article_id" ON "review_queue_items" ("article_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_outlet_priority_claim_id" ON "review_queue_items" ("outlet", "priority", "claim_id") WHERE "open"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_agreement_status_priority_claim_id" ON "review_queue_items" ("agreement_status", "priority", "claim_id") WHERE "open"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_priority_claim_id" ON "review_queue_items" ("priority", "claim_id") WHERE "open"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."review_status" AS ENUM('pending_approval', 'returned', 'published', 'reopened')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."review_rating" AS ENUM('true', 'mostly_true', 'mixed', 'misleading', 'false', 'unverifiable')`,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_reviews" ("claim_id" uuid NOT NULL, "status" "public"."review_status" NOT NULL, "rating" "public"."review_rating" NOT NULL, "summary" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '[]', "reviewer_key_id" uuid NOT NULL, "editor_key_id" uuid, "editor_comment" text, "reopen_reason" text, "version" integer NOT NULL DEFAULT '1', "submitted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_claim_reviews" PRIMARY KEY ("claim_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_reviews_status_updated_at" ON "claim_reviews" ("status", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_claim_reviews_published_at_claim_id" ON "claim_reviews" ("published_at", "claim_id") WHERE "status" = 'published'`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "events" text array NOT NULL, "secret" text NOT NULL, "created_by_key_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_webhooks" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'failed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event" text NOT NULL, "data" jsonb NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "delivered_at" TIMESTAMP(3) WITH TIME ZONE, "redelivery_of" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_status_created_at" ON "webhook_deliveries" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_webhook_id_created_at_id" ON "webhook_deliveries" ("webhook_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workspace_settings" ("id" smallint NOT NULL, "require_second_review" boolean NOT NULL DEFAULT false, "lease_seconds" integer NOT NULL DEFAULT '900', "organization_name" text NOT NULL DEFAULT 'claimtrail', "organization_url" text, "review_url_template" text, "webhook_max_attempts" integer NOT NULL DEFAULT '8', "webhook_backoff_ms" integer NOT NULL DEFAULT '5000', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_workspace_settings_single_row" CHECK ("id" = 1), CONSTRAINT "pk_workspace_settings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_queue_items" ADD CONSTRAINT "fk_review_queue_items_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_reviews" ADD CONSTRAINT "fk_claim_reviews_claim_id" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "fk_webhook_deliveries_webhook_id" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_webhook_id"`,
    );
    await queryRunner.query(`ALTER TABLE "claim_reviews" DROP CONSTRAINT "fk_claim_reviews_claim_id"`);
    await queryRunner.query(
      `ALTER TABLE "review_queue_items" DROP CONSTRAINT "fk_review_queue_items_claim_id"`,
    );
    await queryRunner.query(`DROP TABLE "workspace_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_webhook_deliveries_webhook_id_created_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_webhook_deliveries_status_created_at"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_reviews_published_at_claim_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_reviews_status_updated_at"`);
    await queryRunner.query(`DROP TABLE "claim_reviews"`);
    await queryRunner.query(`DROP TYPE "public"."review_rating"`);
    await queryRunner.query(`DROP TYPE "public"."review_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_priority_claim_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_agreement_status_priority_claim_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_outlet_priority_claim_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_article_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_lease_holder_key_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_lease_expires_at"`);
    await queryRunner.query(`DROP TABLE "review_queue_items"`);
  }
}
