/**
 * Document-level memory of the sources seen so far, for coreference: pronouns ("He described…", "she said"),
 * definite role nouns ("the ministry added", "the service said", "the monitoring group"), surnames ("Dunst said"),
 * documents ("The report also found" → the report's author). Searches are bounded (recent entities only), so the
 * whole document stays linear.
 */
import type { SourceRef, SourceType } from '../types';
import { canonicalSource } from '../sources';
import { addWork } from './work-meter';

export interface Entity {
  name: string;
  /** `name` lower-cased (the key entities are matched by). */
  key: string;
  type: SourceType;
  role?: string;
  affiliation?: string;
  /** Lower-case words of the name, role and descriptors ("independent monitoring group"). */
  words: Set<string>;
  gender?: 'm' | 'f';
  /** Intermediaries through which this source was reported (carried to pronoun mentions). */
  via: SourceRef[];
  /** Offset of the latest mention. */
  pos: number;
  /** For a document entity: its author. */
  author?: Entity;
  /** Mentioned as a sentence subject only, not as a source. */
  mentionOnly?: boolean;
}

const WINDOW = 40;
const FEMALE =
  /\b(she|her|mrs\.?|ms\.?|miss|madam|spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|queen|princess|lady|dame|woman|mother|sister|daughter|wife|grandmother)\b/i;
const MALE =
  /\b(he|him|his|mr\.?|sir|spokesman|chairman|congressman|businessman|councilman|king|prince|lord|man|father|brother|son|husband|grandfather)\b/i;

const GOV_CLASS = new Set([
  'agency',
  'ministry',
  'department',
  'office',
  'authority',
  'commission',
  'regulator',
  'court',
  'inspectorate',
  'service',
  'bureau',
]);
const PERSON_HEAD =
  /^(?:spokes(?:man|woman|person)|minister|director|chief|head|leader|chair(?:man|woman)?|governor|mayor|president|secretary|official|manager|executive|officer|lawyer|adviser|advisor|deputy|treasurer|economist|analyst|nurse|doctor|spokesperson)$/;
const ORG_CLASS = new Set([
  'company',
  'firm',
  'group',
  'organisation',
  'organization',
  'charity',
  'association',
  'union',
  'federation',
  'institute',
  'society',
  'network',
  'coalition',
  'alliance',
  'carmaker',
  'maker',
  'operator',
  'provider',
  'insurer',
  'lender',
  'retailer',
  'airline',
  'manufacturer',
  'producer',
  'exporter',
]);
const DOC_CLASS = new Set([
  'report',
  'figures',
  'data',
  'survey',
  'study',
  'statement',
  'bulletin',
  'statistics',
  'poll',
  'analysis',
  'findings',
  'document',
  'documents',
  'judgment',
  'ruling',
  'review',
  'audit',
  'count',
  'tally',
  'estimate',
  'estimates',
  'numbers',
  'records',
  'memo',
  'letter',
  'filing',
]);
const GENERIC_WORDS = new Set([
  'the',
  'a',
  'an',
  'also',
  'both',
  'its',
  'their',
  'his',
  'her',
  'own',
  'of',
  'and',
  'said',
  'new',
  'latest',
]);

