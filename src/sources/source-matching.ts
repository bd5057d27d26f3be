/**
 * Alias resolution across articles: which existing source (if any) a named mention of a new article is.
 *
 *   "John Kirby" exists; "Kirby" → John Kirby (the only person named Kirby)
 *   "Kirby" exists (created from a surname-only mention); "John Kirby" → Kirby (the only Kirby; renamed)
 *   "Jon Kirby" was merged into "John Kirby" (an alias now); "Jon Kirby" → John Kirby
 *   "Kim Min-jun" and "Kim Ji-woo"… and "Kim" → none (ambiguous: a separate source)
 *   "Jane Kirby" with "John Kirby" → none (different given names)
 *   anonymous mentions → none, ever
 *
 * Pure and deterministic (no I/O): the repository loads the candidates (same type, sharing the mention's key as a
 * name/alias key, or persons sharing its last name token) and this decides.
 */
import { normalizeSourceKey } from './source-key';
import type { SourceKind } from './source.entity';

export interface MentionToMatch {
  /** Canonical name from the engine ("John Kirby", "Kirby"). */
  name: string;
  type: SourceKind;
  affiliation?: string | null;
}

export interface MatchCandidate {
  id: string;
  name: string;
  type: SourceKind;
  aliases: readonly string[];
  affiliation?: string | null;
  /** Set when the source was merged into another: never a match itself. */
  mergedIntoId?: string | null;
}

export type MatchReason =
  /** The mention's key is the candidate's canonical name key. */
  | 'exact-name'
  /** The mention's key is one of the candidate's alias keys (a full name written differently before, or merged in). */
  | 'alias'
  /** A surname-only mention; exactly one person has that last name. */
  | 'surname'
  /** A full-name mention whose given names agree with exactly one person of that last name. */
  | 'full-name'
  /** A full-name mention; the only person of that last name was known by the surname alone. */
  | 'surname-only-source'
  /** Several people fit; the one sharing the mention's affiliation was chosen. */
  | 'affiliation';

export type NoMatchReason =
  | 'anonymous'
  | 'empty-name'
  | 'no-candidate'
  /** More than one source fits and nothing tells them apart: keep a separate source. */
  | 'ambiguous'
  /** The only fitting person speaks for another organisation. */
  | 'affiliation-differs';

export type SourceMatch =
  | { sourceId: string; reason: MatchReason }
  | { sourceId: null; reason: NoMatchReason; candidateIds?: string[] };

/** Normalized name tokens ("John F. Kirby" → ["john", "f", "kirby"]). */
export function nameTokens(name: string): string[] {
  return normalizeSourceKey(name).split(' ').filter(Boolean);
}

/** The key person sources are looked up by when a mention gives only a surname: the last name token. */
export function surnameKey(name: string, type: SourceKind): string | null {
  if (type !== 'person') return null;
  const tokens = nameTokens(name);
  return tokens.length ? tokens[tokens.length - 1] : null;
}

/** Keys a source is found by: its canonical name key and every alias key (deduplicated, non-empty). */
export function matchKeys(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(normalizeSourceKey).filter(Boolean))];
}

/**
 * Whether two affiliations say the same organisation (normalized, one containing the other: "Pentagon" and "the
 * Pentagon", "North Korea" and "North Korea's foreign ministry"); undefined when either is unknown.
 */
export function sameAffiliation(a?: string | null, b?: string | null): boolean | undefined {
  const ka = a ? normalizeSourceKey(a) : '';
  const kb = b ? normalizeSourceKey(b) : '';
  if (!ka || !kb) return undefined;
  return ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}

const tokenAgrees = (a: string, b: string): boolean =>
  a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

/**
 * Whether two person names with the same last token can be one person: either gives no given name ("Kirby"), or
 * the first given name of one agrees (equal, or an initial) with a given-name token of the other ("John Kirby",
 * "J. Kirby", "John F. Kirby", "Advisor John Kirby"). "Jane Kirby" and "John Kirby" cannot.
 */
export function givenNamesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length || a[a.length - 1] !== b[b.length - 1]) return false;
  const ga = a.slice(0, -1);
  const gb = b.slice(0, -1);
  if (!ga.length || !gb.length) return true;
  return gb.some((t) => tokenAgrees(ga[0], t)) || ga.some((t) => tokenAgrees(gb[0], t));
}

