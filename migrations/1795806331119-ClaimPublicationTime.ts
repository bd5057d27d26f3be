import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim publication time (issue 4, verification throughput): claims.article_published_at holds the publication time
 * of the claim's article, so candidate retrieval checks its time window on the claim row the GIN index returned
 * instead of reading the article of every row (that per-row read was a third of the candidate query's time at 100k
 * claims). Kept by trigger trg_claims_article_published_at on every insert, whatever inserts the claim (extraction,
 * imports, bulk loads); an article's publication time is set when it is stored and never changes. Existing claims
 * are filled in here. Written by hand (TypeORM does not generate triggers); the column matches the entity.
 */
export class ClaimPublicationTime1795806331119 implements MigrationInterface {
  name = 'ClaimPublicationTime1795806331119';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "article_published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "claims" c SET "article_published_at" = a."published_at"
         FROM "articles" a WHERE a."id" = c."article_id" AND a."published_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "claims_article_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         SELECT a."published_at" INTO NEW."article_published_at" FROM "articles" a WHERE a."id" = NEW."article_id";
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_claims_article_published_at" BEFORE INSERT ON "claims"
         FOR EACH ROW EXECUTE FUNCTION "claims_article_published_at"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_claims_article_published_at" ON "claims"`);
    await queryRunner.query(`DROP FUNCTION "claims_article_published_at"()`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "article_published_at"`);
  }
}
