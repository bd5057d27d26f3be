import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Stored form of an encrypted secret: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const WEBHOOK_SECRET_KEY_BYTES = 32;

/** The stored secret cannot be decrypted with the configured key (none set, another key, or damaged). */
export class WebhookSecretUnreadableError extends Error {}

/** A short, non-secret fingerprint of a key, stored with each ciphertext so a key change is named, not guessed. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('claimtrail-webhook-secret-key').update(key).digest('hex').slice(0, 8);
}

/**
 * Webhook signing secrets at rest: AES-256-GCM under WEBHOOK_SECRET_KEY, a random 96-bit IV per secret, and the
 * webhook id as additional authenticated data (a ciphertext copied onto another webhook does not decrypt).
 * Pure: no configuration or I/O here; the key is passed in.
 */
export function encryptWebhookSecret(key: Buffer, webhookId: string, secret: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad(webhookId), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, keyId(key), b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(':');
}

export function decryptWebhookSecret(key: Buffer | undefined, webhookId: string, stored: string): string {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new WebhookSecretUnreadableError(
      `the stored secret of webhook ${webhookId} is not in a known format`,
    );
  }
  const [, storedKeyId, iv, tag, ciphertext] = parts;
  if (key === undefined) {
    throw new WebhookSecretUnreadableError(
      `the secret of webhook ${webhookId} is encrypted (key ${storedKeyId}) but WEBHOOK_SECRET_KEY is not set`,
    );
  }
  assertKey(key);
  if (storedKeyId !== keyId(key)) {
    throw new WebhookSecretUnreadableError(
      `the secret of webhook ${webhookId} is encrypted under key ${storedKeyId}, but WEBHOOK_SECRET_KEY is key ` +
        `${keyId(key)}; restore the previous key`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad(webhookId), 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new WebhookSecretUnreadableError(
      `the stored secret of webhook ${webhookId} failed authentication (altered, or not this webhook's)`,
    );
  }
}

const aad = (webhookId: string): string => `claimtrail-webhook:${webhookId}`;
const b64 = (bytes: Buffer): string => bytes.toString('base64url');

function assertKey(key: Buffer): void {
  if (key.length !== WEBHOOK_SECRET_KEY_BYTES) {
    throw new Error(`A webhook secret key has ${WEBHOOK_SECRET_KEY_BYTES} bytes (got ${key.length})`);
  }
}