const wordsOf = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/s['\u2019]/g, 's')
    .split(/[^a-z0-9\u00c0-\u024f-]+/)
    .filter(Boolean);

const singular = (w: string): string =>
  w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

export interface Resolved {
  name: string;
  type: SourceType;
  role?: string;
  affiliation?: string;
  via: SourceRef[];
}

export class EntityMemory {
  private readonly entities: Entity[] = [];
  /** Surname (lower case) → full person name, from every capitalised name seen in the document. */
  private readonly surnames = new Map<string, string>();

  /** Record a full name seen anywhere ("Oskar Brehm") so that a later "Brehm" resolves to it. */
  noteName(full: string): void {
    const ws = full.split(/\s+/).filter(Boolean);
    if (ws.length < 2 || ws.length > 4) return;
    const last = ws[ws.length - 1].toLowerCase().replace(/['\u2019]s?$/, '');
    if (last.length > 1 && !this.surnames.has(last)) this.surnames.set(last, ws.join(' '));
  }

  /** Register (or refresh) a source; returns the stored entity. */
  add(r: Resolved, pos: number, mentionText: string, mentionOnly = false): Entity {
    const key = r.name.toLowerCase();
    // an unresolved generic description ("agency", "company") is no antecedent for later mentions
    const generic =
      !/[A-Z]/.test(r.name) &&
      !/\s/.test(r.name) &&
      (GOV_CLASS.has(key) || ORG_CLASS.has(key) || DOC_CLASS.has(key));
    if (generic) mentionOnly = true;
    addWork(Math.min(WINDOW, this.entities.length));
    for (let i = this.entities.length - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
      const e = this.entities[i];
      if (e.key === key) {
        this.entities.splice(i, 1);
        e.pos = pos;
        if (!mentionOnly) e.mentionOnly = false;
        if (r.via.length && !e.via.length) e.via = r.via;
        for (const w of wordsOf(`${r.role ?? ''} ${mentionText}`)) e.words.add(singular(w));
        this.gender(e, mentionText);
        this.entities.push(e);
        return e;
      }
    }
    const e: Entity = {
      name: r.name,
      key,
      type: r.type,
      role: r.role,
      affiliation: r.affiliation,
      words: new Set(wordsOf(`${r.name} ${r.role ?? ''} ${mentionText}`).map(singular)),
      via: r.via,
      pos,
      mentionOnly,
    };
    this.gender(e, `${mentionText} ${r.role ?? ''}`);
    if (r.type === 'person') this.noteName(r.name);
    this.entities.push(e);
    if (this.entities.length > 4 * WINDOW) this.entities.splice(0, this.entities.length - 2 * WINDOW);
    return e;
  }

  /** Register a document ("a report released on Monday") written by `author`. */
  addDocument(phrase: string, author: Entity, pos: number): void {
    this.entities.push({
      name: phrase,
      key: phrase.toLowerCase(),
      type: 'document',
      words: new Set(wordsOf(phrase).map(singular)),
      via: [],
      pos,
      author,
    });
  }

  /** Record the intermediaries a source was reported through (kept when already set). */
  setVia(name: string, via: SourceRef[]): void {
    const key = name.toLowerCase();
    const e = this.recent((x) => x.key === key);
    if (e && !e.via.length) e.via = via.map((v) => ({ ...v }));
  }

  /** Record a pronoun resolution as evidence of gender. */
  noteGender(name: string, pronoun: string): void {
    const key = name.toLowerCase();
    addWork(Math.min(WINDOW, this.entities.length));
    for (let i = this.entities.length - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
      const e = this.entities[i];
      if (e.key === key && !e.gender) e.gender = /^(she|her)$/i.test(pronoun) ? 'f' : 'm';
    }
  }

  private gender(e: Entity, text: string): void {
    if (e.gender || e.type !== 'person') return;
    if (FEMALE.test(text)) e.gender = 'f';
    else if (MALE.test(text)) e.gender = 'm';
  }

  private fromEntity(e: Entity): Resolved {
    const t = e.author ?? e;
    return { name: t.name, type: t.type, role: t.role, affiliation: t.affiliation, via: t.via };
  }

  /** The most recent entity satisfying `ok`, searching back from the newest. */
  private recent(ok: (e: Entity) => boolean): Entity | undefined {
    addWork(Math.min(WINDOW, this.entities.length));
    for (let i = this.entities.length - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
      const e = this.entities[i];
      if (ok(e)) return e;
    }
    return undefined;
  }

  /**
   * Resolve a mention: pronoun, definite description, surname, or a new name. `canon` is its canonical form.
   * Returns undefined for a pronoun with no antecedent.
   */
  resolve(mention: string, canon: Resolved): Resolved | undefined {
    const m = mention
      .trim()
      .replace(/^(?:both|also)\s+/i, '')
      .replace(/[,.;:]+$/, '');
    const lower = m.toLowerCase();
    if (/^(he|she|him)$/.test(lower)) {
      const g = lower === 'she' ? 'f' : 'm';
      const e =
        this.recent((x) => x.type === 'person' && (!x.gender || x.gender === g)) ??
        this.recent((x) => x.type === 'anonymous' && !/s$/.test(x.name));
      if (!e) return undefined;
      if (e.type === 'person' && !e.gender) e.gender = g;
      return this.fromEntity(e);
    }
    if (lower === 'it' || lower === 'its') {
      const e = this.recent((x) => !x.mentionOnly && x.type !== 'person' && x.type !== 'anonymous');
      return e ? this.fromEntity(e) : undefined;
    }
    if (lower === 'they' || lower === 'them' || lower === 'we') {
      const e = this.recent((x) => !x.mentionOnly && (x.type !== 'person' || /\band\b/.test(x.name)));
      return e ? this.fromEntity(e) : undefined;
    }
    if (lower === 'i' || lower === 'you') return undefined;
    const ws = wordsOf(m);
    const withArticle = /^(the|its|their|this|that)\s/i.test(m);
    const definite = withArticle || /^[a-z]/.test(m);
    if (definite && ws.length <= 5 && !/[A-Z]/.test(m.replace(/^\S+\s*/, ''))) {
      const content = ws.filter((w) => !GENERIC_WORDS.has(w)).map(singular);
      if (content.length) {
        const head = content[content.length - 1];
        const personHead = PERSON_HEAD.test(head);
        const byWords = this.recent(
          (e) =>
            !e.mentionOnly && (personHead || e.type !== 'person') && content.every((w) => e.words.has(w)),
        );
        if (byWords) return this.fromEntity(byWords);
        if (!withArticle) return canon;
        if (content.length === 1 && (DOC_CLASS.has(head) || DOC_CLASS.has(`${head}s`))) {
          const d = this.recent((e) => e.type === 'document' && !!e.author);
          if (d && d.author) return this.fromEntity(d.author);
          const o = this.recent(
            (e) => !e.mentionOnly && e.type !== 'person' && e.type !== 'anonymous' && e.type !== 'document',
          );
          if (o) return this.fromEntity(o);
        }
        if (ORG_CLASS.has(head) && content.length === 1) {
          const o = this.recent((e) => !e.mentionOnly && e.type === 'organization');
          if (o) return this.fromEntity(o);
        }
        if (GOV_CLASS.has(head) && content.length === 1) {
          const o = this.recent((e) => !e.mentionOnly && e.type === 'government');
          if (o) return this.fromEntity(o);
        }
        if ((GOV_CLASS.has(head) || ORG_CLASS.has(head)) && content.length === 1) {
          const o = this.recent(
            (e) => !e.mentionOnly && (e.type === 'organization' || e.type === 'government'),
          );
          if (o) return this.fromEntity(o);
        }
      }
      return canon;
    }
    // a short form of an organisation named before: "the Commission" → European Commission
    if (canon.type !== 'person' && !/\s/.test(canon.name) && /^[A-Z]/.test(canon.name)) {
      const key = canon.name.toLowerCase();
      const e = this.recent((x) => x.type !== 'person' && x.key !== key && wordsOf(x.name).includes(key));
      if (e) return this.fromEntity(e);
    }
    // surnames and short forms: "Dunst", "Mr. Trump"
    if (canon.type === 'person' && !/\s/.test(canon.name)) {
      const key = canon.name.toLowerCase();
      const e = this.recent((x) => x.type === 'person' && x.key.endsWith(` ${key}`));
      if (e) return this.fromEntity(e);
      const full = this.surnames.get(key);
      if (full) return { ...canonicalSource(full), via: [] };
    }
    return canon;
  }
}
