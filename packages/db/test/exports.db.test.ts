import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import {
  csvLine,
  type EntryWrite,
  EXPORT_KINDS,
  type ExportKind,
  exportEntries,
  exportLines,
  exportTracks,
  exportTransitions,
  type SetWrite,
  type TrackWrite,
  writeSetBatch,
} from '../src/index.ts';

const TRICKY = 'Kay Loom, "The" Band - Line\nTwo';

const track = (key: string, title: string): TrackWrite => ({
  key,
  originalKey: key,
  artistName: 'Kay Loom',
  title,
  titleKey: key,
  version: null,
  versionKind: 'original',
  isMashup: false,
  bpm: null,
  camelotKey: null,
  genre: null,
  year: null,
  durationSeconds: null,
  artists: [{ key: 'kayloom', role: 'primary', position: 1 }],
  components: [],
});

const entry = (position: number, raw: string, trackKey: string | null, title: string | null): EntryWrite => ({
  position,
  line: position,
  raw,
  artist: trackKey ? 'Kay Loom' : null,
  title,
  version: null,
  label: null,
  catalogNumber: null,
  cueSeconds: null,
  bpm: null,
  camelotKey: null,
  trackKey,
  unknown: trackKey === null,
  withPrevious: false,
  deck: null,
  playedAt: null,
  issues: null,
});

function set(externalId: string, keys: (string | null)[]): SetWrite {
  const entries = keys.map((k, i) =>
    k === null ? entry(i + 1, 'ID - ID', null, null) : entry(i + 1, `Kay Loom - ${k}`, k, k),
  );
  const transitions: SetWrite['transitions'] = [];
  keys.forEach((k, i) => {
    const prev = keys[i - 1];
    if (i > 0 && k && prev) transitions.push({ position: i, fromKey: prev, toKey: k });
  });
  return {
    sourceName: 'mixes',
    externalId,
    contentHash: externalId,
    url: null,
    title: `Set ${externalId}`,
    kind: 'mix',
    event: null,
    venue: null,
    playedOn: '2024-04-01',
    datePrecision: 'day',
    performerKeys: ['djalpha', 'djbeta'],
    entries,
    transitions,
  };
}

