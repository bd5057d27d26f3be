import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedKey } from '../auth/authenticated-key';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { Roles } from '../auth/roles.decorator';
import { PaginationQueryDto } from '../common/pagination/pagination-query.dto';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import { ApiErrorResponses } from '../common/swagger/api-error-responses.decorator';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookListDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Roles('admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      'Events: article.verified, claim.status_changed, review.published. Each delivery is a JSON POST signed ' +
      'with HMAC-SHA256 of the body (X-Claimtrail-Signature: sha256=<hex>), with X-Claimtrail-Delivery (id) and ' +
      'X-Claimtrail-Timestamp (Unix seconds); non-2xx answers are retried with exponential backoff. The secret ' +
      'is stored encrypted (503 while the server has no WEBHOOK_SECRET_KEY). URLs on loopback, private, ' +
      'link-local or cloud metadata addresses are refused (400) unless WEBHOOK_ALLOW_PRIVATE_URLS is on.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiErrorResponses()
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentApiKey() caller: AuthenticatedKey,
  ): Promise<CreatedWebhookDto> {
    const { webhook, secret } = await this.webhooks.create(body, caller);
    return CreatedWebhookDto.fromCreated(webhook, secret);
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks (without secrets)' })
  @ApiOkResponse({ type: WebhookListDto })
  @ApiErrorResponses()
  async list(): Promise<WebhookListDto> {
    return { items: (await this.webhooks.list()).map((w) => WebhookDto.from(w)) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrorResponses(404)
  async remove(@Param('id', new UuidParamPipe('id')) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of a webhook, newest first, with attempts and the last answer' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrorResponses(404)
  async deliveries(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: PaginationQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    const page = await this.webhooks.listDeliveries(id, query.limit, query.cursor);
    return { items: page.items.map((d) => WebhookDeliveryDto.from(d)), nextCursor: page.nextCursor };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a delivery’s event again (a new delivery that points to the original)' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiErrorResponses(404)
  async redeliver(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('deliveryId', new UuidParamPipe('deliveryId')) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return WebhookDeliveryDto.from(await this.webhooks.redeliver(id, deliveryId));
  }
}
