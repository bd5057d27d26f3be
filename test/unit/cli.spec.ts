import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/cli-runner';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../../src/cli/cli-io';

const ARTICLE = `Storm forces thousands from homes

HARBOURTON, Estria (Example Wire) — A storm forced 14,200 people from their homes, the national disaster agency said on Monday. The agency also said 3,100 homes had been damaged, about 400 of them severely.

At least six people were killed, police said.
`;

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-'));
const file = join(dir, 'article.txt');
writeFileSync(file, ARTICLE);

describe('claimtrail analyze', () => {
  it('prints a readable table of claims', async () => {
    const { code, out } = await run(['analyze', file]);
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/language: eng/);
    expect(out).toMatch(/span\s+cw\s+claim/);
    expect(out).toMatch(/yes\s+.*14,200 people/);
    expect(out).toMatch(/police/);
  });

  it('--json prints exactly the prediction format', async () => {
    const { code, out } = await run(['analyze', '--json', file]);
    expect(code).toBe(EXIT_OK);
    const p = JSON.parse(out);
    expect(Object.keys(p).sort()).toEqual(['claims', 'language', 'quantities', 'relations']);
    expect(p.language).toBe('eng');
    for (const c of p.claims) {
      expect(Object.keys(c).sort()).toEqual(
        expect.arrayContaining([
          'start',
          'end',
          'text',
          'checkworthy',
          'score',
          'sources',
          'via',
          'quantities',
        ]),
      );
      for (const k of Object.keys(c))
        expect([
          'start',
          'end',
          'text',
          'checkworthy',
          'score',
          'sources',
          'via',
          'quantities',
          'cue',
        ]).toContain(k);
      for (const s of c.sources) {
        expect(typeof s.name).toBe('string');
        expect(typeof s.type).toBe('string');
      }
      for (const q of c.quantities) expect(ARTICLE.slice(q.start, q.end)).toBe(q.text);
    }
    const killed = p.claims.find((c: { text: string }) => c.text.includes('six people were killed'));
    expect(killed.sources.map((s: { name: string }) => s.name)).toEqual(['police']);
    expect(ARTICLE.slice(killed.sources[0].start, killed.sources[0].end)).toBe('police');
  });

  it('reads stdin with -', async () => {
    const { code, out } = await run(
      ['analyze', '--json', '-'],
      'Prices rose 3 percent in May, the office said.',
    );
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(out).claims.length).toBeGreaterThan(0);
  });

  it('--outlet is passed to the engine', async () => {
    const { code, out } = await run(
      ['analyze', '--json', '--outlet', 'Example Wire', '-'],
      'Grid operator Westnet told Example Wire that 48,000 households were without power.',
    );
    expect(code).toBe(EXIT_OK);
    const c = JSON.parse(out).claims.find((x: { text: string }) => x.text.includes('48,000'));
    expect(c.via).toEqual([]);
  });

  it('--jsonl: one line out per input line, a bad line yields {id, error} and the batch goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: ARTICLE }),
      '{not json',
      JSON.stringify({ id: 'b', text: 42 }),
      '',
      JSON.stringify({ id: 'c', text: 'Unemployment fell to 3.9 percent.' }),
    ].join('\n');
    const { code, out } = await run(['analyze', '--jsonl'], input);
    expect(code).toBe(EXIT_OK);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'line-2', 'b', 'c']);
    expect(lines[0].claims.length).toBeGreaterThan(0);
    expect(lines[1].error).toBeDefined();
    expect(lines[2].error).toMatch(/text/);
    expect(lines[3].language).toBe('eng');
  });

  it.each([
    [['analyze', join(dir, 'missing.txt')], EXIT_FAILURE, /cannot read .*missing\.txt: no such file/],
    [['analyze', dir], EXIT_FAILURE, /is a directory/],
    [['analyze'], EXIT_USAGE, /missing FILE/],
    [['frobnicate'], EXIT_USAGE, /unknown command "frobnicate"/],
    [[], EXIT_USAGE, /usage: claimtrail <command>/],
    [['analyze', '--outlet'], EXIT_USAGE, /--outlet needs a value/],
  ])('%j exits %i with a clear error', async (argv, exitCode, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(exitCode);
    expect(err).toMatch(message);
  });

  it.each([[['--help']], [['analyze', '--help']]])('%j prints usage and exits 0', async (argv) => {
    const { code, out } = await run(argv);
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/usage: claimtrail/);
  });

  it('runs as a program through ts-node (shebang entry point, exit code)', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, '../../src/cli.ts'),
        'analyze',
        '--json',
        file,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).language).toBe('eng');
    const missing = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, '../../src/cli.ts'),
        'analyze',
        join(dir, 'nope.txt'),
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  }, 240_000);
});
