/**
 * Canonical name and type of a source mention as written in an article.
 *
 *   "National Security Communications Advisor John Kirby" → John Kirby (person, role kept)
 *   "Dr. Miren Halloway, director of Brannock General Hospital" → Miren Halloway (person)
 *   "The state news agency CNA" → CNA (media)         "The White House" → White House (government)
 *   "South Korea's intelligence agency" → as is (government)   "an inspection report" → inspection report (document)
 *   "a police official, who spoke on condition of anonymity" → a police official (anonymous)
 *   "a report released last month by the rights group OpenLine" → OpenLine (organization, role: the document)
 *
 * Pure string work, linear in the mention length, never throws.
 */
import type { SourceType } from '../types';
import {
  ANONYMOUS_HEADS,
  ANONYMOUS_PLURALS,
  DOCUMENT_WORDS,
  GOVERNMENT_PLACES,
  GOVERNMENT_WORDS,
  HONORIFICS,
  MEDIA_PHRASES,
  MEDIA_WORDS,
  ORGANIZATION_WORDS,
  TITLE_HEADS,
} from './source-lexicon';

export interface CanonicalSource {
  name: string;
  type: SourceType;
  /** Role or title as written ("National Security Communications Advisor", "a lawyer for the publishers"). */
  role?: string;
  /** Organisation the source speaks for, when stated ("Harrow-Lint", "North Korea"). */
  affiliation?: string;
}

const MAX_MENTION = 400;

/** Organisation words strong enough to beat government words ("works council" is an organisation). */
const STRONG_ORG = new Set([
  'company',
  'corporation',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'group',
  'holdings',
  'systems',
  'industries',
  'association',
  'federation',
  'union',
  'unions',
  'confederation',
  'society',
  'institute',
  'foundation',
  'network',
  'charity',
  'party',
  'alliance',
  'university',
  'hospital',
  'firm',
  'works',
  'coalition',
  'international',
  'operator',
  'provider',
  'maker',
  'insurer',
  'insurers',
]);

const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'de',
  'del',
  'la',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'el',
  'du',
  '&',
]);
const LEADING_DROP = new Set(['the']);
const PREPOSITIONS = new Set([
  'of',
  'at',
  'for',
  'from',
  'in',
  'with',
  'on',
  'by',
  'familiar',
  'close',
  'who',
  'to',
]);
const INDEFINITE = new Set(['a', 'an', 'one', 'some', 'two', 'three', 'several', 'another']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

const isCap = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
};
const lower = (w: string): string => w.toLowerCase();
const stripPossessive = (w: string): string => w.replace(/['\u2019]s$/i, '').replace(/s['\u2019]$/i, 's');
const hasPossessive = (w: string): boolean => /['\u2019]s$/i.test(w) || /s['\u2019]$/i.test(w);
const keyOf = (w: string): string => lower(stripPossessive(w)).replace(/[,;:]+$/, '');

