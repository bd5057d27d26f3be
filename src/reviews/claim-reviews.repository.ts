import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ClaimReview } from './claim-review.entity';

export interface PublishedCursor {
  publishedAt: string;
  claimId: string;
}

export type ReviewChanges = Partial<
  Pick<
    ClaimReview,
    | 'status'
    | 'rating'
    | 'summary'
    | 'evidence'
    | 'reviewerKeyId'
    | 'editorKeyId'
    | 'editorComment'
    | 'reopenReason'
    | 'submittedAt'
    | 'publishedAt'
  >
>;

/** Named queries on claim_reviews. Writes bump `version` and check the expected one (optimistic concurrency). */
@Injectable()
export class ClaimReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(ClaimReview);
  }

  find(claimId: string, em?: EntityManager): Promise<ClaimReview | null> {
    return this.repo(em).findOneBy({ claimId });
  }

  /** Reads the claim's review and locks it until the transaction ends. */
  lock(em: EntityManager, claimId: string): Promise<ClaimReview | null> {
    return this.repo(em)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.claim_id = :claimId', { claimId })
      .getOne();
  }

  async insert(em: EntityManager, values: ReviewChanges & { claimId: string }): Promise<ClaimReview> {
    await this.repo(em).insert({ ...values, version: 1 });
    return this.repo(em).findOneByOrFail({ claimId: values.claimId });
  }

  /** Applies the changes when the stored version is `expectedVersion`; null when it is not (someone wrote first). */
  async update(
    em: EntityManager,
    claimId: string,
    expectedVersion: number,
    changes: ReviewChanges,
  ): Promise<ClaimReview | null> {
    const result = await this.repo(em)
      .createQueryBuilder()
      .update(ClaimReview)
      .set({ ...(changes as QueryDeepPartialEntity<ClaimReview>), version: () => 'version + 1' })
      .where('claim_id = :claimId AND version = :expectedVersion', { claimId, expectedVersion })
      .execute();
    if (!result.affected) return null;
    return this.repo(em).findOneByOrFail({ claimId });
  }

  /** Published reviews from `since` on, oldest first, keyset on (published_at, claim_id). Fetches `limit + 1`. */
  listPublished(since: Date | undefined, limit: number, after?: PublishedCursor): Promise<ClaimReview[]> {
    const qb = this.repo()
      .createQueryBuilder('r')
      .where(`r.status = 'published'`)
      .orderBy('r.published_at', 'ASC')
      .addOrderBy('r.claim_id', 'ASC')
      .limit(limit + 1);
    if (since) qb.andWhere('r.published_at >= :since', { since });
    if (after) {
      qb.andWhere('(r.published_at, r.claim_id) > (:publishedAt, :claimId)', {
        publishedAt: after.publishedAt,
        claimId: after.claimId,
      });
    }
    return qb.getMany();
  }
}
