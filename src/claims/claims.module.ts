import { Module } from '@nestjs/common';
import { ClaimRelationsRepository } from './claim-relations.repository';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { LexemeStatisticsRepository } from './lexeme-statistics.repository';
import { TextHashBackfillRepository } from './text-hash-backfill.repository';

/** Claims with their quantities, attributions and relations: storage and the read API. */
@Module({
  controllers: [ClaimsController],
  providers: [
    ClaimsRepository,
    ClaimRelationsRepository,
    ClaimsService,
    LexemeStatisticsRepository,
    TextHashBackfillRepository,
  ],
  exports: [
    ClaimsRepository,
    ClaimRelationsRepository,
    ClaimsService,
    LexemeStatisticsRepository,
    TextHashBackfillRepository,
  ],
})
export class ClaimsModule {}