/** Whitespace-normalised mention, words broken across lines rejoined, edge punctuation and quotes dropped. */
export function cleanMention(mention: string): string {
  let s = String(mention ?? '');
  if (s.length > MAX_MENTION) s = s.slice(0, MAX_MENTION);
  s = s.replace(/([a-z])\n([a-z])/g, '$1$2').replace(/\s+/g, ' ');
  s = s
    .replace(/^[\s"'\u201c\u201d\u2018\u2019(,;:—–-]+/, '')
    .replace(/[\s"'\u201c\u201d\u2018(,;:—–-]+$/, '');
  // a trailing full stop belongs to an abbreviation only ("Dr.", "Ltd.", "U.S.")
  if (/\.$/.test(s) && !/(\b[A-Z][a-z]{0,3}|\b[A-Z](\.[A-Z])+|\b(?:Inc|Ltd|Corp|Co|Jr|Sr))\.$/.test(s))
    s = s.slice(0, -1);
  return s.trim();
}

/** Cut a relative or participial clause: ", who spoke on condition of anonymity", " who heads the club", ", speaking to reporters". */
function cutClauses(s: string): string {
  const m =
    /(,?\s+(?:who|which|whose|whom|that)\b|,\s+[a-z]+ing\b|,\s+(?:however|meanwhile|too|also)\b)/.exec(s);
  return m ? s.slice(0, m.index).trim() : s;
}

function words(s: string): string[] {
  return s.split(' ').filter(Boolean);
}

function isDescription(part: string): boolean {
  const ws = words(part);
  if (!ws.length) return false;
  const f = lower(ws[0]);
  if (LEADING_DROP.has(f) || INDEFINITE.has(f) || POSSESSIVE_PRONOUNS.has(f)) return true;
  if (!isCap(ws[0])) return true;
  // "Acme's chief financial officer"
  if (hasPossessive(ws[0]) && ws.length > 1 && !isCap(ws[ws.length - 1])) return true;
  // "Chief executive", "Director of …": a capitalised title word followed by lower-case words
  return TITLE_HEADS.has(f) && ws.length > 1 && !isCap(ws[ws.length - 1]);
}

function isProperName(part: string): boolean {
  const ws = words(part);
  if (!ws.length || ws.length > 6) return false;
  let start = 0;
  while (start < ws.length - 1 && (TITLE_HEADS.has(lower(ws[start])) || HONORIFICS.has(lower(ws[start]))))
    start++;
  return ws.slice(start).every((w) => isCap(w) || CONNECTORS.has(lower(w)) || /^\d/.test(w));
}

const hasAny = (ws: string[], lex: ReadonlySet<string>): boolean => ws.some((w) => lex.has(keyOf(w)));

function affiliationFrom(role: string | undefined): string | undefined {
  if (!role) return undefined;
  const m =
    /\b(?:of|at|for|with)\s+(?:the\s+)?([A-Z][\w'\u2019&.-]*(?:\s+(?:of|for|and|&|[A-Z][\w'\u2019&.-]*))*)/.exec(
      role,
    );
  if (m) return m[1].replace(/\s+(?:of|for|and|&)$/, '');
  const pos = /^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['\u2019]s?\s/.exec(role);
  if (pos) return pos[1];
  const hy = /^(?:an?\s+|the\s+)?([A-Z][\w]*(?:-[A-Z][\w]*)+|[A-Z][a-z]+[A-Z][\w]*)\s+[a-z]/.exec(role);
  return hy ? hy[1] : undefined;
}

interface NameSplit {
  name: string;
  role?: string;
  person: boolean;
}

/** Split "North Korea's Vice Foreign Minister Kim Jong-gyu" into name and role; "grid operator Westnet" into Westnet + role. */
function splitTitle(phrase: string): NameSplit {
  const ws = words(phrase);
  while (ws.length > 1 && LEADING_DROP.has(lower(ws[0]))) ws.shift();
  if (!ws.length) return { name: '', person: false };
  // trailing capitalised run ("… Kim Jong-gyu", "… Arnish Ledger", "… CNA")
  let runStart = ws.length;
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i];
    if (isCap(w) && !hasPossessive(w)) runStart = i;
    else if (CONNECTORS.has(lower(w)) && i > 0 && i < ws.length - 1 && isCap(ws[i - 1])) continue;
    else break;
  }
  while (runStart < ws.length && CONNECTORS.has(lower(ws[runStart]))) runStart++;
  if (runStart >= ws.length) return { name: ws.join(' '), person: false };
  // the last title word at or after the run start ("Labour Minister Petra Ansel": run is the whole phrase)
  let titleEnd = -1;
  for (let i = runStart; i < ws.length - 1; i++) {
    const k = lower(ws[i]);
    if (TITLE_HEADS.has(k) || HONORIFICS.has(k)) titleEnd = i;
  }
  // a title word just before the run ("regional governor Pavel Orn")
  const beforeRun = runStart > 0 ? lower(stripPossessive(ws[runStart - 1])) : '';
  if (titleEnd >= 0) {
    const name = ws.slice(titleEnd + 1).join(' ');
    const role = ws.slice(0, titleEnd + 1).join(' ');
    return { name: stripOfPlace(name), role, person: true };
  }
  if (runStart === 0) {
    const first = lower(ws[0]);
    if (HONORIFICS.has(first) && ws.length > 1)
      return { name: ws.slice(1).join(' '), role: ws[0], person: true };
    return { name: ws.join(' '), person: false };
  }
  // lower-case descriptor words then a proper name
  const prefix = ws.slice(0, runStart);
  const prefixIsDescriptor =
    !hasPossessive(prefix[prefix.length - 1]) &&
    !prefix.some((w) => PREPOSITIONS.has(w) || lower(w) === 'ruling');
  if (!prefixIsDescriptor) return { name: ws.join(' '), person: false };
  const person = TITLE_HEADS.has(beforeRun) || HONORIFICS.has(beforeRun);
  return {
    name: person ? stripOfPlace(ws.slice(runStart).join(' ')) : ws.slice(runStart).join(' '),
    role: prefix.join(' '),
    person,
  };
}

const TIME_WORDS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|the past|\d)/i;

