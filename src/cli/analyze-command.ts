/**
 * `claimtrail analyze FILE|-` : table (default), `--json` (eval prediction format), `--jsonl` (batch: JSON lines
 * {id, text} on stdin → one JSON line {id, ...prediction} per input; a bad line yields {id, error}).
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { analyze } from '../engine/analyze';
import type { AnalyzeOptions } from '../engine/types';
import type { CliArguments } from './cli-arguments';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import { formatClaimTable } from './claim-table-formatter';
import { toPrediction } from './prediction-format';

export const ANALYZE_USAGE = `usage: claimtrail analyze FILE|- [--json] [--outlet NAME]
       claimtrail analyze --jsonl [--outlet NAME] < input.jsonl

  FILE|-      article to analyse (plain text or HTML); - reads stdin
  --json      print the prediction JSON (eval format) instead of a table
  --jsonl     batch mode: JSON lines {"id","text"} on stdin, one JSON line {"id",...prediction} out per input
  --outlet    the publishing outlet ("told <outlet>" involves no intermediary)
`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function runBatch(io: CliIo, options: AnalyzeOptions): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let id: unknown = `line-${lineNo}`;
    try {
      const item = JSON.parse(line) as { id?: unknown; text?: unknown; outlet?: unknown };
      if (item && typeof item === 'object' && item.id !== undefined) id = item.id;
      if (!item || typeof item !== 'object' || typeof item.text !== 'string')
        throw new Error('expected {"id", "text"} with a string text');
      const outlet = typeof item.outlet === 'string' ? item.outlet : options.outlet;
      const prediction = toPrediction(analyze(item.text, outlet ? { outlet } : {}));
      io.stdout.write(`${JSON.stringify({ id, ...prediction })}\n`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      io.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
  return EXIT_OK;
}

export async function runAnalyzeCommand(args: CliArguments, io: CliIo): Promise<number> {
  if (args.flags.has('--help')) {
    io.stdout.write(ANALYZE_USAGE);
    return EXIT_OK;
  }
  const outlet = args.options.get('--outlet');
  const options: AnalyzeOptions = outlet ? { outlet } : {};
  if (args.flags.has('--jsonl')) return runBatch(io, options);
  const file = args.positional[0];
  if (!file) {
    io.stderr.write(`claimtrail analyze: missing FILE (or - for stdin)\n\n${ANALYZE_USAGE}`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String((e as Error)?.message ?? e);
    io.stderr.write(`claimtrail analyze: cannot read ${file}: ${reason}\n`);
    return EXIT_FAILURE;
  }
  const analysis = analyze(text, options);
  if (args.flags.has('--json')) io.stdout.write(`${JSON.stringify(toPrediction(analysis))}\n`);
  else io.stdout.write(formatClaimTable(analysis));
  return EXIT_OK;
}
