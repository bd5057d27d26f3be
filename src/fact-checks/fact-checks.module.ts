import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { ClaimFactChecksController } from './claim-fact-checks.controller';
import { FactCheckMatchingService } from './fact-check-matching.service';
import { FactChecksController } from './fact-checks.controller';
import { FactChecksRepository } from './fact-checks.repository';
import { FactChecksService } from './fact-checks.service';

/**
 * Prior fact-checks (issue 4): import of published ClaimReview / Google Fact Check Tools documents, the read API,
 * and matching claims against them (FactCheckMatchingService, also called by verification).
 */
@Module({
  imports: [ClaimsModule],
  controllers: [FactChecksController, ClaimFactChecksController],
  providers: [FactChecksRepository, FactChecksService, FactCheckMatchingService],
  exports: [FactChecksService, FactCheckMatchingService],
})
export class FactChecksModule {}
