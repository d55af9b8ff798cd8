import type { ParsedSet } from '@songnodes/core';
import {
  type Database,
  listCandidates,
  listMerges,
  mergeTracks,
  recomputeTransitions,
  splitMerge,
} from '@songnodes/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { importItems, mergeManually, runDedupe } from '../src/index.ts';

const set = (externalId: string, performer: string, date: string | undefined, lines: string[]): ParsedSet =>
  testSet(externalId, lines, { performers: [performer], date });

// "Horizons" is a typo of "Horizon" (played more often, so it is the one kept). Set c plays both
// back to back: after the merge that is one track twice, which is no transition.
const withTypo = (horizons: string) => [
  set('a', 'DJ Alpha', '2024-01-10', ['Kay Loom - Sundial', 'Kay Loom - Horizon', 'Mira Vale - Night Drive']),
  set('b', 'DJ Beta', '2024-03-05', [
    `Kay Loom - ${horizons}`,
    'Mira Vale - Night Drive',
    'Kay Loom - Sundial',
  ]),
  set('c', 'DJ Alpha', '2023-11-20', [
    'Mira Vale - Night Drive',
    'Kay Loom - Horizon',
    `Kay Loom - ${horizons}`,
    'Kay Loom - Sundial',
  ]),
  set('d', 'DJ Gamma', '2024-06-01', [
    'Kay Loom - Sundial',
    `Kay Loom - ${horizons}`,
    'ID - ID',
    'Kay Loom - Horizon',
  ]),
  set('e', 'DJ Beta', undefined, ['Kay Loom - Horizon', 'Kay Loom - Sundial']),
  set('f', 'DJ Gamma', '2022-02-02', ['Kay Loom - Horizon', 'Mira Vale - Night Drive']),
];

/** Transitions by track names, so two databases with different ids can be compared. */
const transitionsByName = (db: Database) =>
  db.query(
    `SELECT a.artist_name || ' - ' || a.title AS f, b.artist_name || ' - ' || b.title AS t,
            tr.count, tr.set_count, tr.dj_count, tr.first_date::text AS first_date, tr.last_date::text AS last_date
     FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id JOIN tracks b ON b.id = tr.to_track_id
     ORDER BY 1, 2`,
  );

const entriesByName = (db: Database) =>
  db.query(
    `SELECT s.external_id, e.position, t.artist_name || ' - ' || t.title AS track
     FROM set_entries e JOIN sets s ON s.id = e.set_id LEFT JOIN tracks t ON t.id = e.track_id
     ORDER BY 1, 2`,
  );

/** Every row of the evidence and aggregate tables, in a fixed order. */
async function dump(db: Database) {
  const all = (sql: string) => db.query(sql);
  return {
    setEntries: await all('SELECT set_id, position, track_id, unknown FROM set_entries ORDER BY 1, 2'),
    setTransitions: await all('SELECT * FROM set_transitions ORDER BY set_id, position'),
    transitions: await all(
      `SELECT from_track_id, to_track_id, count, set_count, dj_count, first_date::text, last_date::text
       FROM transitions ORDER BY 1, 2`,
    ),
    mergedInto: await all('SELECT id, merged_into FROM tracks ORDER BY id'),
  };
}

const trackId = async (db: Database, title: string, version: string | null = null) => {
  const rows = await db.query<{ id: number }>(
    'SELECT id FROM tracks WHERE title = $1 AND version IS NOT DISTINCT FROM $2',
    [title, version],
  );
  expect(rows, `track ${title} ${version ?? ''}`).toHaveLength(1);
  return rows[0]!.id;
};

