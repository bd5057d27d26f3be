/**
 * A faithful TypeScript re-implementation of the evaluation scorer's rules (shared/eval/score.mjs, README):
 * claims matched one-to-one by maximum bipartite matching (a prediction covers a gold claim when its span contains
 * the whole anchor; check-worthy golds preferred), attribution and via as set equality with aliases, quantities
 * by overlap + value + bound, relations over unordered matched pairs. No dependency on ../shared.
 */

export interface GoldQuantity {
  anchor: string;
  value: number | null;
  bound: string;
  unit?: string;
  high?: number;
}

export interface GoldClaim {
  id: string;
  anchor: string;
  checkworthy: boolean;
  sources: string[] | null;
  via?: string[];
  quantities?: GoldQuantity[];
}

export interface GoldArticle {
  id: string;
  text: string;
  claims: GoldClaim[];
  aliases?: Record<string, string[]>;
  relations?: { a: string; b: string; relation: string }[];
}

type NameLike = string | { name?: string } | null | undefined;

export interface PredictedClaim {
  start: number;
  end: number;
  checkworthy?: boolean;
  sources?: NameLike[];
  via?: NameLike[];
  quantities?: { start: number; end: number; value: number | null; bound: string; unit?: string | null }[];
}

export interface PredictionDoc {
  claims?: PredictedClaim[];
  relations?: { a: number; b: number; relation: string }[];
}

export interface ArticleScore {
  tp: number;
  fp: number;
  fn: number;
  attr: [number, number];
  via: [number, number];
  qty: [number, number];
  unit: [number, number];
  rel: { tp: number; pred: number; gold: number };
  misses: string[];
}

export interface EvalSummary {
  articles: number;
  claims: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  attribution: number;
  via: number;
  quantities: number;
  units: number;
  relations: { precision: number; recall: number; f1: number };
}

export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9\u00c0-\u024f\- ]+/g, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (s: string): string => ` ${s} `;

export function nameMatches(pred: string, gold: string, aliases: Record<string, string[]>): boolean {
  const p = norm(pred);
  if (!p) return false;
  const names = [gold, ...(aliases[gold] ?? [])].map(norm);
  return names.some(
    (a) =>
      p === a ||
      (a.split(' ').length >= 1 && words(p).includes(words(a))) ||
      (p.split(' ').length >= 2 && words(a).includes(words(p))),
  );
}

export function setMatches(
  predNames: string[],
  goldNames: string[],
  aliases: Record<string, string[]>,
): boolean {
  const used = new Set<number>();
  for (const g of goldNames) {
    const i = predNames.findIndex((p, k) => !used.has(k) && nameMatches(p, g, aliases));
    if (i < 0) return false;
    used.add(i);
  }
  return used.size === predNames.length;
}

const nameOf = (x: NameLike): string => (typeof x === 'string' ? x : (x?.name ?? ''));

