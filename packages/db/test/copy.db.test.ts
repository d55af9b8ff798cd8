// copyRows on both engines: what goes in comes out, inside a transaction it is part of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';

describe.skipIf(noServer)('copyRows', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase({ migrate: false });
    await t.db.exec('CREATE TABLE copied (n int, s text, b boolean, r real, j jsonb, at timestamptz)');
  });
  afterAll(() => t?.drop());

  const awkward = [
    'tab\there',
    'line\nbreak\r\n',
    'back\\slash \\N',
    '<script>alert(1)</script>',
    'Ünïcødé – “x”',
    '',
  ];

  it('stores awkward text, NULLs, booleans, reals, JSON and times exactly', async () => {
    await t.db.exec('TRUNCATE copied');
    const n = awkward.map((_, i) => i);
    await t.db.copyRows(
      'copied',
      ['n', 's', 'b', 'r', 'j', 'at'],
      [
        [...n, 99],
        [...awkward, null],
        [...n.map((i) => i % 2 === 0), null],
        [...n.map((i) => i + 0.5), null],
        [...n.map((i) => JSON.stringify([{ field: 'title', message: `bad\t"${i}"` }])), null],
        [...n.map(() => '2024-05-01T22:10:00Z'), null],
      ],
    );
    const rows = await t.db.query<{
      n: number;
      s: string | null;
      b: boolean | null;
      r: number | null;
      j: unknown;
      at: unknown;
    }>('SELECT n, s, b, r, j, at FROM copied ORDER BY n');
    expect(rows.map((r) => r.s)).toEqual([...awkward, null]);
    expect(rows.map((r) => r.b)).toEqual([true, false, true, false, true, false, null]);
    expect(rows.map((r) => r.r)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, null]);
    expect(rows[1]!.j).toEqual([{ field: 'title', message: 'bad\t"1"' }]);
    expect(new Date(rows[0]!.at as string).toISOString()).toBe('2024-05-01T22:10:00.000Z');
    expect(rows[6]).toMatchObject({ n: 99, j: null, at: null });
  });

  it('is part of the transaction it runs in', async () => {
    await t.db.exec('TRUNCATE copied');
    await expect(
      t.db.transaction(async (tx) => {
        await tx.copyRows('copied', ['n'], [[1, 2, 3]]);
        expect(await tx.query('SELECT n FROM copied')).toHaveLength(3);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.db.query('SELECT n FROM copied')).toHaveLength(0);
  });

  it('reports a value the column refuses, and stores nothing of that call', async () => {
    await t.db.exec('TRUNCATE copied');
    await expect(t.db.copyRows('copied', ['n'], [[1, 'not a number']])).rejects.toThrow(/integer/);
    expect(await t.db.query('SELECT n FROM copied')).toHaveLength(0);
    // The engine is still usable afterwards.
    await t.db.copyRows('copied', ['n'], [[7]]);
    expect(await t.db.query('SELECT n FROM copied')).toEqual([{ n: 7 }]);
  });

  it('does nothing for no rows', async () => {
    await t.db.exec('TRUNCATE copied');
    await t.db.copyRows('copied', ['n', 's'], [[], []]);
    expect(await t.db.query('SELECT n FROM copied')).toHaveLength(0);
  });
});
