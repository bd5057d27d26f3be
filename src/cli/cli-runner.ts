/**
 * Dispatches `claimtrail <command>` to its handler. Commands register here; logic lives in the engine.
 */
import { ANALYZE_USAGE, runAnalyzeCommand } from './analyze-command';
import { CliUsageError, parseArguments, type CliArguments } from './cli-arguments';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';

export type CliCommand = (args: CliArguments, io: CliIo) => Promise<number>;

export const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  analyze: {
    run: runAnalyzeCommand,
    summary: 'split an article into attributed claims (table, --json, --jsonl)',
  },
  'import-factchecks': {
    // Loaded on use: it boots Nest and TypeORM, which `analyze` does not need.
    run: async (args, io) =>
      (await import('./import-factchecks-command')).runImportFactChecksCommand(args, io),
    summary: 'import published fact-checks into the database (ClaimReview JSON-LD, Google Fact Check Tools)',
  },
};

export function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return `usage: claimtrail <command> [options]\n\ncommands:\n${rows.join('\n')}\n\n${ANALYZE_USAGE}`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr.write(`claimtrail: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (!args.command) {
    (args.flags.has('--help') ? io.stdout : io.stderr).write(usage());
    return args.flags.has('--help') ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[args.command];
  if (!command) {
    io.stderr.write(`claimtrail: unknown command "${args.command}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(args, io);
}
