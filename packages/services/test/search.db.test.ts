// The search box on a real database (PGlite and PostgreSQL): typos and missing accents still find the
// artist, the title or both; ranking puts the closest match first and breaks ties by plays (tracks) and
// by catalogue size (artists); results come grouped by kind with facets of the tracks answered; a title
// imported later is found with a typo too (search_titles is kept by a trigger, migration 0013).
import type { ParsedSet } from '@songnodes/core';
import { importItems } from '@songnodes/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { LOCAL_OWNER } from '../src/auth/access.ts';
import { SearchService } from '../src/search-service.ts';

type Entry = ParsedSet['entries'][number];
const entry = (raw: string, facts: Partial<Entry> = {}): Omit<Entry, 'position'> => ({ raw, ...facts });

const set = (
  externalId: string,
  title: string,
  date: string,
  entries: Omit<Entry, 'position'>[],
): ParsedSet => ({
  source: 'test',
  externalId,
  title,
  performers: ['Kay Loom'],
  date,
  kind: 'mix',
  entries: entries.map((e, i) => ({ ...e, position: i + 1 })),
  issues: [],
});

const AROUND = entry('Daft Punk - Around the World', { bpm: 121, key: '8A', genre: 'House', year: 1997 });
const EPLE = entry('Röyksopp - Eple', { bpm: 110, key: '8A', genre: 'Electronica', year: 2001 });

describe.skipIf(noServer)('search', () => {
  let t: TestDatabase;
  let search: SearchService;
  const find = (q: string, limit?: number) => search.search(q, LOCAL_OWNER, limit);

  beforeAll(async () => {
    t = await testDatabase();
    search = new SearchService({ db: t.db });
    await importItems(t.db, [
      set('s1', 'Warehouse Night', '2023-03-01', [
        AROUND,
        EPLE,
        entry('Daft Punk - One More Time', { bpm: 123, key: '11B', genre: 'House', year: 2000 }),
        entry('Mira Vale - Tide'),
        entry('Mira Vale - Around the Corner'),
      ]),
      set('s2', 'Sunrise Session', '2024-05-01', [AROUND, EPLE, entry('Ora - Horizon')]),
    ]);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('finds the artist and their tracks through a typo, the most played first', async () => {
    const r = await find('daft pnuk');
    expect(r.artists[0]).toMatchObject({ name: 'Daft Punk', tracks: 2 });
    // Both Daft Punk tracks score the same against the query: plays break the tie.
    expect(r.tracks.slice(0, 2).map((x) => [x.title, x.plays])).toEqual([
      ['Around the World', 2],
      ['One More Time', 1],
    ]);
  });

  it('ignores accents either way', async () => {
    for (const q of ['royksopp', 'Röyksopp', 'RÖYKSOPP eple']) {
      const r = await find(q);
      expect(r.artists[0]?.name, q).toBe('Röyksopp');
      expect(r.tracks[0], q).toMatchObject({ title: 'Eple', key: '8A', bpm: 110 });
    }
  });

  it('finds a title through a typo, and artist plus title ahead of the title alone', async () => {
    expect((await find('aroudn the world')).tracks[0]).toMatchObject({
      artist: 'Daft Punk',
      title: 'Around the World',
    });
    const both = await find('mira vale around the corner');
    expect(both.tracks[0]).toMatchObject({ artist: 'Mira Vale', title: 'Around the Corner' });
    expect(both.tracks[0]!.score).toBeGreaterThan(both.tracks.find((x) => x.title === 'Tide')?.score ?? 0);
  });

  it('groups by kind: sets by the words of their title, newest first, with performers', async () => {
    const r = await find('sunrise');
    expect(r.sets).toEqual([
      {
        id: expect.any(Number),
        title: 'Sunrise Session',
        date: '2024-05-01',
        source: 'test',
        performers: ['Kay Loom'],
      },
    ]);
    expect((await find('session night')).sets).toEqual([]);
  });

  it('counts facets over the tracks it answers; unknown values are left out', async () => {
    const r = await find('daft punk');
    expect(r.tracks.map((x) => x.title).sort()).toEqual(['Around the World', 'One More Time']);
    expect(r.facets).toEqual({
      genres: [{ value: 'House', count: 2 }],
      keys: expect.arrayContaining([
        { value: '8A', count: 1 },
        { value: '11B', count: 1 },
      ]),
      years: expect.arrayContaining([
        { value: 1997, count: 1 },
        { value: 2000, count: 1 },
      ]),
      bpm: { min: 121, max: 123 },
    });
    const mira = await find('mira vale');
    expect(mira.facets).toEqual({ genres: [], keys: [], years: [], bpm: { min: null, max: null } });
  });

  it('keeps to the limit per kind', async () => {
    const r = await find('around', 1);
    expect(r.tracks).toHaveLength(1);
    expect(r.artists.length).toBeLessThanOrEqual(1);
  });

  it('finds, with a typo, a title imported after the first search (search_titles follows new tracks)', async () => {
    expect((await find('silvre lighthouse')).tracks).toEqual([]);
    await importItems(t.db, [set('s3', 'Late Show', '2024-06-01', [entry('Ora - Silver Lighthouse')])]);
    const [row] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM search_titles WHERE key = 'silverlighthouse'",
    );
    expect(row!.n).toBe(1);
    expect((await find('silvre lighthouse')).tracks[0]).toMatchObject({
      artist: 'Ora',
      title: 'Silver Lighthouse',
    });
  });

  it('refuses text with nothing to search for, naming the parameter', async () => {
    await expect(find('   ')).rejects.toMatchObject({ field: 'q' });
    await expect(find('!!!')).rejects.toMatchObject({ field: 'q' });
  });
});
