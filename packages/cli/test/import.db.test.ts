import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { runCli } from './run-cli.ts';

describe.skipIf(noServer)(`songnodes import (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-import-'));
    env = { SONGNODES_DATA_DIR: join(dir, 'data') };
    if (engine === 'postgres') {
      t = await testDatabase();
      env.DATABASE_URL = t.url!;
    }
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a pasted tracklist, prints a summary and exits 0', async () => {
    const file = join(dir, 'set.txt');
    writeFileSync(
      file,
      '01. Kay Loom - Sundial [Moth Records]\n02. Mira Vale - Tide (Tom Ash Remix)\n03. ID - ID\n',
    );
    const r = await runCli(['import', file], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 sets read, 1 stored, 0 unchanged, 0 failed, 3 entries/);
    const again = await runCli(['import', file, '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ setsRead: 1, setsStored: 0, setsUnchanged: 1 });
  });

  it('reads from stdin with a forced format', async () => {
    const r = await runCli(
      ['import', '-', '--format', 'text', '--json'],
      env,
      'Ora - Drift\nKay Loom - Sundial\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ setsStored: 1, entries: 2 });
  });

  it('exits non-zero when nothing could be imported, saying why and where', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = await runCli(['import', empty], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: .*empty\.txt.*empty/);
  });

  it('refuses an unknown format by name', async () => {
    const r = await runCli(['import', '-', '--format', 'word'], env, 'x');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/word/);
  });

  it('imports our own CUE fixture, whose frames are fractions of a second, and exports its cue times', async () => {
    const cue = fileURLToPath(new URL('../../importers/test/fixtures/mix.cue', import.meta.url));
    const r = await runCli(['import', cue, '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ setsStored: 1, setsFailed: 0, entries: 3 });
    const out = await runCli(['export', 'entries', '--format', 'ndjson'], env);
    const cues = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.raw.includes('Paper Suns') || e.raw.includes('Slow Tide'))
      .map((e) => e.cueSeconds);
    // INDEX 01 05:12:37 is 5 min 12 s and 37 of 75 frames.
    expect(cues[0]).toBeCloseTo(312 + 37 / 75, 3);
    expect(cues[1]).toBe(700);
  });

  it('stores a CSV whose fields hold what the database cannot (a NUL, a play time that is no time), with warnings', async () => {
    const file = join(dir, 'odd.csv');
    const rows = Array.from(
      { length: 300 },
      (_, i) => `Artist ${i},Title ${i},${176.32 + i},2023-11-04 22:01`,
    );
    writeFileSync(
      file,
      `artist,title,duration,played at\n${rows.join('\n')}\nKay Loom,Sun\u0000dial,301.5,yesterday evening\n`,
    );
    const r = await runCli(['import', file], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 sets read, 1 stored, 0 unchanged, 0 failed, 301 entries, 3 warnings/);
    expect(r.stdout).toMatch(/line 302.*NUL/);
    expect(r.stdout).toMatch(/line 302.*playedAt: play time "yesterday evening" is not a date and time/);
  });
});
