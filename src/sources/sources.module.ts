import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { SourcesController } from './sources.controller';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

/** The source registry: canonical sources across articles, and the read API. */
@Module({
  imports: [ClaimsModule],
  controllers: [SourcesController],
  providers: [SourcesRepository, SourcesService],
  exports: [SourcesRepository, SourcesService],
})
export class SourcesModule {}
