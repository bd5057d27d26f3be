/**
 * Dev runner for the quantity extractor alone: reads JSON lines {id, text} on stdin and writes one line
 * {id, quantities: [...]} per input (the shape score-external.mjs reads).
 *   node -r ts-node/register/transpile-only scripts/quantities-jsonl.ts < in.jsonl
 */
import { createInterface } from 'node:readline';
import { extractQuantities } from '../src/engine/quantities';

async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let item: { id?: unknown; text?: unknown };
    try {
      item = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      continue;
    }
    const text = typeof item.text === 'string' ? item.text : '';
    process.stdout.write(JSON.stringify({ id: item.id, quantities: extractQuantities(text) }) + '\n');
  }
}

void main();
