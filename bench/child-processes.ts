import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The benchmarks run the service as it runs in production: its entry points in child processes of their own, so
 * the load generator never shares an event loop with the server it measures.
 */

/** How to start an entry point: the built JavaScript, or the TypeScript source through ts-node. */
function entry(name: 'main' | 'worker'): string[] {
  if (__filename.endsWith('.ts')) {
    return ['-r', 'ts-node/register/transpile-only', resolve(__dirname, '..', 'src', `${name}.ts`)];
  }
  return [resolve(__dirname, '..', 'src', `${name}.js`)];
}

/**
 * Starts an entry point and resolves once it is ready: when its output matches `ready`, or, given a URL, when that
 * URL answers 200 (for a server started with quiet logs).
 */
export function startEntryPoint(
  name: 'main' | 'worker',
  env: Record<string, string>,
  ready: RegExp | { url: string },
): Promise<ChildProcess> {
  // BENCH_CHILD_NODE_ARGS: extra Node flags for the children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...entry(name)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveReady, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
      if (ready instanceof RegExp && ready.test(log)) {
        clearTimeout(timer);
        resolveReady(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready:\n${log}`));
    });
    if (!(ready instanceof RegExp)) {
      const poll = (): void => {
        if (child.exitCode !== null) return;
        fetch(ready.url).then(
          (res) => {
            if (res.ok) {
              clearTimeout(timer);
              resolveReady(child);
            } else setTimeout(poll, 250);
          },
          () => setTimeout(poll, 250),
        );
      };
      poll();
    }
  });
}

export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((done) => {
          if (c.exitCode !== null) return done();
          const kill = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}
