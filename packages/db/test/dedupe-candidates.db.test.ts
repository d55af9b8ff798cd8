// findCandidatePairs probes search_titles (distinct title keys) and joins tracks by title key. Its pairs
// must be exactly those of the rule it implements, checked here against that rule written as a plain
// comparison of every track with every other (no index, no search_titles) on a generated catalogue with
// typos, shared titles, remixes, mashups, merged and private tracks, a shared artist under two spellings
// and a rejected pair. The plan must stay an index probe per key on fresh tables (no statistics).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { findCandidatePairs } from '../src/index.ts';
import { CANDIDATE_PAIRS, CANDIDATE_SETTINGS } from '../src/repositories/dedupe.ts';

const TITLE = 0.4;
const ARTIST = 0.5;

// Deterministic generator: the same catalogue on both engines and in every run.
let seed = 7;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
const words = ['love', 'night', 'lights', 'home', 'fire', 'dream', 'running', 'the', 'sun', 'echo', 'deep'];
const titles = Array.from({ length: 60 }, () =>
  Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(words)).join(' '),
);
const typo = (s: string) => {
  const i = Math.floor(rnd() * s.length);
  return `${s.slice(0, i)}${pick([...'aeioxz'])}${s.slice(i + 1)}`;
};
const artistNames = [
  'Daft Punk',
  'Daft Punks',
  'Bicep',
  'Four Tet',
  'Fourtet',
  'Ben UFO',
  'Peggy Gou',
  'Jayda G',
];