/** "the inspectorate in March" → "the inspectorate". */
function cutTimePhrase(s: string): string {
  const re = /\s+(?:in|on|last|this|earlier|during)\s+(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (TIME_WORDS.test(m[1]) || /^(?:last|this|earlier)$/i.test(m[0].trim().split(/\s+/)[0]))
      return s.slice(0, m.index);
  }
  return s;
}

/** "Mike Pence of Indiana" → "Mike Pence". */
function stripOfPlace(name: string): string {
  const m = /^([A-Z][^\s]*(?:\s+[A-Z][^\s]*){0,3})\s+of\s+[A-Z]/.exec(name);
  return m ? m[1] : name;
}

function headKey(ws: string[]): string {
  for (let i = ws.length - 1; i >= 0; i--) {
    const k = keyOf(ws[i]);
    if (k && !/^\d/.test(k)) return k;
  }
  return '';
}

function typeOf(name: string, role: string | undefined, person: boolean, definite = false): SourceType {
  const all = `${name} ${role ?? ''}`.toLowerCase();
  const nws = words(name);
  const rws = words(role ?? '');
  const firstPrep = nws.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  const core = firstPrep > 0 ? nws.slice(0, firstPrep) : nws;
  const head = headKey(core);
  const headLower = core.length > 0 && !isCap(core[core.length - 1]);
  const first = nws.length ? lower(nws[0]) : '';
  if (MEDIA_PHRASES.some((p) => all.includes(p))) return 'media';
  if (person) return 'person';
  if (hasAny(nws, MEDIA_WORDS) && !hasAny(nws, GOVERNMENT_WORDS)) return 'media';
  if (hasAny(nws, MEDIA_WORDS) && /\b(news|press|broadcasting|television|radio)\b/.test(name.toLowerCase()))
    return 'media';
  if (DOCUMENT_WORDS.has(head) && headLower) return 'document';
  const indefinite = INDEFINITE.has(first);
  if (
    ANONYMOUS_HEADS.has(head) &&
    (indefinite || ANONYMOUS_PLURALS.has(head)) &&
    !core.slice(1).some((w) => isCap(w))
  )
    return 'anonymous';
  if (/\bfamiliar with\b|\bcondition of anonymity\b|\bwho (?:asked|declined) not to be named\b/.test(all))
    return 'anonymous';
  if (ANONYMOUS_PLURALS.has(head) && nws.length <= 3) return 'anonymous';
  if (TITLE_HEADS.has(head) && !core.some((w, i) => i > 0 && isCap(w)) && (definite || indefinite))
    return definite ? 'person' : 'anonymous';
  // "Mark Evans, a climatologist at Oxford University": a personal name with a described role
  const personLike =
    nws.length >= 2 &&
    nws.length <= 4 &&
    nws.every((w) => isCap(w) || /^[A-Z]\.$/.test(w)) &&
    !hasAny(nws, STRONG_ORG) &&
    !hasAny(nws, GOVERNMENT_WORDS) &&
    !hasAny(nws, MEDIA_WORDS) &&
    !hasAny(nws, ORGANIZATION_WORDS);
  if (personLike && role && /^(?:an?|the)\s/i.test(role)) return 'person';
  if (hasAny(nws, STRONG_ORG) || hasAny(rws, STRONG_ORG)) return 'organization';
  if (GOVERNMENT_PLACES.has(name.toLowerCase().replace(/\s+/g, '-'))) return 'government';
  if (hasAny(nws, GOVERNMENT_WORDS) || /\bwhite house\b/i.test(name)) return 'government';
  if (hasAny(rws, MEDIA_WORDS)) return 'media';
  if (hasAny(nws, ORGANIZATION_WORDS) || hasAny(rws, ORGANIZATION_WORDS)) return 'organization';
  if (hasAny(rws, GOVERNMENT_WORDS)) return 'government';
  if (hasAny(rws, TITLE_HEADS)) return 'person';
  if (TITLE_HEADS.has(head))
    return definite || (nws.length > 1 && isCap(nws[0]) && !INDEFINITE.has(first)) ? 'person' : 'anonymous';
  // camel-case or all-caps single words are organisations ("OpenLine", "NDMA"); other proper names default to persons
  if (nws.length === 1) {
    const w = nws[0];
    if (/^[A-Z]{2,6}$/.test(w) || /[a-z]{3}[A-Z]/.test(w)) return 'organization';
    return isCap(w) ? 'person' : 'organization';
  }
  if (nws.length <= 4 && nws.every((w) => isCap(w) || /^[A-Z]\.$/.test(w) || /-/.test(w))) return 'person';
  return 'organization';
}

