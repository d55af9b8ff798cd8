import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import {
  type BatchWrite,
  dedupeWatermark,
  type EntryWrite,
  recomputeTransitions,
  type SetWrite,
  setDedupeWatermark,
  type TrackWrite,
  writeSetBatch,
} from '../src/index.ts';

const track = (key: string): TrackWrite => ({
  key,
  originalKey: key,
  artistName: 'A',
  title: key,
  titleKey: key,
  version: null,
  versionKind: 'original',
  isMashup: false,
  bpm: null,
  camelotKey: null,
  genre: null,
  year: null,
  durationSeconds: null,
  artists: [{ key: 'a', role: 'primary', position: 1 }],
  components: [],
});

const entry = (position: number, trackKey: string): EntryWrite => ({
  position,
  line: null,
  raw: `A - ${trackKey}`,
  artist: 'A',
  title: trackKey,
  version: null,
  label: null,
  catalogNumber: null,
  cueSeconds: null,
  bpm: null,
  camelotKey: null,
  trackKey,
  unknown: false,
  withPrevious: false,
  deck: null,
  playedAt: null,
  issues: null,
});

const set = (
  externalId: string,
  playedOn: string | null,
  performers: string[],
  keys: string[],
): SetWrite => ({
  sourceName: 'test',
  externalId,
  contentHash: externalId,
  url: null,
  title: null,
  kind: 'mix',
  event: null,
  venue: null,
  playedOn,
  datePrecision: playedOn ? 'day' : null,
  performerKeys: performers,
  entries: keys.map((k, i) => entry(i + 1, k)),
  transitions: keys.slice(1).map((k, i) => ({ position: i + 1, fromKey: keys[i]!, toKey: k })),
});

describe.skipIf(noServer)('dedupe repository', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
    const batch: BatchWrite = {
      artists: ['a', 'dj1', 'dj2'].map((key) => ({ key, name: key })),
      tracks: ['x', 'y', 'z'].map(track),
      sets: [
        set('s1', '2024-01-01', ['dj1'], ['x', 'y', 'z', 'x', 'y']),
        set('s2', '2023-05-05', ['dj1', 'dj2'], ['x', 'y']),
        set('s3', null, ['dj2'], ['z', 'x']),
      ],
    };
    await t.db.transaction((tx) => writeSetBatch(tx, batch));
  });
  afterAll(() => t.drop());

  const aggregates = async () => ({
    transitions: await t.db.query(
      `SELECT f.key AS f, g.key AS t, count, set_count, dj_count, first_date::text, last_date::text
       FROM transitions tr JOIN tracks f ON f.id = tr.from_track_id JOIN tracks g ON g.id = tr.to_track_id
       ORDER BY 1, 2`,
    ),
  });

  it('rebuilds the aggregates of the given tracks from the evidence alone', async () => {
    const incremental = await aggregates();
    expect(incremental.transitions).toContainEqual({
      f: 'x',
      t: 'y',
      count: 3,
      set_count: 2,
      dj_count: 2,
      first_date: '2023-05-05',
      last_date: '2024-01-01',
    });
    // Spoil every aggregate, then rebuild from set_transitions, set_performers and sets.played_on.
    await t.db.query('UPDATE transitions SET count = 99, dj_count = 0, first_date = NULL');
    const ids = (await t.db.query<{ id: number }>('SELECT id FROM tracks')).map((r) => r.id);
    const touched = await t.db.transaction((tx) => recomputeTransitions(tx, ids));
    expect(touched).toHaveLength(incremental.transitions.length);
    expect(await aggregates()).toEqual(incremental);
  });

  it('rebuilds only pairs touching the given tracks', async () => {
    const [z] = await t.db.query<{ id: number }>("SELECT id FROM tracks WHERE key = 'z'");
    await t.db.query('UPDATE transitions SET count = 99');
    await t.db.transaction((tx) => recomputeTransitions(tx, [z!.id]));
    const rows = (await aggregates()).transitions as { f: string; t: string; count: number }[];
    for (const r of rows) expect(r.count === 99).toBe(r.f !== 'z' && r.t !== 'z');
  });

  it('keeps a watermark that only moves forward', async () => {
    expect(await dedupeWatermark(t.db)).toBe(0);
    await setDedupeWatermark(t.db, 5);
    await setDedupeWatermark(t.db, 3);
    expect(await dedupeWatermark(t.db)).toBe(5);
  });
});
