// The graph module's reads and writes: the whole transition graph as a columnar snapshot, the new
// totals behind one change event, the sets behind a transition, track lookup by identity key, and
// stored communities/layouts (typed arrays kept whole in bytea).
//
// Loading speed. Transitions are read in pages by primary key (keyset pagination, so memory stays
// flat and no page rescans the ones before it), and each page comes back as ONE row of packed
// columns: `string_agg(int4send(x), '')` concatenates each column's 4-byte big-endian values into a
// bytea. Decoding 100K values from one buffer is far cheaper than parsing 100K row objects, on both
// node-postgres and PGlite. All aggregates of a page consume its rows in the same order, so the
// columns stay aligned.
import { CAMELOT_KEYS } from '@songnodes/core';
import type {
  CommunityLabelRecord,
  EvidenceSet,
  GraphChange,
  GraphDelta,
  GraphSnapshot,
  GraphStore,
  NewCommunities,
  NewLayout,
  NodeRecord,
  StoredCommunities,
  StoredLayout,
  TrackName,
} from '@songnodes/graph';
// The columnar snapshot and the store's key helpers only, not the graph package's index: reading or
// exporting tables must not load the graph engine (graphology, Louvain, ForceAtlas2).
import { allocateSnapshot, NO_DAY } from '@songnodes/graph/snapshot';
import { pairKey } from '@songnodes/graph/store';
import type { Database, Queryable } from '../database.ts';

/** Track ids per page (pages are id ranges: no sort, and the primary key bounds each scan). */
const TRACK_SPAN = 250_000;
const TRANSITION_PAGE = 100_000;
/** At most this many sources get a bit in the snapshot's sources mask (it is a Uint32). */
const MAX_SOURCE_BITS = 32;

export interface SnapshotLoadOptions {
  /** Rows per transition page (default 100,000). */
  pageSize?: number;
  /** Track ids per track page (default 250,000). */
  trackSpan?: number;
  onProgress?: (p: { tracks: number; transitions: number; transitionTotal: number }) => void;
}

/** bytea comes back as a Buffer from node-postgres and a Uint8Array from PGlite: one view over either. */
function bytesOf(v: unknown, what: string): Uint8Array {
  if (v === null || v === undefined) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  throw new Error(`${what}: expected bytea, got ${typeof v}`);
}

/** Big-endian int4 values (what int4send packs) into `out` from position `at`. */
function readInt32BE(bytes: Uint8Array, out: Uint32Array | Int32Array, at: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength >>> 2;
  for (let i = 0; i < n; i++) out[at + i] = view.getInt32(i * 4);
  return n;
}

/** Big-endian float4 values (what float4send packs) into `out` from position `at`. */
function readFloat32BE(bytes: Uint8Array, out: Float32Array, at: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength >>> 2;
  for (let i = 0; i < n; i++) out[at + i] = view.getFloat32(i * 4);
}

/** Typed arrays are stored as their raw little-endian bytes. */
function toBytes(a: Int32Array | Float32Array): Uint8Array {
  const copy = new Uint8Array(a.byteLength);
  copy.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return copy;
}
function int32sOf(v: unknown, what: string): Int32Array {
  const b = bytesOf(v, what);
  if (b.byteLength % 4 !== 0)
    throw new Error(`${what}: ${b.byteLength} bytes is not a whole number of int32`);
  return new Int32Array(new Uint8Array(b).buffer); // copied: the driver's buffer may be unaligned
}
function float32sOf(v: unknown, what: string): Float32Array {
  const b = bytesOf(v, what);
  if (b.byteLength % 4 !== 0)
    throw new Error(`${what}: ${b.byteLength} bytes is not a whole number of float32`);
  return new Float32Array(new Uint8Array(b).buffer);
}

type TrackRow = {
  id: number;
  bpm: number | null;
  camelot_key: string | null;
  genre: string | null;
  year: number | null;
  duration_seconds: number | null;
  plays: number;
  artists: number[] | null;
};

