/**
 * Do two claims state the same fact, and do they agree or conflict?
 * Same fact: the same predicate (event family such as deaths, arrests, job cuts) or, for measures without a known
 * predicate, the same measured subject ("turnout", "food prices"), a compatible unit, the same qualifiers (target,
 * new, a day, year-on-year), the same time frame and modality (planned vs done). Figures then compare as intervals:
 * overlap = agree, disjoint = conflict. A denial flips the stance. Claims without figures agree only when they are
 * close paraphrases.
 */
import { COMMON_NEWS_WORDS, EVENT_FAMILIES, FAMILY_UNIT_CLASSES, PERSON_UNIT } from './agreement-lexicon';
import {
  claimFeatures,
  type ClaimFeatures,
  type ComparableClaim,
  type QuantityFeatures,
} from './claim-features';
import { describeQuantity, intervalGap, intervalsOverlap, scaleInterval } from './quantity-interval';

export interface ClaimComparison {
  sameFact: boolean;
  relation: 'agree' | 'conflict' | null;
  /** Confidence 0..1 in the relation (or, when relation is null, in sameFact). */
  score: number;
  /** How the decision was reached: 'quantity-interval', 'paraphrase', 'same-source', 'not-comparable', … */
  method: string;
  explanation: string;
}

export interface CompareOptions {
  /**
   * 'article' (default): both claims come from one article, so they report the same event. 'corpus': claims from
   * different articles; they must also name a common place, organisation or person (in their text or `context`),
   * since "19 people were killed" in two articles is usually two different events.
   */
  scope?: 'article' | 'corpus';
}

const FAMILY_LABEL: Readonly<Record<string, string>> = {
  death: 'deaths',
  injury: 'injuries',
  missing: 'missing people',
  hospital: 'people taken to hospital',
  critical: 'people in critical condition',
  treatment: 'people treated',
  arrest: 'arrests',
  displacement: 'people displaced',
  infection: 'infections',
  job_loss: 'job cuts',
  hiring: 'hiring',
  employment: 'employment',
  attendance: 'attendance',
  deployment: 'deployment',
  access_blocked: 'blocking',
  damage: 'damage',
  election_win: 'the vote won',
  turnout: 'turnout',
  inflation: 'inflation',
  unemployment: 'unemployment',
  growth: 'growth',
  revenue: 'revenue',
  profit: 'profit',
  spending: 'spending',
  selling: 'sales',
  reserves: 'reserves',
  rainfall: 'rainfall',
  wind: 'wind',
  power_outage: 'power outages',
  vaccination: 'vaccination',
  rescue: 'rescues',
  strike: 'strikes',
  fine: 'fines',
  debt: 'debt',
  deficit: 'deficit',
  arrival: 'arrivals',
  burned_area: 'area burned',
  aid: 'aid',
  population: 'population',
  closure: 'closures',
  cancellation: 'cancellations',
  sentence: 'sentences',
  emissions: 'emissions',
  exports: 'exports',
  imports: 'imports',
  investment: 'investment',
  approval: 'support',
  data_breach: 'the data breach',
  on_board: 'people on board',
  charge: 'people charged',
};

const NO_RELATION = (method: string, explanation: string, score = 0, sameFact = false): ClaimComparison => ({
  sameFact,
  relation: null,
  score,
  method,
  explanation,
});

function intersect<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  const out: T[] = [];
  for (const x of a) if (b.has(x)) out.push(x);
  return out;
}

function setsEqual<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Both name a time (year, month, weekday) and the names differ: different events or snapshots. */
function timeClash(a: ClaimFeatures, b: ClaimFeatures): string | null {
  // A year on one side only: that claim dates another event ("a fire in 2019 killed 31").
  if (a.years.size !== b.years.size && (!a.years.size || !b.years.size)) {
    return `only one is dated (${[...a.years, ...b.years].join(', ')})`;
  }
  return (
    differentNames(a.years, b.years, 'years') ??
    differentNames(a.periods, b.periods, 'periods') ??
    differentNames(a.months, b.months, 'months') ??
    differentNames(a.weekdays, b.weekdays, 'days')
  );
}

/** Both sides name a `what` and share none. */
function differentNames(x: ReadonlySet<string>, y: ReadonlySet<string>, what: string): string | null {
  if (!x.size || !y.size) return null;
  for (const v of x) if (y.has(v)) return null;
  return `different ${what} (${[...x].join(', ')} vs ${[...y].join(', ')})`;
}

