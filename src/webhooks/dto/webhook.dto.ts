import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDelivery } from '../webhook-delivery.entity';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../webhook.entity';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://cms.example.org/hooks/claimtrail' })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    {
      message: 'url must be an http(s) URL',
    },
  )
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['review.published'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiPropertyOptional({ description: 'Signing secret (16+ characters); generated when omitted.' })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: WebhookEvent[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(w: Webhook): WebhookDto {
    return { id: w.id, url: w.url, events: w.events, createdAt: w.createdAt.toISOString() };
  }
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret, shown once.' })
  secret: string;

  static fromCreated(w: Webhook, secret: string): CreatedWebhookDto {
    return { ...WebhookDto.from(w), secret };
  }
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  items: WebhookDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also sent in the X-Claimtrail-Delivery header.' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  webhookId: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS })
  event: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: Number, nullable: true })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  redeliveryOf: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(d: WebhookDelivery): WebhookDeliveryDto {
    return {
      id: d.id,
      webhookId: d.webhookId,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      redeliveryOf: d.redeliveryOf,
      data: d.data,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