describe.skipIf(noServer)('exports', () => {
  let t: TestDatabase;
  const keys = ['a', 'b', 'c', 'd', 'e'];
  beforeAll(async () => {
    t = await testDatabase();
    const s3 = set('s3', ['b', 'c']);
    s3.entries[1] = { ...s3.entries[1]!, raw: TRICKY, title: 'Line\nTwo' };
    await t.db.transaction((tx) =>
      writeSetBatch(tx, {
        artists: [
          { key: 'kayloom', name: 'Kay Loom' },
          { key: 'djalpha', name: 'DJ Alpha' },
          { key: 'djbeta', name: 'DJ, "Beta"' },
        ],
        tracks: keys.map((k) => track(k, k)),
        sets: [set('s1', ['a', 'b', null, 'c', 'd']), set('s2', ['b', 'c', 'e']), s3],
      }),
    );
  });
  afterAll(() => t.drop());

  const all = async <T>(g: AsyncGenerator<T>) => {
    const out: T[] = [];
    for await (const x of g) out.push(x);
    return out;
  };
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('exports every entry once, in order, across pages; unknown entries have no track', async () => {
    const whole = await all(exportEntries(t.db));
    expect(whole).toHaveLength(10);
    for (const batchSize of [1, 2, 3, 4])
      expect(await all(exportEntries(t.db, { batchSize }))).toEqual(whole);
    expect(whole[0]).toEqual({
      source: 'mixes',
      setExternalId: 's1',
      position: 1,
      raw: 'Kay Loom - a',
      trackId: expect.any(Number),
      artist: 'Kay Loom',
      title: 'a',
      version: null,
      unknown: false,
      cueSeconds: null,
    });
    expect(whole[2]).toMatchObject({
      setExternalId: 's1',
      position: 3,
      raw: 'ID - ID',
      trackId: null,
      unknown: true,
    });
    expect(whole.map((e) => `${e.setExternalId}:${e.position}`)).toEqual([
      's1:1',
      's1:2',
      's1:3',
      's1:4',
      's1:5',
      's2:1',
      's2:2',
      's2:3',
      's3:1',
      's3:2',
    ]);
  });

  it.each(EXPORT_KINDS)('exports all %s as NDJSON and CSV with any page size', async (kind: ExportKind) => {
    const table = { entries: 'set_entries', sets: 'sets', tracks: 'tracks', transitions: 'transitions' }[
      kind
    ];
    const ndjson = await all(exportLines(t.db, kind, 'ndjson', { batchSize: 2 }));
    expect(ndjson).toHaveLength(await count(table));
    expect(ndjson.map((l) => JSON.parse(l))).toEqual(
      (await all(exportLines(t.db, kind, 'ndjson'))).map((l) => JSON.parse(l)),
    );
    const csv = await all(exportLines(t.db, kind, 'csv', { batchSize: 3 }));
    expect(csv).toHaveLength(ndjson.length + 1);
    expect(csv.every((l) => l.endsWith('\r\n'))).toBe(true);
  });

  it('quotes commas, quotes and newlines in CSV (RFC 4180)', async () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'one\ntwo', null, 3, false, ['A', 'B']])).toBe(
      'plain,"a,b","say ""hi""","one\ntwo",,3,false,A; B\r\n',
    );
    const entries = await all(exportLines(t.db, 'entries', 'csv'));
    expect(entries[0]).toBe(
      'source,setExternalId,position,raw,trackId,artist,title,version,unknown,cueSeconds\r\n',
    );
    const tricky = entries.find((l) => l.includes('Line'));
    expect(tricky).toMatch(
      /^mixes,s3,2,"Kay Loom, ""The"" Band - Line\nTwo",\d+,Kay Loom,"Line\nTwo",,false,\r\n$/,
    );
    const sets = await all(exportLines(t.db, 'sets', 'csv'));
    expect(sets[1]).toContain(',"DJ Alpha; DJ, ""Beta""",');
  });

  it('exports transition aggregates with their dates', async () => {
    const rows = await all(exportTransitions(t.db, { batchSize: 1 }));
    expect(rows).toHaveLength(await count('transitions'));
    const ids = rows.map((r) => `${r.fromTrackId}:${r.toTrackId}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.find((r) => r.count === 2)).toMatchObject({
      setCount: 2,
      djCount: 2,
      firstDate: '2024-04-01',
      lastDate: '2024-04-01',
    });
  });

  it('refuses a page size below one', async () => {
    await expect(all(exportEntries(t.db, { batchSize: 0 }))).rejects.toThrow(/batchSize/);
  });
});

describe.skipIf(noServer)('fractions of a second', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.drop());

  it('stores and exports cue times of entries and durations of tracks with their fraction', async () => {
    // Seconds with decimals (CUE frames, milliseconds, 176.32) once made the whole set fail on integer columns.
    const frac = set('frac', ['f1', 'f2']);
    frac.entries = frac.entries.map((e, i) => ({ ...e, cueSeconds: [1e-50, 312.49][i]! }));
    await t.db.transaction((tx) =>
      writeSetBatch(tx, {
        artists: [{ key: 'kayloom', name: 'Kay Loom' }],
        tracks: [
          { ...track('f1', 'f1'), durationSeconds: 176.32, bpm: 123.97, camelotKey: '8A' },
          track('f2', 'f2'),
        ],
        sets: [frac],
      }),
    );
    // A known track learns a fractional duration through the UPDATE path as well.
    await t.db.transaction((tx) =>
      writeSetBatch(tx, {
        artists: [],
        tracks: [{ ...track('f2', 'f2'), durationSeconds: 301.5 }],
        sets: [],
      }),
    );
    const entries = [];
    for await (const e of exportEntries(t.db)) entries.push(e);
    // 1e-50 is beyond what `real` holds: stored to the millisecond (0) rather than failing the set.
    expect(entries.map((e) => e.cueSeconds)).toEqual([0, 312.49]);
    const tracks = [];
    for await (const r of exportTracks(t.db)) tracks.push(r);
    expect(tracks.map((r) => [r.title, r.durationSeconds, r.bpm, r.camelotKey])).toEqual([
      ['f1', 176.32, 123.97, '8A'],
      ['f2', 301.5, null, null],
    ]);
    const csv = [];
    for await (const l of exportLines(t.db, 'entries', 'csv')) csv.push(l);
    expect(csv[2]).toMatch(/,312\.49\r\n$/);
  });
});
