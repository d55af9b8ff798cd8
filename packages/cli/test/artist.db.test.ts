// `songnodes artist …` as a user runs it: find an artist's id by a name or alias, set and print its
// aliases, merge two records of one DJ; refusals are one line and exit 1, bad ids are usage errors.
// On a PGlite data folder and on the test server's database.
import { userInfo } from 'node:os';
import type { Database } from '@songnodes/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { cliDatabase } from './cli-database.ts';
import { runCli } from './run-cli.ts';

const SETS = [
  testSet('a', ['Mira Vale - Tide', 'Ora - Horizon'], { performers: ['Luke Abbott'] }),
  testSet('b', ['Mira Vale - Tide', 'Ora - Horizon', 'Luke Abbot - Modern Driveway'], {
    performers: ['Luke Abbot'],
  }),
];

describe.skipIf(noServer)('songnodes artist', () => {
  let env: Record<string, string>;
  let open: () => Promise<{ db: Database; close: () => Promise<void> }>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, open, cleanup } = await cliDatabase('artist', SETS));
  });
  afterAll(() => cleanup());

  const songnodes = (...args: string[]) => runCli(args, env);
  const idOf = async (name: string) => {
    const r = await songnodes('artist', 'find', name, '--json');
    expect(r.code, r.stderr).toBe(0);
    const found = (JSON.parse(r.stdout) as { id: number; name: string }[]).find((a) => a.name === name);
    if (!found) throw new Error(`${name} not in ${r.stdout}`);
    return String(found.id);
  };

  it('finds, sets aliases, refuses a taken one, and merges; the audit log names the person', async () => {
    const [kept, merged] = [await idOf('Luke Abbott'), await idOf('Luke Abbot')];
    const listed = await songnodes('artist', 'find', 'Abbo');
    expect(listed.stdout).toContain(`#${kept} Luke Abbott (0 tracks, 1 sets performed)`);

    const set = await songnodes('artist', 'aliases', kept, 'L. Abbott');
    expect(set).toMatchObject({ code: 0, stdout: 'L. Abbott\n' });
    const taken = await songnodes('artist', 'aliases', kept, 'Luke Abbot');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(
      `"Luke Abbot" is artist ${merged} (Luke Abbot): merge the two artists instead`,
    );
    expect(taken.stderr).not.toMatch(/\n\s+at /);

    const m = await songnodes('artist', 'merge', kept, merged);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe(
      `artist ${merged} merged into ${kept}: 1 tracks and 1 sets moved, 2 transitions recounted; the merged name is now an alias\n`,
    );
    expect((await songnodes('artist', 'aliases', kept)).stdout).toBe('L. Abbott\nLuke Abbot\n');
    const { db, close } = await open();
    try {
      const log = await db.query<{ action: string; actor: string }>(
        `SELECT action, actor FROM audit_log WHERE action LIKE 'artist.%' ORDER BY id`,
      );
      expect(log).toEqual([
        { action: 'artist.aliases', actor: `cli:${userInfo().username}` },
        { action: 'artist.merge', actor: `cli:${userInfo().username}` },
      ]);
    } finally {
      await close();
    }
  });

  it('says what is wrong with an id or a request, without a stack', async () => {
    const bad = await songnodes('artist', 'merge', 'abc', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('keptId must be a positive whole number, got "abc"');
    const none = await songnodes('artist', 'merge', '1', '999999');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no artist 999999');
    const both = await songnodes('artist', 'aliases', '1', 'X', '--clear');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('give aliases or --clear, not both');
    for (const r of [bad, none, both]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