/** Canonical name and type of a source mention. */
export function canonicalSource(mention: string): CanonicalSource {
  const key = typeof mention === 'string' ? mention : String(mention ?? '');
  const hit = CACHE.get(key);
  if (hit) return { ...hit };
  let out: CanonicalSource;
  try {
    out = canonicalize(key, 0);
  } catch {
    out = { name: cleanMention(key), type: 'organization' };
  }
  if (key.length <= 200) {
    if (CACHE.size >= CACHE_MAX) CACHE.clear();
    CACHE.set(key, out);
  }
  return { ...out };
}

/** Mentions repeat within and across articles; a bounded memo keeps canonicalisation cheap. */
const CACHE = new Map<string, CanonicalSource>();
const CACHE_MAX = 5000;

function canonicalize(mention: string, depth: number): CanonicalSource {
  let s = cleanMention(mention);
  if (!s) return { name: '', type: 'anonymous' };
  const anonymousByClause =
    /\bcondition of anonymity\b|\bnot authori[sz]ed to\b|\bdeclined to be (?:named|identified)\b/i.test(s);
  s = cutClauses(s);
  // documents by an author: "a report released last month by X", "figures from X", "data from X"
  const byM =
    /^(.*?\b(?:report|reports|survey|study|figures|data|statistics|bulletin|statement|poll|analysis|estimate|estimates|review|audit|count|tally|census|findings|documents|records|judgment|ruling|memo|letter)\b[^,]*?)\s+(?:by|from|of)\s+(.+)$/i.exec(
      s,
    );
  if (byM && depth < 2) {
    const author = canonicalize(cutTimePhrase(byM[2]), depth + 1);
    if (author.name) return { ...author, role: byM[1].replace(/^(?:the|a|an)\s+/i, '') };
  }
  // possessive owner of a document: "the commission's final count", "OpenLine's report"
  const possM = /^(.+?)['\u2019]s?\s+((?:[\w-]+\s+){0,3}([\w-]+))$/.exec(s);
  if (possM && DOCUMENT_WORDS.has(lower(possM[3])) && depth < 2) {
    const owner = canonicalize(possM[1], depth + 1);
    if (owner.name) return { ...owner, role: possM[2] };
  }
  // appositives: "Rafael Oduya, a lawyer for the publishers"; "Her campaign manager, Joris Lind"
  const parts = s
    .split(/\s*,\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  let namePart = parts[0] ?? '';
  let role: string | undefined;
  if (parts.length > 1) {
    const properIdx = parts.findIndex((p, i) => i > 0 && isProperName(p) && !isDescription(p));
    if (isDescription(parts[0]) && properIdx > 0) {
      namePart = parts[properIdx];
      role = parts[0];
    } else {
      role = parts.slice(1).join(', ');
    }
  }
  const split = splitTitle(namePart);
  let name = split.name;
  const titleRole = split.role;
  const person =
    split.person ||
    (role !== undefined && words(role).some((w) => TITLE_HEADS.has(keyOf(w))) && isProperName(name));
  const fullRole = [titleRole, role].filter(Boolean).join(', ') || undefined;
  // anonymous sources keep their indefinite article ("a police official"); definite articles go
  const definite = /^(?:the|his|her|its|their)\s/i.test(namePart);
  name = name.replace(/^(?:the|The)\s+/, '');
  let type = typeOf(name, fullRole, person, definite);
  if (anonymousByClause && type !== 'person') type = 'anonymous';
  if (type === 'person') name = name.replace(/['\u2019]s$/, '');
  if (type === 'document') name = name.replace(/^(?:an?)\s+/i, '');
  const out: CanonicalSource = { name, type };
  if (fullRole) out.role = fullRole;
  const aff = type === 'person' ? (affiliationFrom(titleRole) ?? affiliationFrom(role)) : undefined;
  if (aff && aff !== name) out.affiliation = aff;
  return out;
}
