import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import {
  csvLine,
  type EntryWrite,
  EXPORT_KINDS,
  type ExportKind,
  exportEntries,
  exportLines,
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
    expect(entries[0]).toBe('source,setExternalId,position,raw,trackId,artist,title,version,unknown\r\n');
    const tricky = entries.find((l) => l.includes('Line'));
    expect(tricky).toMatch(
      /^mixes,s3,2,"Kay Loom, ""The"" Band - Line\nTwo",\d+,Kay Loom,"Line\nTwo",,false\r\n$/,
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
