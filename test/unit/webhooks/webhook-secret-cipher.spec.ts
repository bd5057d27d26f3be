import { randomBytes } from 'node:crypto';
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  keyId,
  WebhookSecretUnreadableError,
} from '../../../src/webhooks/webhook-secret-cipher';

describe('webhook secret cipher (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 1);
  const id = '6f1d3c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';
  const secret = 'whsec_the-signing-secret-of-one-webhook';

  it('round-trips a secret, and the stored form holds neither the secret nor the key', () => {
    const stored = encryptWebhookSecret(key, id, secret);
    expect(decryptWebhookSecret(key, id, stored)).toBe(secret);
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(key.toString('base64url'));
    expect(stored.split(':')[1]).toBe(keyId(key));
  });

  it('uses a fresh IV each time: the same secret encrypts differently', () => {
    const a = encryptWebhookSecret(key, id, secret);
    const b = encryptWebhookSecret(key, id, secret);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('keeps non-ASCII secrets intact', () => {
    const unicode = 'sécret—🔑—long enough';
    expect(decryptWebhookSecret(key, id, encryptWebhookSecret(key, id, unicode))).toBe(unicode);
  });

  it('refuses a ciphertext moved to another webhook (the id is authenticated)', () => {
    const stored = encryptWebhookSecret(key, id, secret);
    expect(() => decryptWebhookSecret(key, '00000000-0000-4000-8000-000000000000', stored)).toThrow(
      /failed authentication/,
    );
  });

  it('refuses an altered ciphertext or tag', () => {
    const parts = encryptWebhookSecret(key, id, secret).split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    const alteredText = [...parts.slice(0, 4), flip(parts[4])].join(':');
    const alteredTag = [...parts.slice(0, 3), flip(parts[3]), parts[4]].join(':');
    for (const stored of [alteredText, alteredTag]) {
      expect(() => decryptWebhookSecret(key, id, stored)).toThrow(WebhookSecretUnreadableError);
    }
  });

  it('names both keys when the configured key is not the one the secret was encrypted with', () => {
    const other = randomBytes(32);
    const stored = encryptWebhookSecret(key, id, secret);
    expect(() => decryptWebhookSecret(other, id, stored)).toThrow(
      new RegExp(`encrypted under key ${keyId(key)}, but WEBHOOK_SECRET_KEY is key ${keyId(other)}`),
    );
  });

  it('says that the key is missing when none is configured', () => {
    const stored = encryptWebhookSecret(key, id, secret);
    expect(() => decryptWebhookSecret(undefined, id, stored)).toThrow(/WEBHOOK_SECRET_KEY is not set/);
  });

  it('refuses unknown formats and keys of the wrong length', () => {
    expect(() => decryptWebhookSecret(key, id, 'whsec_plain')).toThrow(/not in a known format/);
    expect(() => encryptWebhookSecret(Buffer.alloc(16), id, secret)).toThrow(/32 bytes/);
  });

  it('gives different keys different ids, and the same key the same id', () => {
    expect(keyId(key)).toBe(keyId(Buffer.alloc(32, 1)));
    expect(keyId(key)).not.toBe(keyId(Buffer.alloc(32, 2)));
  });
});
