import { createHash } from 'node:crypto';
import { wireText } from '../engine';

/**
 * claims.text_hash: hex SHA-256 of the engine's wire form of a claim's text (wireText), or null when the claim is
 * too short to be distinctive. Extraction and the backfill of older claims both compute it here, so they agree.
 */
export function claimTextHash(text: string): string | null {
  const normalized = wireText(text);
  return normalized === null ? null : createHash('sha256').update(normalized).digest('hex');
}