/** Across articles: the claims (with their sentences and their articles' openings) name a common anchor. */
function shareEventName(a: ClaimFeatures, b: ClaimFeatures): boolean {
  const names = (f: ClaimFeatures): Set<string> => new Set([...f.entities, ...(f.leadEntities ?? [])]);
  return intersect(names(a), names(b)).length > 0;
}

/** Both locate their event in a named place, and neither place is named by the other claim. */
function placesClash(a: ClaimFeatures, b: ClaimFeatures): string | null {
  if (!a.places?.size || !b.places?.size) return null;
  const known = (p: string, f: ClaimFeatures): boolean => f.places.has(p) || f.entities.has(p);
  for (const p of a.places) if (known(p, b)) return null;
  for (const p of b.places) if (known(p, a)) return null;
  return `different places (${[...a.places].join(', ')} vs ${[...b.places].join(', ')})`;
}

/** Both name who did it ("Veldt won", "Marsh won"), and neither doer is named by the other claim. */
function agentsClash(a: ClaimFeatures, b: ClaimFeatures): string | null {
  if (!a.agents?.size || !b.agents?.size) return null;
  const known = (p: string, f: ClaimFeatures): boolean => f.agents.has(p) || f.entities.has(p);
  for (const p of a.agents) if (known(p, b)) return null;
  for (const p of b.agents) if (known(p, a)) return null;
  return `different subjects (${[...a.agents].join(', ')} vs ${[...b.agents].join(', ')})`;
}

/** One origin key covers the other ("police" ~ "a police official"; "health ministry" ≁ "interior ministry"). */
function keysMatch(a: readonly string[], b: readonly string[]): boolean {
  const small = a.length <= b.length ? a : b;
  const big = a.length <= b.length ? b : a;
  if (small.length === 0) return false;
  for (const w of small) if (!big.includes(w)) return false;
  return true;
}

/** True when the two claims come from the same origin (a shared source, or both the outlet's own). */
export function sameOrigin(a: Pick<ClaimFeatures, 'origins'>, b: Pick<ClaimFeatures, 'origins'>): boolean {
  if (!a.origins.length && !b.origins.length) return true;
  for (const ka of a.origins) for (const kb of b.origins) if (keysMatch(ka, kb)) return true;
  return false;
}

interface PairMatch {
  qa: QuantityFeatures;
  qb: QuantityFeatures;
  score: number;
  what: string;
  factorA: number;
  factorB: number;
}

function unitsCompatible(qa: QuantityFeatures, qb: QuantityFeatures, shared: readonly string[]): boolean {
  const a = qa.unit;
  const b = qb.unit;
  if (a.cls === b.cls) return a.cls !== '?' || shared.length > 0;
  if (a.measure || b.measure) return false;
  if ((a.cls === '?' || b.cls === '?') && shared.length > 0) return true;
  // "laid off 500 workers" ~ "cut 520 jobs"; "data of 2.3 million customers" ~ "3 million records" stolen.
  return shared.some((f) => {
    const merged = FAMILY_UNIT_CLASSES.get(f);
    return !!merged && merged.has(a.cls) && merged.has(b.cls);
  });
}

/**
 * A marked measure ("target", "new cases", "a day", "average") differs from the plain one, so those qualifiers must
 * match exactly; a period ("year-on-year", "from the previous month") is often left implicit, so periods only
 * clash when both claims state different ones.
 */
function qualifiersCompatible(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const marked = (s: ReadonlySet<string>): Set<string> =>
    new Set([...s].filter((q) => !q.startsWith('period_')));
  if (!setsEqual(marked(a), marked(b))) return false;
  const pa = [...a].filter((q) => q.startsWith('period_'));
  const pb = [...b].filter((q) => q.startsWith('period_'));
  return !pa.length || !pb.length || pa.some((q) => pb.includes(q));
}

/**
 * "positions at the plant" counts a part; "jobs" (company-wide) the whole. A figure narrowed to a place or unit
 * matches only a figure narrowed to the same one, or a claim that names that place anyway.
 */
function scopesCompatible(
  qa: QuantityFeatures,
  qb: QuantityFeatures,
  a: ClaimFeatures,
  b: ClaimFeatures,
  shared: readonly string[],
): boolean {
  if (!qa.scope.size && !qb.scope.size) return true;
  if (qa.scope.size && qb.scope.size) return intersect(qa.scope, qb.scope).length > 0;
  // "killed at a market in Doro" locates the event; only organisational figures are split into parts.
  if (shared.length && shared.every((f) => EVENT_FAMILIES.has(f))) return true;
  const [narrow, other] = qa.scope.size ? [qa.scope, b.content] : [qb.scope, a.content];
  return intersect(narrow, other).length > 0;
}