const TRACK_COLUMNS = `t.id, t.bpm, t.camelot_key, t.genre, t.year, t.duration_seconds,
  (SELECT count(*)::int FROM set_entries e JOIN sets s ON s.id = e.set_id
    WHERE e.track_id = t.id AND s.visibility = 'public') AS plays,
  (SELECT array_agg(ta.artist_id ORDER BY ta.position) FROM track_artists ta
    WHERE ta.track_id = t.id AND ta.role = 'primary') AS artists`;

/** Source names by bit, for the snapshot's sources mask: the first 32 sources by id. */
async function sourceBits(q: Queryable): Promise<{ names: string[]; ids: number[] }> {
  const rows = await q.query<{ id: number; name: string }>(
    'SELECT id, name FROM sources ORDER BY id LIMIT $1',
    [MAX_SOURCE_BITS],
  );
  return { names: rows.map((r) => r.name), ids: rows.map((r) => r.id) };
}

/** SQL for the sources bitmask of transition `p`: bit i = seen in sets of the i-th source. */
const SOURCE_MASK_SQL = `(SELECT coalesce(bit_or(1 << (b.bit::int - 1)), 0) FROM set_transitions st
    JOIN sets s ON s.id = st.set_id
    JOIN unnest($4::int[]) WITH ORDINALITY AS b(source_id, bit) ON b.source_id = s.source_id
    WHERE st.from_track_id = p.from_track_id AND st.to_track_id = p.to_track_id)`;

/** A growable list of int pairs (track row, artist id). */
class PairList {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  length = 0;
  push(x: number, y: number): void {
    if (this.length === this.a.length) {
      const a = new Int32Array(this.a.length * 2);
      const b = new Int32Array(this.b.length * 2);
      a.set(this.a);
      b.set(this.b);
      this.a = a;
      this.b = b;
    }
    this.a[this.length] = x;
    this.b[this.length++] = y;
  }
}

/**
 * Fills the node columns from the live tracks with ids in [lo, hi], one id range at a time: the
 * track columns packed (key and genre as their codes, computed in SQL), then the plays and the
 * primary artists of the same range. Returns the number of rows filled.
 */
