import { Article } from '../articles/article.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { ApiKey } from '../auth/api-key.entity';
import { Attribution } from '../claims/attribution.entity';
import { ClaimRelation } from '../claims/claim-relation.entity';
import { Claim } from '../claims/claim.entity';
import { Quantity } from '../claims/quantity.entity';
import { AbsorbedAttribution } from '../sources/absorbed-attribution.entity';
import { SourceChange } from '../sources/source-change.entity';
import { Source } from '../sources/source.entity';
import { VerificationRun } from '../verification/verification-run.entity';
import { ReviewQueueItem } from '../review-queue/review-queue-item.entity';
import { ClaimReview } from '../reviews/claim-review.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { Webhook } from '../webhooks/webhook.entity';
import { WorkspaceSettings } from '../workspace-settings/workspace-settings.entity';
import { ClaimFactCheckMatch } from '../fact-checks/claim-fact-check-match.entity';
import { FactCheck } from '../fact-checks/fact-check.entity';

/** Every entity of the schema, listed explicitly (the app, the migration CLI and the drift test share it). */
export const ENTITIES = [
  ApiKey,
  Article,
  Claim,
  Quantity,
  Source,
  Attribution,
  ClaimRelation,
  VerificationRun,
  AuditLog,
  WorkspaceSettings,
  ReviewQueueItem,
  ClaimReview,
  Webhook,
  WebhookDelivery,
  FactCheck,
  ClaimFactCheckMatch,
  SourceChange,
  AbsorbedAttribution,
];
