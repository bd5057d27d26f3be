import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { SourceResolutionService } from './source-resolution.service';
import { SourcesController } from './sources.controller';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

/** The source registry: canonical sources across articles, and the read API. */
@Module({
  imports: [ClaimsModule],
  controllers: [SourcesController],
  providers: [SourcesRepository, SourcesService, SourceResolutionService],
  exports: [SourcesRepository, SourcesService, SourceResolutionService],
})
export class SourcesModule {}
