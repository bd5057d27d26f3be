import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook signing secrets are stored encrypted (AES-256-GCM under WEBHOOK_SECRET_KEY) in `secret_ciphertext`.
 * Existing clear-text secrets are kept, renamed to `legacy_secret` (the key is not available to migrations): the
 * service encrypts them at its next start with a key, and signs with them until then.
 */
export class WebhookSecretEncryption1795788328552 implements MigrationInterface {
  name = 'WebhookSecretEncryption1795788328552';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" RENAME COLUMN "secret" TO "legacy_secret"`);
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "legacy_secret" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "secret_ciphertext" text`);
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "ck_webhooks_secret_stored" CHECK ("secret_ciphertext" IS NOT NULL OR "legacy_secret" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const encrypted: { n: number }[] = await queryRunner.query(
      `SELECT count(*)::int AS n FROM "webhooks" WHERE "legacy_secret" IS NULL`,
    );
    if (encrypted[0]?.n) {
      throw new Error(
        `${encrypted[0].n} webhook secret(s) exist only encrypted; SQL cannot decrypt them. Delete those webhooks ` +
          'or keep this migration.',
      );
    }
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "ck_webhooks_secret_stored"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "secret_ciphertext"`);
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "legacy_secret" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "webhooks" RENAME COLUMN "legacy_secret" TO "secret"`);
  }
}
