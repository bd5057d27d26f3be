/**
 * Finds attribution frames in one sentence: reporting verbs before or after their content ("X said (that) …",
 * "…, X said", "…,” said X"), "according to X", "X quoted Y as saying", "X reported, citing Y, that", "confirmations
 * from X that …", passives ("as confirmed by X"), participles ("…, ruling that …"), coordinated cues ("… and urged …").
 * Token-based, one left-to-right pass per clause with bounded look-around: linear in the sentence length.
 */
import type { SourceRef, Span } from '../types';
import { canonicalSource } from '../sources';
import {
  ANONYMOUS_HEADS,
  GOVERNMENT_WORDS,
  MEDIA_WORDS,
  ORGANIZATION_WORDS,
  TITLE_HEADS,
} from '../sources/source-lexicon';
import type { Token } from './tokenize';
import {
  ADJUNCT_PREPOSITIONS,
  AS_SAYING,
  BE_VERBS,
  cueOf,
  DETERMINERS,
  NEGATIONS,
  NOMINAL_CUES,
  NP_BREAKERS,
  PARTICIPLE_CUES,
  PRE_VERB,
  SUBJECT_PRONOUNS,
  TIME_WORDS,
  type CueEntry,
} from './cue-lexicon';
import type { EntityMemory, Resolved } from './entity-memory';
import { addWork } from './work-meter';

export type FrameKind = 'direct_quote' | 'indirect' | 'according_to' | 'mixed';

export interface RawFrame {
  content: Span[];
  sources: SourceRef[];
  via: SourceRef[];
  cue?: Span;
  cueLemma?: string;
  kind: FrameKind;
  /** A speaker with no content in its own sentence ("Trump said to cheers."): claims the quotation just before. */
  dangling?: boolean;
}

export interface AttributorContext {
  text: string;
  memory: EntityMemory;
  isOutlet: (name: string) => boolean;
}

interface SourcePhrase {
  /** Token range of the whole mention (for the mention span), inclusive. */
  s: number;
  e: number;
  /** Token range of the head (name) part, inclusive. */
  hs: number;
  he: number;
  /** A medium named in a participial modifier ("speaking on state television"): an intermediary. */
  via?: SourcePhrase;
  /** Whom the source cites in a modifier before the cue ("Politico, citing two aides, reported"). */
  citing?: SourcePhrase;
}