/** Narrows several fitting candidates to the one sharing the mention's affiliation, if exactly one does. */
function byAffiliation(
  mention: MentionToMatch,
  fitting: readonly MatchCandidate[],
): MatchCandidate | undefined {
  const same = fitting.filter((c) => sameAffiliation(mention.affiliation, c.affiliation) === true);
  return same.length === 1 ? same[0] : undefined;
}

const ambiguous = (fitting: readonly MatchCandidate[]): SourceMatch => ({
  sourceId: null,
  reason: 'ambiguous',
  candidateIds: fitting.map((c) => c.id).sort(),
});

/**
 * The existing source a named mention is, or none with the reason. Candidates of another type or merged into
 * another source are ignored. Order of the rules:
 * 1. a candidate whose canonical name key is the mention's key (the long-standing exact merge);
 * 2. for a multi-word mention (or a non-person), a candidate with the mention's key as an alias;
 * 3. persons only: candidates sharing the last name token whose given names agree (see givenNamesAgree), without
 *    a different known affiliation. One → match; several → the one with the same affiliation, else ambiguous.
 *    A full-name mention prefers people known by a full name; a surname-only source ("Kirby") fits it only
 *    when it is the only person of that last name.
 */
export function matchSourceMention(
  mention: MentionToMatch,
  candidates: readonly MatchCandidate[],
): SourceMatch {
  if (mention.type === 'anonymous') return { sourceId: null, reason: 'anonymous' };
  const tokens = nameTokens(mention.name);
  if (!tokens.length) return { sourceId: null, reason: 'empty-name' };
  const key = tokens.join(' ');
  const live = candidates.filter((c) => c.type === mention.type && !c.mergedIntoId);

  const exact = live.filter((c) => normalizeSourceKey(c.name) === key);
  if (exact.length === 1) return { sourceId: exact[0].id, reason: 'exact-name' };
  if (exact.length > 1) return ambiguous(exact);

  const surnameOnly = mention.type === 'person' && tokens.length === 1;
  if (!surnameOnly) {
    const byAlias = live.filter((c) => c.aliases.some((a) => normalizeSourceKey(a) === key));
    if (byAlias.length === 1) return { sourceId: byAlias[0].id, reason: 'alias' };
    if (byAlias.length > 1) {
      const chosen = byAffiliation(mention, byAlias);
      return chosen ? { sourceId: chosen.id, reason: 'affiliation' } : ambiguous(byAlias);
    }
  }
  if (mention.type !== 'person') return { sourceId: null, reason: 'no-candidate' };

  const surname = tokens[tokens.length - 1];
  const forms = (c: MatchCandidate) =>
    [c.name, ...c.aliases].map(nameTokens).filter((t) => t.length && t[t.length - 1] === surname);
  const sharing = live.filter((c) => forms(c).length > 0);
  // A person known by a full name fits when one of its full names agrees with the mention; a person known by the
  // surname alone fits any mention of that surname.
  const fits = (c: MatchCandidate) => {
    const full = forms(c).filter((f) => f.length > 1);
    return full.length ? full.some((f) => givenNamesAgree(tokens, f)) : true;
  };
  const fitting = surnameOnly ? sharing : sharing.filter(fits);
  if (!fitting.length) return { sourceId: null, reason: 'no-candidate' };
  const compatible = fitting.filter((c) => sameAffiliation(mention.affiliation, c.affiliation) !== false);
  if (!compatible.length) {
    return { sourceId: null, reason: 'affiliation-differs', candidateIds: fitting.map((c) => c.id).sort() };
  }

  if (surnameOnly) {
    if (compatible.length === 1 && fitting.length === 1)
      return { sourceId: compatible[0].id, reason: 'surname' };
    const chosen = byAffiliation(mention, compatible);
    return chosen ? { sourceId: chosen.id, reason: 'affiliation' } : ambiguous(fitting);
  }

  // A full-name mention: people known by a full name that agrees come first.
  const knownByFullName = (c: MatchCandidate) => forms(c).some((f) => f.length > 1);
  const full = compatible.filter(knownByFullName);
  if (full.length === 1) return { sourceId: full[0].id, reason: 'full-name' };
  if (full.length > 1) {
    const chosen = byAffiliation(mention, full);
    return chosen ? { sourceId: chosen.id, reason: 'affiliation' } : ambiguous(full);
  }
  // Only people known by the surname alone fit: safe when that is the only person of this last name at all.
  if (compatible.length === 1 && sharing.length === 1) {
    return { sourceId: compatible[0].id, reason: 'surname-only-source' };
  }
  return ambiguous(compatible);
}
