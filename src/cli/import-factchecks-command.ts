/**
 * `claimtrail import-factchecks FILE|-` : imports published fact-checks (ClaimReview JSON-LD or a Google Fact Check
 * Tools response) into the database named by DATABASE_URL and prints the per-record report. Unlike `analyze`, it
 * needs PostgreSQL: it boots a Nest application context (no HTTP, no queues) and calls FactChecksService.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFile } from 'node:fs/promises';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { ConfigError, loadAppConfig } from '../config/load-app-config';
import { DatabaseModule } from '../database/database.module';
import { DomainError } from '../common/errors';
import { FactChecksModule } from '../fact-checks/fact-checks.module';
import { FactChecksService } from '../fact-checks/fact-checks.service';
import type { CliArguments } from './cli-arguments';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';

export const IMPORT_FACTCHECKS_USAGE = `usage: claimtrail import-factchecks FILE|- [--json]

  FILE|-      a JSON document: schema.org ClaimReview (object, array or @graph) or a Google Fact Check Tools
              claims:search response; - reads stdin
  --json      print the report as JSON
  Needs the database: DATABASE_URL (and the other settings of the API) come from the environment.
  Exit code 0 when every record was imported, 1 when some failed or the document was refused.
`;

@Module({})
class ImportFactChecksModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ImportFactChecksModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, FactChecksModule],
    };
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runImportFactChecksCommand(
  args: CliArguments,
  io: CliIo,
  // A CLI entry point: the environment is read here, once, through loadAppConfig.
  // eslint-disable-next-line no-restricted-properties
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  if (args.flags.has('--help')) {
    io.stdout.write(IMPORT_FACTCHECKS_USAGE);
    return EXIT_OK;
  }
  const file = args.positional[0];
  if (!file) {
    io.stderr.write(
      `claimtrail import-factchecks: missing FILE (or - for stdin)\n\n${IMPORT_FACTCHECKS_USAGE}`,
    );
    return EXIT_USAGE;
  }
  let document: unknown;
  try {
    const text = file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
    document = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error)?.message;
    io.stderr.write(`claimtrail import-factchecks: cannot read ${file}: ${reason}\n`);
    return EXIT_FAILURE;
  }
  let config: AppConfig;
  try {
    config = loadAppConfig({ LOG_LEVEL: 'warn', ...env, RUN_WORKERS: 'false' });
  } catch (e) {
    io.stderr.write(`claimtrail import-factchecks: ${e instanceof ConfigError ? e.message : String(e)}\n`);
    return EXIT_FAILURE;
  }
  const app = await NestFactory.createApplicationContext(ImportFactChecksModule.forRoot(config), {
    logger: ['fatal', 'error'],
    abortOnError: false,
  });
  try {
    const report = await app.get(FactChecksService).import(document);
    if (args.flags.has('--json')) io.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      io.stdout.write(
        `${report.format}: ${report.imported} imported, ${report.updated} updated, ${report.unchanged} unchanged, ` +
          `${report.failed} failed, ${report.matches} claim matches\n`,
      );
      for (const e of report.errors) io.stdout.write(`  record ${e.index}: ${e.error}\n`);
    }
    return report.failed > 0 ? EXIT_FAILURE : EXIT_OK;
  } catch (e) {
    io.stderr.write(
      `claimtrail import-factchecks: ${e instanceof DomainError || e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT_FAILURE;
  } finally {
    await app.close();
  }
}
