import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TextHashBackfillRepository } from '../claims/text-hash-backfill.repository';
import { claimTextHash } from '../claims/text-hash';

/** Claims hashed per transaction. */
export const TEXT_HASH_BATCH = 500;
/** Batches per backfill run (one run per sweep): at most TEXT_HASH_BATCH × this many claims per sweep. */
export const TEXT_HASH_BATCHES_PER_RUN = 4;

export interface BackfillOutcome {
  /** Claims looked at and marked checked. */
  checked: number;
  /** Of those, claims that got a hash (distinctive text). */
  hashed: number;
}

/**
 * Claims stored before extraction computed text_hash (the WireCopies migration) have none, so wire-copy detection
 * never finds them. The sweep runs this in bounded batches until none is left: each batch locks claims still
 * unchecked (SKIP LOCKED, so processes split the work), hashes their text with the function extraction uses, and
 * stores the hash (null for a text too short to be distinctive) with the checked mark in the same transaction.
 * Resumable (progress is the mark itself), idempotent (only unchecked claims are written), and a claim is looked
 * at once, hash or not. Only hashes are written: articles stored before are not regrouped among themselves; a
 * copy extracted after the backfill finds them.
 */
@Injectable()
export class WireHashBackfillService {
  private readonly logger = new Logger(WireHashBackfillService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TextHashBackfillRepository,
  ) {}

  /** One batch in one transaction. */
  async runBatch(limit = TEXT_HASH_BATCH): Promise<BackfillOutcome> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.repository.lockUnhashedBatch(em, limit);
      const computed = rows.map((r) => ({ id: r.id, hash: claimTextHash(r.text) }));
      const checked = await this.repository.saveHashes(em, computed);
      return { checked, hashed: computed.filter((c) => c.hash !== null).length };
    });
  }

  /** Up to `batches` batches, stopping at the first short one (nothing left, or the rest locked elsewhere). */
  async backfill(batches = TEXT_HASH_BATCHES_PER_RUN, limit = TEXT_HASH_BATCH): Promise<BackfillOutcome> {
    const total: BackfillOutcome = { checked: 0, hashed: 0 };
    for (let i = 0; i < batches; i++) {
      const outcome = await this.runBatch(limit);
      total.checked += outcome.checked;
      total.hashed += outcome.hashed;
      if (outcome.checked < limit) break;
    }
    if (total.checked) {
      this.logger.log(`Text hash backfill: ${total.checked} claim(s) checked, ${total.hashed} hashed`);
    }
    return total;
  }
}
