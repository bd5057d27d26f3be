import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { QueueModule } from '../pipeline/queue.module';
import { ArticlesController } from './articles.controller';
import { ArticlesRepository } from './articles.repository';
import { ArticlesService } from './articles.service';

/** Articles: intake (stored, then queued) and the read API. */
@Module({
  imports: [ClaimsModule, QueueModule],
  controllers: [ArticlesController],
  providers: [ArticlesRepository, ArticlesService],
  exports: [ArticlesRepository, ArticlesService],
})
export class ArticlesModule {}