async function loadTracks(
  tx: Queryable,
  s: GraphSnapshot,
  lo: number,
  hi: number,
  span: number,
): Promise<number> {
  const n = s.nodes;
  const artists = new PairList();
  let row = 0;
  const local = new Int32Array(span);
  for (let start = lo; start <= hi; start += span) {
    const range = [start, start + span];
    const [t] = await tx.query<Record<string, unknown>>(
      `SELECT count(*)::int AS n,
         string_agg(int4send(id), ''::bytea) AS id,
         string_agg(float4send(coalesce(bpm, 'NaN'::real)), ''::bytea) AS bpm,
         string_agg(int4send(coalesce(array_position($3::text[], camelot_key) - 1, -1)), ''::bytea) AS key,
         string_agg(int4send(coalesce(array_position($4::text[], genre) - 1, -1)), ''::bytea) AS genre,
         string_agg(int4send(coalesce(year, 0)::int), ''::bytea) AS year,
         string_agg(float4send(coalesce(duration_seconds::real, 'NaN'::real)), ''::bytea) AS duration
       FROM tracks WHERE id >= $1 AND id < $2 AND merged_into IS NULL AND private_to IS NULL`,
      [...range, CAMELOT_KEYS, s.genres],
    );
    const got = Math.min(Number(t?.n ?? 0), s.nodeCount - row);
    if (got === 0) continue;
    const bytes = (col: string) => bytesOf(t![col], `tracks.${col}`).subarray(0, got * 4);
    readInt32BE(bytes('id'), n.trackId, row);
    readFloat32BE(bytes('bpm'), n.bpm, row);
    const codes = new Int32Array(got);
    readInt32BE(bytes('key'), codes, 0);
    n.key.set(codes, row);
    readInt32BE(bytes('genre'), n.genre.subarray(row, row + got), 0);
    readInt32BE(bytes('year'), codes, 0);
    n.year.set(codes, row);
    readFloat32BE(bytes('duration'), n.durationSeconds, row);
    local.fill(-1);
    for (let r = row; r < row + got; r++) local[n.trackId[r]! - start] = r;
    row += got;

    const [plays] = await tx.query<Record<string, unknown>>(
      `SELECT string_agg(int4send(track_id), ''::bytea) AS id, string_agg(int4send(n), ''::bytea) AS n
       FROM (SELECT e.track_id, count(*)::int AS n FROM set_entries e JOIN sets s ON s.id = e.set_id
             WHERE e.track_id >= $1 AND e.track_id < $2 AND s.visibility = 'public'
             GROUP BY e.track_id) p`,
      range,
    );
    const ids = int32sBE(plays?.id, 'set_entries.track_id');
    const counts = int32sBE(plays?.n, 'plays');
    for (let i = 0; i < ids.length; i++) {
      const r = local[ids[i]! - start]!;
      if (r >= 0) n.plays[r] = counts[i]!;
    }

    // Primary artists in credit order; each track's artists are consecutive (ordered by track, position).
    const [pa] = await tx.query<Record<string, unknown>>(
      `SELECT string_agg(int4send(track_id), ''::bytea) AS id, string_agg(int4send(artist_id), ''::bytea) AS a
       FROM (SELECT track_id, artist_id FROM track_artists WHERE role = 'primary' AND track_id >= $1 AND track_id < $2
             ORDER BY track_id, position) p`,
      range,
    );
    const tids = int32sBE(pa?.id, 'track_artists.track_id');
    const aids = int32sBE(pa?.a, 'track_artists.artist_id');
    for (let i = 0; i < tids.length; i++) {
      const r = local[tids[i]! - start]!;
      if (r >= 0) artists.push(r, aids[i]!);
    }
  }
  // Artists as CSR over rows.
  const offsets = n.artistOffsets;
  for (let i = 0; i < artists.length; i++) offsets[artists.a[i]! + 1]!++;
  for (let r = 0; r < s.nodeCount; r++) offsets[r + 1]! += offsets[r]!;
  const next = offsets.slice(0, s.nodeCount);
  n.artistIds = new Uint32Array(artists.length);
  for (let i = 0; i < artists.length; i++) n.artistIds[next[artists.a[i]!]!++] = artists.b[i]!;
  return row;
}

/** A packed int4 column (big-endian) as an Int32Array; empty for NULL (no rows). */
function int32sBE(v: unknown, what: string): Int32Array {
  const b = bytesOf(v, what);
  const out = new Int32Array(b.byteLength >>> 2);
  readInt32BE(b, out, 0);
  return out;
}

/**
 * Reads the whole graph into a GraphSnapshot: live public tracks (merged-away ones, and those known
 * only from private sets, are left out) with their BPM, key, genre, year, duration, plays in public
 * sets and primary artists, and every transition (public by construction: set-writes.ts) with its
 * evidence. Runs in one REPEATABLE READ transaction, so tracks and transitions agree even while an
 * import writes.
 */
