import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClaimsRepository } from '../claims/claims.repository';
import { PipelineQueueService } from '../pipeline/pipeline-queue.service';

/** A claim whose revision was bumped: its re-verification job is `verify-<id>-r<revision>`. */
export interface ReverificationTicket {
  id: string;
  articleId: string;
  revision: number;
}

/**
 * Re-verification of already verified claims, for any code that changes what a verification saw (a new relation
 * with a later claim, a source merge). Two steps around the caller's commit:
 *
 *   const tickets = await dataSource.transaction((em) => { …change…; return reverification.request(em, ids); });
 *   await reverification.enqueue(tickets);
 *
 * `request` bumps the revision of each claim that is verified at its current revision (a claim already waiting for
 * its re-verification is left alone, so a burst of changes bumps it once). `enqueue` adds one standalone
 * verify-claim job per ticket; if Redis does not take it, the sweep re-queues claims behind their revision.
 */
@Injectable()
export class ReverificationService {
  private readonly logger = new Logger(ReverificationService.name);

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly queue: PipelineQueueService,
  ) {}

  /** Inside the caller's transaction: bumps the revisions; returns what to enqueue after the commit. */
  request(em: EntityManager, claimIds: string[]): Promise<ReverificationTicket[]> {
    return this.claims.bumpRevisionsIfVerified(em, claimIds);
  }

  /** After the commit: queues the re-verifications. Never throws (the sweep re-queues what Redis did not take). */
  async enqueue(tickets: ReverificationTicket[]): Promise<boolean> {
    if (!tickets.length) return true;
    try {
      await this.queue.enqueueReverification(tickets);
      return true;
    } catch (err) {
      this.logger.warn(
        `Could not queue the re-verification of ${tickets.length} claim(s) (${(err as Error).message}); the sweep will`,
      );
      return false;
    }
  }
}
