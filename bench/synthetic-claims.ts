/**
 * Synthetic news claims for the retrieval benchmark, generated (never copied from ../shared): made-up places,
 * people, organisations, outlets and topic words drawn with a Zipf-like distribution (a few are everywhere, most are
 * rare), the frequent words of news copy ("said", "people", "officials", "government"), figures with units and
 * hedges, and time expressions. Claims come in events: each event (a family such as deaths or arrests, a place, a
 * time) is stated by one to four claims in different articles, from different sources, with figures that agree or
 * conflict — so verification finds real relations across articles, as it would in a newsroom corpus.
 * Deterministic for a given seed.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes 0..size-1 with probability ∝ 1/(rank+1)^s. */
export function zipfSampler(size: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / Math.pow(i + 1, s);
    cumulative[i] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const ONSETS = [
  'b',
  'k',
  'd',
  'v',
  'm',
  'n',
  't',
  'r',
  'l',
  's',
  'g',
  'p',
  'z',
  'h',
  'br',
  'kr',
  'tr',
  'st',
  'gl',
  'dr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ia'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'k', 'm', 'th', 'nd'];

/** `count` distinct made-up words, capitalised when `capital`. */
function madeUpWords(count: number, random: () => number, capital: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  while (out.length < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++)
      w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    if (w.length < 5 || seen.has(w)) continue;
    seen.add(w);
    out.push(capital ? w[0].toUpperCase() + w.slice(1) : w);
  }
  return out;
}

interface Family {
  /** Renders the claim's core with the figure already formatted. */
  core: (figure: string, org: string) => string;
  unit: string;
  base: [number, number];
}

const FAMILIES: Family[] = [
  { core: (n) => `${n} people were killed`, unit: 'people', base: [2, 400] },
  { core: (n) => `${n} people were injured`, unit: 'people', base: [5, 900] },
  { core: (n) => `police arrested ${n} protesters`, unit: 'protesters', base: [5, 600] },
  { core: (n) => `${n} residents were evacuated from their homes`, unit: 'residents', base: [100, 40000] },
  { core: (n) => `${n} homes were damaged`, unit: 'homes', base: [20, 9000] },
  { core: (n) => `${n} households lost power`, unit: 'households', base: [500, 200000] },
  { core: (n) => `${n} people were taken to hospital`, unit: 'people', base: [3, 300] },
  { core: (n, org) => `${org} will cut ${n} jobs`, unit: 'jobs', base: [50, 12000] },
  { core: (n, org) => `${org} hired ${n} workers`, unit: 'workers', base: [20, 5000] },
  { core: (n) => `${n} migrants arrived by boat`, unit: 'migrants', base: [20, 3000] },
  { core: (n) => `${n} people were rescued`, unit: 'people', base: [2, 700] },
  { core: (n) => `${n} flights were cancelled`, unit: 'flights', base: [10, 2000] },
];

const HEDGES = ['', '', '', 'about ', 'at least ', 'more than ', 'nearly ', 'some '];
const EVENT_NOUNS = [
  'floods',
  'storm',
  'fire',
  'protests',
  'earthquake',
  'strike',
  'crash',
  'landslide',
  'clashes',
  'heatwave',
];
const TIMES = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'on Saturday',
  'on Sunday',
  'last week',
  'in March',
  'in April',
  'overnight',
  '',
];
/** Frequent news words, appended to many claims (they match most rows of a full-text OR query). */
const COMMON_TAILS = [
  'officials said',
  'the government said',
  'local authorities said',
  'people familiar with the matter said',
  'according to officials',
  'according to local media',
  'the report said',
  'police said',
  'the ministry said on its website',
  'people said',
  '',
  '',
];
const ROLES = ['spokesperson', 'minister', 'mayor', 'police chief', 'director', 'governor'];

export interface SyntheticSource {
  name: string;
  key: string;
  type: 'person' | 'government' | 'organization';
}

export interface SyntheticClaim {
  text: string;
  /** Index into the generator's sources; -1 for the outlet's own (unattributed) claim. */
  source: number;
}

export interface SyntheticEvent {
  family: number;
  place: string;
  topic: string;
  noun: string;
  time: string;
  org: string;
  value: number;
}

/**
 * A vocabulary (places, topics, organisations, people, outlets) sized for a corpus of `scale` claims, and functions
 * that draw events and claims from it.
 */
export class SyntheticCorpus {
  readonly sources: SyntheticSource[];
  readonly outlets: string[];
  private readonly random: () => number;
  private readonly places: string[];
  private readonly topics: string[];
  private readonly orgs: string[];
  private readonly place: () => number;
  private readonly topic: () => number;
  private readonly org: () => number;
  private readonly source: () => number;
  readonly outlet: () => number;

