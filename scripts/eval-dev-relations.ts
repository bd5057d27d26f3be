/**
 * Measures the agreement logic alone on the dev set: builds ComparableClaims from the GOLD claims (text = anchor,
 * gold sources and via), runs relateClaims over the check-worthy ones, and scores the relations against the gold
 * relations (unordered pairs with their label). Prints per-article and total precision/recall/F1, every miss and
 * every extra.
 *
 * Stress options: --include-unsourced (relate the outlet's own claims too), --all-claims (non-check-worthy too).
 *
 *   node -r ts-node/register/transpile-only scripts/eval-dev-relations.ts [--quantities extract|gold] [--context]
 *
 * --quantities extract (default): figures read by src/engine/quantities from the article, kept when inside the
 *   anchor; gold: the gold quantity annotations. --context: also pass the anchor's sentence as `context`.
 * --cross: the cross-article stress run instead: every check-worthy claim of one article against every one of each
 *   other article with scope 'corpus' (always with sentence context). No gold relation crosses articles, so every
 *   relation printed is a false positive.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  claimFeatures,
  compareFeatures,
  relateClaims,
  type ClaimFeatures,
  type ComparableClaim,
} from '../src/engine/agreement';
import type { Quantity, QuantityKind } from '../src/engine/types';

const SHARED = path.resolve(__dirname, '../../shared');
const DEV = path.join(SHARED, 'eval', 'dev');

interface GoldQuantity {
  anchor: string;
  value: number | null;
  bound: Quantity['bound'];
  unit: string | null;
  high?: number;
  change?: 'up' | 'down';
}
interface GoldClaim {
  id: string;
  anchor: string;
  checkworthy: boolean;
  sources: string[] | null;
  via?: string[] | null;
  quantities?: GoldQuantity[];
}
interface GoldRelation {
  a: string;
  b: string;
  relation: 'agree' | 'conflict';
  note?: string;
}
interface GoldArticle {
  id: string;
  text: string;
  claims: GoldClaim[];
  relations?: GoldRelation[];
}

type Extractor = (text: string, range?: { start: number; end: number }) => Quantity[];

function loadExtractor(): Extractor | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('../src/engine/quantities') as { extractQuantities?: Extractor };
    return typeof mod.extractQuantities === 'function' ? mod.extractQuantities : null;
  } catch {
    return null;
  }
}

function kindOf(unit: string | null): QuantityKind {
  if (unit === 'percent') return 'percent';
  if (unit && /^[A-Z]{3}$/.test(unit)) return 'money';
  return 'count';
}

function goldQuantities(text: string, at: number, claim: GoldClaim): Quantity[] {
  return (claim.quantities ?? []).map((g) => {
    const start = Math.max(at, text.indexOf(g.anchor, at));
    return {
      start,
      end: start + g.anchor.length,
      text: g.anchor,
      value: g.value,
      ...(g.high !== undefined ? { high: g.high } : {}),
      bound: g.bound,
      unit: g.unit,
      ...(g.change ? { change: g.change } : {}),
      kind: kindOf(g.unit),
    };
  });
}

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

function crossArticle(files: string[], extractor: Extractor | null): void {
  const perArticle: Array<{ id: string; anchors: string[]; features: ClaimFeatures[] }> = [];
  for (const file of files) {
    const art = JSON.parse(fs.readFileSync(path.join(DEV, file), 'utf8')) as GoldArticle;
    const all = extractor ? extractor(art.text) : [];
    const cw = art.claims.filter((c) => c.checkworthy);
    const features = cw.map((c) => {
      const at = art.text.indexOf(c.anchor);
      const end = at + c.anchor.length;
      return claimFeatures({
        text: c.anchor,
        quantities: extractor
          ? all.filter((q) => at >= 0 && q.start >= at && q.end <= end)
          : goldQuantities(art.text, Math.max(0, at), c),
        sources: (c.sources ?? []).map((name) => ({ name })),
        via: (c.via ?? []).map((name) => ({ name })),
        ...(at >= 0 ? { context: sentenceAround(art.text, at, end) } : {}),
      });
    });
    perArticle.push({ id: art.id, anchors: cw.map((c) => c.anchor), features });
  }
  let pairs = 0;
  let found = 0;
  const started = process.hrtime.bigint();
  for (let x = 0; x < perArticle.length; x++) {
    for (let y = x + 1; y < perArticle.length; y++) {
      const ax = perArticle[x];
      const ay = perArticle[y];
      ax.features.forEach((fa, i) => {
        ay.features.forEach((fb, j) => {
          pairs++;
          const cmp = compareFeatures(fa, fb, { scope: 'corpus' });
          if (!cmp.relation) return;
          found++;
          console.log(`  CROSS ${ax.id} / ${ay.id} ${cmp.relation} ${cmp.score}: ${cmp.explanation}`);
          console.log(`        "${ax.anchors[i]}" / "${ay.anchors[j]}"`);
        });
      });
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`cross-article pairs: ${pairs} in ${ms.toFixed(0)} ms; false positives: ${found}`);
}

function main(): void {
  if (!fs.existsSync(DEV)) {
    console.log('skipped: ../shared not found');
    return;
  }
  const args = process.argv.slice(2);
  const qi = args.indexOf('--quantities');
  const mode = qi >= 0 ? args[qi + 1] : 'extract';
  const withContext = args.includes('--context');
  const includeUnsourced = args.includes('--include-unsourced');
  const allClaims = args.includes('--all-claims');
  const extractor = mode === 'gold' ? null : loadExtractor();
  console.log(
    `quantities: ${extractor ? 'extractQuantities (src/engine/quantities)' : 'gold annotations'}; context: ${withContext ? 'sentence' : 'none'}`,
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const files = fs
    .readdirSync(DEV)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (args.includes('--cross')) {
    crossArticle(files, extractor);
    return;
  }
  const started = process.hrtime.bigint();
  let pairs = 0;
  for (const file of files) {
    const art = JSON.parse(fs.readFileSync(path.join(DEV, file), 'utf8')) as GoldArticle;
    const all = extractor ? extractor(art.text) : [];
    const cw = art.claims.filter((c) => c.checkworthy || allClaims);
    const comparable: ComparableClaim[] = cw.map((c) => {
      const at = art.text.indexOf(c.anchor);
      const end = at + c.anchor.length;
      const quantities = extractor
        ? all.filter((q) => at >= 0 && q.start >= at && q.end <= end)
        : goldQuantities(art.text, Math.max(0, at), c);
      return {
        text: c.anchor,
        quantities,
        sources: (c.sources ?? []).map((name) => ({ name })),
        via: (c.via ?? []).map((name) => ({ name })),
        ...(withContext && at >= 0 ? { context: sentenceAround(art.text, at, end) } : {}),
      };
    });
    pairs += (cw.length * (cw.length - 1)) / 2;
    const predicted = relateClaims(comparable, { includeUnsourced });
    const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const pred = new Map(predicted.map((r) => [key(cw[r.a].id, cw[r.b].id), r]));
    const gold = new Map((art.relations ?? []).map((r) => [key(r.a, r.b), r]));
    let atp = 0;
    const lines: string[] = [];
    const anchorOf = (id: string): string => art.claims.find((c) => c.id === id)?.anchor ?? id;
    for (const [k, g] of gold) {
      const p = pred.get(k);
      if (p && p.relation === g.relation) atp++;
      else {
        lines.push(
          `  MISS  ${g.a}-${g.b} ${g.relation}${p ? ` (predicted ${p.relation})` : ''}: ${g.note ?? ''}`,
        );
        lines.push(`        "${anchorOf(g.a)}" / "${anchorOf(g.b)}"`);
      }
    }
    for (const [k, p] of pred) {
      const g = gold.get(k);
      if (!g || g.relation !== p.relation) {
        const [a, b] = k.split('|');
        lines.push(`  EXTRA ${a}-${b} ${p.relation} ${p.score}: ${p.explanation}`);
        lines.push(`        "${anchorOf(a)}" / "${anchorOf(b)}"`);
      }
    }
    const afp = predicted.length - atp;
    const afn = gold.size - atp;
    tp += atp;
    fp += afp;
    fn += afn;
    console.log(`${art.id}: gold=${gold.size} predicted=${predicted.length} tp=${atp} fp=${afp} fn=${afn}`);
    for (const l of lines) console.log(l);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`pairs compared: ${pairs} in ${ms.toFixed(0)} ms (including quantity extraction)`);
  console.log(
    `relations_p=${p.toFixed(3)} relations_r=${r.toFixed(3)} relations_f1=${f1.toFixed(3)} tp=${tp} fp=${fp} fn=${fn}`,
  );
}

main();
