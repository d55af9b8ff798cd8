// Private imports on a real database (issue 10): a user's own sets, and the tracks only they know, are
// invisible to everyone else — sets, tracks, artists, search, exports, the graph — until shared;
// sharing adds exactly the transitions an import of the same set adds; a public set makes its tracks
// public. Every refusal to another user is "not found", never "forbidden", so existence does not leak.
import type { ParsedSet } from '@songnodes/core';
import {
  blockMembers,
  graphExport,
  graphStore,
  mergeTracks,
  playlistTracks,
  setPlaylist,
} from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems, runDedupe } from '@songnodes/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { GUEST, LOCAL_OWNER, type Principal, ROLE_PERMISSIONS, type Role } from '../src/auth/access.ts';
import { CatalogService } from '../src/catalog-service.ts';
import { LocalEventBus } from '../src/events.ts';
import { followChanges } from '../src/graph-follower.ts';
import { PlanService } from '../src/plan-service.ts';
import { SearchService } from '../src/search-service.ts';
import { SetService } from '../src/set-service.ts';

const publicSet = (externalId: string, lines: string[]): ParsedSet => ({
  source: 'test',
  externalId,
  title: `Public ${externalId}`,
  performers: ['Kay Loom'],
  date: '2024-05-01',
  kind: 'mix',
  entries: lines.map((raw, i) => ({ position: i + 1, raw })),
  issues: [],
});

/** A's private history: Tide → (w/ Sundial) → Lantern → Horizon, an unknown, Lantern again. */
const SECRET = {
  title: 'Secret Garden session',
  performers: ['Zed Quill'],
  date: '2024-06-01',
  entries: [
    { raw: 'Mira Vale - Tide' },
    { raw: 'Kay Loom - Sundial', withPrevious: true },
    { raw: 'Zed Quill - Hidden Lantern' },
    { raw: 'Ora - Horizon' },
    { raw: 'ID - ID' },
    { raw: 'Zed Quill - Hidden Lantern' },
  ],
};

const user = (userId: number, role: Role = 'user'): Principal => ({
  kind: 'user',
  userId,
  role,
  permissions: ROLE_PERMISSIONS[role],
  label: `user-${userId}`,
});