  constructor(scale: number, seed = 42) {
    this.random = seededRandom(seed);
    const r = this.random;
    const names = madeUpWords(Math.max(400, scale / 4) + 6000 + 2000 + 400, r, true);
    let at = 0;
    const take = (n: number) => names.slice(at, (at += n));
    this.places = take(Math.max(400, Math.floor(scale / 4)));
    this.topics = madeUpWords(6000, r, false);
    this.orgs = take(2000).map((w, i) => `${w} ${['Bank', 'Airlines', 'Motors', 'Group', 'Energy'][i % 5]}`);
    const firsts = take(1000);
    const lasts = take(1000);
    this.outlets = take(400).map((w, i) => `${w} ${['Times', 'Post', 'Herald', 'News'][i % 4]}`);
    const sourceCount = Math.max(300, Math.floor(scale / 10));
    this.sources = Array.from({ length: sourceCount }, (_, i) => {
      const kind = i % 5;
      const name =
        kind < 3
          ? `${firsts[i % firsts.length]} ${lasts[Math.floor(i / firsts.length + i * 7) % lasts.length]}`
          : kind === 3
            ? `${this.places[i % this.places.length]} ${ROLES[i % ROLES.length]}`
            : `${this.orgs[i % this.orgs.length]}`;
      const type: SyntheticSource['type'] = kind < 3 ? 'person' : kind === 3 ? 'government' : 'organization';
      return { name, key: `${name.toLowerCase()} ${i}`, type };
    });
    this.place = zipfSampler(this.places.length, 1.0, r);
    this.topic = zipfSampler(this.topics.length, 1.05, r);
    this.org = zipfSampler(this.orgs.length, 1.0, r);
    this.source = zipfSampler(this.sources.length, 0.9, r);
    this.outlet = zipfSampler(this.outlets.length, 1.1, r);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  event(): SyntheticEvent {
    const family = Math.floor(this.random() * FAMILIES.length);
    const [lo, hi] = FAMILIES[family].base;
    return {
      family,
      place: this.places[this.place()],
      topic: this.topics[this.topic()],
      noun: this.pick(EVENT_NOUNS),
      time: this.pick(TIMES),
      org: this.orgs[this.org()],
      value: Math.round(lo + Math.pow(this.random(), 2) * (hi - lo)),
    };
  }

  /**
   * One claim stating the event: the same figure (agreeing, possibly hedged), or now and then a different one
   * (conflicting), with a source (or none), a context phrase and often a frequent-word tail.
   */
  claim(e: SyntheticEvent): SyntheticClaim {
    const family = FAMILIES[e.family];
    const conflicting = this.random() < 0.15;
    const value = conflicting ? Math.max(1, Math.round(e.value * (1.5 + this.random()))) : e.value;
    const hedge = this.pick(HEDGES);
    const figure = value.toLocaleString('en-US');
    const core = family.core(`${hedge}${figure}`, e.org);
    const context =
      this.random() < 0.5
        ? ` in ${e.place} after the ${e.topic} ${e.noun}`
        : ` during the ${e.noun} in ${e.place}, near the ${this.topics[this.topic()]} ${this.pick(['district', 'bridge', 'border', 'coast', 'valley'])}`;
    const time = e.time ? ` ${e.time}` : '';
    const tail = this.pick(COMMON_TAILS);
    const sentence = `${core}${context}${time}${tail ? `, ${tail}` : ''}.`;
    const text = sentence[0].toUpperCase() + sentence.slice(1);
    return { text, source: this.random() < 0.85 ? this.source() : -1 };
  }

  /** Every event drawn so far (a later batch re-states some of them). */
  readonly events: SyntheticEvent[] = [];

  /**
   * Claims for `count` slots, grouped in events of one to four claims; with `restated` > 0, that share of the events
   * is drawn from the events already stated (a new article reporting a stored fact).
   */
  claims(count: number, restated = 0): SyntheticClaim[] {
    const out: SyntheticClaim[] = [];
    while (out.length < count) {
      const old = this.events.length > 0 && this.random() < restated;
      const e = old ? this.events[Math.floor(this.random() * this.events.length)] : this.event();
      if (!old) this.events.push(e);
      const size = 1 + Math.floor(Math.pow(this.random(), 2) * 4);
      for (let i = 0; i < size && out.length < count; i++) out.push(this.claim(e));
    }
    return out;
  }
}
