import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import {
  VerificationService,
  type VerifyClaimCommand,
  type VerifyClaimOutcome,
  type VerifyClaimResult,
} from './verification.service';

/** Batches verified at once by one process (while one waits on the database, the next is compared). */
const BATCHES_IN_FLIGHT = 2;

interface Waiting {
  cmd: VerifyClaimCommand;
  resolve: (outcome: VerifyClaimOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit for claim verification. Each verify-claim job of a worker asks for its claim here; the claims that
 * wait while earlier batches run are verified together in the next batch (VerificationService.verifyClaims: one set
 * of loads, one transaction), at most `verifyBatchSize` claims and BATCHES_IN_FLIGHT batches at a time. When the
 * queue is quiet a batch holds one claim and nothing waits; under load batches grow by themselves. Jobs keep their
 * own ids, retries and failures: when a batch fails, its claims are verified again one by one, so one claim that
 * cannot be verified fails its own job only.
 */
@Injectable()
export class VerificationBatcher {
  private readonly logger = new Logger(VerificationBatcher.name);
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly config: AppConfig,
    private readonly verification: VerificationService,
  ) {}

  verify(cmd: VerifyClaimCommand): Promise<VerifyClaimOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ cmd, resolve, reject });
      this.schedule();
    });
  }

  /** Starts batches on the next turn of the event loop, so that jobs handed over together share one. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < BATCHES_IN_FLIGHT && this.waiting.length) {
      const batch = this.waiting.splice(0, this.config.verifyBatchSize);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        if (this.waiting.length) this.schedule();
      });
    }
  }

  /** Never rejects: every waiting job is settled, with its outcome or its error. */
  private async run(batch: Waiting[]): Promise<void> {
    let results: VerifyClaimResult[];
    try {
      results = await this.verification.verifyClaims(batch.map((w) => w.cmd));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(asError(err));
        return;
      }
      this.logger.warn(
        `Verifying ${batch.length} claims together failed (${asError(err).message}); verifying them one by one`,
      );
      for (const waiting of batch) await this.run([waiting]);
      return;
    }
    results.forEach((result, i) => {
      if ('error' in result) batch[i].reject(result.error);
      else batch[i].resolve(result.outcome);
    });
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