const MAX_TAIL = 24;
/** Sentence connectives that never start a source ("However polls show …"). */
const LEADING_CONNECTIVES = new Set([
  'and',
  'but',
  'so',
  'then',
  'while',
  'as',
  'however',
  'meanwhile',
  'still',
  'yet',
  'also',
  'now',
  'instead',
  'indeed',
  'moreover',
  'thus',
  'and,',
]);
const ANTECEDENT_STOP = new Set([
  'by',
  'with',
  'to',
  'from',
  'for',
  'at',
  'on',
  'in',
  'against',
  'about',
  'like',
  'among',
  'between',
  'over',
  'under',
  'after',
  'before',
]);
/** How far back a source or a content boundary is looked for (tokens). */
const WINDOW = 120;
/** Words after which a cue form is a noun ("the report", "a tweet", "his claims"). */
const NOUN_MARKERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'no',
  'every',
  'each',
  'whose',
  'new',
  'latest',
  'recent',
  'first',
  'last',
  'own',
]);
/** Verbs that put their source after them: "…,” said X" / "…, wrote the newspaper". */
const INVERTING = new Set([
  'say',
  'add',
  'write',
  'note',
  'explain',
  'reply',
  'insist',
  'argue',
  'ask',
  'claim',
  'tweet',
  'state',
  'warn',
  'report',
  'tell',
  'recall',
  'complain',
  'acknowledge',
  'admit',
  'conclude',
  'respond',
  'declare',
  'repeat',
  'recount',
  'joke',
  'quip',
  'exclaim',
  'continue',
  'post',
  'remark',
  'observe',
  'caution',
  'concede',
  'suggest',
  'predict',
]);
const MAX_SOURCE_TOKENS = 18;
/** Punctuation that sets a postposed source off from the content before it. */
const SETS_OFF = /^[,;:\u2014\u2013\-"'\u201d\u2019)]+$/;
const PARTICIPLE_SKIP =
  /^(?:speaking|citing|writing|referring|responding|appearing|addressing|visiting|testifying|standing)$/;
const ADVERB_PARTS = new Set([
  'however',
  'meanwhile',
  'too',
  'though',
  'also',
  'separately',
  'moreover',
  'furthermore',
  'instead',
  'nonetheless',
  'nevertheless',
]);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists']);
const LEXICAL_NOUN =
  /(?:ministry|department|agency|office|service|police|government|commission|council|authority|court|union|federation|group|company|institute|association|society|bank|report|survey|figures|data|study|statement|officials?|sources?|spokes(?:man|woman|person)|witnesses|residents|organi[sz]ers|analysts|experts|people|person|member|inspectorate|regulator|network|charity|party|firm|administration|army|military|broadcaster|newspaper|media|daily|poll|bulletin|documents?|records|emails?|returns|filings?|disclosures?|memos?|letters?|studies|surveys|reports)s?$/;

export class SentenceAttributor {
  private toks: Token[] = [];
  /** While set, nothing is registered in the document memory. */
  private dry = false;
  private carried: SourceRef[] = [];
  private readonly titleCache = new Map<number, boolean>();

  constructor(private readonly ctx: AttributorContext) {}

  /** Frames of one sentence. `toks` already carry quote membership. */
  frames(toks: Token[]): RawFrame[] {
    this.toks = toks;
    this.titleCache.clear();
    addWork(toks.length);
    const out: RawFrame[] = [];
    let a = 0;
    for (let i = 0; i <= toks.length; i++) {
      const t = toks[i];
      const boundary =
        i === toks.length ||
        (t.q < 0 && !t.qm && (t.t === ';' || ((t.t === '\u2014' || t.t === '\u2013') && this.spaced(i))));
      if (!boundary) continue;
      if (i > a) this.clause(a, i, out);
      a = i + 1;
    }
    return out;
  }

  private spaced(i: number): boolean {
    const t = this.toks[i];
    const text = this.ctx.text;
    return (t.s > 0 && /\s/.test(text[t.s - 1])) || /\s/.test(text[t.e] ?? ' ');
  }

  // ---------------------------------------------------------------- clause

  private clause(a: number, b: number, out: RawFrame[]): void {
    const toks = this.toks;
    addWork(2 * (b - a));
    // 1. "according to X" governs its clause
    for (let i = a; i < b - 1; i++) {
      if (toks[i].q < 0 && toks[i].k === 'according' && toks[i + 1].k === 'to') {
        const f = this.accordingTo(a, b, i);
        if (f.length) {
          out.push(...f);
          return;
        }
      }
    }
    // 2. a postposed cue at the end of the clause governs it ("Its own survey showed …, the federation said.")
    for (let j = b - 1, n = 0; j > a && n < 30; j--, n++) {
      const t = toks[j];
      if (t.q >= 0) break;
      const entry = t.w ? cueOf(t.k) : undefined;
      if (!entry || t.k.endsWith('ing')) continue;
      // a dry run first: a cue that turns out not to be postposed must leave no trace in the document memory
      this.dry = true;
      const probe = this.verbCue(a, b, j, entry);
      this.dry = false;
      if (probe?.postposed) {
        const res = this.verbCue(a, b, j, entry);
        if (res) {
          out.push(...res.frames);
          return;
        }
      }
      break;
    }
    // 3. reporting verbs and nominal cues, left to right
    const before = out.length;
    let i = a;
    let guard = 0;
    while (i < b && guard++ < 4 * (b - a) + 8) {
      addWork(1);
      const t = toks[i];
      if (t.q >= 0 || !t.w) {
        i++;
        continue;
      }
      const nominal = NOMINAL_CUES.get(t.k);
      if (nominal && i + 1 < b && (toks[i + 1].k === 'from' || toks[i + 1].k === 'by')) {
        const f = this.nominalCue(i, b, nominal);
        if (f) {
          out.push(f);
          i = b;
          continue;
        }
      }
      const entry = cueOf(t.k);
      if (entry) {
        const res = this.verbCue(a, b, i, entry);
        if (res) {
          out.push(...res.frames);
          i = Math.max(res.next, i + 1);
          continue;
        }
      }
      i++;
    }
    if (out.length === before) this.colonQuote(a, b, out);
  }

  /** "He sighed: “…”", "Meghan McCain, Twitter: “…”": a short subject, a colon, then a quotation. */
  private colonQuote(a: number, b: number, out: RawFrame[]): void {
    const toks = this.toks;
    let ci = -1;
    for (let j = a; j < b && j - a <= 14; j++) {
      if (toks[j].q >= 0) return;
      if (toks[j].t === ':') {
        ci = j;
        break;
      }
    }
    if (ci <= a || ci + 1 >= b || toks[ci + 1].qm !== 'o') return;
    const subj = this.clauseSubject(a, ci - 1);
    if (!subj || !this.sourceLike(subj)) return;
    const sources = this.sourcesOf(subj);
    if (!sources.length || sources.some((x) => x.type === 'document')) return;
    const content = this.contentAfter(ci + 1, b);
    if (!content.length) return;
    out.push(
      this.frame(content, sources, this.carriedVia(sources), { start: toks[ci].s, end: toks[ci].e }, 'say'),
    );
  }

  // ---------------------------------------------------------------- according to

  private accordingTo(a: number, b: number, i: number): RawFrame[] {
    const toks = this.toks;
    const ss = i + 2;
    let se = ss;
    while (
      se < b &&
      toks[se].t !== ',' &&
      toks[se].t !== '.' &&
      toks[se].k !== 'that' &&
      !toks[se].qm &&
      se - ss < 30
    )
      se++;
    if (se === ss) return [];
    const srcEnd = this.trimPunctBack(ss, se - 1);
    if (srcEnd < ss) return [];
    const phrase: SourcePhrase = { s: ss, e: srcEnd, hs: ss, he: srcEnd };
    const cue = { start: toks[i].s, end: toks[i + 1].e };
    const before = this.firstWord(a, i - 1);
    const sources = this.sourcesOf(phrase);
    if (!sources.length) return [];
    if (before < 0) {
      // "According to X, CONTENT" — the content may itself carry a cue: "According to Yonhap, Kirby reported that …"
      const cs = se < b && toks[se].t === ',' ? se + 1 : se;
      if (cs >= b) return [];
      const inner: RawFrame[] = [];
      this.clauseVerbsOnly(cs, b, inner);
      const viaOk = sources.every((s) => s.type === 'media');
      if (inner.length && viaOk) {
        for (const f of inner) {
          f.via = [...sources.map((s) => ({ ...s })), ...f.via];
          for (const x of f.sources) this.ctx.memory.setVia(x.name, f.via);
        }
        return inner;
      }
      return [
        {
          content: this.spans([[cs, b - 1]]),
          sources,
          via: [],
          cue,
          cueLemma: 'according to',
          kind: 'according_to',
        },
      ];
    }
    // "according to an industry group, the Arctic Shipping Council, which said …": the name is part of the source
    if (se < b && toks[se].t === ',' && DETERMINERS.has(toks[ss].k) && !toks[srcEnd].cap) {
      let e2 = se + 1;
      if (e2 < b && toks[e2].k === 'the') e2++;
      const nameStart = e2;
      while (
        e2 < b &&
        toks[e2].w &&
        (toks[e2].cap || /^(?:of|for|and)$/.test(toks[e2].k)) &&
        e2 - nameStart < 8
      )
        e2++;
      if (e2 > nameStart && toks[nameStart].cap && (e2 >= b || toks[e2].t === ',' || toks[e2].t === '.')) {
        const named = this.sourcesOf({ s: ss, e: e2 - 1, hs: se + 1, he: e2 - 1 });
        if (named.length) {
          const out: RawFrame[] = [
            {
              content: this.spans([[a, i - 1]]),
              sources: named,
              via: [],
              cue,
              cueLemma: 'according to',
              kind: 'according_to',
            },
          ];
          if (e2 < b && toks[e2].t === ',') this.clauseVerbsOnly(a, b, out, e2 + 1);
          return out;
        }
      }
    }
    const ranges: Array<[number, number]> = [[a, i - 1]];
    if (se < b && toks[se].t === ',' && se + 1 < b) ranges.push([se + 1, b - 1]);
    return [
      { content: this.spans(ranges), sources, via: [], cue, cueLemma: 'according to', kind: 'according_to' },
    ];
  }

  /** Verb cues only (no according-to), used for the content of a leading "According to X,". */
  private clauseVerbsOnly(a: number, b: number, out: RawFrame[], from = a): void {
    for (let i = from; i < b; i++) {
      const t = this.toks[i];
      if (t.q >= 0 || !t.w) continue;
      const entry = cueOf(t.k);
      if (!entry) continue;
      const res = this.verbCue(a, b, i, entry);
      if (res) {
        out.push(...res.frames);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- nominal cues

  private nominalCue(i: number, b: number, lemma: string): RawFrame | undefined {
    const toks = this.toks;
    const ss = i + 2;
    let th = ss;
    while (th < b && th - ss < 12 && toks[th].k !== 'that' && toks[th].t !== '.' && !toks[th].qm) th++;
    if (th >= b || toks[th].k !== 'that' || th === ss) return undefined;
    const e = this.trimPunctBack(ss, th - 1);
    if (e < ss) return undefined;
    const sources = this.sourcesOf({ s: ss, e, hs: ss, he: e });
    if (!sources.length) return undefined;
    const content = this.contentAfter(th + 1, b);
    if (!content.length) return undefined;
    return {
      content,
      sources,
      via: [],
      cue: { start: toks[i].s, end: toks[i].e },
      cueLemma: lemma,
      kind: this.kindOf(content),
    };
  }

  // ---------------------------------------------------------------- verb cues

  private verbCue(
    a: number,
    b: number,
    c: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number; postposed?: boolean } | undefined {
    const toks = this.toks;
    const cueTok = toks[c];
    // back over auxiliaries and adverbs ("has also said", "did not confirm", "initially reported", "on Tuesday said")
    let p = c - 1;
    let negated = false;
    while (p >= a) {
      const k = toks[p].k;
      if (NEGATIONS.has(k)) negated = true;
      else if (!(PRE_VERB.has(k) || k === 'did' || k === 'does' || k === 'do')) {
        if (TIME_WORDS.has(k) && p - 1 >= a && toks[p - 1].k === 'on') {
          p -= 2;
          continue;
        }
        break;
      }
      p--;
    }
    if (negated) return undefined;
    const prev = p >= a ? toks[p] : undefined;
    // a noun, not a verb: "a 2011 tweet", "the United States", "his report"
    if (cueTok.cap && this.firstWord(a, c - 1) >= 0 && !this.titleCase(a, b)) return undefined;
    if (
      prev &&
      prev.w &&
      p === c - 1 &&
      (NOUN_MARKERS.has(prev.k) || /^\d/.test(prev.k) || /'s?$/.test(prev.k))
    )
      return undefined;
    if (prev && prev.k === 'to') return undefined; // infinitive: "declined to comment", "refused to confirm"
    // passives: "as confirmed by X", "were reported by X"
    if (prev && (BE_VERBS.has(prev.k) || prev.k === 'as')) {
      if (entry.lemma === 'quote' && BE_VERBS.has(prev.k)) return this.quotedAs(a, b, c, p);
      if (c + 1 < b && toks[c + 1].k === 'by') return this.passive(a, b, c, p, entry);
      return undefined;
    }
    const ing = cueTok.k.endsWith('ing');
    if (ing) {
      if (prev && prev.t === ',' && PARTICIPLE_CUES.has(cueTok.k)) return this.participle(a, b, c, p, entry);
      return undefined;
    }
    // inverted: "…,” said X" / "…, said X, a lawyer"
    if (
      prev &&
      (prev.t === ',' || prev.qm === 'c') &&
      INVERTING.has(entry.lemma) &&
      c + 1 < b &&
      toks[c + 1].w &&
      toks[c + 1].q < 0 &&
      (toks[c + 1].cap ||
        DETERMINERS.has(toks[c + 1].k) ||
        toks[c + 1].k === 'one' ||
        this.capSoon(c + 1, b)) &&
      !this.appositiveSubject(a, p)
    ) {
      const inv = this.inverted(a, b, c, p, entry);
      if (inv) return inv;
    }
    if (!prev || !prev.w || prev.q >= 0) {
      if (!(prev && prev.t === ',')) return undefined;
    }
    if (prev && (prev.k === 'who' || prev.k === 'which')) return this.relative(a, b, c, p, entry);
    // coordinated verb phrases: "Trump praised the crowd and said …" — the clause subject speaks
    if (prev && (prev.k === 'and' || prev.k === 'but') && p > a && toks[p - 1].w && !toks[p - 1].cap) {
      return this.coordinated(a, b, c, p, entry);
    }
    const src = this.sourceBefore(a, p);
    if (!src) return undefined;
    const tail = this.tail(c, b, entry);
    const cue: Span = { start: cueTok.s, end: cueTok.e };
    const contentBefore = this.firstWord(this.postBound(a, src.s), src.s - 1) >= 0;
    const postposedUse = contentBefore && (tail.next === 'end' || tail.next === 'comma');
    // A postposed source is set off from what it reports ("…, police said", "…,” she said", "… — officials
    // say"); a noun at the end of a clause ("instructed to downgrade reports") is no cue.
    if (contentBefore && tail.next === 'end' && src.s > a && !SETS_OFF.test(toks[src.s - 1].t))
      return undefined;
    if (entry.weak && !postposedUse && !this.sourceLike(src)) return undefined;

    let sources = this.sourcesOf(src);
    if (!sources.length) return undefined;
    let via: SourceRef[] = [];
    // "X quoted Y as saying …"
    if (tail.asSaying) {
      via = sources;
      sources = this.sourcesOf(tail.asSaying);
      if (!sources.length) return undefined;
    } else {
      const citing = tail.citing ?? src.citing;
      if (citing && sources.every((s) => s.type === 'media')) {
        via = sources;
        sources = this.sourcesOf(citing);
        if (!sources.length) return undefined;
      }
    }
    if (tail.via) via = [...via, ...tail.via];
    if (src.via) {
      const named =
        this.hasCap(src.via.s, src.via.e) ||
        /\b(?:state|national|public)\s+(?:media|television|tv|radio|news\s+agency|broadcaster)\b/i.test(
          this.textOf(src.via),
        );
      if (named)
        for (const o of this.sourcesOf(src.via, false))
          if (o.type === 'media' && !this.ctx.isOutlet(o.name)) via.push(o);
    }
    if (tail.object) {
      const obj = this.sourcesOf(tail.object, false);
      const named =
        this.hasCap(tail.object.s, tail.object.e) ||
        /\b(?:state|national|public)\s+(?:media|television|tv|radio|news\s+agency|broadcaster)\b/i.test(
          this.textOf(tail.object),
        );
      if (named) for (const o of obj) if (o.type === 'media' && !this.ctx.isOutlet(o.name)) via.push(o);
    }
    if (!via.length) via = this.carriedVia(sources);
    this.noteDocument(tail.docPhrase, sources);

    let next = tail.next;
    // "“…,” X said of Trump at a conference last month." — a quotation just before the source is the content
    if (next === 'clause' && this.quoteJustBefore(a, src.s)) next = 'end';
    // an interrupted quotation: "“The fire spread quickly,” Lisk said, “and many were trapped.”"
    if (next === 'quote' && this.quoteJustBefore(a, src.s)) {
      const lb = this.postBound(a, src.s);
      const content = this.spans(
        [
          [lb, src.s - 1],
          [tail.k, b - 1],
        ],
        true,
      );
      if (content.length)
        return { frames: [this.frame(content, sources, via, cue, entry.lemma)], next: b, postposed: true };
    }
    if (next === 'that' || next === 'colon' || next === 'quote' || next === 'clause') {
      if (next === 'clause' && entry.mode === 'thatOnly') return undefined;
      if (cueTok.k === 'put' || cueTok.k === 'puts') {
        if (!this.has(tail.k, b, 'at')) return undefined;
        // "Pre-election polls had put her support at …": a document with no author is the outlet's summary
        if (sources.every((x) => x.type === 'document')) return undefined;
      }
      let start = next === 'that' || next === 'colon' ? tail.k + 1 : tail.k;
      if (next === 'clause' && entry.mode === 'object' && !tail.asSaying && !tail.citing)
        start = src.via || src.citing ? c : src.e + 1; // a relay modifier between source and cue is no content
      if (start <= src.e) start = src.e + 1;
      const { frames, end } = this.preposedContent(start, b, sources, via, cue, entry.lemma, src);
      return { frames, next: end };
    }
    // nothing follows the cue: postposed ("…, police said.") or a bare act ("X confirmed it.")
    if (contentBefore) {
      const lb = this.postBound(a, src.s);
      const ranges: Array<[number, number]> = [[lb, src.s - 1]];
      const extra: RawFrame[] = [];
      if (next === 'comma' && tail.k + 1 < b) {
        const k2 = tail.k + 1;
        if (PARTICIPLE_CUES.has(toks[k2].k) && toks[k2].k !== 'citing') {
          const e2 = cueOf(toks[k2].k);
          if (e2) {
            const t2 = this.tail(k2, b, e2);
            const s2 = t2.next === 'that' || t2.next === 'colon' ? t2.k + 1 : t2.k;
            const c2 = this.contentAfter(s2, b);
            if (c2.length)
              extra.push(this.frame(c2, sources, via, { start: toks[k2].s, end: toks[k2].e }, e2.lemma));
          }
        } else if (toks[k2].k !== 'citing' && !RELATIVES.has(toks[k2].k)) {
          ranges.push([k2, b - 1]);
        }
      }
      const content = this.spans(ranges, true);
      if (!content.length) return undefined;
      return {
        frames: [this.frame(content, sources, via, cue, entry.lemma), ...extra],
        next: b,
        postposed: true,
      };
    }
    if (entry.mode === 'object' && tail.k > c + 1) {
      const content = this.contentAfter(src.e + 1, b);
      if (content.length) return { frames: [this.frame(content, sources, via, cue, entry.lemma)], next: b };
    }
    if (INVERTING.has(entry.lemma) && this.firstWord(0, src.s - 1) < 0) {
      // no content in this sentence: the speaker of a quotation that ended the previous sentence
      const f = this.frame([], sources, via, cue, entry.lemma);
      f.dangling = true;
      return { frames: [f], next: b, postposed: true };
    }
    return undefined;
  }

  /** "…, who said …" / "Republicans, who say it …": the relative pronoun is the mention, its antecedent the source. */
  private relative(
    a: number,
    b: number,
    c: number,
    p: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number } | undefined {
    const toks = this.toks;
    let q = p - 1;
    if (q >= a && toks[q].t === ',') q--;
    if (q < a || !toks[q].w || toks[q].q >= 0) return undefined;
    const ante = this.antecedent(a, q);
    if (!ante) return undefined;
    const tail = this.tail(c, b, entry);
    if (tail.next !== 'that' && tail.next !== 'colon' && tail.next !== 'quote' && tail.next !== 'clause')
      return undefined;
    if (tail.next === 'clause' && entry.mode !== 'clause') return undefined;
    const sources = this.sourcesOf({ s: ante.hs, e: ante.he, hs: ante.hs, he: ante.he });
    if (!sources.length) return undefined;
    const who: Span = { start: toks[p].s, end: toks[p].e };
    for (const s2 of sources) s2.mention = { ...who };
    let via: SourceRef[] = [];
    if (tail.object && this.hasCap(tail.object.s, tail.object.e)) {
      for (const o of this.sourcesOf(tail.object, false))
        if (o.type === 'media' && !this.ctx.isOutlet(o.name)) via.push(o);
    }
    if (tail.via) via = [...via, ...tail.via];
    const start = tail.next === 'that' || tail.next === 'colon' ? tail.k + 1 : tail.k;
    let end = b;
    for (let j = start; j < b; j++) {
      // the relative clause ends at the next comma outside quotations
      if (toks[j].t === ',' && toks[j].q < 0) {
        end = j;
        break;
      }
    }
    const content = this.contentAfter(start, end);
    if (!content.length) return undefined;
    return {
      frames: [this.frame(content, sources, via, { start: toks[c].s, end: toks[c].e }, entry.lemma)],
      next: end,
    };
  }

  /** Content after a preposed cue, cut before a coordinated cue of the same source ("…, but said …", "… and urged …"). */
  private preposedContent(
    start: number,
    b: number,
    sources: SourceRef[],
    via: SourceRef[],
    cue: Span,
    lemma: string,
    src: SourcePhrase,
  ): { frames: RawFrame[]; end: number } {
    const toks = this.toks;
    const frames: RawFrame[] = [];
    let end = b;
    let nextCue = -1;
    let cutAt = -1;
    for (let j = start; j < b; j++) {
      addWork(1);
      const t = toks[j];
      if (t.q >= 0) continue;
      // ", citing …" after the content is the basis of the claim, not part of it
      if (t.k === 'citing' && j > start && toks[j - 1].t === ',') {
        end = j - 1;
        break;
      }
      if ((t.k === 'and' || t.k === 'but') && j > start) {
        let k = j + 1;
        while (k < b && (toks[k].k === 'also' || toks[k].k === 'then' || toks[k].k === 'later')) k++;
        const e = k < b ? cueOf(toks[k].k) : undefined;
        if (e && !toks[k].k.endsWith('ing') && toks[k].q < 0) {
          cutAt = toks[j - 1].t === ',' ? j - 1 : j;
          nextCue = k;
          break;
        }
      }
      if (t.t === ',' && j + 1 < b && PARTICIPLE_CUES.has(toks[j + 1].k) && toks[j + 1].k !== 'citing') {
        cutAt = j;
        nextCue = j + 1;
        break;
      }
    }
    if (cutAt >= 0) end = cutAt;
    const content = this.contentAfter(start, end);
    if (content.length) frames.push(this.frame(content, sources, via, cue, lemma));
    if (nextCue >= 0) {
      const e2 = cueOf(toks[nextCue].k);
      if (e2) {
        const t2 = this.tail(nextCue, b, e2);
        const c2: Span = { start: toks[nextCue].s, end: toks[nextCue].e };
        let s2 = t2.next === 'that' || t2.next === 'colon' ? t2.k + 1 : t2.k;
        if (t2.next === 'clause' && e2.mode === 'object') s2 = nextCue;
        if (!(t2.next === 'clause' && e2.mode === 'thatOnly')) {
          const sub = this.preposedContent(s2, b, sources, via, c2, e2.lemma, src);
          frames.push(...sub.frames);
        }
      }
    }
    return { frames, end: b };
  }

  private passive(
    a: number,
    b: number,
    c: number,
    p: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number } | undefined {
    const toks = this.toks;
    const ss = c + 2;
    let se = ss;
    while (se < b && toks[se].t !== ',' && toks[se].t !== '.' && !toks[se].qm && se - ss < 20) se++;
    const e = this.trimPunctBack(ss, se - 1);
    if (e < ss) return undefined;
    const sources = this.sourcesOf({ s: ss, e, hs: ss, he: e });
    if (!sources.length) return undefined;
    const content = this.spans([[a, p - 1]], true);
    if (!content.length) return undefined;
    return {
      frames: [
        this.frame(
          content,
          sources,
          this.carriedVia(sources),
          { start: toks[c].s, end: toks[c].e },
          entry.lemma,
        ),
      ],
      next: b,
    };
  }

  /** "X was quoted (by Reuters) as saying …": X is the source, the quoting outlet the intermediary. */
  private quotedAs(
    a: number,
    b: number,
    c: number,
    p: number,
  ): { frames: RawFrame[]; next: number } | undefined {
    const toks = this.toks;
    let j = c + 1;
    let by: SourcePhrase | undefined;
    if (j < b && toks[j].k === 'by') {
      const s0 = j + 1;
      while (j < b && toks[j].k !== 'as' && j - s0 < 12) j++;
      if (j > s0) by = { s: s0, e: j - 1, hs: s0, he: j - 1 };
    }
    if (!(j + 1 < b && toks[j].k === 'as' && AS_SAYING.has(toks[j + 1].k))) return undefined;
    let q = p - 1;
    while (q >= a && PRE_VERB.has(toks[q].k)) q--;
    const src = q >= a ? this.sourceBefore(a, q) : undefined;
    if (!src) return undefined;
    const sources = this.sourcesOf(src);
    if (!sources.length) return undefined;
    const via = by ? this.sourcesOf(by, false) : [];
    let start = j + 2;
    if (start < b && toks[start].k === 'that') start++;
    const content = this.contentAfter(start, b);
    if (!content.length) return undefined;
    return {
      frames: [this.frame(content, sources, via, { start: toks[c].s, end: toks[c].e }, 'quote')],
      next: b,
    };
  }

  /** "X did Y and said …": the subject of the clause is the source of the second verb. */
  private coordinated(
    a: number,
    b: number,
    c: number,
    p: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number } | undefined {
    return this.subjectClauseFrames(this.clauseSubject(a, p - 1), b, c, entry, true);
  }

  /** ", ruling that …" / ", saying …": the subject of the clause is the source. */
  private participle(
    a: number,
    b: number,
    c: number,
    p: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number } | undefined {
    return this.subjectClauseFrames(this.clauseSubject(a, p), b, c, entry, false);
  }

  /**
   * Frames for a cue whose clause subject is the source (the coordinated and participle shapes): the content runs
   * from after "that"/":" (or from the tail) to the end of the region. With `objectFromCue`, an object-mode cue
   * followed by a clause keeps its verb in the content ("corroborated the movement of …").
   */
  private subjectClauseFrames(
    subj: SourcePhrase | undefined,
    b: number,
    c: number,
    entry: CueEntry,
    objectFromCue: boolean,
  ): { frames: RawFrame[]; next: number } | undefined {
    if (!subj || !this.sourceLike(subj)) return undefined;
    const tail = this.tail(c, b, entry);
    const clause = tail.next === 'clause' && entry.mode !== 'thatOnly';
    if (tail.next !== 'that' && tail.next !== 'colon' && tail.next !== 'quote' && !clause) return undefined;
    const sources = this.sourcesOf(subj);
    if (!sources.length) return undefined;
    let start = tail.next === 'that' || tail.next === 'colon' ? tail.k + 1 : tail.k;
    if (objectFromCue && clause && entry.mode === 'object') start = c;
    const cue: Span = { start: this.toks[c].s, end: this.toks[c].e };
    const { frames } = this.preposedContent(
      start,
      b,
      sources,
      this.carriedVia(sources),
      cue,
      entry.lemma,
      subj,
    );
    return frames.length ? { frames, next: b } : undefined;
  }

  /** "“…,” said Rafael Oduya, a lawyer for the publishers." */
  private inverted(
    a: number,
    b: number,
    c: number,
    p: number,
    entry: CueEntry,
  ): { frames: RawFrame[]; next: number; postposed?: boolean } | undefined {
    const toks = this.toks;
    let se = c + 1;
    let relative = false;
    while (se < b && se - c <= 3 * MAX_SOURCE_TOKENS) {
      const t = toks[se];
      if (t.t === '.' || t.t === '!' || t.t === '?' || t.qm || t.q >= 0) break;
      if (t.t === ',' && se + 1 < b && (PARTICIPLE_CUES.has(toks[se + 1].k) || toks[se + 1].k === 'citing'))
        break;
      if (RELATIVES.has(t.k)) {
        if (se === c + 1) return undefined;
        relative = true;
      } else if (!relative) {
        if (NP_BREAKERS.has(t.k) || ((t.k === 'when' || t.k === 'after' || t.k === 'before') && se > c + 1)) {
          if (
            se > c + 1 &&
            !/^(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|said|says|told|that)$/.test(
              t.k,
            )
          )
            break;
          return undefined;
        }
        if (t.k === 'that' || (SUBJECT_PRONOUNS.has(t.k) && se !== c + 1)) return undefined;
      }
      se++;
    }
    if (se - c > 3 * MAX_SOURCE_TOKENS) return undefined;
    // the name part of an inverted source is short ("said Ines Varga, the society's director")
    for (let j = c + 1, n = 0; j < se; j++, n++) {
      if (toks[j].t === ',' || RELATIVES.has(toks[j].k)) break;
      if (n >= 9) return undefined;
    }
    // time adjuncts after the name: "said Smith on Tuesday"
    let e = this.trimPunctBack(c + 1, se - 1);
    while (e > c + 1 && TIME_WORDS.has(toks[e].k)) {
      e--;
      if (toks[e].k === 'on' || toks[e].k === 'late' || toks[e].k === 'early') e--;
    }
    e = this.trimPunctBack(c + 1, e);
    if (e < c + 1) return undefined;
    let he = e;
    for (let j = c + 1; j <= e; j++) {
      if (toks[j].t === ',') {
        he = j - 1;
        break;
      }
    }
    const src: SourcePhrase = { s: c + 1, e, hs: c + 1, he };
    const sources = this.sourcesOf(src);
    if (!sources.length) return undefined;
    const lb = this.postBound(a, p + 1);
    const content = this.spans([[lb, p]], true);
    if (!content.length) return undefined;
    const frames = [
      this.frame(
        content,
        sources,
        this.carriedVia(sources),
        { start: toks[c].s, end: toks[c].e },
        entry.lemma,
      ),
    ];
    if (se < b && toks[se].t === ',' && se + 1 < b && PARTICIPLE_CUES.has(toks[se + 1].k)) {
      const k2 = se + 1;
      const e2 = cueOf(toks[k2].k);
      if (e2) {
        const t2 = this.tail(k2, b, e2);
        const s2 = t2.next === 'that' || t2.next === 'colon' ? t2.k + 1 : t2.k;
        const c2 = this.contentAfter(s2, b);
        if (c2.length)
          frames.push(
            this.frame(c2, sources, frames[0].via, { start: toks[k2].s, end: toks[k2].e }, e2.lemma),
          );
      }
    }
    return { frames, next: b, postposed: true };
  }

  // ---------------------------------------------------------------- cue tail

  private tail(
    c: number,
    b: number,
    entry: CueEntry,
  ): {
    k: number;
    next: 'that' | 'colon' | 'quote' | 'clause' | 'end' | 'comma';
    object?: SourcePhrase;
    citing?: SourcePhrase;
    asSaying?: SourcePhrase;
    via?: SourceRef[];
    docPhrase?: string;
  } {
    const toks = this.toks;
    let k = c + 1;
    let object: SourcePhrase | undefined;
    let citing: SourcePhrase | undefined;
    let asSaying: SourcePhrase | undefined;
    let docPhrase: string | undefined;
    const via: SourceRef[] = [];
    if (entry.lemma === 'quote') {
      for (let j = k; j < b && j - k < 30; j++) {
        if (toks[j].t === '.' || toks[j].qm) break;
        if (toks[j].k === 'as' && j + 1 < b && AS_SAYING.has(toks[j + 1].k) && j > k) {
          const e = this.trimPunctBack(k, j - 1);
          if (e >= k) asSaying = { s: k, e, hs: k, he: e };
          k = j + 2;
          break;
        }
      }
      if (!asSaying) return { k, next: 'end' };
    }
    if (entry.addressee && k < b && toks[k].w && toks[k].q < 0 && toks[k].k !== 'that') {
      const os = k;
      if (OBJECT_PRONOUNS.has(toks[k].k)) k++;
      else {
        while (k < b && k - os < 8) {
          const t = toks[k];
          if (!t.w || t.q >= 0 || t.k === 'that') break;
          if (k > os && (ADJUNCT_PREPOSITIONS.has(t.k) || DETERMINERS.has(t.k) || SUBJECT_PRONOUNS.has(t.k)))
            break;
          if (k > os && !toks[k - 1].cap && t.cap && !/^(?:news|press)$/i.test(t.k)) {
            // lower-case noun then a capitalised word: "told reporters Smith …" — a descriptor ("local broadcaster Radio X") keeps going
            if (
              !/(?:broadcaster|newspaper|agency|daily|channel|network|station|outlet|magazine|service|radio|television)$/.test(
                toks[k - 1].k,
              )
            )
              break;
          }
          k++;
        }
      }
      if (k > os) object = { s: os, e: k - 1, hs: os, he: k - 1 };
    }
    for (let n = 0; n < MAX_TAIL && k < b; n++) {
      const t = toks[k];
      if (t.q >= 0 || t.qm) break;
      if (t.t === ',') {
        const nx = toks[k + 1];
        if (nx && nx.k === 'citing') {
          let e = k + 2;
          while (e < b && toks[e].t !== ',' && toks[e].k !== 'that' && toks[e].t !== '.' && e - k < 20) e++;
          if (e < b && (toks[e].t === ',' || toks[e].k === 'that') && e - 1 >= k + 2) {
            citing = { s: k + 2, e: e - 1, hs: k + 2, he: e - 1 };
            k = toks[e].t === ',' ? e + 1 : e;
            continue;
          }
          break;
        }
        if (nx && ADVERB_PARTS.has(nx.k) && toks[k + 2]?.t === ',') {
          k += 3;
          continue;
        }
        break;
      }
      if (TIME_WORDS.has(t.k) && !(t.k === 'may' || t.k === 'march') && t.k !== 'first') {
        k++;
        continue;
      }
      if (t.k === 'on' && k + 1 < b && (TIME_WORDS.has(toks[k + 1].k) || /^\d/.test(toks[k + 1].k))) {
        k += 2;
        continue;
      }
      if (
        t.k === 'to' &&
        k + 1 < b &&
        toks[k + 1].w &&
        !/^(?:be|have|do|make|take|get|go)$/.test(toks[k + 1].k)
      ) {
        // "said to cheers.", "told to a rally in Ohio." — only when the clause ends within a few words
        let j = k + 1;
        while (j < b && toks[j].w && toks[j].q < 0 && j - k <= 4) j++;
        if (j >= b || toks[j].t === '.' || toks[j].t === ',' || toks[j].qm) {
          k = j;
          continue;
        }
      }
      if (ADJUNCT_PREPOSITIONS.has(t.k) && t.k !== 'to' && t.k !== 'for' && t.k !== 'following') {
        if (t.k === 'at' && k + 1 < b && (toks[k + 1].k === 'least' || toks[k + 1].k === 'most')) break;
        const ps = k;
        k++;
        if (k < b && toks[k].qm === 'o') {
          // a quoted programme or title: said on “Fox News Sunday.”
          const id = toks[k].q;
          let j = k;
          while (j < b && toks[j].q === id && j - k < 10) j++;
          if (j - k < 10) {
            k = j;
            continue;
          }
          break;
        }
        let sawNoun = false;
        while (k < b && k - ps < 10) {
          const u = toks[k];
          if (!u.w || u.q >= 0 || u.k === 'that' || SUBJECT_PRONOUNS.has(u.k)) break;
          if (DETERMINERS.has(u.k) && sawNoun) break;
          if (ADJUNCT_PREPOSITIONS.has(u.k) || u.k === 'as' || u.k === 'about' || /^\d/.test(u.k)) break;
          if (!DETERMINERS.has(u.k)) sawNoun = true;
          k++;
        }
        if (k - 1 > ps) {
          const np: SourcePhrase = { s: ps + 1, e: k - 1, hs: ps + 1, he: k - 1 };
          const text = this.ctx.text.slice(toks[ps + 1].s, toks[k - 1].e);
          if (t.k === 'through' || t.k === 'via') via.push(...this.sourcesOf(np, false));
          else if (
            t.k === 'with' &&
            /interview/.test(this.ctx.text.slice(toks[Math.max(c, ps - 2)].s, toks[ps].s))
          ) {
            for (const o of this.sourcesOf(np, false))
              if (o.type === 'media' && !this.ctx.isOutlet(o.name)) via.push(o);
          }
          if (/\b(?:report|survey|study|bulletin|statement|analysis)\b/i.test(text)) docPhrase = text;
        }
        continue;
      }
      break;
    }
    let next: 'that' | 'colon' | 'quote' | 'clause' | 'end' | 'comma' = 'end';
    if (k < b) {
      const t = toks[k];
      if (t.k === 'that' && t.q < 0) next = 'that';
      else if (t.t === ':') next = 'colon';
      else if (t.qm === 'c') next = 'end';
      else if (t.qm === 'o' || t.q >= 0) next = 'quote';
      else if (t.t === ',') next = 'comma';
      else if (t.t === '.' || t.t === '!' || t.t === '?' || t.t === ')' || t.qm === 'c') next = 'end';
      else next = 'clause';
    }
    if (next === 'comma') {
      // "said, “…”": a quotation right after the comma is the content
      const nx = toks[k + 1];
      if (nx && (nx.qm === 'o' || nx.q >= 0)) {
        k++;
        next = 'quote';
      }
    }
    return { k, next, object, citing, asSaying, via: via.length ? via : undefined, docPhrase };
  }

  // ---------------------------------------------------------------- sources

  /** The source noun phrase ending at token p (inclusive), with appositives and relative clauses before the cue. */
  private sourceBefore(a: number, p: number): SourcePhrase | undefined {
    const toks = this.toks;
    if (p < a) return undefined;
    const commaBefore = toks[p].t === ',';
    const end = commaBefore ? p - 1 : p;
    if (end < a) return undefined;
    // parts separated by commas, from the left bound (clause start, or after a quotation)
    const lb = this.leftBound(a, end + 1);
    if (lb > end) return undefined;
    addWork(end - lb + 1);
    const parts: Array<[number, number]> = [];
    let ps = lb;
    for (let j = lb; j <= end; j++) {
      if (toks[j].t === ',') {
        if (j - 1 >= ps) parts.push([ps, j - 1]);
        ps = j + 1;
      }
    }
    if (end >= ps) parts.push([ps, end]);
    if (!parts.length) return undefined;
    if (!commaBefore) {
      const [s0, e0] = parts[parts.length - 1];
      let hs = e0;
      while (
        hs - 1 >= s0 &&
        !NP_BREAKERS.has(toks[hs - 1].k) &&
        !SUBJECT_PRONOUNS.has(toks[e0].k) &&
        toks[hs - 1].w &&
        toks[hs - 1].q < 0 &&
        e0 - hs < MAX_SOURCE_TOKENS
      )
        hs--;
      while (hs <= e0 && LEADING_CONNECTIVES.has(toks[hs].k)) hs++;
      if (hs > e0 || NP_BREAKERS.has(toks[e0].k) || !toks[e0].w) return undefined;
      if (e0 - hs >= MAX_SOURCE_TOKENS) return undefined;
      return { s: hs, e: e0, hs, he: e0 };
    }
    // walk back over appositives, relative clauses, participial phrases and adverbs
    let k = parts.length - 1;
    const kinds: string[] = [];
    while (k > 0) {
      const kind = this.modifierKind(parts[k], parts[k - 1]);
      if (!kind) break;
      kinds[k] = kind;
      k--;
    }
    const [hs0, he0] = parts[k];
    let hs = he0;
    while (
      hs - 1 >= hs0 &&
      !NP_BREAKERS.has(toks[hs - 1].k) &&
      toks[hs - 1].w &&
      he0 - hs < MAX_SOURCE_TOKENS
    )
      hs--;
    while (hs <= he0 && (toks[hs].k === 'and' || toks[hs].k === 'but')) hs++;
    if (hs > he0 || NP_BREAKERS.has(toks[he0].k)) return undefined;
    // the mention runs through the included modifiers; a participial or adverb part ends it
    let e = he0;
    let all = true;
    for (let j = k + 1; j < parts.length; j++) {
      if (kinds[j] === 'participle' || kinds[j] === 'adverb') {
        all = false;
        break;
      }
      e = parts[j][1];
    }
    if (all) e = p; // PolNeAR convention: "Mr. Kelly, a retired astronaut," keeps the comma before the cue
    let via: SourcePhrase | undefined;
    let citing: SourcePhrase | undefined;
    for (let j = k + 1; j < parts.length; j++) {
      const [ps0, pe0] = parts[j];
      if (kinds[j] !== 'participle' || ps0 + 1 > pe0) continue;
      const lead = toks[ps0].k;
      const prep = toks[ps0 + 1].k;
      if (/^(?:speaking|writing|appearing)$/.test(lead) && /^(?:on|to|in|with|through)$/.test(prep)) {
        if (ps0 + 2 <= pe0) via = { s: ps0 + 2, e: pe0, hs: ps0 + 2, he: pe0 };
      } else if (/^(?:quoted|cited)$/.test(lead) && prep === 'by') {
        // "X, quoted by Y, said …": X speaks, Y relays
        if (ps0 + 2 <= pe0) via = { s: ps0 + 2, e: pe0, hs: ps0 + 2, he: pe0 };
      } else if (lead === 'citing') {
        // "Politico, citing two aides, reported …": the aides speak, Politico relays
        citing = { s: ps0 + 1, e: pe0, hs: ps0 + 1, he: pe0 };
      }
    }
    return { s: hs, e, hs, he: he0, via, citing };
  }

  private modifierKind(part: [number, number], left: [number, number]): string | undefined {
    const toks = this.toks;
    const f = toks[part[0]];
    const lf = toks[left[0]];
    if (RELATIVES.has(f.k)) return 'relative';
    // "Copernicus, quoted by the state news agency, estimated …": a relay, not part of the name
    if (/^(?:quoted|cited)$/.test(f.k) && part[1] > part[0] && toks[part[0] + 1].k === 'by')
      return 'participle';
    if (ADVERB_PARTS.has(f.k) && part[1] === part[0]) return 'adverb';
    if (PARTICIPLE_SKIP.test(f.k) || (f.k.endsWith('ing') && f.k.length > 5 && !f.cap)) return 'participle';
    // A noun phrase, possibly closed by a relative clause ("a neurologist at Kellen University who was not
    // involved in the trial"): only the part before the relative pronoun must be a noun phrase.
    let np = part[1];
    for (let j = part[0]; j <= part[1]; j++) {
      if (RELATIVES.has(toks[j].k) && j > part[0]) {
        np = j - 1;
        break;
      }
      if (NP_BREAKERS.has(toks[j].k)) return undefined;
    }
    if (np - part[0] > 14 || part[1] - part[0] > 24) return undefined;
    const leftKind =
      RELATIVES.has(lf.k) || PARTICIPLE_SKIP.test(lf.k) || (lf.k.endsWith('ing') && !lf.cap) ? 'clause' : '';
    if (f.cap && !DETERMINERS.has(f.k)) {
      // a name after a description ("Her campaign manager, Joris Lind,") or inside a participial phrase
      if (leftKind) return 'participle';
      if (DETERMINERS.has(lf.k) || !lf.cap || /'s?$/.test(lf.k)) return 'appositive';
      if (/^\d/.test(f.k)) return 'appositive';
      // "Mr. Trump's campaign manager, Kellyanne Conway,": the left part ends in a common noun
      if (!toks[left[1]].cap) return 'appositive';
      // "Senator Kirsten Gillibrand, Democrat of New York,", "Lisa Monaco, Obama's adviser on security,"
      for (let j = part[0] + 1; j <= part[1]; j++)
        if (/^(?:of|at|for|from)$/.test(toks[j].k)) return 'appositive';
      if (/'s?$/.test(f.k) && !toks[part[1]].cap) return 'appositive';
      return undefined;
    }
    if (/^\d/.test(f.k)) return 'appositive';
    if (leftKind) return 'participle';
    return 'appositive';
  }

  /** The noun phrase ending at q that a relative pronoun refers to ("backed by Rina Holt, who …" → Rina Holt). */
  private antecedent(a: number, q: number): SourcePhrase | undefined {
    const toks = this.toks;
    let j = q;
    while (j >= a && q - j < 12) {
      const t = toks[j];
      if (!t.w || t.q >= 0 || NP_BREAKERS.has(t.k) || ANTECEDENT_STOP.has(t.k)) break;
      if (!t.cap && /ed$/.test(t.k) && j < q) break;
      j--;
    }
    if (j === q) return undefined;
    let hs = j + 1;
    while (hs < q && (toks[hs].k === 'and' || toks[hs].k === 'but')) hs++;
    return { s: hs, e: q, hs, he: q };
  }

  /** First noun phrase of a clause (skipping introductory phrases), for participial cues. */
  private clauseSubject(a: number, p: number): SourcePhrase | undefined {
    const toks = this.toks;
    let s = this.leftBound(a, a);
    // skip an introductory phrase ("In its ruling, …")
    if (s <= p && ADJUNCT_PREPOSITIONS.has(toks[s].k)) {
      let j = s;
      while (j <= p && toks[j].t !== ',') j++;
      if (j >= p) return undefined;
      s = j + 1;
    }
    while (s <= p && (LEADING_CONNECTIVES.has(toks[s].k) || toks[s].k === 'after' || toks[s].k === 'before'))
      s++;
    let e = s - 1;
    let lastGood = -1;
    for (let j = s; j <= p && j - s < 10; j++) {
      const t = toks[j];
      if (!t.w || t.q >= 0) break;
      const connector = (t.k === 'of' || t.k === 'for' || t.k === 'and') && j + 1 <= p && toks[j + 1].cap;
      const noun = this.sourceNoun(t.k);
      if (
        (t.cap && !(DETERMINERS.has(t.k) && j > s)) ||
        (DETERMINERS.has(t.k) && j === s) ||
        connector ||
        noun ||
        (!t.cap && j + 1 <= p && toks[j + 1].w && this.sourceNoun(toks[j + 1].k))
      ) {
        e = j;
        if ((t.cap && !DETERMINERS.has(t.k)) || noun) lastGood = j;
        continue;
      }
      break;
    }
    if (lastGood < s) return undefined;
    e = lastGood;
    return { s, e, hs: s, he: e };
  }

  /** Whether a phrase can be a source of weak verbs ("found", "put", "showed"): a name, body, document or pronoun. */
  private sourceLike(src: SourcePhrase): boolean {
    const toks = this.toks;
    const head = toks[src.he];
    if (SUBJECT_PRONOUNS.has(head.k) && head.k !== 'there') return true;
    for (let j = src.hs; j <= src.he; j++) {
      const t = toks[j];
      if (t.cap && j > src.hs) return true;
      if (t.cap && j === src.hs && !DETERMINERS.has(t.k)) return true;
    }
    return this.sourceNoun(head.k);
  }

  /** A noun that names a speaker, a body or a document ("minister", "agency", "officials", "survey"). */
  private sourceNoun(k0: string): boolean {
    if (LEXICAL_NOUN.test(k0)) return true;
    const k = k0.replace(/'s?$/, '');
    const sing = k.length > 3 && k.endsWith('s') ? k.slice(0, -1) : k;
    return [k, sing].some(
      (w) =>
        TITLE_HEADS.has(w) ||
        GOVERNMENT_WORDS.has(w) ||
        ORGANIZATION_WORDS.has(w) ||
        MEDIA_WORDS.has(w) ||
        ANONYMOUS_HEADS.has(w),
    );
  }

  /** Canonical, resolved sources of a phrase; joint sources ("police and hospital officials") split. */
  sourcesOf(ph: SourcePhrase, register = true): SourceRef[] {
    const toks = this.toks;
    const text = this.ctx.text;
    if (this.dry) register = false;
    if (register) this.carried = [];
    const mention: Span = { start: toks[ph.s].s, end: toks[ph.e].e };
    const headText = text.slice(toks[ph.hs].s, toks[ph.e].e);
    const pieces = this.splitJoint(ph.hs, ph.he);
    const out: SourceRef[] = [];
    for (const [s, e] of pieces) {
      let pieceText = text.slice(toks[s].s, toks[e].e);
      if (pieces.length === 1) pieceText = headText;
      const canon = canonicalSource(pieceText);
      if (!canon.name) continue;
      const resolved: Resolved | undefined = this.ctx.memory.resolve(text.slice(toks[s].s, toks[e].e), {
        ...canon,
        via: [],
      });
      if (!resolved) continue;
      if (register && resolved.via.length && /^(?:he|she|they|it)$/.test(toks[s].k) && s === e)
        this.carried = resolved.via;
      if (this.ctx.isOutlet(resolved.name)) continue;
      const ref: SourceRef = { name: resolved.name, type: resolved.type, mention: { ...mention } };
      if (resolved.role) ref.role = resolved.role;
      if (resolved.affiliation) ref.affiliation = resolved.affiliation;
      if (register) {
        const pron = /^(he|she)$/i.exec(toks[s].k);
        if (pron) this.ctx.memory.noteGender(resolved.name, pron[1]);
        this.ctx.memory.add(resolved, mention.start, pieceText);
      }
      out.push(ref);
    }
    return out;
  }

  private splitJoint(s: number, e: number): Array<[number, number]> {
    const toks = this.toks;
    let start = s;
    if (toks[start].k === 'both' && start < e) start++;
    for (let j = start + 1; j < e; j++) {
      if (toks[j].k !== 'and') continue;
      const left: [number, number] = [start, toks[j - 1].t === ',' ? j - 2 : j - 1];
      const right: [number, number] = [j + 1, e];
      const r0 = toks[right[0]];
      const l1 = toks[left[1]];
      if (
        toks[j - 1].k === 'of' ||
        (j >= 2 && (toks[j - 2].k === 'of' || toks[j - 2].k === 'for') && toks[j - 1].cap && r0.cap)
      )
        return [[s, e]];
      const leftCommas: Array<[number, number]> = [];
      let ls = left[0];
      for (let q = left[0]; q <= left[1]; q++) {
        if (toks[q].t === ',') {
          if (q - 1 >= ls) leftCommas.push([ls, q - 1]);
          ls = q + 1;
        }
      }
      if (left[1] >= ls) leftCommas.push([ls, left[1]]);
      const lower = !r0.cap || DETERMINERS.has(r0.k);
      const bothPlaces =
        leftCommas.length === 1 && left[0] === left[1] && right[0] === right[1] && l1.cap && r0.cap;
      const bothLong =
        left[1] - left[0] >= 1 &&
        right[1] - right[0] >= 1 &&
        toks[left[0]].cap &&
        r0.cap &&
        !toks[left[1]].cap === !r0.cap;
      if (lower || bothPlaces || bothLong) return [...leftCommas, right];
      return [[s, e]];
    }
    return [[start === s ? s : start, e]];
  }

  /** Intermediaries carried by a pronoun to a source only ever reported through them ("She said" after "CNA quoted X"). */
  private carriedVia(sources: SourceRef[]): SourceRef[] {
    return sources.length === 1 ? this.carried.map((v) => ({ ...v })) : [];
  }

  private noteDocument(docPhrase: string | undefined, sources: SourceRef[]): void {
    if (!docPhrase || sources.length !== 1 || this.dry) return;
    const s = sources[0];
    const author = this.ctx.memory.add(
      { name: s.name, type: s.type, via: [] },
      s.mention?.start ?? 0,
      s.name,
    );
    this.ctx.memory.addDocument(docPhrase, author, s.mention?.start ?? 0);
  }

  // ---------------------------------------------------------------- spans

  private frame(content: Span[], sources: SourceRef[], via: SourceRef[], cue: Span, lemma: string): RawFrame {
    if (via.length && !this.dry) for (const x of sources) this.ctx.memory.setVia(x.name, via);
    return { content, sources, via, cue, cueLemma: lemma, kind: this.kindOf(content) };
  }

  private kindOf(content: Span[]): FrameKind {
    const text = this.ctx.text;
    let quoted = 0;
    let partial = false;
    for (const c of content) {
      const before = text[c.start - 1];
      const after = text[c.end];
      void before;
      void after;
      const share = this.quotedShare(c);
      if (share === 1) quoted++;
      else if (share > 0) partial = true;
    }
    if (quoted && quoted === content.length && !partial) return 'direct_quote';
    if (quoted || partial) return 'mixed';
    return 'indirect';
  }

  private contentAfter(start: number, end: number): Span[] {
    return this.spans([[start, end - 1]], true);
  }

  /** Token ranges (inclusive) → trimmed character spans (quote marks, commas and final stops dropped). */
  private spans(ranges: Array<[number, number]>, trimQuotes = true): Span[] {
    const out: Span[] = [];
    for (const [s0, e0] of ranges) {
      let s = s0;
      let e = e0;
      while (
        s <= e &&
        !this.toks[s].w &&
        (trimQuotes || !this.toks[s].qm) &&
        this.toks[s].t !== '$' &&
        this.toks[s].t !== '('
      )
        s++;
      while (
        e >= s &&
        !this.toks[e].w &&
        (trimQuotes || !this.toks[e].qm) &&
        this.toks[e].t !== ')' &&
        this.toks[e].t !== '%'
      )
        e--;
      if (s > e) continue;
      out.push({ start: this.toks[s].s, end: this.toks[e].e });
    }
    return out;
  }

  private trimPunctBack(s: number, e: number): number {
    while (e >= s && !this.toks[e].w) e--;
    return e;
  }

  private firstWord(s: number, e: number): number {
    for (let j = s; j <= e; j++) if (this.toks[j].w) return j;
    return -1;
  }

  /** Left bound of the material before index `to`: the clause start or just after the last quotation mark. */
  private leftBound(a: number, to: number): number {
    const floor = Math.max(a, to - WINDOW);
    addWork(to - floor);
    for (let j = to - 1; j >= floor; j--) {
      const t = this.toks[j];
      if (t.qm === 'c' || t.q >= 0) return j + 1;
    }
    return floor;
  }

  /** "Acme's chief financial officer, Tom Reilly, said …": a subject with an appositive, not an inverted cue. */
  private appositiveSubject(a: number, p: number): boolean {
    if (this.toks[p].t !== ',' || this.quoteJustBefore(a, p + 1)) return false;
    const src = this.sourceBefore(a, p);
    if (!src || src.e !== p) return false;
    return this.firstWord(this.leftBound(a, src.s), src.s - 1) < 0;
  }

  /** A capitalised word within the next few words ("said lead author Kari Holm"). */
  private capSoon(from: number, b: number): boolean {
    for (let j = from; j < b && j - from < 4; j++) {
      const t = this.toks[j];
      if (!t.w || NP_BREAKERS.has(t.k) || t.k === 'that') return false;
      if (t.cap) return true;
    }
    return false;
  }

  /** A headline in title case ("Trump Says Clinton Should …"): capitalised cue forms are verbs there. */
  private titleCase(a: number, b: number): boolean {
    const key = a * 1e6 + b;
    const cached = this.titleCache.get(key);
    if (cached !== undefined) return cached;
    const v = this.titleCaseScan(a, b);
    this.titleCache.set(key, v);
    return v;
  }

  private titleCaseScan(a: number, b: number): boolean {
    addWork(b - a);
    let words = 0;
    let caps = 0;
    for (let j = a; j < b; j++) {
      const t = this.toks[j];
      if (!t.w || t.k.length < 4) continue;
      words++;
      if (t.cap) caps++;
    }
    return words >= 3 && caps >= 0.8 * words;
  }

  private quoteJustBefore(a: number, s: number): boolean {
    let j = s - 1;
    while (j >= a && !this.toks[j].w && this.toks[j].q < 0) j--;
    return j >= a && this.toks[j].qm === 'c';
  }

  /** Left bound of postposed content ending before `to`: includes a quotation that closes just before the source. */
  private postBound(a: number, to: number): number {
    let j = to - 1;
    while (j >= a && !this.toks[j].w && this.toks[j].q < 0) j--;
    if (j < a || this.toks[j].q < 0) return this.leftBound(a, to);
    const id = this.toks[j].q;
    const floor = Math.max(a, j - 4 * WINDOW);
    addWork(j - floor);
    while (j - 1 >= floor && this.toks[j - 1].q === id) j--;
    return this.leftBound(a, j);
  }

  private hasCap(s: number, e: number): boolean {
    for (let j = s; j <= e; j++) if (this.toks[j].cap && !DETERMINERS.has(this.toks[j].k)) return true;
    return false;
  }

  private textOf(ph: SourcePhrase): string {
    return this.ctx.text.slice(this.toks[ph.s].s, this.toks[ph.e].e);
  }

  private has(from: number, to: number, k: string): boolean {
    const end = Math.min(to, from + WINDOW);
    addWork(end - from);
    for (let j = from; j < end; j++) if (this.toks[j].k === k) return true;
    return false;
  }

  /** Share of the word tokens of a span that stand in quotations (0 none, 1 all). */
  private quotedShare(c: Span): number {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].s < c.start) lo = mid + 1;
      else hi = mid;
    }
    let words = 0;
    let quoted = 0;
    for (let j = lo, n = 0; j < toks.length && toks[j].e <= c.end && n < 4 * WINDOW; j++, n++) {
      addWork(1);
      if (!toks[j].w) continue;
      words++;
      if (toks[j].q >= 0) quoted++;
    }
    return words ? quoted / words : 0;
  }

  /** Whether a span holds quoted tokens (binary search for its first token, then a bounded scan). */
  private quotedWithin(c: Span): boolean {
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].s < c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo, n = 0; j < toks.length && toks[j].e <= c.end && n < 4 * WINDOW; j++, n++) {
      addWork(1);
      if (toks[j].q >= 0) return true;
    }
    return false;
  }
}