export async function loadGraphSnapshot(db: Database, o: SnapshotLoadOptions = {}): Promise<GraphSnapshot> {
  const pageSize = o.pageSize ?? TRANSITION_PAGE;
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const [head] = await tx.query<{
      tracks: number;
      transitions: number;
      lo: number;
      hi: number;
      genres: string[] | null;
    }>(
      `SELECT (SELECT count(*)::int FROM tracks WHERE merged_into IS NULL AND private_to IS NULL) AS tracks,
              (SELECT count(*)::int FROM transitions) AS transitions,
              (SELECT coalesce(min(id), 1) FROM tracks) AS lo, (SELECT coalesce(max(id), 0) FROM tracks) AS hi,
              (SELECT array_agg(DISTINCT genre) FROM tracks
                WHERE genre IS NOT NULL AND merged_into IS NULL AND private_to IS NULL) AS genres`,
    );
    const s = allocateSnapshot(head!.tracks, head!.transitions, 0);
    const sources = await sourceBits(tx);
    s.sourceNames = sources.names;
    s.genres = head!.genres ?? [];
    const row = await loadTracks(tx, s, head!.lo, head!.hi, o.trackSpan ?? TRACK_SPAN);
    o.onProgress?.({ tracks: row, transitions: 0, transitionTotal: s.edgeCount });

    // Transitions, a page of packed columns at a time. With one source every mask is bit 0: no join.
    const e = s.edges;
    const maskSql = sources.ids.length === 0 ? '0' : sources.ids.length === 1 ? '1' : SOURCE_MASK_SQL;
    let filled = 0;
    let lastFrom = 0;
    let lastTo = 0;
    while (filled < s.edgeCount) {
      const [page] = await tx.query<Record<string, unknown>>(
        `SELECT count(*)::int AS n,
           string_agg(int4send(p.from_track_id), ''::bytea) AS f,
           string_agg(int4send(p.to_track_id), ''::bytea) AS t,
           string_agg(int4send(p.count), ''::bytea) AS c,
           string_agg(int4send(p.set_count), ''::bytea) AS s,
           string_agg(int4send(p.dj_count), ''::bytea) AS d,
           string_agg(int4send(coalesce(p.first_date - DATE '1970-01-01', ${NO_DAY})), ''::bytea) AS fd,
           string_agg(int4send(coalesce(p.last_date - DATE '1970-01-01', ${NO_DAY})), ''::bytea) AS ld,
           string_agg(int4send(${maskSql}), ''::bytea) AS m
         FROM (SELECT * FROM transitions WHERE (from_track_id, to_track_id) > ($1, $2)
               ORDER BY from_track_id, to_track_id LIMIT $3) p`,
        sources.ids.length > 1 ? [lastFrom, lastTo, pageSize, sources.ids] : [lastFrom, lastTo, pageSize],
      );
      const got = Number(page?.n ?? 0);
      if (got === 0) break;
      const room = Math.min(got, s.edgeCount - filled);
      const part = <T extends Uint32Array | Int32Array>(a: T) => a.subarray(filled, filled + room) as T;
      const read = (col: string, out: Uint32Array | Int32Array) => {
        const bytes = bytesOf(page![col], `transitions.${col}`).subarray(0, room * 4);
        readInt32BE(bytes, part(out), 0);
      };
      read('f', e.from);
      read('t', e.to);
      read('c', e.count);
      read('s', e.sets);
      read('d', e.djs);
      read('fd', e.firstDay);
      read('ld', e.lastDay);
      read('m', e.sources);
      // The page's last key (the largest pair) starts the next page.
      for (let i = filled; i < filled + room; i++) {
        const f = e.from[i]!;
        const t = e.to[i]!;
        if (f > lastFrom || (f === lastFrom && t > lastTo)) {
          lastFrom = f;
          lastTo = t;
        }
      }
      filled += room;
      o.onProgress?.({ tracks: row, transitions: filled, transitionTotal: s.edgeCount });
      if (got < pageSize) break;
    }
    s.nodeCount = row;
    s.edgeCount = filled;
    return dropDanglingEdges(s);
  });
}

/**
 * Transitions must join two live tracks. Ingest and dedupe keep it so; this guard keeps a stray row
 * (a merge caught half-way by another reader) from failing the whole index build.
 */