describe.skipIf(noServer)('findCandidatePairs', () => {
  let t: TestDatabase;
  let ids: number[];

  beforeAll(async () => {
    t = await testDatabase();
    const { db } = t;
    // Artist 2 is "Daft Punk" credited as "Daft Punks" too, and "Four Tet" as "Fourtet": pairs under
    // dissimilar spellings must still come from the shared primary artist.
    await db.query(
      `INSERT INTO artists (name, key) SELECT n, 'a' || i FROM unnest($1::text[]) WITH ORDINALITY AS a(n, i)`,
      [artistNames],
    );
    const rows = Array.from({ length: 400 }, (_, i) => {
      let title = pick(titles);
      if (rnd() < 0.2) title = typo(title);
      const artist = Math.floor(rnd() * artistNames.length);
      return {
        key: `k${i}`,
        // Half the tracks of artist 1 are spelt unlike the artist record ("DP"), sharing only the artist.
        artistName: artist === 0 && rnd() < 0.5 ? 'DP' : artistNames[artist],
        title,
        versionKind: rnd() < 0.25 ? 'remix' : 'original',
        isMashup: rnd() < 0.05,
        artistId: artist + 1,
      };
    });
    await db.query(
      `WITH ins AS (
         INSERT INTO tracks (key, original_key, artist_name, title, title_key, version_kind, is_mashup)
         SELECT k, k, a, t, t, v, m FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[])
           AS d(k, a, t, v, m)
         RETURNING id, key)
       INSERT INTO track_artists (track_id, artist_id, role, position)
       SELECT ins.id, d.aid, 'primary', 1 FROM ins JOIN unnest($1::text[], $6::int[]) AS d(k, aid) ON d.k = ins.key`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.artistName),
        rows.map((r) => r.title),
        rows.map((r) => r.versionKind),
        rows.map((r) => r.isMashup),
        rows.map((r) => r.artistId),
      ],
    );
    ids = (await db.query<{ id: number }>('SELECT id FROM tracks ORDER BY id')).map((r) => r.id);
    // Some tracks merged away, some known only from private sets, and one pair rejected by a reviewer.
    await db.query('UPDATE tracks SET merged_into = $1 WHERE id = ANY($2::int[])', [
      ids[0],
      ids.filter((_, i) => i % 37 === 5),
    ]);
    await db.query('UPDATE tracks SET private_to = ARRAY[1] WHERE id = ANY($1::int[])', [
      ids.filter((_, i) => i % 41 === 7),
    ]);
  }, 60_000);

  afterAll(() => t?.drop());

  /** The rule, every track against every other track: no index, no search_titles. */
  const rulePairs = async (trackIds: number[], onlyHigherIds: boolean) =>
    t.db.query<{ a: number; b: number }>(
      `SELECT t.id AS a, o.id AS b FROM tracks t CROSS JOIN tracks o
       WHERE t.id = ANY($1::int[]) AND o.id <> t.id AND (NOT $4::boolean OR o.id > t.id)
         AND similarity(o.title_key, t.title_key) >= $2
         AND t.merged_into IS NULL AND t.private_to IS NULL AND o.merged_into IS NULL AND o.private_to IS NULL
         AND o.version_kind = t.version_kind AND o.is_mashup = t.is_mashup
         AND (similarity(lower(o.artist_name), lower(t.artist_name)) >= $3
              OR EXISTS (SELECT 1 FROM track_artists x JOIN track_artists y ON y.artist_id = x.artist_id
                         WHERE x.track_id = t.id AND x.role = 'primary' AND y.role = 'primary' AND y.track_id = o.id))
         AND NOT EXISTS (SELECT 1 FROM dedupe_candidates c WHERE c.status = 'rejected'
                         AND c.track_id = LEAST(t.id, o.id) AND c.candidate_track_id = GREATEST(t.id, o.id))`,
      [trackIds, TITLE, ARTIST, onlyHigherIds],
    );
  const keyed = (pairs: { a: number; b: number }[]) => pairs.map((p) => `${p.a}:${p.b}`).sort();
  const found = (trackIds: number[], onlyHigherIds: boolean) =>
    findCandidatePairs(t.db, {
      trackIds,
      titleSimilarity: TITLE,
      artistSimilarity: ARTIST,
      onlyHigherIds,
    });

  it('plans an index probe per title key on fresh tables (no statistics)', async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.query(CANDIDATE_SETTINGS, [String(TITLE)]);
      const rows = await tx.query<Record<string, string>>(`EXPLAIN ${CANDIDATE_PAIRS}`, [
        ids.slice(0, 50),
        ARTIST,
        true,
      ]);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('search_titles_trgm_idx');
    expect(plan).toContain('tracks_title_key_idx');
    expect(plan).not.toMatch(/Seq Scan on (tracks|search_titles)/);
    expect(plan).not.toMatch(/Hash Join|Merge Join/);
  });

  it('finds exactly the pairs of the rule, for a whole scan in batches and for a few new tracks', async () => {
    // Reject one pair the rule finds: it must disappear from both.
    const first = (await rulePairs(ids, true))[0];
    if (!first) throw new Error('the generated catalogue has no pair to reject');
    await t.db.query(
      `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score, status) VALUES ($1, $2, 0.5, 'rejected')`,
      [first.a, first.b],
    );
    let total = 0;
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const expected = keyed(await rulePairs(batch, true));
      expect(keyed(await found(batch, true))).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(300);
    expect(keyed(await found(ids, true))).not.toContain(`${first.a}:${first.b}`);
    const few = ids.filter((_, i) => i === 3 || i === 200 || i === 399);
    const expected = keyed(await rulePairs(few, false));
    expect(expected.length).toBeGreaterThan(0);
    expect(keyed(await found(few, false))).toEqual(expected);
  }, 60_000);

  it('pairs typos and shared artists under dissimilar spellings', async () => {
    const pairs = await rulePairs(ids, true);
    const rows = await t.db.query<{ a: string; b: string; ta: string; tb: string }>(
      `SELECT x.artist_name AS a, y.artist_name AS b, x.title_key AS ta, y.title_key AS tb
       FROM unnest($1::int[], $2::int[]) AS p(a, b) JOIN tracks x ON x.id = p.a JOIN tracks y ON y.id = p.b`,
      [pairs.map((p) => p.a), pairs.map((p) => p.b)],
    );
    expect(rows.some((r) => r.ta !== r.tb)).toBe(true);
    expect(rows.some((r) => (r.a === 'DP') !== (r.b === 'DP'))).toBe(true);
  });
});
