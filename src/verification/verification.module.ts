import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { VerificationRunsRepository } from './verification-runs.repository';
import { VerificationService } from './verification.service';

/** Claim verification: relations across claims and the agreement status they give. */
@Module({
  imports: [ClaimsModule, AuditModule],
  providers: [VerificationService, VerificationRunsRepository],
  exports: [VerificationService, VerificationRunsRepository],
})
export class VerificationModule {}