function dropDanglingEdges(s: GraphSnapshot): GraphSnapshot {
  // Track ids are dense (an identity column), so a bitmap over them is small and fast.
  const ids = s.nodes.trackId.subarray(0, s.nodeCount);
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  const live = new Uint8Array(max + 1);
  for (const id of ids) live[id] = 1;
  const has = (id: number) => id <= max && live[id] === 1;
  const e = s.edges;
  let kept = 0;
  for (let i = 0; i < s.edgeCount; i++) {
    if (!has(e.from[i]!) || !has(e.to[i]!)) continue;
    if (kept !== i) {
      for (const col of Object.values(e) as (Uint32Array | Int32Array)[]) col[kept] = col[i]!;
    }
    kept++;
  }
  s.edgeCount = kept;
  return s;
}

/**
 * The new totals behind one change event: every new track and both ends of every changed pair
 * (their plays changed), and every changed pair (count 0 when it no longer exists).
 */
export async function loadGraphDelta(
  db: Queryable,
  change: GraphChange,
  version: number,
): Promise<GraphDelta> {
  const trackIds = [...new Set([...change.newTrackIds, ...change.changedPairs.flat()])];
  const sources = await sourceBits(db);
  const tracks =
    trackIds.length === 0
      ? []
      : await db.query<TrackRow>(
          `SELECT ${TRACK_COLUMNS} FROM tracks t
           WHERE t.id = ANY($1::int[]) AND t.merged_into IS NULL AND t.private_to IS NULL ORDER BY t.id`,
          [trackIds],
        );
  const nodes: NodeRecord[] = tracks.map((r) => ({
    trackId: r.id,
    bpm: r.bpm,
    key: r.camelot_key,
    genre: r.genre,
    year: r.year,
    durationSeconds: r.duration_seconds,
    plays: r.plays,
    artistIds: r.artists ?? [],
  }));
  const pairs = change.changedPairs;
  const edges =
    pairs.length === 0
      ? []
      : await db.query<{
          f: number;
          t: number;
          count: number | null;
          set_count: number | null;
          dj_count: number | null;
          first_date: string | null;
          last_date: string | null;
          sources: string[] | null;
        }>(
          `SELECT p.f, p.t, tr.count, tr.set_count, tr.dj_count, tr.first_date::text AS first_date,
                  tr.last_date::text AS last_date,
                  (SELECT array_agg(DISTINCT src.name) FROM set_transitions st JOIN sets s ON s.id = st.set_id
                     JOIN sources src ON src.id = s.source_id
                    WHERE st.from_track_id = p.f AND st.to_track_id = p.t) AS sources
           FROM unnest($1::int[], $2::int[]) AS p(f, t)
           LEFT JOIN transitions tr ON tr.from_track_id = p.f AND tr.to_track_id = p.t`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
  return {
    version,
    nodes,
    edges: edges.map((r) => ({
      from: r.f,
      to: r.t,
      count: r.count ?? 0,
      sets: r.set_count ?? 0,
      djs: r.dj_count ?? 0,
      firstDate: r.first_date,
      lastDate: r.last_date,
      // Sources past the 32 that have a bit are left out of the mask, as in the snapshot.
      sources: (r.sources ?? []).filter((name) => sources.names.includes(name)),
    })),
  };
}

type NameRow = {
  id: number;
  artist_name: string;
  title: string;
  version: string | null;
  merged_into: number | null;
};
const nameOf = (r: NameRow): TrackName => ({
  trackId: r.id,
  artist: r.artist_name,
  title: r.title,
  version: r.version,
  mergedInto: r.merged_into,
});

/** Tracks by identity key (exact version) and by original key (every version of the recording). */
export async function findTracksByKey(
  db: Queryable,
  keys: { key: string; originalKey: string },
): Promise<{ exact: TrackName[]; original: TrackName[] }> {
  const rows = await db.query<NameRow & { exact: boolean }>(
    `SELECT id, artist_name, title, version, merged_into, key = $1 AS exact FROM tracks
     WHERE (key = $1 OR key = $2 OR (original_key = $2 AND version IS NOT NULL)) AND private_to IS NULL ORDER BY id`,
    [keys.key, keys.originalKey],
  );
  return { exact: rows.filter((r) => r.exact).map(nameOf), original: rows.map(nameOf) };
}

/**
 * Versions of one recording, for the planner's "never the same recording twice": track id → group
 * (the smallest track id of the group), for live tracks that share their original key with another.
 * Every such group holds a track with a version (two originals with one original key would share
 * their identity key), so the partial index on original_key (version IS NOT NULL) finds them.
 */
export async function recordingGroups(db: Queryable): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; g: number }>(
    `WITH versions AS (
       SELECT id, original_key FROM tracks WHERE version IS NOT NULL AND merged_into IS NULL),
     members AS (
       SELECT id, original_key FROM versions
       UNION ALL
       SELECT t.id, t.key FROM tracks t
       WHERE t.key IN (SELECT original_key FROM versions) AND t.version IS NULL AND t.merged_into IS NULL)
     SELECT id, g FROM (
       SELECT id, min(id) OVER (PARTITION BY original_key) AS g,
              count(*) OVER (PARTITION BY original_key) AS n FROM members) m
     WHERE n > 1`,
  );
  return new Map(rows.map((r) => [r.id, r.g]));
}

