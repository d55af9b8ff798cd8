// Dedupe's blocking (core's blocking.ts) reads tracks by key from the database: a page of the catalogue
// for a full scan, or the members of a batch's blocks for a few tracks. Checked here on a generated
// catalogue with typos, shared titles, featured artists and remixers, remixes, mashups, merged and
// private tracks: the records are what the rows hold, a block fetch returns exactly the tracks of its
// blocks, and a batch's candidates from its fetched blocks equal its candidates in the whole catalogue.
import { BlockIndex, type BlockingTrack } from '@songnodes/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { blockingTracksOf, blockingTracksPage, blockMembers, rejectedPairs } from '../src/index.ts';

// Deterministic generator: the same catalogue on both engines and in every run.
let seed = 7;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
const words = ['love', 'night', 'lights', 'home', 'fire', 'dream', 'running', 'sun', 'echo', 'deep'];
const titles = Array.from({ length: 40 }, () =>
  Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(words)).join(''),
);
const typo = (s: string) => {
  const i = Math.floor(rnd() * s.length);
  return `${s.slice(0, i)}${pick([...'aeioxz'])}${s.slice(i + 1)}`;
};
const artistKeys = [
  'daftpunk',
  'daftpunks',
  'bicep',
  'fourtet',
  'benufo',
  'peggygou',
  'jaydag',
  'kasra',
  'enei',
];

describe.skipIf(noServer)('dedupe blocks from the database', () => {
  let t: TestDatabase;
  let ids: number[];
  /** What each live public track should read as, built from what was inserted. */
  const expected = new Map<number, BlockingTrack>();

  beforeAll(async () => {
    t = await testDatabase();
    const { db } = t;
    await db.query(`INSERT INTO artists (name, key) SELECT k, k FROM unnest($1::text[]) AS a(k)`, [
      artistKeys,
    ]);
    const artistId = new Map(
      (await db.query<{ id: number; key: string }>('SELECT id, key FROM artists')).map((r) => [r.key, r.id]),
    );
    const rows = Array.from({ length: 300 }, (_, i) => {
      const primary = rnd() < 0.2 ? [pick(artistKeys), pick(artistKeys)] : [pick(artistKeys)];
      return {
        key: `k${i}`,
        title: rnd() < 0.2 ? typo(pick(titles)) : pick(titles),
        versionKind: rnd() < 0.25 ? 'remix' : 'original',
        isMashup: rnd() < 0.05,
        primary: [...new Set(primary)],
        featured: rnd() < 0.1 ? [pick(artistKeys)] : [],
        remixer: rnd() < 0.2 ? [pick(artistKeys)] : [],
      };
    });
    const inserted = await db.query<{ id: number; key: string }>(
      `INSERT INTO tracks (key, original_key, artist_name, title, title_key, version_kind, is_mashup)
       SELECT k, k, 'credit', t, t, v, m FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS d(k, t, v, m)
       RETURNING id, key`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.title),
        rows.map((r) => r.versionKind),
        rows.map((r) => r.isMashup),
      ],
    );
    const idOf = new Map(inserted.map((r) => [r.key, r.id]));
    const credits: [number, number, string, number][] = [];
    for (const r of rows) {
      const id = idOf.get(r.key)!;
      for (const role of ['primary', 'featured', 'remixer'] as const) {
        r[role].forEach((a, p) => {
          credits.push([id, artistId.get(a)!, role, p]);
        });
      }
      expected.set(id, {
        id,
        titleKey: r.title,
        versionKind: r.versionKind,
        isMashup: r.isMashup,
        primaryKeys: r.primary,
        featuredKeys: r.featured,
      });
    }
    await db.query(
      `INSERT INTO track_artists (track_id, artist_id, role, position)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[])`,
      [
        credits.map((c) => c[0]),
        credits.map((c) => c[1]),
        credits.map((c) => c[2]),
        credits.map((c) => c[3]),
      ],
    );
    ids = [...expected.keys()].sort((a, b) => a - b);
    // Some tracks merged away, some known only from private sets: neither takes part.
    const merged = ids.filter((_, i) => i % 37 === 5);
    const hidden = ids.filter((_, i) => i % 41 === 7);
    await db.query('UPDATE tracks SET merged_into = $1 WHERE id = ANY($2::int[])', [ids[0], merged]);
    await db.query('UPDATE tracks SET private_to = ARRAY[1] WHERE id = ANY($1::int[])', [hidden]);
    for (const id of [...merged, ...hidden]) expected.delete(id);
    await db.query(
      `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score, status) VALUES ($1, $2, 0.5, 'rejected')`,
      [ids[1], ids[2]],
    );
  }, 60_000);

  afterAll(() => t?.drop());

  const sorted = (xs: BlockingTrack[]) => [...xs].sort((a, b) => a.id - b.id);

  it('reads each live public track as the rows say, in pages and by id', async () => {
    const pages: BlockingTrack[] = [];
    for (let after = 0; ; ) {
      const page = await blockingTracksPage(t.db, after, ids.at(-1)!, 70);
      if (page.length === 0) break;
      pages.push(...page);
      after = page.at(-1)!.id;
    }
    expect(pages).toEqual(sorted([...expected.values()]));
    expect(await blockingTracksOf(t.db, ids.slice(0, 60))).toEqual(
      sorted([...expected.values()].filter((x) => ids.slice(0, 60).includes(x.id))),
    );
  });

  it('fetches exactly the tracks of the blocks asked for', async () => {
    const artists = ['bicep', 'enei'];
    const titleKeys = [titles[0]!, titles[5]!];
    const want = [...expected.values()].filter(
      (x) =>
        [...x.primaryKeys, ...x.featuredKeys].some((k) => artists.includes(k)) ||
        titleKeys.includes(x.titleKey),
    );
    // A remixer credit alone puts no track in an artist's block.
    expect(sorted(await blockMembers(t.db, artists, titleKeys))).toEqual(sorted(want));
    expect(await blockMembers(t.db, [], [])).toEqual([]);
  });

  it('gives a batch the same candidates from its fetched blocks as from the whole catalogue', async () => {
    const whole = new BlockIndex();
    for (const x of expected.values()) whole.add(x);
    let pairs = 0;
    for (let i = 0; i < ids.length; i += 50) {
      const batch = await blockingTracksOf(t.db, ids.slice(i, i + 50));
      const fetched = new BlockIndex();
      const members = await blockMembers(
        t.db,
        [...new Set(batch.flatMap((x) => [...x.primaryKeys, ...x.featuredKeys]))],
        [...new Set(batch.map((x) => x.titleKey))],
      );
      for (const m of members) fetched.add(m);
      for (const x of batch) {
        const want = whole.candidatesOf(x).sort((a, b) => a - b);
        expect(fetched.candidatesOf(x).sort((a, b) => a - b)).toEqual(want);
        pairs += want.length;
      }
    }
    expect(pairs).toBeGreaterThan(300);
  });

  it('knows the pairs a person rejected', async () => {
    const rejected: [number, number] = [ids[1]!, ids[2]!];
    expect(await rejectedPairs(t.db, [rejected, [ids[1]!, ids[3]!]])).toEqual(
      new Set([`${ids[1]}:${ids[2]}`]),
    );
    expect(await rejectedPairs(t.db, [[ids[2]!, ids[3]!]])).toEqual(new Set());
    expect(await rejectedPairs(t.db, [])).toEqual(new Set());
  });
});
