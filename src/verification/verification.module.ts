import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { VerificationRunsRepository } from './verification-runs.repository';
import { VerificationService } from './verification.service';
import { NewsroomEventsModule } from '../webhooks/newsroom-events.module';
import { FactChecksModule } from '../fact-checks/fact-checks.module';
import { QueueModule } from '../pipeline/queue.module';
import { ReverificationService } from './reverification.service';
import { VerificationBatcher } from './verification-batcher.service';

/** Claim verification: relations across claims and the agreement status they give. */
@Module({
  imports: [ClaimsModule, AuditModule, NewsroomEventsModule, FactChecksModule, QueueModule],
  providers: [VerificationService, VerificationBatcher, VerificationRunsRepository, ReverificationService],
  exports: [VerificationService, VerificationBatcher, VerificationRunsRepository, ReverificationService],
})
export class VerificationModule {}
