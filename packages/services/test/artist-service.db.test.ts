// Artist corrections on a real database: aliases are refused when another artist answers to them,
// and a merge moves credits and performances, keeps the merged name as an alias (so later imports
// credit the kept artist), recounts the DJs of the pairs those sets played and tells the graph.
import type { ParsedSet } from '@songnodes/core';
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems } from '@songnodes/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { ArtistService } from '../src/artist-service.ts';
import { GUEST, SYSTEM } from '../src/auth/access.ts';
import { AuditService } from '../src/auth/audit-service.ts';
import { type DomainEvent, LocalEventBus } from '../src/events.ts';
import { followChanges } from '../src/graph-follower.ts';

const set = (externalId: string, performer: string, lines: string[]): ParsedSet => ({
  source: 'test',
  externalId,
  title: `Set ${externalId}`,
  performers: [performer],
  date: '2024-05-01',
  kind: 'mix',
  entries: lines.map((raw, i) => ({ position: i + 1, raw })),
  issues: [],
});

async function artistId(t: TestDatabase, name: string): Promise<number> {
  const [a] = await t.db.query<{ id: number }>('SELECT id FROM artists WHERE name = $1', [name]);
  if (!a) throw new Error(`no artist ${name}`);
  return a.id;
}

describe.skipIf(noServer)('ArtistService', () => {
  let t: TestDatabase;
  let bus: LocalEventBus;
  let events: DomainEvent[];
  let artists: ArtistService;
  beforeEach(async () => {
    t = await testDatabase();
    bus = new LocalEventBus();
    events = [];
    bus.subscribe((e) => events.push(e));
    artists = new ArtistService({ db: t.db, bus, audit: new AuditService({ db: t.db }) });
    // The same DJ written two ways played Tide → Horizon in two sets: two DJs until they are one.
    await importItems(t.db, [
      set('a', 'Luke Abbott', ['Mira Vale - Tide', 'Ora - Horizon']),
      set('b', 'Luke Abbot', ['Mira Vale - Tide', 'Ora - Horizon', 'Luke Abbot - Modern Driveway']),
      set('c', 'Kay Loom', ['Luke Abbott - Brazil', 'Ora - Horizon']),
    ]);
  });
  afterEach(() => t.drop());

  it('merges two records of one artist: credits, performances, aliases, DJ counts, the graph', async () => {
    const graph = await GraphService.start(graphStore(t.db));
    followChanges(bus, () => Promise.resolve(graph));
    const djs = async () =>
      (
        await t.db.query<{ dj_count: number }>(
          `SELECT dj_count FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id JOIN tracks b ON b.id = tr.to_track_id
           WHERE a.title = 'Tide' AND b.title = 'Horizon'`,
        )
      )[0]?.dj_count;
    expect(await djs()).toBe(2);
    const kept = await artistId(t, 'Luke Abbott');
    const merged = await artistId(t, 'Luke Abbot');
    const r = await artists.merge(kept, merged, SYSTEM);
    expect(r).toEqual({ kept, merged, tracks: 1, sets: 1, transitions: 2 });
    const audited = await new AuditService({ db: t.db }).list(SYSTEM, { action: 'artist.merge' });
    expect(audited.items).toEqual([
      expect.objectContaining({ action: 'artist.merge', actor: 'system', target: `artist:${kept}` }),
    ]);
    expect(await djs()).toBe(1);
    const credits = await t.db.query<{ title: string }>(
      'SELECT t.title FROM track_artists ta JOIN tracks t ON t.id = ta.track_id WHERE ta.artist_id = $1 ORDER BY 1',
      [kept],
    );
    expect(credits.map((c) => c.title)).toEqual(['Brazil', 'Modern Driveway']);
    expect(await t.db.query('SELECT 1 FROM artists WHERE id = $1', [merged])).toHaveLength(0);
    const aliases = await t.db.query<{ alias: string }>(
      'SELECT alias FROM artist_aliases WHERE artist_id = $1',
      [kept],
    );
    expect(aliases.map((a) => a.alias)).toEqual(['Luke Abbot']);
    // The graph heard of it: the pair's DJ count in memory is the recounted one.
    const published = events.find((e) => e.type === 'graph.changed');
    expect(published).toMatchObject({ cause: 'merge' });
    await graph.idle();
    const [pair] = await t.db.query<{ f: number; t: number }>(
      `SELECT from_track_id AS f, to_track_id AS t FROM transitions tr JOIN tracks a ON a.id = tr.from_track_id
       WHERE a.title = 'Tide'`,
    );
    const g = graph.index;
    expect(g.e.djs[g.findEdge(g.indexOf(pair!.f), g.indexOf(pair!.t))]).toBe(1);
    // A later import that writes the old spelling credits the kept artist.
    await importItems(t.db, [set('d', 'Luke Abbot', ['Luke Abbot - Holon', 'Ora - Horizon'])]);
    const later = await t.db.query<{ artist_id: number }>(
      `SELECT ta.artist_id FROM track_artists ta JOIN tracks t ON t.id = ta.track_id WHERE t.title = 'Holon'`,
    );
    expect(later.map((x) => x.artist_id)).toEqual([kept]);
  });

  it('refuses what a merge cannot mean, and callers without the permission', async () => {
    const kept = await artistId(t, 'Luke Abbott');
    await expect(artists.merge(kept, kept, SYSTEM)).rejects.toMatchObject({
      kind: 'invalid',
      field: 'merge',
    });
    await expect(artists.merge(kept, 999_999, SYSTEM)).rejects.toMatchObject({
      kind: 'not_found',
      field: 'merge',
    });
    await expect(artists.merge(kept, await artistId(t, 'Kay Loom'), GUEST)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it("replaces aliases; another artist's name or alias is a conflict naming that artist", async () => {
    const kept = await artistId(t, 'Luke Abbott');
    expect(await artists.setAliases(kept, ['L. Abbott', '  Luke Abott ', 'LUKE ABBOTT'], SYSTEM)).toEqual({
      id: kept,
      aliases: ['L. Abbott', 'Luke Abott'],
    });
    const other = await artistId(t, 'Luke Abbot');
    await expect(artists.setAliases(other, ['Luke Abbott'], SYSTEM)).rejects.toMatchObject({
      kind: 'conflict',
      field: 'aliases',
      message: expect.stringMatching(/is artist \d+ \(Luke Abbott\): merge the two artists instead/),
    });
    await expect(artists.setAliases(other, ['l abbott'], SYSTEM)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/already an alias of artist \d+ \(Luke Abbott\)/),
    });
    await expect(artists.setAliases(other, ['!!!'], SYSTEM)).rejects.toMatchObject({ field: 'aliases.0' });
    await expect(artists.setAliases(999_999, ['X'], SYSTEM)).rejects.toMatchObject({ kind: 'not_found' });
    // Replacing with nothing clears them.
    expect(await artists.setAliases(kept, [], SYSTEM)).toEqual({ id: kept, aliases: [] });
  });
});
