import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** URL prefix of the web app. */
export const WEB_APP_PREFIX = '/app';

/**
 * Directory of the built web app (`npm run build:web` writes it): `dist/web` under the repository root, found by
 * walking up from this file to the directory holding package.json (the same from src/ under ts-node or jest and
 * from dist/src/ when built, and in the Docker image).
 */
export function webAppDirectory(from = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    const parent = dirname(dir);
    if (parent === dir) return resolve(from, '..', '..', 'web');
    dir = parent;
  }
}
