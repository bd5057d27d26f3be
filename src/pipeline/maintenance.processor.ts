import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { PipelineQueueService } from './pipeline-queue.service';
import { SourceEditsService } from '../sources/source-edits.service';
import {
  JOB_RECOMPUTE_SOURCE_CHANGE,
  JOB_SWEEP,
  MAINTENANCE_QUEUE,
  type RecomputeSourceChangePayload,
} from './queues';
import { SweepService } from './sweep.service';

/** The maintenance queue: the periodic sweep, and the recompute after an editor's source merge or split. Registers the sweep's job scheduler at boot. */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly sweeps: SweepService,
    private readonly queue: PipelineQueueService,
    private readonly sourceEdits: SourceEditsService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.scheduleSweep(this.config.sweepIntervalMs);
    } catch (err) {
      // Redis down at boot: the sweep starts with the next process that reaches it; the workers reconnect.
      this.logger.error(`Could not schedule the sweep: ${(err as Error).message}`);
    }
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_SWEEP:
        return this.sweeps.sweep();
      case JOB_RECOMPUTE_SOURCE_CHANGE:
        return this.sourceEdits.recomputeChange((job.data as RecomputeSourceChangePayload).changeId);
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on queue ${MAINTENANCE_QUEUE}`);
    }
  }

  /** Redis outages and lost locks: logged; the worker reconnects and BullMQ retries stalled jobs. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`Worker: ${err.message}`);
  }
}