/**
 * Counts of people by event: a figure read with one of these predicates counts that group, so "5 people were
 * arrested over the hack" is no count of the breach's victims even though both name the hack. Not rescues: the
 * stem of "rescued" is the noun "rescue" too ("rescue teams recovered 11 bodies" counts the dead).
 */
const HEADCOUNT_FAMILIES = new Set([
  'death',
  'injury',
  'missing',
  'arrest',
  'charge',
  'displacement',
  'infection',
  'vaccination',
  // a subgroup of the injured: "treated 250 injured people" is no count of all the injured
  'treatment',
  'hospital',
  'critical',
]);

/** One side counts a group of people by an event the other does not name at all. */
function headcountDiffers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const f of a) if (HEADCOUNT_FAMILIES.has(f) && !b.has(f)) return true;
  for (const f of b) if (HEADCOUNT_FAMILIES.has(f) && !a.has(f)) return true;
  return false;
}

function matchQuantities(
  qa: QuantityFeatures,
  qb: QuantityFeatures,
  a: ClaimFeatures,
  b: ClaimFeatures,
): PairMatch | null {
  if (!qualifiersCompatible(qa.qualifiers, qb.qualifiers)) return null;
  const sharedFamilies = intersect(qa.families, qb.families);
  const sharedSubject = intersect(qa.subject, qb.subject);
  if (!unitsCompatible(qa, qb, sharedFamilies)) return null;
  let score: number;
  let what: string;
  if (qa.families.size && qb.families.size) {
    if (!sharedFamilies.length || headcountDiffers(qa.families, qb.families)) return null;
    score = Math.min(0.95, 0.8 + 0.05 * sharedSubject.length);
    what = FAMILY_LABEL[sharedFamilies[0]] ?? sharedFamilies[0];
  } else if (!qa.families.size && !qb.families.size) {
    // No known predicate: the measured subject must be named by both ("turnout", "food prices").
    // … and be most of what one of them measures ("food prices" ≁ "food makes up 38 percent of the basket").
    // Words common in any news story ("government", "city") count half: they rarely say what is measured.
    const generic = qa.unit.cls === PERSON_UNIT || qa.unit.cls === '?';
    const weight = sharedSubject.reduce((n, w) => n + (COMMON_NEWS_WORDS.has(w) ? 0.5 : 1), 0);
    const cover = weight / Math.max(1, Math.min(qa.subject.size, qb.subject.size));
    if (weight < (generic ? 2 : 1) || (weight < 2 && cover < 0.67)) return null;
    score = Math.min(0.85, 0.55 + 0.1 * weight);
    what = sharedSubject.join(' ');
  } else {
    return null;
  }
  if (qa.partitive || qb.partitive) {
    // A part of a group ("700 of the cuts would fall on the plant") is the same fact only as the same part.
    const restrict = intersect(qa.after, qb.after);
    if (!restrict.length) return null;
    score -= 0.1;
  }
  if (!scopesCompatible(qa, qb, a, b, sharedFamilies)) return null;
  return { qa, qb, score, what, factorA: qa.unit.factor, factorB: qb.unit.factor };
}

function primary(qs: readonly QuantityFeatures[]): QuantityFeatures[] {
  const main = qs.filter((q) => !q.reference && !q.superseded);
  return main.length ? main : [...qs];
}

