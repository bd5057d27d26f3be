import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClaimsModule } from '../claims/claims.module';
import { QueueModule } from '../pipeline/queue.module';
import { VerificationModule } from '../verification/verification.module';
import { SourceEditsService } from './source-edits.service';
import { SourceResolutionService } from './source-resolution.service';
import { SourcesController } from './sources.controller';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

/** The source registry: canonical sources across articles (alias resolution at ingest), the read API, editors' merges and splits. */
@Module({
  imports: [ClaimsModule, AuditModule, VerificationModule, QueueModule],
  controllers: [SourcesController],
  providers: [SourcesRepository, SourcesService, SourceResolutionService, SourceEditsService],
  exports: [SourcesRepository, SourcesService, SourceResolutionService, SourceEditsService],
})
export class SourcesModule {}
