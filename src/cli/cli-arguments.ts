/**
 * Command-line argument parsing: `claimtrail <command> [options] [args]`.
 */
export interface CliArguments {
  command?: string;
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Options that take a value. */
const VALUED = new Set(['--outlet']);

export class CliUsageError extends Error {}

export function parseArguments(argv: string[]): CliArguments {
  const out: CliArguments = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUED.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new CliUsageError(`${name} needs a value`);
        out.options.set(name, value);
      } else out.flags.add(name);
    } else if (a === '-h') out.flags.add('--help');
    else if (!out.command && a !== '-') out.command = a;
    else out.positional.push(a);
  }
  return out;
}