/** Compares two claims' precomputed features. */
export function compareFeatures(
  a: ClaimFeatures,
  b: ClaimFeatures,
  options: CompareOptions = {},
): ClaimComparison {
  const aq = a.quantities.length > 0;
  const bq = b.quantities.length > 0;
  if (options.scope === 'corpus' && !shareEventName(a, b)) {
    return NO_RELATION('different-event', 'the claims name no common place, organisation or person');
  }
  if (a.superseded || b.superseded) return NO_RELATION('superseded', 'an earlier, superseded figure');
  const clash = timeClash(a, b);
  if (clash) return NO_RELATION('time-frame', clash);
  const placeClash = placesClash(a, b);
  if (placeClash) return NO_RELATION('place', placeClash);
  const agentClash = agentsClash(a, b);
  if (agentClash) return NO_RELATION('different-subject', agentClash);
  const same = sameOrigin(a, b);

  if (aq && bq) {
    let best: PairMatch | null = null;
    let modality = false;
    const bPrimary = primary(b.quantities);
    for (const qa of primary(a.quantities)) {
      for (const qb of bPrimary) {
        const m = matchQuantities(qa, qb, a, b);
        if (!m) continue;
        if (qa.prospective !== qb.prospective) {
          modality = true;
          continue;
        }
        if (!best || m.score > best.score) best = m;
      }
    }
    if (!best) {
      return modality
        ? NO_RELATION('modality', 'one states a plan or prospect, the other a fact that happened')
        : NO_RELATION('not-comparable', 'the figures measure different things');
    }
    const negationDiffers = best.qa.negated !== best.qb.negated;
    const ia = scaleInterval(best.qa.interval, best.factorA);
    const ib = scaleInterval(best.qb.interval, best.factorB);
    const da = describeQuantity(best.qa.quantity);
    const db = describeQuantity(best.qb.quantity);
    const overlap = intervalsOverlap(ia, ib);
    if (same) {
      return NO_RELATION(
        'same-source',
        `same source states ${best.what} twice (${da}; ${db})`,
        best.score,
        true,
      );
    }
    if (negationDiffers) {
      if (!overlap)
        return NO_RELATION(
          'negation',
          `one side is a denial and the figures differ (${da}; ${db})`,
          0.3,
          true,
        );
      return {
        sameFact: true,
        relation: 'conflict',
        score: Math.round(best.score * 0.8 * 100) / 100,
        method: 'negation',
        explanation: `one source denies what the other states about ${best.what}: ${da} vs ${db}`,
      };
    }
    const ca = best.qa.quantity.change;
    const cb = best.qb.quantity.change;
    if (ca && cb && ca !== cb) {
      return {
        sameFact: true,
        relation: 'conflict',
        score: Math.round(best.score * 0.9 * 100) / 100,
        method: 'quantity-direction',
        explanation: `${da} (${ca === 'up' ? 'a rise' : 'a fall'}) vs ${db} (${cb === 'up' ? 'a rise' : 'a fall'}): opposite directions (${best.what})`,
      };
    }
    if (overlap) {
      return {
        sameFact: true,
        relation: 'agree',
        score: Math.round(best.score * 100) / 100,
        method: 'quantity-interval',
        explanation: `${da} overlaps ${db} (${best.what})`,
      };
    }
    const gap = intervalGap(ia, ib);
    return {
      sameFact: true,
      relation: 'conflict',
      score: Math.round(best.score * (0.7 + 0.3 * gap) * 100) / 100,
      method: 'quantity-interval',
      explanation: `${da} does not overlap ${db} (${best.what})`,
    };
  }
  if (aq !== bq) return NO_RELATION('not-comparable', 'only one claim states a figure');
  if (a.prospective !== b.prospective) {
    return NO_RELATION('modality', 'one states a plan or prospect, the other a fact that happened');
  }
  return compareParaphrase(a, b, same, a.negated !== b.negated);
}

/** Claims without figures: the same fact only when they say nearly the same thing with the same predicate. */
function compareParaphrase(
  a: ClaimFeatures,
  b: ClaimFeatures,
  same: boolean,
  negationDiffers: boolean,
): ClaimComparison {
  if (a.families.size || b.families.size) {
    if (!intersect(a.families, b.families).length) return NO_RELATION('not-comparable', 'different events');
  }
  const shared = intersect(a.content, b.content);
  const union = a.content.size + b.content.size - shared.length;
  const jaccard = union ? shared.length / union : 0;
  if (shared.length < 3 || jaccard < 0.5) {
    return NO_RELATION('not-comparable', 'the wordings share too little', Math.round(jaccard * 100) / 100);
  }
  const words = shared.slice(0, 6).join(', ');
  if (same) return NO_RELATION('same-source', `same source, same statement (${words})`, jaccard, true);
  const score = Math.round(Math.min(0.8, jaccard) * 100) / 100;
  if (negationDiffers) {
    return {
      sameFact: true,
      relation: 'conflict',
      score,
      method: 'negation',
      explanation: `one source denies what the other states (shared: ${words})`,
    };
  }
  return {
    sameFact: true,
    relation: 'agree',
    score,
    method: 'paraphrase',
    explanation: `both state the same thing (shared: ${words})`,
  };
}

/** Compares two claims. Never throws. */
export function compareClaims(
  a: ComparableClaim,
  b: ComparableClaim,
  options: CompareOptions = {},
): ClaimComparison {
  try {
    return compareFeatures(claimFeatures(a), claimFeatures(b), options);
  } catch {
    return NO_RELATION('error', 'could not compare');
  }
}
