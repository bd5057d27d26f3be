import { Module } from '@nestjs/common';
import { ClaimRelationsRepository } from './claim-relations.repository';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

/** Claims with their quantities, attributions and relations: storage and the read API. */
@Module({
  controllers: [ClaimsController],
  providers: [ClaimsRepository, ClaimRelationsRepository, ClaimsService],
  exports: [ClaimsRepository, ClaimRelationsRepository, ClaimsService],
})
export class ClaimsModule {}
