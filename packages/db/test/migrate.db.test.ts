import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { migrate, migrationStatus, SchemaTooNewError } from '../src/index.ts';
import * as schema from '../src/schema.ts';

describe.skipIf(noServer)('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase({ migrate: false });
  });
  afterAll(() => t.drop());

  it('bring an empty database up to date, then do nothing', async () => {
    expect((await migrationStatus(t.db)).applied).toBe(0);
    const ran = await migrate(t.db);
    expect(ran).toBeGreaterThan(0);
    expect(await migrationStatus(t.db)).toMatchObject({ pending: 0, unknownApplied: 0, applied: ran });
    expect(await migrate(t.db)).toBe(0);
  });

  it('create every table and column of the Drizzle schema', async () => {
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
    expect(tables.length).toBeGreaterThan(15);
    const rows = await t.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
    for (const table of tables) {
      for (const col of Object.values(getTableColumns(table))) {
        expect(actual, `${getTableName(table)}.${col.name}`).toContain(`${getTableName(table)}.${col.name}`);
      }
    }
  });

  it('enable pg_trgm and unaccent', async () => {
    const [r] = await t.db.query<{ s: number; u: string }>(
      "SELECT similarity('horizon', 'horizons') AS s, unaccent('Café Tacvba') AS u",
    );
    expect(r!.s).toBeGreaterThan(0.5);
    expect(r!.u).toBe('Cafe Tacvba');
  });

  it('refuse a database written by a newer SongNodes, without touching it', async () => {
    await t.db.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [
      'from-the-future',
      Date.now() + 10 ** 10,
    ]);
    await expect(migrate(t.db)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(migrate(t.db)).rejects.toThrow(/newer than this SongNodes knows/);
    expect((await migrationStatus(t.db)).unknownApplied).toBe(1);
  });

  it('refuse values the data model forbids (invented keys, impossible BPM)', async () => {
    const insert = (bpm: number | null, key: string | null) =>
      t.db.query(
        `INSERT INTO tracks (key, original_key, artist_name, title, title_key, bpm, camelot_key)
         VALUES ($1, 'a|t', 'A', 'T', 't', $2, $3)`,
        [`a|t|${bpm}|${key}`, bpm, key],
      );
    await insert(null, null);
    await insert(124, '8A');
    await expect(insert(900, null)).rejects.toThrow();
    await expect(insert(124, '13A')).rejects.toThrow();
    await expect(insert(124, 'Am')).rejects.toThrow();
  });
});
