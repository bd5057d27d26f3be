#!/usr/bin/env node
/** claimtrail command-line interface: argument parsing and formatting in src/cli/, logic in the engine. */
import { runCli } from './cli/cli-runner';

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    process.stderr.write(`claimtrail: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