describe.skipIf(noServer)('dedupe', () => {
  let t: TestDatabase;
  let fresh: TestDatabase | undefined;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(async () => {
    await t.drop();
    await fresh?.drop();
    fresh = undefined;
  });

  it('merges a typo automatically; transitions equal a fresh import of the corrected data', async () => {
    await importItems(t.db, withTypo('Horizons'));
    const horizon = await trackId(t.db, 'Horizon');
    const horizons = await trackId(t.db, 'Horizons');
    const before = await transitionsByName(t.db);
    expect(before.some((r) => r.t === 'Kay Loom - Horizons')).toBe(true);

    const s = await runDedupe(t.db);
    expect(s.merges).toHaveLength(1);
    expect(s.merges[0]).toMatchObject({ keptId: horizon, mergedId: horizons });
    expect(s.merges[0]!.score).toBeGreaterThanOrEqual(0.95);

    fresh = await testDatabase();
    await importItems(fresh.db, withTypo('Horizon'));
    expect(await transitionsByName(t.db)).toEqual(await transitionsByName(fresh.db));
    expect(await entriesByName(t.db)).toEqual(await entriesByName(fresh.db));

    const [m] = await listMerges(t.db);
    expect(m).toMatchObject({
      method: 'auto',
      kept: { id: horizon },
      merged: { id: horizons },
      entriesMoved: 3,
    });
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'tracks.%'",
    );
    expect(audit.map((a) => a.action)).toEqual(['tracks.merge']);

    // A later import of the typo lands on the survivor; a second run finds nothing more.
    await importItems(t.db, [
      set('g', 'DJ Delta', '2025-01-01', ['Kay Loom - Horizons', 'Kay Loom - Sundial']),
    ]);
    const g = await t.db.query<{ track_id: number }>(
      "SELECT track_id FROM set_entries e JOIN sets s ON s.id = e.set_id WHERE s.external_id = 'g' AND position = 1",
    );
    expect(g[0]!.track_id).toBe(horizon);
    expect((await runDedupe(t.db)).merges).toHaveLength(0);
  });

  it('never merges different versions or different remixers, and lists review candidates', async () => {
    await importItems(t.db, [
      set('a', 'DJ Alpha', '2024-01-01', [
        'Mira Vale - Night Drive',
        'Mira Vale - Night Drive (Tom Ash Remix)',
        'Mira Vale - Night Drive (Kay Loom Remix)',
        'Mira Vale - Night Drive (Tom Ash Dub)',
        'Kay Loom - Glass Tides',
        'Kay Loom - Polaris',
      ]),
      set('b', 'DJ Beta', '2024-02-01', [
        'Kay Loom - Glas Tydes',
        'Kay Loom - Polaros',
        'Kay Loom - Polaris',
      ]),
    ]);
    const s = await runDedupe(t.db);
    expect(s.merges).toEqual([]);
    expect(s.reviewCandidates).toBe(2);
    const listed = await listCandidates(t.db);
    const pairs = listed.map((c) => [c.track.title, c.candidate.title].sort().join(' / ')).sort();
    expect(pairs).toEqual(['Glas Tydes / Glass Tides', 'Polaris / Polaros']);
    const polaris = listed.find((c) => c.track.title === 'Polaris' || c.candidate.title === 'Polaris')!;
    expect(polaris.score).toBeGreaterThanOrEqual(0.85);
    expect(polaris.score).toBeLessThan(0.95);
    const plays = [polaris.track, polaris.candidate].map((x) => `${x.title}:${x.plays}`).sort();
    expect(plays).toEqual(['Polaris:2', 'Polaros:1']);
    const remixes = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tracks WHERE title = 'Night Drive' AND merged_into IS NULL",
    );
    expect(remixes[0]!.n).toBe(4);
    // Running again records nothing new and keeps the list as it is.
    expect((await runDedupe(t.db)).merges).toEqual([]);
    expect(await listCandidates(t.db)).toHaveLength(2);
  });

  it('a manual merge and its split restore the exact previous state', async () => {
    await importItems(t.db, [
      ...withTypo('Horizons'),
      set('h', 'DJ Alpha', '2024-09-09', [
        'Kay Loom - Polaris',
        'Kay Loom - Polaros',
        'Mira Vale - Night Drive',
      ]),
      set('i', 'DJ Beta', '2024-10-10', [
        'Mira Vale - Night Drive',
        'Kay Loom - Polaros',
        'Kay Loom - Sundial',
      ]),
    ]);
    const polaris = await trackId(t.db, 'Polaris');
    const polaros = await trackId(t.db, 'Polaros');
    const before = await dump(t.db);

    const merged = await mergeManually(t.db, polaris, polaros, 'tester');
    expect(merged).toMatchObject({ entriesMoved: 2, selfLoopsDropped: 1 });
    expect(merged.score).toBeGreaterThan(0.85);
    const during = await dump(t.db);
    expect(during.setTransitions.some((r) => r.from_track_id === polaros || r.to_track_id === polaros)).toBe(
      false,
    );
    expect(during.transitions.some((r) => r.from_track_id === polaris && r.to_track_id === polaris)).toBe(
      false,
    );
    expect(during.transitions.some((r) => r.from_track_id === polaros || r.to_track_id === polaros)).toBe(
      false,
    );

    const split = await splitMerge(t.db, merged.mergeId, 'tester');
    expect(split).toMatchObject({ entriesRestored: 2, transitionsRestored: 4, setsChangedSince: 0 });
    expect(await dump(t.db)).toEqual(before);
    const [m] = await listMerges(t.db);
    expect(m).toMatchObject({ id: merged.mergeId, method: 'manual', actor: 'tester' });
    expect(m!.undoneAt).not.toBeNull();
    // The split pair is remembered as different: dedupe does not merge or propose it again.
    await runDedupe(t.db);
    expect((await listCandidates(t.db)).some((c) => [c.track.id, c.candidate.id].includes(polaros))).toBe(
      false,
    );
    expect(
      await t.db.query('SELECT 1 FROM tracks WHERE id = $1 AND merged_into IS NULL', [polaros]),
    ).toHaveLength(1);
    await expect(splitMerge(t.db, merged.mergeId, 'tester')).rejects.toThrow(/already split/);
  });

  it('splits chained merges only in reverse order, each back to its exact state', async () => {
    await importItems(t.db, withTypo('Horizons'));
    const horizon = await trackId(t.db, 'Horizon');
    const horizons = await trackId(t.db, 'Horizons');
    const sundial = await trackId(t.db, 'Sundial');
    const s0 = await dump(t.db);
    const m1 = await mergeTracks(t.db, {
      keptId: horizons,
      mergedId: horizon,
      score: null,
      method: 'manual',
      actor: 'x',
    });
    const s1 = await dump(t.db);
    const m2 = await mergeTracks(t.db, {
      keptId: sundial,
      mergedId: horizons,
      score: null,
      method: 'manual',
      actor: 'x',
    });
    // Horizon followed Horizons into Sundial, so imports of either spelling land on the survivor.
    expect((await dump(t.db)).mergedInto).toContainEqual({ id: horizon, merged_into: sundial });
    await expect(splitMerge(t.db, m1.mergeId, 'x')).rejects.toThrow(/split that merge first/);
    await splitMerge(t.db, m2.mergeId, 'x');
    expect(await dump(t.db)).toEqual(s1);
    await splitMerge(t.db, m1.mergeId, 'x');
    expect(await dump(t.db)).toEqual(s0);
  });

  it('a split leaves a set imported again after the merge as that import stored it', async () => {
    await importItems(t.db, withTypo('Horizons'));
    const horizon = await trackId(t.db, 'Horizon');
    const horizons = await trackId(t.db, 'Horizons');
    const m = await mergeManually(t.db, horizon, horizons, 'x');
    // Set b changes: its typo now resolves to the survivor through merged_into.
    await new Promise((r) => setTimeout(r, 20));
    await importItems(t.db, [
      set('b', 'DJ Beta', '2024-03-05', ['Kay Loom - Horizons', 'Kay Loom - Sundial']),
    ]);
    const split = await splitMerge(t.db, m.mergeId, 'x');
    expect(split.setsChangedSince).toBe(1);
    const b = await t.db.query<{ track_id: number }>(
      "SELECT track_id FROM set_entries e JOIN sets s ON s.id = e.set_id WHERE s.external_id = 'b' ORDER BY position",
    );
    expect(b[0]!.track_id).toBe(horizon);
    // Whatever was restored, the aggregates agree with the evidence.
    const before = await dump(t.db);
    const ids = (await t.db.query<{ id: number }>('SELECT id FROM tracks')).map((r) => r.id);
    await t.db.transaction((tx) => recomputeTransitions(tx, ids));
    expect(await dump(t.db)).toEqual(before);
  });

  it('recomputing the aggregates from the evidence changes nothing after imports', async () => {
    await importItems(t.db, withTypo('Horizons'));
    const before = await dump(t.db);
    const ids = (await t.db.query<{ id: number }>('SELECT id FROM tracks')).map((r) => r.id);
    await t.db.transaction((tx) => recomputeTransitions(tx, ids));
    expect(await dump(t.db)).toEqual(before);
  });

  it('rejects merges that make no sense with clear errors', async () => {
    await importItems(t.db, withTypo('Horizons'));
    const horizon = await trackId(t.db, 'Horizon');
    const horizons = await trackId(t.db, 'Horizons');
    await expect(mergeManually(t.db, horizon, horizon, 'x')).rejects.toThrow(/into itself/);
    await expect(mergeManually(t.db, horizon, 999_999, 'x')).rejects.toMatchObject({ code: 'not_found' });
    await mergeManually(t.db, horizon, horizons, 'x');
    await expect(mergeManually(t.db, horizon, horizons, 'x')).rejects.toThrow(/already merged/);
    await expect(splitMerge(t.db, 999_999, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});
