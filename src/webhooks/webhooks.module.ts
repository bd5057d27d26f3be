import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueModule } from '../pipeline/queue.module';
import { WEBHOOKS_QUEUE } from '../pipeline/queues';
import { WorkspaceSettingsModule } from '../workspace-settings/workspace-settings.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Webhook subscriptions and deliveries (the delivery processor lives in ReviewDeskModule's workers). */
@Module({
  imports: [QueueModule, BullModule.registerQueue({ name: WEBHOOKS_QUEUE }), WorkspaceSettingsModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookDeliveriesRepository, WebhooksService, WebhookDispatchService],
  exports: [WebhooksService, WebhookDispatchService],
})
export class WebhooksModule {}