export async function trackNames(db: Queryable, ids: readonly number[]): Promise<Map<number, TrackName>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<NameRow>(
    'SELECT id, artist_name, title, version, merged_into FROM tracks WHERE id = ANY($1::int[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, nameOf(r)]));
}

export async function artistNames(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; name: string }>(
    'SELECT id, name FROM artists WHERE id = ANY($1::int[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The sets in which each pair was played (from set_transitions, the per-set evidence), most recent
 * first, at most `perPair` per pair; keyed `from>to`. Pairs never played have no entry.
 */
export async function transitionEvidence(
  db: Queryable,
  pairs: readonly [number, number][],
  perPair: number,
): Promise<Map<string, EvidenceSet[]>> {
  const out = new Map<string, EvidenceSet[]>();
  if (pairs.length === 0 || perPair <= 0) return out;
  const rows = await db.query<{
    f: number;
    t: number;
    set_id: number;
    title: string | null;
    played_on: string | null;
    source: string;
    url: string | null;
    position: number;
    performers: string[] | null;
  }>(
    `SELECT p.f, p.t, ev.* FROM unnest($1::int[], $2::int[]) AS p(f, t)
     CROSS JOIN LATERAL (
       SELECT s.id AS set_id, s.title, s.played_on::text AS played_on, src.name AS source, s.url, st.position,
              (SELECT array_agg(a.name ORDER BY sp.position) FROM set_performers sp
                 JOIN artists a ON a.id = sp.artist_id WHERE sp.set_id = s.id) AS performers
       FROM set_transitions st JOIN sets s ON s.id = st.set_id JOIN sources src ON src.id = s.source_id
       WHERE st.from_track_id = p.f AND st.to_track_id = p.t
       ORDER BY s.played_on DESC NULLS LAST, s.id, st.position
       LIMIT $3) ev`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), perPair],
  );
  for (const r of rows) {
    const k = pairKey(r.f, r.t);
    const list = out.get(k) ?? [];
    out.set(k, list);
    list.push({
      setId: r.set_id,
      title: r.title,
      performers: r.performers ?? [],
      date: r.played_on,
      source: r.source,
      url: r.url,
      position: r.position,
    });
  }
  return out;
}

async function newGraphVersion(q: Queryable, counts: { tracks: number; transitions: number }) {
  const [v] = await q.query<{ id: number }>(
    'INSERT INTO graph_versions (track_count, transition_count) VALUES ($1, $2) RETURNING id',
    [counts.tracks, counts.transitions],
  );
  return v!.id;
}

