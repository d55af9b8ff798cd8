// The evidence tables have no foreign keys (see packages/db/src/schema.ts and docs/ingest.md): the
// write path keeps them consistent instead. This checks it after every kind of change that moves rows.
import type { ParsedSet } from '@songnodes/core';
import { deleteSetsOfSource, splitMerge } from '@songnodes/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { importItems, mergeManually } from '../src/index.ts';

/** Each query counts rows that point at nothing. */
const ORPHANS: Record<string, string> = {
  'set_entries.set_id':
    'SELECT count(*) FROM set_entries e WHERE NOT EXISTS (SELECT 1 FROM sets s WHERE s.id = e.set_id)',
  'set_entries.track_id':
    'SELECT count(*) FROM set_entries e WHERE e.track_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = e.track_id)',
  'set_performers.set_id':
    'SELECT count(*) FROM set_performers p WHERE NOT EXISTS (SELECT 1 FROM sets s WHERE s.id = p.set_id)',
  'set_performers.artist_id':
    'SELECT count(*) FROM set_performers p WHERE NOT EXISTS (SELECT 1 FROM artists a WHERE a.id = p.artist_id)',
  'set_transitions.set_id':
    'SELECT count(*) FROM set_transitions x WHERE NOT EXISTS (SELECT 1 FROM sets s WHERE s.id = x.set_id)',
  'set_transitions.tracks': `SELECT count(*) FROM set_transitions x
     WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = x.from_track_id)
        OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = x.to_track_id)`,
  'track_artists.track_id':
    'SELECT count(*) FROM track_artists ta WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = ta.track_id)',
  'track_artists.artist_id':
    'SELECT count(*) FROM track_artists ta WHERE NOT EXISTS (SELECT 1 FROM artists a WHERE a.id = ta.artist_id)',
  'track_components.tracks': `SELECT count(*) FROM track_components c
     WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = c.track_id)
        OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = c.component_track_id)`,
  'transitions.tracks': `SELECT count(*) FROM transitions r
     WHERE NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = r.from_track_id)
        OR NOT EXISTS (SELECT 1 FROM tracks t WHERE t.id = r.to_track_id)`,
};

const set = (source: string, externalId: string, lines: string[]): ParsedSet =>
  testSet(externalId, lines, { source, performers: ['DJ Alpha b2b DJ Beta'] });

describe.skipIf(noServer)('evidence integrity without foreign keys', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  const orphans = async () => {
    const out: Record<string, number> = {};
    for (const [name, sql] of Object.entries(ORPHANS))
      out[name] = Number((await t.db.query<{ count: number }>(sql))[0]!.count);
    return out;
  };
  const none = Object.fromEntries(Object.keys(ORPHANS).map((k) => [k, 0]));
  const trackId = async (title: string) =>
    (await t.db.query<{ id: number }>('SELECT id FROM tracks WHERE title = $1', [title]))[0]!.id;

  it('leaves no orphans after imports, replacements, merges, splits and deleting a source', async () => {
    await importItems(t.db, [
      set('one', 'a', ['Kay Loom - Sundial', 'Kay Loom - Horizon', 'Ora vs. Lune - Drift (Kay Loom Mashup)']),
      set('one', 'b', [
        'Kay Loom - Horizons',
        'Mira Vale feat. Ora - Night Drive (Lune Remix)',
        'Kay Loom - Sundial',
      ]),
      set('two', 'c', ['Kay Loom - Sundial', 'Only Here - Gone Soon', 'Kay Loom - Horizon']),
    ]);
    expect(
      Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM transitions'))[0]!.n),
    ).toBeGreaterThan(3);
    expect(await orphans()).toEqual(none);

    // A changed set replaces its entries and evidence.
    await importItems(t.db, [
      set('one', 'b', ['Kay Loom - Horizons', 'New One - Arrives', 'Kay Loom - Horizon']),
    ]);
    expect(await orphans()).toEqual(none);

    const merge = await mergeManually(t.db, await trackId('Horizon'), await trackId('Horizons'), 'test');
    expect(await orphans()).toEqual(none);
    await splitMerge(t.db, merge.mergeId, 'test');
    expect(await orphans()).toEqual(none);

    const removed = await t.db.transaction((tx) => deleteSetsOfSource(tx, 'two'));
    expect(removed).toBe(1);
    // The track only set c played is gone, with its credits.
    expect(await t.db.query('SELECT id FROM tracks WHERE title = $1', ['Gone Soon'])).toEqual([]);
    expect(await orphans()).toEqual(none);
  });
});
