import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const RECORDER = fileURLToPath(new URL('./fixtures/record-modules.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'songnodes-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('songnodes command', () => {
  it('lists its commands and every configuration variable', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    for (const c of ['start', 'api', 'worker', 'migrate', 'demo', 'generate', 'import']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
    expect(r.stdout).toContain('SONGNODES_DATA_DIR');
    expect(r.stdout).toContain('DATABASE_URL');
  });

  it('generates the same sets for the same seed', async () => {
    const a = await runCli(['generate', '--sets', '3', '--seed', '7'], {});
    const b = await runCli(['generate', '--sets', '3', '--seed', '7'], {});
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ format: 'songnodes.set/v1' });
  });
});

describe('usage errors: one line naming the problem, the usage line, exit 2, no stack trace', () => {
  it.each([
    [['plan', '--from', 'a', '--to', 'b', '--length', 'abc'], /--length.*'abc'.*2 to 100/, 'songnodes plan'],
    // The API caps a plan at 100 tracks; so does the command line.
    [['plan', '--from', 'a', '--to', 'b', '--length', '999999'], /--length.*2 to 100/, 'songnodes plan'],
    [['plan', '--from', 'a', '--to', 'b', '--k', '9'], /--k.*1 to 5/, 'songnodes plan'],
    [['neighbours', 'x', '--hops', '7'], /--hops.*1 to 3/, 'songnodes neighbours'],
    [['plan', '--to', 'b', '--length', '5'], /--from/, 'songnodes plan'],
    [['import'], /missing required argument 'path'/, 'songnodes import'],
    [['import', 'x.txt', '--format', 'word'], /unknown format "word"/, 'songnodes import'],
    [['dedupe', 'list', '--limit', '0'], /--limit/, 'songnodes dedupe list'],
    [['export', 'nothing'], /cannot export "nothing"/, 'songnodes export'],
    [['frobnicate'], /unknown command 'frobnicate'/, 'songnodes'],
  ])('%j', async (args, says, usage) => {
    const r = await runCli(args, { SONGNODES_DATA_DIR: join(dir, 'data') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).toContain(`usage: ${usage}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('each command loads only what it needs', () => {
  const loaded = async (args: string[]) => {
    const log = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
    const r = await runCli(args, {
      SONGNODES_DATA_DIR: join(dir, 'data'),
      SONGNODES_MODULE_LOG: log,
      NODE_OPTIONS: `--import ${RECORDER}`,
    });
    return { r, modules: readFileSync(log, 'utf8') };
  };

  it('--help loads neither the database nor the server nor the graph engine', async () => {
    const { r, modules } = await loaded(['--help']);
    expect(r.code).toBe(0);
    expect(modules).not.toMatch(/node_modules\/fastify\//);
    expect(modules).not.toMatch(/packages\/graph\//);
    expect(modules).not.toMatch(/packages\/db\//);
    expect(modules).not.toMatch(/node_modules\/drizzle-orm\//);
  });

  it('export loads the database but not Fastify or the graph engine', async () => {
    const { r, modules } = await loaded(['export', 'tracks']);
    expect(r.code, r.stderr).toBe(0);
    expect(modules).toMatch(/packages\/db\//);
    expect(modules).not.toMatch(/node_modules\/fastify\//);
    // The graph engine: its index and the algorithms behind it (the db reads the snapshot's layout only).
    expect(modules).not.toMatch(/packages\/graph\/src\/index\.ts/);
    expect(modules).not.toMatch(/node_modules\/graphology/);
  }, 60_000);
});
