import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Article, ArticleStatus } from './article.entity';

export interface NewArticle {
  contentHash: string;
  text: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  publishedAt: Date | null;
}

export interface ArticleCursor {
  createdAt: string;
  id: string;
}

/** Named queries on `articles`. Methods taking an EntityManager run inside the caller's transaction. */
@Injectable()
export class ArticlesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Article);
  }

  /**
   * Inserts the article unless one with the same content hash exists (race-safe: ON CONFLICT DO NOTHING).
   * Returns the stored article and whether this call created it.
   */
  async insertUnlessDuplicate(values: NewArticle): Promise<{ article: Article; created: boolean }> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .into(Article)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const insertedId = (result.raw as { id: string }[])[0]?.id;
    const article = await this.repo().findOneByOrFail(
      insertedId ? { id: insertedId } : { contentHash: values.contentHash },
    );
    return { article, created: insertedId !== undefined };
  }

  findById(id: string, em?: EntityManager): Promise<Article | null> {
    return this.repo(em).findOneBy({ id });
  }

  /** Reads the article and locks its row until the transaction ends (one extraction at a time per article). */
  findByIdForUpdate(em: EntityManager, id: string): Promise<Article | null> {
    return this.repo(em)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  /** Newest first, keyset-paginated on (created_at, id). Fetches `limit + 1` rows. */
  listPage(limit: number, after?: ArticleCursor): Promise<Article[]> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .select([
        'a.id',
        'a.title',
        'a.url',
        'a.outlet',
        'a.publishedAt',
        'a.status',
        'a.claimCount',
        'a.createdAt',
        'a.failureReason',
        'a.wireOriginArticleId',
      ])
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      qb.where('(a.created_at, a.id) < (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    }
    return qb.getMany();
  }

  async markExtracted(em: EntityManager, id: string, language: string, claimCount: number): Promise<void> {
    await this.repo(em).update(
      { id },
      { status: 'extracted', language, claimCount, extractedAt: () => 'now()', failureReason: null },
    );
  }

  /** Records the article as a wire copy of `originId` (the first article of its wire group). */
  async setWireOrigin(em: EntityManager, id: string, originId: string): Promise<void> {
    await this.repo(em).update({ id }, { wireOriginArticleId: originId });
  }

  /** extracted → verified; returns false when the article was not in 'extracted' (already verified, failed). */
  async markVerified(id: string): Promise<boolean> {
    const result = await this.repo().update(
      { id, status: 'extracted' },
      { status: 'verified', verifiedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Any non-final state → failed, with a reason a user can read. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.repo()
      .createQueryBuilder()
      .update(Article)
      .set({ status: 'failed', failureReason: reason.slice(0, 2000) })
      .where('id = :id AND status IN (:...open)', {
        id,
        open: ['received', 'extracted'] satisfies ArticleStatus[],
      })
      .execute();
  }

  /** Ids of articles in `status` whose last change is older than `olderThanMs` (the sweep's work), oldest first. */
  async findStaleIds(status: ArticleStatus, olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM articles
        WHERE status = $1 AND updated_at < now() - make_interval(secs => $2::double precision / 1000)
        ORDER BY updated_at LIMIT $3`,
      [status, olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }
}
