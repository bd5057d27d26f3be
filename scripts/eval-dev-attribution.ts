/**
 * Measures attribution alone on the dev set: sentences from the engine's splitter (per paragraph), frames from
 * attributeSentences, and for each gold check-worthy claim with non-null sources, the frame whose content covers
 * the gold anchor (else: no frame = the outlet's own claim). Source sets and via sets are compared with the
 * scorer's name matching (re-implemented here). Prints misses and the two shares.
 *
 *   node -r ts-node/register/transpile-only scripts/eval-dev-attribution.ts [--verbose]
 *
 * Skips with a message when ../shared (the evaluation material) is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attributeSentences, type AttributionFrame } from '../src/engine/attribution';
import { splitSentences } from '../src/engine/text';

const SHARED = path.resolve(__dirname, '../../shared');
const DEV = path.join(SHARED, 'eval/dev');

interface GoldClaim {
  id: string;
  anchor: string;
  checkworthy: boolean;
  sources: string[] | null;
  via?: string[];
}
interface GoldArticle {
  id: string;
  text: string;
  claims: GoldClaim[];
  aliases?: Record<string, string[]>;
}

const norm = (s: string): string =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9\u00c0-\u024f\- ]+/g, ' ')
    .replace(/\b(the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const words = (s: string): string => ` ${s} `;

function nameMatches(pred: string, gold: string, aliases: Record<string, string[]>): boolean {
  const p = norm(pred);
  if (!p) return false;
  const names = [gold, ...(aliases[gold] ?? [])].map(norm);
  return names.some(
    (a) =>
      p === a || words(p).includes(words(a)) || (p.split(' ').length >= 2 && words(a).includes(words(p))),
  );
}

function setMatches(pred: string[], gold: string[], aliases: Record<string, string[]>): boolean {
  const used = new Set<number>();
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && nameMatches(p, g, aliases));
    if (i < 0) return false;
    used.add(i);
  }
  return used.size === pred.length;
}

function sentencesOf(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  const re = /\n\s*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(...splitSentences(text, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(...splitSentences(text, start, text.length));
  return out;
}

function main(): void {
  if (!fs.existsSync(DEV)) {
    console.log(`eval-dev-attribution: skipped, evaluation material not found at ${DEV}`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  let attrN = 0;
  let attrOk = 0;
  let viaN = 0;
  let viaOk = 0;
  let ms = 0;
  let chars = 0;
  const files = fs.readdirSync(DEV).filter((f) => f.endsWith('.json'));
  for (const f of files) {
    const gold = JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')) as GoldArticle;
    const text = gold.text;
    const sentences = sentencesOf(text);
    const frames = attributeSentences(text, sentences);
    chars += text.length;
    const all: AttributionFrame[] = frames.flat();
    if (verbose) {
      for (const fr of all) {
        console.log(
          `  [${gold.id}] ${fr.kind}/${fr.cueLemma} src=${JSON.stringify(fr.sources.map((s) => `${s.name}:${s.type}`))} via=${JSON.stringify(fr.via.map((s) => s.name))} :: ${fr.content
            .map((c) => text.slice(c.start, c.end).replace(/\n/g, ' '))
            .join(' | ')
            .slice(0, 110)}`,
        );
      }
    }
    for (const g of gold.claims) {
      if (!g.checkworthy || g.sources === null) continue;
      const as = text.indexOf(g.anchor);
      const ae = as + g.anchor.length;
      // the smallest frame whose content covers the anchor
      let best: AttributionFrame | undefined;
      let bestLen = Infinity;
      for (const fr of all) {
        for (const c of fr.content) {
          if (c.start <= as && c.end >= ae && c.end - c.start < bestLen) {
            best = fr;
            bestLen = c.end - c.start;
          }
        }
      }
      const pred = (best?.sources ?? []).map((s) => s.name);
      const predVia = (best?.via ?? []).map((s) => s.name);
      attrN++;
      if (setMatches(pred, g.sources, gold.aliases ?? {})) attrOk++;
      else
        console.log(
          `SRC ${gold.id} ${g.id} gold=${JSON.stringify(g.sources)} pred=${JSON.stringify(pred)} "${g.anchor.slice(0, 60)}"`,
        );
      if (g.via?.length) {
        viaN++;
        if (setMatches(predVia, g.via, gold.aliases ?? {})) viaOk++;
        else
          console.log(`VIA ${gold.id} ${g.id} gold=${JSON.stringify(g.via)} pred=${JSON.stringify(predVia)}`);
      }
    }
  }
  // speed: CPU time of a second, warm pass over the same articles (sentences split beforehand)
  const prepared = files.map((f) => {
    const text = (JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')) as GoldArticle).text;
    return { text, sentences: sentencesOf(text) };
  });
  ms = Infinity;
  for (let k = 0; k < 10; k++) {
    const c0 = process.cpuUsage();
    for (const p of prepared) attributeSentences(p.text, p.sentences);
    const cu = process.cpuUsage(c0);
    ms = Math.min(ms, (cu.user + cu.system) / 1000);
  }
  const share = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
  console.log(
    `eval-dev-attribution: articles=${files.length} attribution=${share(attrOk, attrN)} (${attrOk}/${attrN}) via=${share(viaOk, viaN)} (${viaOk}/${viaN}) cpu_ms_per_article_best_round=${(ms / files.length).toFixed(3)} kb=${(chars / 1024).toFixed(1)}`,
  );
}

main();