/** Kuhn's augmenting paths; edges[p] = gold indices prediction p covers, tried in goldOrder. */
function match(nPred: number, edges: number[][], goldOrder: (g: number) => number): Map<number, number> {
  const goldOf = new Map<number, number>();
  const predOf = new Map<number, number>();
  const tryAug = (p: number, seen: Set<number>): boolean => {
    for (const g of edges[p]) {
      if (seen.has(g)) continue;
      seen.add(g);
      if (!goldOf.has(g) || tryAug(goldOf.get(g)!, seen)) {
        goldOf.set(g, p);
        predOf.set(p, g);
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < nPred; p++) edges[p].sort((a, b) => goldOrder(a) - goldOrder(b));
  for (let p = 0; p < nPred; p++) tryAug(p, new Set());
  return predOf;
}

export function scoreArticle(gold: GoldArticle, pred: PredictionDoc): ArticleScore {
  const text = gold.text;
  const aliases = gold.aliases ?? {};
  const golds = gold.claims.map((c) => {
    const start = text.indexOf(c.anchor);
    if (start < 0 || text.indexOf(c.anchor, start + 1) >= 0)
      throw new Error(`${gold.id}/${c.id}: anchor not found once`);
    return { ...c, start, end: start + c.anchor.length };
  });
  const preds = (pred.claims ?? [])
    .map((c, i) => ({ ...c, index: i }))
    .filter((c) => c.checkworthy !== false);
  const edges = preds.map((p) =>
    golds.map((g, k) => (p.start <= g.start && p.end >= g.end ? k : -1)).filter((k) => k >= 0),
  );
  const predOf = match(preds.length, edges, (k) => (golds[k].checkworthy ? 0 : 1));
  const r: ArticleScore = {
    tp: 0,
    fp: 0,
    fn: 0,
    attr: [0, 0],
    via: [0, 0],
    qty: [0, 0],
    unit: [0, 0],
    rel: { tp: 0, pred: 0, gold: 0 },
    misses: [],
  };
  const goldToPred = new Map<string, number>();
  preds.forEach((p, i) => {
    if (!predOf.has(i)) {
      r.fp++;
      r.misses.push(`FP  "${text.slice(p.start, p.end).slice(0, 90)}"`);
      return;
    }
    const g = golds[predOf.get(i)!];
    goldToPred.set(g.id, p.index);
    if (!g.checkworthy) return;
    r.tp++;
    if (g.sources != null) {
      r.attr[1]++;
      if (setMatches((p.sources ?? []).map(nameOf), g.sources, aliases)) r.attr[0]++;
      else r.misses.push(`SRC ${g.id}`);
    }
    if (g.via?.length) {
      r.via[1]++;
      if (setMatches((p.via ?? []).map(nameOf), g.via, aliases)) r.via[0]++;
      else r.misses.push(`VIA ${g.id}`);
    }
    for (const q of g.quantities ?? []) {
      const qs = text.indexOf(q.anchor, g.start);
      const qe = qs + q.anchor.length;
      r.qty[1]++;
      const pq = (p.quantities ?? []).find((x) => x.start < qe && x.end > qs);
      const valueOk =
        !!pq &&
        (q.value == null
          ? pq.value == null
          : Math.abs(Number(pq.value) - q.value) <= 1e-9 * Math.max(1, Math.abs(q.value)));
      if (valueOk && pq.bound === q.bound) r.qty[0]++;
      else r.misses.push(`QTY ${g.id}`);
      if (q.unit) {
        r.unit[1]++;
        const u = norm(pq?.unit).replace(/s$/, '');
        const gu = norm(q.unit).replace(/s$/, '');
        if (u && (u.includes(gu) || gu.includes(u))) r.unit[0]++;
      }
    }
  });
  for (const g of golds) {
    if (g.checkworthy && !goldToPred.has(g.id)) {
      r.fn++;
      r.misses.push(`FN  ${g.id} "${g.anchor}"`);
    }
  }
  const predToGold = new Map([...goldToPred].map(([g, p]) => [p, g]));
  const key = (a: string, b: string, rel: string): string => `${[a, b].sort().join('|')}|${rel}`;
  const goldRel = new Set((gold.relations ?? []).map((x) => key(x.a, x.b, x.relation)));
  r.rel.gold = goldRel.size;
  const seen = new Set<string>();
  for (const x of pred.relations ?? []) {
    const a = predToGold.get(x.a);
    const b = predToGold.get(x.b);
    const k = a && b ? key(a, b, x.relation) : `unmatched:${x.a}|${x.b}|${x.relation}`;
    if (seen.has(k)) continue;
    seen.add(k);
    r.rel.pred++;
    if (goldRel.has(k)) r.rel.tp++;
  }
  return r;
}

const div = (a: number, b: number): number => (b ? a / b : 0);
const f1 = (tp: number, fp: number, fn: number): number => div(2 * tp, 2 * tp + fp + fn);

export function summarize(rows: ArticleScore[]): EvalSummary {
  const t = {
    tp: 0,
    fp: 0,
    fn: 0,
    attr: [0, 0],
    via: [0, 0],
    qty: [0, 0],
    unit: [0, 0],
    rel: { tp: 0, pred: 0, gold: 0 },
  };
  for (const r of rows) {
    t.tp += r.tp;
    t.fp += r.fp;
    t.fn += r.fn;
    for (const k of ['attr', 'via', 'qty', 'unit'] as const) {
      t[k][0] += r[k][0];
      t[k][1] += r[k][1];
    }
    t.rel.tp += r.rel.tp;
    t.rel.pred += r.rel.pred;
    t.rel.gold += r.rel.gold;
  }
  return {
    articles: rows.length,
    claims: {
      precision: div(t.tp, t.tp + t.fp),
      recall: div(t.tp, t.tp + t.fn),
      f1: f1(t.tp, t.fp, t.fn),
      tp: t.tp,
      fp: t.fp,
      fn: t.fn,
    },
    attribution: div(t.attr[0], t.attr[1]),
    via: div(t.via[0], t.via[1]),
    quantities: div(t.qty[0], t.qty[1]),
    units: div(t.unit[0], t.unit[1]),
    relations: {
      precision: div(t.rel.tp, t.rel.pred),
      recall: div(t.rel.tp, t.rel.gold),
      f1: f1(t.rel.tp, t.rel.pred - t.rel.tp, t.rel.gold - t.rel.tp),
    },
  };
}
