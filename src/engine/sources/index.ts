/**
 * Source canonicalisation and typing: "National Security Communications Advisor John Kirby" → John Kirby (person),
 * "The White House" → White House (government), "Yonhap News Agency" → media.
 */
export { canonicalSource, cleanMention } from './canonical-source';
export type { CanonicalSource } from './canonical-source';
