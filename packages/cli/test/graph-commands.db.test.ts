// The graph commands as a user runs them: `node packages/cli/src/main.ts …` against a small imported
// graph (a PGlite data folder in the pglite suite, the test server's database in the postgres suite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { cliDatabase } from './cli-database.ts';
import { runCli } from './run-cli.ts';

// Known BPM and key on every entry, so the planner has something to check.
const set = (externalId: string, raws: string[], performer: string) =>
  testSet(externalId, raws, { performers: [performer], entry: (_raw, i) => ({ bpm: 124 + i, key: '8A' }) });
const SETS = [
  set('a', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Ora - Horizon'], 'DJ One'),
  set('b', ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Pell - Rain (Nox Remix)'], 'DJ Two'),
  set('c', ['Ora - Horizon', 'Pell - Rain (Vey Remix)'], 'DJ Two'),
];

describe.skipIf(noServer)('graph commands', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    // runCli starts from a clean SongNodes environment: only what is set here reaches the command.
    ({ env, cleanup } = await cliDatabase('graph', SETS));
  });
  afterAll(() => cleanup());

  const songnodes = (...args: string[]) => runCli(args, env);

  it('neighbours --json prints parseable JSON with track names', async () => {
    const r = await songnodes('neighbours', 'Kay Loom - Sundial', '--direction', 'out', '--json');
    expect(r.code).toBe(0);
    const n = JSON.parse(r.stdout);
    expect(n.edges).toHaveLength(1);
    expect(n.tracks[n.edges[0].to].title).toBe('Tide');
    expect(r.stderr).toMatch(/graph: 5 tracks, 4 transitions, loaded in/);
  });

  it('an ambiguous name exits non-zero and lists the candidates', async () => {
    const r = await songnodes('next', 'Pell - Rain');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"Pell - Rain" matches 2 tracks; name one by id:/);
    expect(r.stderr).toMatch(/\d+ {2}Pell - Rain \(Nox Remix\)/);
    expect(r.stderr).toMatch(/\d+ {2}Pell - Rain \(Vey Remix\)/);
    expect(r.stdout).toBe('');
  });

  it('an unknown name or a bad option exits non-zero with a clear message', async () => {
    const unknown = await songnodes('neighbours', 'Nobody - Nothing');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/songnodes: no track matches "Nobody - Nothing"/);
    const bad = await songnodes('neighbours', 'Ora - Horizon', '--hops', 'two');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /option '--hops <k>' argument 'two' is invalid. must be a whole number from 1 to 3/,
    );
    expect(bad.stderr).toContain('usage: songnodes neighbours [options] <track>');
  });

  it('plan prints the set with each step explained, or JSON', async () => {
    const table = await songnodes(
      'plan',
      '--from',
      'Kay Loom - Sundial',
      '--to',
      'Ora - Horizon',
      '--length',
      '3',
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/1 +Kay Loom - Sundial +start/);
    expect(table.stdout).toMatch(/2 +Mira Vale - Tide +observed 2× by 2 DJs/);
    const json = await songnodes(
      'plan',
      '--from',
      'Kay Loom - Sundial',
      '--to',
      'Ora - Horizon',
      '--length',
      '3',
      '--json',
    );
    const plan = JSON.parse(json.stdout);
    expect(plan.sets[0].tracks.map((id: number) => plan.tracks[id].title)).toEqual([
      'Sundial',
      'Tide',
      'Horizon',
    ]);
  });

  it('communities and layout compute and store, then report', async () => {
    const c = await songnodes('communities', '--json');
    expect(c.code).toBe(0);
    const summary = JSON.parse(c.stdout);
    expect(summary.largest.reduce((n: number, l: { size: number }) => n + l.size, 0)).toBe(5);
    const l = await songnodes('layout', '--iterations', '5', '--json');
    expect(l.code).toBe(0);
    expect(JSON.parse(l.stdout)).toMatchObject({ mode: 'full', tracks: 5 });
    const again = await songnodes('layout', '--iterations', '5');
    expect(again.stdout).toMatch(/incremental layout of 5 tracks stored .*\(5 kept their positions\)/);
  });
});
