import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface UnhashedClaimRow {
  id: string;
  text: string;
}

export interface ComputedTextHash {
  id: string;
  /** null: the claim is not distinctive (too short); it is marked checked all the same. */
  hash: string | null;
}

/** Named queries of the text hash backfill (claims stored before extraction hashed them). */
@Injectable()
export class TextHashBackfillRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` claims still to hash, in id order, from the partial index ix_claims_text_hash_unchecked
   * (only the claims left to do). SKIP LOCKED: concurrent runs take disjoint batches instead of waiting.
   */
  lockUnhashedBatch(em: EntityManager, limit: number): Promise<UnhashedClaimRow[]> {
    return em.query(
      `SELECT id, text FROM claims
        WHERE text_hash IS NULL AND NOT text_hash_checked
        ORDER BY id LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /**
   * Stores the hashes and marks the claims checked (a null hash stays null: checked, it is never read again). Only
   * claims still unchecked are written, so a repeated call changes nothing. Returns the claims written.
   */
  async saveHashes(em: EntityManager, rows: ComputedTextHash[]): Promise<number> {
    if (!rows.length) return 0;
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE claims c SET text_hash = v.hash, text_hash_checked = true
         FROM unnest($1::uuid[], $2::char(64)[]) AS v(id, hash)
        WHERE c.id = v.id AND c.text_hash IS NULL AND NOT c.text_hash_checked`,
      [rows.map((r) => r.id), rows.map((r) => r.hash)],
    );
    return count;
  }

  /** Claims still to hash (the backfill's progress). */
  async countUnhashed(): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM claims WHERE text_hash IS NULL AND NOT text_hash_checked`,
    );
    return Number(row.n);
  }
}
