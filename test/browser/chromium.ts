import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it). playwright-core never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

const REPO = resolve(__dirname, '../..');
/** Screenshots of each view, for people to look at (gitignored). */
export const ARTIFACTS = join(REPO, 'test-artifacts');

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless chromium with a fresh profile directory, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'claimtrail-chromium-'));
  // headless: false so playwright adds no flag of its own: --headless=new above makes it headless.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app into dist/web (as `npm run build` does) when it is missing or older than its sources. */
export function ensureWebAppBuilt(): void {
  const index = join(REPO, 'dist/web/index.html');
  const sources = [join(REPO, 'web/src'), join(REPO, 'web/index.html'), join(REPO, 'web/vite.config.ts')];
  const newestSource = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  execFileSync(join(REPO, 'node_modules/.bin/vite'), ['build', 'web', '--logLevel', 'warn'], {
    cwd: REPO,
    stdio: 'inherit',
  });
}
