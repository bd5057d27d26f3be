import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review queue: a partial index for the outlet + agreement status filter of the listing, and one over the unleased
 * open items for POST /v1/review-queue/next (live leases at the top of the queue are no longer walked over).
 */
export class ReviewQueueIndexes1795787141914 implements MigrationInterface {
  name = 'ReviewQueueIndexes1795787141914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_unleased_priority_claim_id" ON "review_queue_items" ("priority", "claim_id") WHERE "open" AND "lease_expires_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_queue_items_outlet_agreement_status_priority_claim_id" ON "review_queue_items" ("outlet", "agreement_status", "priority", "claim_id") WHERE "open"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX "public"."ix_review_queue_items_outlet_agreement_status_priority_claim_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_review_queue_items_unleased_priority_claim_id"`);
  }
}
