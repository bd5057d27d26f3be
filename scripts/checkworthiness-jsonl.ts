/**
 * Dev runner for check-worthiness.
 *
 * Batch mode (for score-external.mjs checkthat): reads JSON lines {id, text} on stdin and writes
 * {id, claims: [{start: 0, end: text.length, checkworthy, score}]} per line, scoring the whole sentence.
 *   node /work/shared/eval/score-external.mjs checkthat --split dev \
 *     --run 'node -r ts-node/register/transpile-only scripts/checkworthiness-jsonl.ts'
 * With --model-only, the trained model alone (no news rules): probability ≥ its tuned threshold.
 *
 * Dev-article mode: for every gold claim of ../shared/eval/dev/*.json, scores (anchor, its sentence) and prints
 * accuracy and per-class recall (and the disagreements with --verbose).
 *   node -r ts-node/register/transpile-only scripts/checkworthiness-jsonl.ts --dev-articles [--verbose]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { assessCheckworthiness } from '../src/engine/checkworthiness';
import { MODEL_THRESHOLD, modelLogit } from '../src/engine/checkworthiness/checkworthiness-model';
import { devArticleCases } from '../src/engine/checkworthiness/dev-article-cases';

function modelOnly(text: string): { checkworthy: boolean; score: number } {
  const p = 1 / (1 + Math.exp(-modelLogit(text)));
  return { checkworthy: p >= MODEL_THRESHOLD, score: Math.round(p * 1000) / 1000 };
}

async function batch(onlyModel: boolean): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    const r = onlyModel ? modelOnly(String(text ?? '')) : assessCheckworthiness(String(text ?? ''));
    out.push(
      JSON.stringify({
        id,
        claims: [{ start: 0, end: String(text ?? '').length, checkworthy: r.checkworthy, score: r.score }],
      }),
    );
    if (out.length >= 1000) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

function devArticles(verbose: boolean): void {
  const dir = path.resolve(__dirname, '..', '..', 'shared', 'eval', 'dev');
  if (!fs.existsSync(dir)) {
    console.log(`skipped: ${dir} is absent`);
    return;
  }
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  let tp = 0;
  let tn = 0;
  let pos = 0;
  let neg = 0;
  for (const c of devArticleCases(articles)) {
    const r = assessCheckworthiness(c.anchor, c.sentence, c.hints);
    if (c.gold) pos++;
    else neg++;
    if (c.gold && r.checkworthy) tp++;
    if (!c.gold && !r.checkworthy) tn++;
    if (verbose && r.checkworthy !== c.gold) {
      console.log(
        `${c.gold ? 'FN' : 'FP'} ${r.score.toFixed(2)} ${r.reason ?? ''} | ${c.anchor.slice(0, 90)}${c.note ? ` [${c.note}]` : ''}`,
      );
    }
  }
  console.log(
    `dev-articles: claims=${pos + neg} accuracy=${((tp + tn) / (pos + neg)).toFixed(3)} ` +
      `recall_checkworthy=${(tp / pos).toFixed(3)} (${tp}/${pos}) recall_not=${(tn / neg).toFixed(3)} (${tn}/${neg})`,
  );
}

const args = process.argv.slice(2);
if (args.includes('--dev-articles')) devArticles(args.includes('--verbose'));
else void batch(args.includes('--model-only'));