type CommunityRow = {
  id: number;
  graph_version: number;
  algorithm: string;
  track_ids: unknown;
  communities: unknown;
  labels: CommunityLabelRecord[];
  modularity: number | null;
  created_at: Date | string;
};
const communitiesOf = (r: CommunityRow): StoredCommunities => ({
  id: r.id,
  graphVersion: r.graph_version,
  algorithm: r.algorithm,
  trackIds: int32sOf(r.track_ids, 'graph_communities.track_ids'),
  communities: int32sOf(r.communities, 'graph_communities.communities'),
  labels: r.labels,
  modularity: r.modularity,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Stores communities with a new graph_versions row, in one transaction. */
export async function saveCommunities(
  db: Database,
  c: NewCommunities,
  counts: { tracks: number; transitions: number },
): Promise<StoredCommunities> {
  if (c.trackIds.length !== c.communities.length)
    throw new Error(`communities: ${c.trackIds.length} track ids but ${c.communities.length} communities`);
  return db.transaction(async (tx) => {
    const version = await newGraphVersion(tx, counts);
    const [r] = await tx.query<CommunityRow>(
      `INSERT INTO graph_communities (graph_version, algorithm, track_ids, communities, labels, modularity)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        version,
        c.algorithm,
        toBytes(c.trackIds),
        toBytes(c.communities),
        JSON.stringify(c.labels),
        c.modularity,
      ],
    );
    return communitiesOf(r!);
  });
}

export async function latestCommunities(db: Queryable): Promise<StoredCommunities | null> {
  const [r] = await db.query<CommunityRow>('SELECT * FROM graph_communities ORDER BY id DESC LIMIT 1');
  return r ? communitiesOf(r) : null;
}

type LayoutRow = {
  id: number;
  graph_version: number;
  kind: string;
  track_ids: unknown;
  positions: unknown;
  params: Record<string, unknown>;
  created_at: Date | string;
};
const layoutOf = (r: LayoutRow): StoredLayout => ({
  id: r.id,
  graphVersion: r.graph_version,
  kind: r.kind,
  trackIds: int32sOf(r.track_ids, 'graph_layouts.track_ids'),
  positions: float32sOf(r.positions, 'graph_layouts.positions'),
  params: r.params,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Stores a layout with a new graph_versions row, in one transaction. */
export async function saveLayout(
  db: Database,
  l: NewLayout,
  counts: { tracks: number; transitions: number },
): Promise<StoredLayout> {
  if (l.positions.length !== 2 * l.trackIds.length)
    throw new Error(
      `layout: ${l.trackIds.length} track ids need ${2 * l.trackIds.length} coordinates, got ${l.positions.length}`,
    );
  return db.transaction(async (tx) => {
    const version = await newGraphVersion(tx, counts);
    const [r] = await tx.query<LayoutRow>(
      `INSERT INTO graph_layouts (graph_version, kind, track_ids, positions, params)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [version, l.kind, toBytes(l.trackIds), toBytes(l.positions), JSON.stringify(l.params)],
    );
    return layoutOf(r!);
  });
}

export async function latestLayout(db: Queryable, kind: string): Promise<StoredLayout | null> {
  const [r] = await db.query<LayoutRow>(
    'SELECT * FROM graph_layouts WHERE kind = $1 ORDER BY id DESC LIMIT 1',
    [kind],
  );
  return r ? layoutOf(r) : null;
}

/** The GraphStore the graph service runs on, over this database. */
export function graphStore(db: Database, o: SnapshotLoadOptions = {}): GraphStore {
  return {
    loadSnapshot: () => loadGraphSnapshot(db, o),
    loadDelta: (change, version) => loadGraphDelta(db, change, version),
    findTracks: (keys) => findTracksByKey(db, keys),
    recordingGroups: () => recordingGroups(db),
    trackNames: (ids) => trackNames(db, ids),
    artistNames: (ids) => artistNames(db, ids),
    evidence: (pairs, perPair) => transitionEvidence(db, pairs, perPair),
    latestCommunities: () => latestCommunities(db),
    saveCommunities: (c, counts) => saveCommunities(db, c, counts),
    latestLayout: (kind) => latestLayout(db, kind),
    saveLayout: (l, counts) => saveLayout(db, l, counts),
  };
}
