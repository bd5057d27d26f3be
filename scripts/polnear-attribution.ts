/**
 * A JSON-lines runner for score-external.mjs that measures attribution alone: reads {"id","text"} lines on stdin,
 * splits sentences with the engine's splitter (per paragraph), and writes one claim per attribution frame content
 * span (sources with their mention spans, cue span).
 *
 *   node /work/shared/eval/score-external.mjs polnear --run 'node -r ts-node/register/transpile-only scripts/polnear-attribution.ts'
 */
import * as readline from 'node:readline';
import { attributeSentences } from '../src/engine/attribution';
import { splitSentences } from '../src/engine/text';

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

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const { id, text } = JSON.parse(line) as { id: string; text: string };
  const frames = attributeSentences(text, sentencesOf(text)).flat();
  const claims = frames.flatMap((f) =>
    f.content.map((c) => ({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      checkworthy: true,
      sources: f.sources.map((s) => ({
        name: s.name,
        type: s.type,
        start: s.mention?.start,
        end: s.mention?.end,
      })),
      via: f.via.map((s) => ({ name: s.name })),
      cue: f.cue,
      cueLemma: f.cueLemma,
    })),
  );
  process.stdout.write(`${JSON.stringify({ id, claims })}\n`);
});
