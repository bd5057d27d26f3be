import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_HEADER = 'X-API-Key';
const KEY_PREFIX = 'ct_';
/** How much of a key is stored in clear, to tell keys apart in listings. */
export const DISPLAY_PREFIX_LENGTH = 8;

/** A new secret: `ct_` followed by 32 random bytes in base64url (43 characters). */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Keys are stored and looked up by their SHA-256 (hex): a leaked table does not leak usable keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}
