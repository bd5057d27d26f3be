import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Claimtrail-Signature';
export const DELIVERY_HEADER = 'X-Claimtrail-Delivery';
export const TIMESTAMP_HEADER = 'X-Claimtrail-Timestamp';
export const EVENT_HEADER = 'X-Claimtrail-Event';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the webhook secret>`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of a signature header against the body (what a receiver does). */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
