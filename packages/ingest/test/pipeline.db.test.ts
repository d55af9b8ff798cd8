import type { ImportItem, ParsedEntry, ParsedSet } from '@songnodes/core';
import { readSets } from '@songnodes/importers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { importItems } from '../src/index.ts';

const entry = (position: number, raw: string, extra: Partial<ParsedEntry> = {}): ParsedEntry => ({
  position,
  raw,
  ...extra,
});

/** testSet, where `extra` may also replace the entries. */
const set = (externalId: string, lines: string[], extra: Partial<ParsedSet> = {}): ParsedSet => ({
  ...testSet(externalId, lines),
  ...extra,
});

type Row = {
  f: string;
  t: string;
  count: number;
  set_count: number;
  dj_count: number;
  first_date: string | null;
  last_date: string | null;
};

describe.skipIf(noServer)('ingest pipeline', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  const transitions = () =>
    t.db.query<Row>(
      `SELECT a.artist_name || ' - ' || a.title || coalesce(' (' || a.version || ')', '') AS f,
              b.artist_name || ' - ' || b.title || coalesce(' (' || b.version || ')', '') AS t,
              tr.count, tr.set_count, tr.dj_count, tr.first_date::text AS first_date, tr.last_date::text AS last_date
       FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id JOIN tracks b ON b.id = tr.to_track_id
       ORDER BY 1, 2`,
    );
  const count = async (table: string) =>
    Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  it('stores tracks, entries and transitions; an unknown entry breaks the chain', async () => {
    const s = await importItems(t.db, [
      set('a', [
        'Kay Loom - Sundial',
        'Kay Loom - Horizon',
        'ID - ID',
        'Mira Vale - Night Drive',
        'Mira Vale - Night Drive (Tom Ash Remix)',
      ]),
    ]);
    expect(s).toMatchObject({ setsRead: 1, setsStored: 1, setsFailed: 0, entries: 5 });
    expect(await count('tracks')).toBe(4);
    expect(await count('set_entries')).toBe(5);
    const unknown = await t.db.query<{ track_id: number | null; unknown: boolean }>(
      'SELECT track_id, unknown FROM set_entries WHERE position = 3',
    );
    expect(unknown[0]).toEqual({ track_id: null, unknown: true });
    expect((await transitions()).map((r) => `${r.f} > ${r.t}`)).toEqual([
      'Kay Loom - Sundial > Kay Loom - Horizon',
      'Mira Vale - Night Drive > Mira Vale - Night Drive (Tom Ash Remix)',
    ]);
  });

  it('keeps a remix apart from its original and links it; Original/Extended Mix and featured artists do not split', async () => {
    await importItems(t.db, [
      set('a', ['Kay Loom feat. Ora - Sundial (Extended Mix)', 'Mira Vale - Tide (Tom Ash Remix)']),
      set('b', ['KAY LOOM - Sundial (Original Mix)', 'Mira Vale - Tide']),
    ]);
    const tracks = await t.db.query<{ title: string; version: string | null; original: string | null }>(
      `SELECT t.title, t.version, o.title AS original FROM tracks t LEFT JOIN tracks o ON o.id = t.original_track_id ORDER BY t.title, t.version NULLS FIRST`,
    );
    expect(tracks).toEqual([
      { title: 'Sundial', version: null, original: null },
      { title: 'Tide', version: null, original: null },
      { title: 'Tide', version: 'Tom Ash Remix', original: 'Tide' },
    ]);
    const featured = await t.db.query<{ role: string; name: string }>(
      `SELECT ta.role, a.name FROM track_artists ta JOIN artists a ON a.id = ta.artist_id JOIN tracks t ON t.id = ta.track_id
       WHERE t.title = 'Sundial' ORDER BY ta.role`,
    );
    expect(featured.map((r) => r.role)).toEqual(['featured', 'primary']);
  });

  it('links a remix to its original whichever of the two is imported first', async () => {
    await importItems(t.db, [set('a', ['Mira Vale - Tide (Tom Ash Remix)', 'Ora - Drift'])]);
    await importItems(t.db, [set('b', ['Mira Vale - Tide', 'Ora - Drift (Lune Dub)'])]);
    const links = await t.db.query<{ track: string; original: string | null }>(
      `SELECT t.title || coalesce(' (' || t.version || ')', '') AS track, o.title AS original
       FROM tracks t LEFT JOIN tracks o ON o.id = t.original_track_id ORDER BY 1`,
    );
    expect(links).toEqual([
      { track: 'Drift', original: null },
      { track: 'Drift (Lune Dub)', original: 'Drift' },
      { track: 'Tide', original: null },
      { track: 'Tide (Tom Ash Remix)', original: 'Tide' },
    ]);
  });

  it('aggregates evidence: count, distinct sets, distinct DJs, first and last date', async () => {
    await importItems(t.db, [
      set('a', ['A1 - One', 'B1 - Two', 'A1 - One', 'B1 - Two'], {
        performers: ['DJ Alpha'],
        date: '2020-01-01',
      }),
      set('b', ['A1 - One', 'B1 - Two'], { performers: ['DJ Alpha'], date: '2022-06-01' }),
      set('c', ['A1 - One', 'B1 - Two'], { performers: ['DJ Beta b2b DJ Gamma'], date: '2018-03-03' }),
    ]);
    const one = (await transitions()).find((r) => r.f === 'A1 - One' && r.t === 'B1 - Two');
    expect(one).toEqual({
      f: 'A1 - One',
      t: 'B1 - Two',
      count: 4,
      set_count: 3,
      dj_count: 3,
      first_date: '2018-03-03',
      last_date: '2022-06-01',
    });
  });

  it('keeps the distinct-DJ count exact across batches, repeats and replacements', async () => {
    const pair = async () =>
      (await transitions()).find((r) => r.f === 'A1 - One' && r.t === 'B1 - Two') ?? null;
    const alpha = (id: string, date: string) =>
      set(id, ['A1 - One', 'B1 - Two'], { performers: ['DJ Alpha'], date });
    // One import per set: each is its own batch, so the pair exists before the later ones add to it.
    for (const s of [
      alpha('a', '2020-01-01'),
      alpha('b', '2021-01-01'),
      set('c', ['A1 - One', 'B1 - Two'], { performers: ['DJ Beta'], date: '2019-01-01' }),
    ])
      await importItems(t.db, [s]);
    expect(await pair()).toMatchObject({ count: 3, set_count: 3, dj_count: 2, first_date: '2019-01-01' });

    // DJ Beta's only set with the pair changes: Beta no longer counts, and neither does its date.
    const beta = set('c', ['A1 - One', 'C1 - Three'], { performers: ['DJ Beta'], date: '2019-01-01' });
    await importItems(t.db, [beta]);
    expect(await pair()).toMatchObject({ count: 2, set_count: 2, dj_count: 1, first_date: '2020-01-01' });

    // One of DJ Alpha's two sets changes: Alpha still played it in the other.
    const alphaA = set('a', ['B1 - Two', 'A1 - One'], { performers: ['DJ Alpha'], date: '2020-01-01' });
    await importItems(t.db, [alphaA]);
    expect(await pair()).toMatchObject({ count: 1, set_count: 1, dj_count: 1, first_date: '2021-01-01' });

    const fresh = await testDatabase();
    try {
      await importItems(fresh.db, [alphaA, alpha('b', '2021-01-01'), beta]);
      const kept = t;
      t = fresh;
      const expected = await transitions();
      t = kept;
      expect(await transitions()).toEqual(expected);
    } finally {
      await fresh.drop();
    }
  });

  it('refreshes the planner statistics during an import once it is large enough, and at its end when missing', async () => {
    const stats = async () =>
      (
        await t.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stats WHERE tablename IN ('tracks', 'set_entries', 'transitions')",
        )
      )[0]!.n;
    const sets = [set('a', ['A1 - One', 'B1 - Two', 'C1 - Three']), set('b', ['B1 - Two', 'C1 - Three'])];
    // What the statistics are while the import runs (progress is reported after each batch).
    const during: number[] = [];
    const onProgress = async () => {
      during.push(await stats());
    };
    await importItems(t.db, sets.slice(0, 1), { onProgress });
    expect(during.at(-1)).toBe(0);
    // Missing after it, so gathered at its end (see statistics.db.test.ts for when they are stale).
    expect(await stats()).toBeGreaterThan(0);
    // On a database of its own: past analyzeFirstAt entries they are gathered while the import runs.
    const other = await testDatabase();
    try {
      const seen: number[] = [];
      const count = async () =>
        (
          await other.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stats WHERE tablename IN ('tracks', 'set_entries', 'transitions')",
          )
        )[0]!.n;
      await importItems(other.db, sets, {
        analyzeFirstAt: 2,
        onProgress: async () => {
          seen.push(await count());
        },
      });
      expect(seen.at(-1)).toBeGreaterThan(0);
    } finally {
      await other.drop();
    }
  });

  it('draws no transition from or to a w/ layer', async () => {
    await importItems(t.db, [set('a', ['Kay Loom - Sundial', 'w/ Ora - Acapella', 'Mira Vale - Tide'])]);
    expect((await transitions()).map((r) => `${r.f} > ${r.t}`)).toEqual([
      'Kay Loom - Sundial > Mira Vale - Tide',
    ]);
    expect(await count('set_entries')).toBe(3);
  });

  it('is idempotent: the same set again changes nothing', async () => {
    const sets = [set('a', ['A1 - One', 'B1 - Two', 'C1 - Three']), set('b', ['B1 - Two', 'C1 - Three'])];
    await importItems(t.db, sets);
    const before = await transitions();
    const again = await importItems(t.db, sets);
    expect(again).toMatchObject({ setsStored: 0, setsUnchanged: 2, entries: 0 });
    expect(await transitions()).toEqual(before);
    expect(await count('sets')).toBe(2);
  });

  it('replaces a changed set and leaves the aggregates exactly as a fresh import of the final data would', async () => {
    const other = set('b', ['A1 - One', 'B1 - Two'], { performers: ['DJ Beta'], date: '2019-01-01' });
    await importItems(t.db, [
      set('a', ['A1 - One', 'B1 - Two', 'C1 - Three'], { date: '2015-01-01' }),
      other,
    ]);
    const changed = set('a', ['A1 - One', 'C1 - Three', 'D1 - Four'], { date: '2021-01-01' });
    const s = await importItems(t.db, [changed]);
    expect(s).toMatchObject({ setsStored: 1, setsReplaced: 1 });
    const after = await transitions();

    const fresh = await testDatabase();
    try {
      await importItems(fresh.db, [changed, other]);
      const t2 = t;
      t = fresh;
      const expected = await transitions();
      t = t2;
      expect(after).toEqual(expected);
    } finally {
      await fresh.drop();
    }
    expect(await count('set_entries')).toBe(5);
  });

  it('keeps unknown values unknown and drops impossible ones with a warning naming the field', async () => {
    const s = await importItems(t.db, [
      set('a', [], {
        entries: [
          {
            position: 1,
            raw: 'Kay Loom - Sundial',
            artist: 'Kay Loom',
            title: 'Sundial',
            bpm: 124,
            key: 'Am',
          },
          {
            position: 2,
            raw: 'Mira Vale - Tide',
            artist: 'Mira Vale',
            title: 'Tide',
            bpm: 900,
            key: 'H minor',
            line: 7,
          },
          { position: 3, raw: 'Ora - Drift', artist: 'Ora', title: 'Drift' },
        ],
      }),
    ]);
    const tracks = await t.db.query<{ title: string; bpm: number | null; camelot_key: string | null }>(
      'SELECT title, bpm, camelot_key FROM tracks ORDER BY title',
    );
    expect(tracks).toEqual([
      { title: 'Drift', bpm: null, camelot_key: null },
      { title: 'Sundial', bpm: 124, camelot_key: '8A' },
      { title: 'Tide', bpm: null, camelot_key: null },
    ]);
    const bpm = s.issues.find((i) => i.field === 'bpm');
    expect(bpm).toMatchObject({ severity: 'warning', position: 2, line: 7 });
    expect(s.issues.some((i) => i.field === 'key' && i.position === 2)).toBe(true);
  });

  it('stores HTML in names as text', async () => {
    await importItems(t.db, [set('a', ['<script>alert(1)</script> - <b>Bold</b>', 'Ora - Drift'])]);
    const [r] = await t.db.query<{ raw: string }>('SELECT raw FROM set_entries WHERE position = 1');
    expect(r!.raw).toBe('<script>alert(1)</script> - <b>Bold</b>');
  });

  it('stores 9,997 of 10,000 sets when 3 lines are broken, reporting the 3 with their line numbers', async () => {
    const broken = new Set([17, 5000, 9999]);
    const lines: string[] = [];
    for (let i = 1; i <= 10_000; i++) {
      lines.push(
        broken.has(i)
          ? '{"format":"songnodes.set/v1", "entries": [ broken'
          : JSON.stringify({
              format: 'songnodes.set/v1',
              source: 'bulk',
              externalId: `s${i}`,
              performers: [`DJ ${i % 50}`],
              kind: 'mix',
              entries: [
                { position: 1, raw: `Artist ${i % 300} - Track ${i % 700}` },
                { position: 2, raw: `Artist ${(i * 7) % 300} - Track ${(i * 3) % 700}` },
              ],
            }),
      );
    }
    async function* bytes() {
      yield Buffer.from(`${lines.join('\n')}\n`);
    }
    const s = await importItems(t.db, readSets(bytes(), { file: 'bulk.ndjson' }), { file: 'bulk.ndjson' });
    expect(s.setsStored).toBe(9997);
    expect(s.setsFailed).toBe(3);
    const errors = s.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.line)).toEqual([17, 5000, 9999]);
    expect(errors.every((e) => e.file === 'bulk.ndjson')).toBe(true);
    expect(await count('sets')).toBe(9997);
  });

  it('prepares in a worker thread with the same result as on this thread, across many small batches', async () => {
    const items = (): ImportItem[] =>
      Array.from({ length: 40 }, (_, i) =>
        set(
          `w${i}`,
          [
            `Artist ${i % 7} - Track ${i % 11}`,
            'ID - ID',
            `Artist ${(i * 3) % 7} - Track ${(i * 5) % 11} (X Remix)`,
            `Artist ${i % 5} - Track ${i % 3}`,
          ],
          {
            performers: [`DJ ${i % 4}`],
            date: i % 9 === 0 ? '2024-13-01' : '2024-05-01',
          },
        ),
      );
    const local = await importItems(t.db, items(), { batchEntries: 9, prepareInWorker: false });
    const localRows = await transitions();
    const other = await testDatabase();
    try {
      const inWorker = await importItems(other.db, items(), { batchEntries: 9, prepareInWorker: true });
      expect({ ...inWorker, seconds: 0 }).toEqual({ ...local, seconds: 0 });
      const t0 = t;
      t = other;
      expect(await transitions()).toEqual(localRows);
      t = t0;
    } finally {
      await other.drop();
    }
    expect(local.setsStored).toBe(40);
    expect(local.warnings).toBeGreaterThan(0);
    expect(localRows.length).toBeGreaterThan(10);
  });

  it('one set that the database refuses does not take the rest of its batch down', async () => {
    const items: ImportItem[] = [
      set('ok1', ['A1 - One', 'B1 - Two']),
      // A position beyond PostgreSQL's integer range: the batch fails, then each set is tried alone.
      set('bad', [], { entries: [entry(3_000_000_000, 'A1 - One'), entry(3_000_000_001, 'B1 - Two')] }),
      set('ok2', ['B1 - Two', 'C1 - Three']),
    ];
    const s = await importItems(t.db, items);
    expect(s).toMatchObject({ setsStored: 2, setsFailed: 1 });
    expect(s.issues.find((i) => i.severity === 'error')?.message).toMatch(/Set bad/);
    expect(await count('sets')).toBe(2);
    expect(await count('set_entries')).toBe(4);
  });
});
