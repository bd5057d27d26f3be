import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wire copies (issue 4): claims.text_hash (SHA-256 of the claim's normalized wire text, null for short claims) with
 * ix_claims_text_hash, which extraction uses to find the articles carrying the same copy, and
 * articles.wire_origin_article_id (the first article of the wire group) with its index and foreign key. Claims
 * stored before this migration keep a null hash, so older articles are never found as wire copies. Generated with
 * `migration:generate`.
 */

export class WireCopies1795787315436 implements MigrationInterface {
  name = 'WireCopies1795787315436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "articles" ADD "wire_origin_article_id" uuid`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "text_hash" character(64)`);
    await queryRunner.query(
      `CREATE INDEX "ix_articles_wire_origin_article_id" ON "articles" ("wire_origin_article_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_claims_text_hash" ON "claims" ("text_hash") `);
    await queryRunner.query(
      `ALTER TABLE "articles" ADD CONSTRAINT "fk_articles_wire_origin_article_id" FOREIGN KEY ("wire_origin_article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "articles" DROP CONSTRAINT "fk_articles_wire_origin_article_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claims_text_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_wire_origin_article_id"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "text_hash"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "wire_origin_article_id"`);
  }
}