describe.skipIf(noServer)('private imports', () => {
  let t: TestDatabase;
  let bus: LocalEventBus;
  let catalog: CatalogService;
  let search: SearchService;
  let plans: PlanService;
  let sets: SetService;
  let graph: GraphService;
  let a: Principal;
  let b: Principal;
  let admin: Principal;
  let secretId: number;
  const trackId = async (title: string) => {
    const [r] = await t.db.query<{ id: number }>('SELECT id FROM tracks WHERE title = $1', [title]);
    if (!r) throw new Error(`no track ${title}`);
    return r.id;
  };
  const pair = async (from: string, to: string) =>
    (
      await t.db.query<{ count: number; set_count: number; dj_count: number }>(
        `SELECT tr.count, tr.set_count, tr.dj_count FROM transitions tr
         JOIN tracks f ON f.id = tr.from_track_id JOIN tracks x ON x.id = tr.to_track_id
         WHERE f.title = $1 AND x.title = $2`,
        [from, to],
      )
    )[0] ?? null;
  const privateTo = async (title: string) =>
    (
      await t.db.query<{ p: number[] | null }>('SELECT private_to AS p FROM tracks WHERE title = $1', [title])
    )[0]?.p;

  beforeAll(async () => {
    t = await testDatabase();
    bus = new LocalEventBus();
    catalog = new CatalogService({ db: t.db, bus });
    search = new SearchService({ db: t.db });
    plans = new PlanService({ db: t.db });
    sets = new SetService({ db: t.db, bus, catalog });
    const ids = await t.db.query<{ id: number }>(
      `INSERT INTO users (email, role) VALUES ('a@example.org', 'user'), ('b@example.org', 'user'),
         ('admin@example.org', 'admin') RETURNING id`,
    );
    a = user(ids[0]!.id);
    b = user(ids[1]!.id);
    admin = user(ids[2]!.id, 'admin');
    await importItems(t.db, [publicSet('p1', ['Mira Vale - Tide', 'Ora - Horizon'])]);
    graph = await GraphService.start(graphStore(t.db));
    followChanges(bus, () => Promise.resolve(graph));
    const created = await sets.create(SECRET, a);
    secretId = created.id;
    expect(created.visibility).toBe('private');
    await graph.idle();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stores the set, its entries and performers but no transition', async () => {
    const [s] = await t.db.query<{ owner_id: number; visibility: string; external_id: string }>(
      'SELECT owner_id, visibility, external_id FROM sets WHERE id = $1',
      [secretId],
    );
    expect(s).toMatchObject({ owner_id: a.userId, visibility: 'private' });
    expect(s!.external_id.startsWith(`user:${a.userId}:`)).toBe(true);
    expect(await t.db.query('SELECT 1 FROM set_entries WHERE set_id = $1', [secretId])).toHaveLength(6);
    expect(await t.db.query('SELECT 1 FROM set_performers WHERE set_id = $1', [secretId])).toHaveLength(1);
    expect(await t.db.query('SELECT 1 FROM set_transitions WHERE set_id = $1', [secretId])).toHaveLength(0);
    expect(await pair('Tide', 'Hidden Lantern')).toBeNull();
    expect(await pair('Hidden Lantern', 'Horizon')).toBeNull();
    // Tracks only the private set knows are its owner's; public tracks it plays stay public.
    expect(await privateTo('Hidden Lantern')).toEqual([a.userId]);
    expect(await privateTo('Sundial')).toEqual([a.userId]);
    expect(await privateTo('Tide')).toBeNull();
  });

  it('hides the set from everyone but its owner: get is not found, lists and search leave it out', async () => {
    expect((await catalog.getSet(secretId, a)).entries).toHaveLength(6);
    for (const other of [b, GUEST, LOCAL_OWNER, admin]) {
      await expect(catalog.getSet(secretId, other)).rejects.toMatchObject({ kind: 'not_found' });
      const page = await catalog.listSets({}, { limit: 100 }, other);
      expect(page.items.map((s) => s.id)).not.toContain(secretId);
      expect((await search.search('Secret Garden', other)).sets).toEqual([]);
      await expect(sets.delete(secretId, other)).rejects.toMatchObject({ kind: 'not_found' });
    }
    expect((await catalog.listSets({}, { limit: 100 }, a)).items.map((s) => s.id)).toContain(secretId);
    expect((await search.search('Secret Garden', a)).sets.map((s) => s.id)).toEqual([secretId]);
  });

  it('hides the tracks and artists only the private set knows', async () => {
    const lantern = await trackId('Hidden Lantern');
    expect((await catalog.getTrack(lantern, a)).title).toBe('Hidden Lantern');
    const zed = (await catalog.getTrack(lantern, a)).artists[0]!.id;
    expect((await search.search('Hidden Lantern', a)).tracks.map((x) => x.id)).toContain(lantern);
    for (const other of [b, GUEST]) {
      await expect(catalog.getTrack(lantern, other)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(catalog.updateTrack(lantern, { bpm: 124 }, other)).rejects.toMatchObject({
        kind: 'not_found',
      });
      await expect(sets.deleteTrack(lantern, other)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(catalog.getArtist(zed, other)).rejects.toMatchObject({ kind: 'not_found' });
      const listed = await catalog.listTracks({}, { limit: 100 }, other);
      expect(listed.items.map((x) => x.title).sort()).toEqual(['Horizon', 'Tide']);
      const found = await search.search('Hidden Lantern', other);
      expect(found.tracks.map((x) => x.id)).not.toContain(lantern);
      expect(found.artists.map((x) => x.name)).not.toContain('Zed Quill');
    }
    // Plays of a public track count the sets the viewer may see.
    const tide = await trackId('Tide');
    expect(await catalog.getTrack(tide, a)).toMatchObject({ plays: 2, sets: 2 });
    expect(await catalog.getTrack(tide, b)).toMatchObject({ plays: 1, sets: 1 });
  });

  it('keeps the private set and its tracks out of exports and of the graph', async () => {
    const lantern = await trackId('Hidden Lantern');
    expect(await setPlaylist(t.db, secretId, b.userId)).toBeNull();
    expect(await setPlaylist(t.db, secretId, null)).toBeNull();
    expect((await setPlaylist(t.db, secretId, a.userId))?.trackIds).toHaveLength(5);
    expect((await playlistTracks(t.db, [lantern], b.userId)).missing).toEqual([0]);
    expect((await playlistTracks(t.db, [lantern], a.userId)).tracks.map((x) => x.title)).toEqual([
      'Hidden Lantern',
    ]);
    const g = await graphExport(t.db, {});
    expect(g.nodes.map((n) => n.title).sort()).toEqual(['Horizon', 'Tide']);
    expect(g.nodes.find((n) => n.title === 'Tide')?.plays).toBe(1);
    // The in-memory graph, patched by the import's change event and rebuilt from the database alike.
    expect(graph.index.indexOf(lantern)).toBe(-1);
    expect(graph.index.indexOf(await trackId('Sundial'))).toBe(-1);
    // Saved plans are shared: a private track cannot be put in one.
    await expect(plans.create({ name: 'mine', tracks: [lantern] })).rejects.toMatchObject({
      kind: 'invalid',
      field: 'tracks.0',
    });
    const fresh = await GraphService.start(graphStore(t.db));
    expect(fresh.index.nodeCount).toBe(2);
    expect(fresh.index.indexOf(lantern)).toBe(-1);
  });

  it('keeps private tracks out of merges, automatic or by hand', async () => {
    // A public near-duplicate of the private track (typo in the title): no candidate, no merge.
    await importItems(t.db, [publicSet('p-typo', ['Zed Quill - Hiden Lantern', 'Ora - Horizon'])]);
    const typo = await trackId('Hiden Lantern');
    const lantern = await trackId('Hidden Lantern');
    // The public typo's blocks hold no private track, and a dedupe of both scores no pair.
    const members = (await blockMembers(t.db, ['zedquill'], ['hiddenlantern'])).map((m) => m.id);
    expect(members).toContain(typo);
    expect(members).not.toContain(lantern);
    const run = await runDedupe(t.db, { trackIds: [typo, lantern] });
    expect(run).toMatchObject({ pairsScored: 0, merges: [] });
    for (const [keptId, mergedId] of [
      [typo, lantern],
      [lantern, typo],
    ] as const)
      await expect(
        mergeTracks(t.db, { keptId, mergedId, score: null, method: 'manual', actor: 'test' }),
      ).rejects.toMatchObject({ code: 'not_found', message: `no track ${lantern}` });
  });

  it('lets a second user who plays the same track see it too, and nobody else', async () => {
    await sets.create({ title: 'B at home', entries: [{ raw: 'Zed Quill - Hidden Lantern' }] }, b);
    expect(await privateTo('Hidden Lantern')).toEqual([a.userId, b.userId]);
    const lantern = await trackId('Hidden Lantern');
    expect((await catalog.getTrack(lantern, b)).plays).toBe(1);
    await expect(catalog.getTrack(lantern, GUEST)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('shares only for its owner or an admin, and never takes a public set back', async () => {
    await expect(sets.setVisibility(secretId, 'public', b)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await pair('Tide', 'Hidden Lantern')).toBeNull();
    const shared = await sets.setVisibility(secretId, 'public', a);
    expect(shared.visibility).toBe('public');
    await expect(sets.setVisibility(secretId, 'private', a)).rejects.toMatchObject({
      kind: 'conflict',
      field: 'visibility',
    });
    await expect(sets.setVisibility(secretId, 'private', admin)).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('after sharing, everyone sees the set and its tracks, and the graph has its transitions exactly', async () => {
    const lantern = await trackId('Hidden Lantern');
    expect((await catalog.getSet(secretId, b)).entries).toHaveLength(6);
    expect((await catalog.getSet(secretId, GUEST)).visibility).toBe('public');
    expect((await catalog.getTrack(lantern, GUEST)).title).toBe('Hidden Lantern');
    expect(await privateTo('Hidden Lantern')).toBeNull();
    expect(await privateTo('Sundial')).toBeNull();
    // The chain as an import draws it: the w/ layer rides on Tide, the unknown breaks the chain.
    expect(await pair('Tide', 'Hidden Lantern')).toEqual({ count: 1, set_count: 1, dj_count: 1 });
    expect(await pair('Hidden Lantern', 'Horizon')).toEqual({ count: 1, set_count: 1, dj_count: 1 });
    expect(await pair('Tide', 'Sundial')).toBeNull();
    expect(await pair('Sundial', 'Hidden Lantern')).toBeNull();
    expect(await pair('Tide', 'Horizon')).toEqual({ count: 1, set_count: 1, dj_count: 1 });
    // The same set imported as public writes the same per-set transitions: one implementation.
    await sets.create({ ...SECRET, externalId: 'twin', visibility: 'public' }, a);
    const rows = (title: string) =>
      t.db.query<{ position: number; f: number; t: number }>(
        `SELECT st.position, st.from_track_id AS f, st.to_track_id AS t FROM set_transitions st
         JOIN sets s ON s.id = st.set_id WHERE s.title = $1 ORDER BY s.id, st.position`,
        [title],
      );
    const both = await rows(SECRET.title);
    expect(both).toHaveLength(4);
    expect(both.slice(2)).toEqual(both.slice(0, 2));
    expect(await pair('Tide', 'Hidden Lantern')).toEqual({ count: 2, set_count: 2, dj_count: 1 });
    // The in-memory graph followed both changes.
    await graph.idle();
    const g = graph.index;
    const u = g.indexOf(await trackId('Tide'));
    const v = g.indexOf(lantern);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(g.e.count[g.findEdge(u, v)]).toBe(2);
  });

  it('a public import makes the tracks it plays public', async () => {
    await sets.create({ title: 'A only', entries: [{ raw: 'Nova Reed - Glass Harbor' }] }, a);
    expect(await privateTo('Glass Harbor')).toEqual([a.userId]);
    await importItems(t.db, [publicSet('p2', ['Ora - Horizon', 'Nova Reed - Glass Harbor'])]);
    expect(await privateTo('Glass Harbor')).toBeNull();
    expect((await catalog.getTrack(await trackId('Glass Harbor'), GUEST)).plays).toBe(1);
  });

  it('refuses a private set where there is no account to keep it for', async () => {
    await expect(
      sets.create({ entries: [{ raw: 'Ora - Horizon' }], visibility: 'private' }, LOCAL_OWNER),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'visibility' });
    const s = await sets.create({ entries: [{ raw: 'Ora - Horizon' }] }, LOCAL_OWNER);
    expect(s.visibility).toBe('public');
  });
});
