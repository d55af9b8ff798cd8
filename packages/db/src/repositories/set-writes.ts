// Bulk writes of parsed, identity-resolved sets: the hot path of ingestion. Every statement is
// set-based: rows that only append (entries, performers, credits, per-set transitions) go in with COPY,
// rows that need ON CONFLICT or RETURNING with INSERT … SELECT FROM unnest(…). Row-at-a-time inserts
// top out near 20 K rows/s. Callers run one batch inside one transaction (see @songnodes/ingest).
import type { CopyValue } from '../copy.ts';
import type { Queryable } from '../database.ts';
import { type StagedColumn, stagedInsert } from './staged-insert.ts';

export interface ArtistWrite {
  key: string;
  name: string;
}

export interface TrackWrite {
  key: string;
  originalKey: string;
  artistName: string;
  title: string;
  titleKey: string;
  version: string | null;
  versionKind: string;
  isMashup: boolean;
  bpm: number | null;
  camelotKey: string | null;
  genre: string | null;
  year: number | null;
  durationSeconds: number | null;
  /** Artist keys by role, in credit order. */
  artists: { key: string; role: 'primary' | 'featured' | 'remixer'; position: number }[];
  /** Track keys of the parts of a mashup, in order. */
  components: string[];
}

export interface EntryWrite {
  position: number;
  line: number | null;
  raw: string;
  artist: string | null;
  title: string | null;
  version: string | null;
  label: string | null;
  catalogNumber: string | null;
  cueSeconds: number | null;
  bpm: number | null;
  camelotKey: string | null;
  /** Null for unknown entries ("ID - ID"). */
  trackKey: string | null;
  unknown: boolean;
  withPrevious: boolean;
  deck: number | null;
  playedAt: string | null;
  issues: { field?: string; message: string }[] | null;
}

export interface SetWrite {
  sourceName: string;
  externalId: string;
  contentHash: string;
  url: string | null;
  title: string | null;
  kind: string;
  event: string | null;
  venue: string | null;
  playedOn: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  performerKeys: string[];
  entries: EntryWrite[];
  /** Consecutive known tracks, unknowns and `w/` layers already resolved: position of the `from` entry. */
  transitions: { position: number; fromKey: string; toKey: string }[];
}

export interface BatchWrite {
  artists: ArtistWrite[];
  tracks: TrackWrite[];
  sets: SetWrite[];
  /** A user's own import; absent for the shared catalogue (CLI, scrapes, demo, local owner). */
  owner?: SetOwner;
}

/**
 * Who imported a batch, and whether it stays theirs. A private set stores its set, entries and
 * performers but no transitions (the in-memory graph is built from transitions, so it can never hold
 * private evidence); the tracks only it knows are visible to its owner alone (`tracks.private_to`).
 */
export interface SetOwner {
  userId: number;
  private: boolean;
}

/**
 * A user's sets live in their own namespace of external ids, so that one user's import can neither
 * replace nor reveal another's (or a catalogue set) by posting the same source and id.
 */
export function ownedExternalId(owner: number | null | undefined, externalId: string): string {
  return owner === null || owner === undefined ? externalId : `user:${owner}:${externalId}`;
}

export interface BatchResult {
  inserted: number;
  replaced: number;
  unchanged: number;
  entries: number;
  /** Ids of tracks created by this batch, and of existing tracks that learned a fact (BPM, key…) from it. */
  newTrackIds: number[];
  /** Transitions whose aggregates changed (for the graph index to patch). */
  changedPairs: [number, number][];
}

const pairKey = (a: number, b: number) => `${a}:${b}`;

async function upsertSources(tx: Queryable, names: string[]): Promise<Map<string, number>> {
  await tx.query(
    `INSERT INTO sources (name, kind) SELECT n, 'import' FROM unnest($1::text[]) AS n ON CONFLICT (name) DO NOTHING`,
    [names],
  );
  const rows = await tx.query<{ id: number; name: string }>(
    'SELECT id, name FROM sources WHERE name = ANY($1)',
    [names],
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function upsertArtists(tx: Queryable, artists: ArtistWrite[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (artists.length === 0) return ids;
  const keys = artists.map((a) => a.key);
  // Known first: an alias (set by a person or a merge) points a spelling at an existing artist, and
  // wins over an artist of that key. Only the rest is inserted.
  const known = (tx: Queryable, k: string[]) =>
    tx.query<{ key: string; id: number }>(
      // Joined to the keys rather than `key = ANY($1)`: pg_trgm's GIN index also answers `=`, and on a
      // table without statistics PostgreSQL picked it over the unique btree (8.7 s for 1,000 real sets).
      `SELECT alias_key AS key, artist_id AS id, 0 AS rank FROM artist_aliases WHERE alias_key = ANY($1)
       UNION ALL SELECT a.key, a.id, 1 FROM unnest($1::text[]) AS k(key) JOIN artists a ON a.key = k.key
       ORDER BY rank DESC`,
      [k],
    );
  for (const r of await known(tx, keys)) ids.set(r.key, r.id);
  const rest = artists.filter((a) => !ids.has(a.key));
  if (rest.length === 0) return ids;
  const inserted = await tx.query<{ id: number; key: string }>(
    `INSERT INTO artists (name, key) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (key) DO NOTHING RETURNING id, key`,
    [rest.map((a) => a.name), rest.map((a) => a.key)],
  );
  for (const r of inserted) ids.set(r.key, r.id);
  // Created meanwhile by another import (PostgreSQL): read them.
  const raced = rest.filter((a) => !ids.has(a.key)).map((a) => a.key);
  if (raced.length > 0) for (const r of await known(tx, raced)) ids.set(r.key, r.id);
  return ids;
}

/**
 * Seconds as stored (`real`): to the millisecond, which is all a tracklist means, and which keeps values
 * such as 1e-50 (a computation's leftover) from being refused as out of range for `real` — the set would fail.
 */
export function storedSeconds(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds * 1000) / 1000;
}

/** The columns a new track is inserted with (as in schema.ts). */
const TRACK_COLUMNS: StagedColumn[] = [
  { name: 'key', type: 'text' },
  { name: 'original_key', type: 'text' },
  { name: 'artist_name', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'title_key', type: 'text' },
  { name: 'version', type: 'text' },
  { name: 'version_kind', type: 'text' },
  { name: 'is_mashup', type: 'boolean' },
  { name: 'bpm', type: 'real' },
  { name: 'camelot_key', type: 'text' },
  { name: 'genre', type: 'text' },
  { name: 'year', type: 'smallint' },
  { name: 'duration_seconds', type: 'real' },
];

/** What a stored track does not know yet and an incoming one does: worth an UPDATE. */
const TRACK_FACTS = ['bpm', 'camelotKey', 'genre', 'year', 'durationSeconds'] as const;

async function upsertTracks(
  tx: Queryable,
  tracks: TrackWrite[],
  artistIds: Map<string, number>,
  privateBatch: boolean,
): Promise<{
  ids: Map<string, number>;
  created: number[];
  createdIds: Set<number>;
  privateTo: Map<number, number[]>;
}> {
  const ids = new Map<string, number>();
  /** Known tracks seen only in private sets, and whom they are visible to. */
  const privateTo = new Map<number, number[]>();
  if (tracks.length === 0) return { ids, created: [], createdIds: new Set(), privateTo };
  // Which keys are stored, and which facts they lack: most tracks of a large import are known already,
  // and most of those learn nothing new, so they need neither an insert nor an update.
  const lookup = (keys: string[]) =>
    tx.query<{
      id: number;
      key: string;
      merged_into: number | null;
      private_to: number[] | null;
      lacks: boolean[];
    }>(
      `SELECT id, key, merged_into, private_to,
              ARRAY[bpm IS NULL, camelot_key IS NULL, genre IS NULL, year IS NULL, duration_seconds IS NULL] AS lacks
       FROM tracks WHERE key = ANY($1)`,
      [keys],
    );
  const stored = new Map<string, boolean[]>();
  for (const r of await lookup(tracks.map((t) => t.key))) {
    ids.set(r.key, r.merged_into ?? r.id);
    stored.set(r.key, r.lacks);
    if (r.private_to !== null && r.merged_into === null) privateTo.set(r.id, r.private_to);
  }
  const fresh = tracks.filter((t) => !stored.has(t.key));
  const createdKeys = new Set<string>();
  if (fresh.length > 0) {
    const col = <T extends CopyValue>(f: (t: TrackWrite) => T) => fresh.map(f);
    for (const r of await stagedInsert<{ id: number; key: string }>(
      tx,
      'tracks',
      TRACK_COLUMNS,
      [
        col((t) => t.key),
        col((t) => t.originalKey),
        col((t) => t.artistName),
        col((t) => t.title),
        col((t) => t.titleKey),
        col((t) => t.version),
        col((t) => t.versionKind),
        col((t) => t.isMashup),
        col((t) => t.bpm),
        col((t) => t.camelotKey),
        col((t) => t.genre),
        col((t) => t.year),
        col((t) => storedSeconds(t.durationSeconds)),
      ],
      'ON CONFLICT (key) DO NOTHING RETURNING id, key',
    )) {
      ids.set(r.key, r.id);
      createdKeys.add(r.key);
    }
    // Created meanwhile by another import (PostgreSQL): known tracks after all, whose gaps are unknown here.
    const raced = fresh.filter((t) => !ids.has(t.key)).map((t) => t.key);
    if (raced.length > 0) {
      for (const r of await lookup(raced)) {
        ids.set(r.key, r.merged_into ?? r.id);
        stored.set(r.key, r.lacks);
        if (r.private_to !== null && r.merged_into === null) privateTo.set(r.id, r.private_to);
      }
    }
  }
  // Existing tracks learn what they did not know (BPM, key…); what they knew is never overwritten.
  // A private import teaches existing tracks nothing: what it knows stays with its owner.
  const learn = tracks.filter((t) => {
    if (privateBatch) return false;
    const lacks = stored.get(t.key);
    return lacks !== undefined && TRACK_FACTS.some((f, i) => lacks[i] && t[f] !== null);
  });
  if (learn.length > 0) {
    const col = <T>(f: (t: TrackWrite) => T) => learn.map(f);
    await tx.query(
      `UPDATE tracks t SET
         bpm = COALESCE(t.bpm, d.bpm),
         camelot_key = COALESCE(t.camelot_key, d.camelot_key),
         genre = COALESCE(t.genre, d.genre),
         year = COALESCE(t.year, d.year),
         duration_seconds = COALESCE(t.duration_seconds, d.duration_seconds)
       FROM unnest($1::text[], $2::real[], $3::text[], $4::text[], $5::smallint[], $6::real[])
         AS d(key, bpm, camelot_key, genre, year, duration_seconds)
       WHERE t.key = d.key`,
      [
        col((t) => t.key),
        col((t) => t.bpm),
        col((t) => t.camelotKey),
        col((t) => t.genre),
        col((t) => t.year),
        col((t) => storedSeconds(t.durationSeconds)),
      ],
    );
  }
  const created = tracks.filter((t) => createdKeys.has(t.key));
  if (created.length > 0) {
    const ta = created.flatMap((t) =>
      t.artists.flatMap((a) => {
        const artistId = artistIds.get(a.key);
        return artistId === undefined ? [] : [[ids.get(t.key)!, artistId, a.role, a.position] as const];
      }),
    );
    // Credits of tracks this batch created: new rows only, no conflict check needed.
    await tx.copyRows(
      'track_artists',
      ['track_id', 'artist_id', 'role', 'position'],
      [ta.map((r) => r[0]), ta.map((r) => r[1]), ta.map((r) => r[2]), ta.map((r) => r[3])],
    );
    const comps = created.flatMap((t) =>
      t.components.flatMap((c, i) => {
        const cid = ids.get(c);
        return cid === undefined ? [] : [[ids.get(t.key)!, cid, i + 1] as const];
      }),
    );
    if (comps.length > 0) {
      await tx.query(
        `INSERT INTO track_components (track_id, component_track_id, position)
         SELECT * FROM unnest($1::int[], $2::int[], $3::smallint[]) ON CONFLICT DO NOTHING`,
        [comps.map((r) => r[0]), comps.map((r) => r[1]), comps.map((r) => r[2])],
      );
    }
    // Link new remixes to known originals, and known remixes to new originals: each side only where it
    // can match (a remix has a version, an original has none). The ids and keys come from here, joined
    // as rows: `id = ANY(40,000 ids)` was run as a scan of the whole table.
    const newRemixes = created.filter((t) => t.version !== null);
    const newOriginals = created.filter((t) => t.version === null);
    if (newRemixes.length > 0) {
      await tx.query(
        `UPDATE tracks t SET original_track_id = o.id
         FROM unnest($1::int[], $2::text[]) AS n(id, original_key)
         JOIN tracks o ON o.key = n.original_key AND o.version IS NULL AND o.merged_into IS NULL
         WHERE t.id = n.id AND t.original_track_id IS NULL`,
        [newRemixes.map((t) => ids.get(t.key)!), newRemixes.map((t) => t.originalKey)],
      );
    }
    if (newOriginals.length > 0) {
      await tx.query(
        `UPDATE tracks t SET original_track_id = n.id
         FROM unnest($1::int[], $2::text[]) AS n(id, key)
         WHERE t.original_key = n.key AND t.version IS NOT NULL AND t.original_track_id IS NULL`,
        [newOriginals.map((t) => ids.get(t.key)!), newOriginals.map((t) => t.key)],
      );
    }
  }
  // Tracks that learned a BPM, key, genre… are reported with the new ones, so the in-memory graph
  // picks the new facts up (its patch upserts node attributes).
  const learned = learn.map((t) => ids.get(t.key)!).filter((id) => id !== undefined);
  const createdIds = new Set(created.map((t) => ids.get(t.key)!));
  return { ids, created: [...createdIds, ...learned], createdIds, privateTo };
}

interface PairDelta {
  from: number;
  to: number;
  count: number;
  sets: number;
  /** Distinct performers of the sets that brought this pair. */
  djs: Set<number>;
  minDate: string | null;
  maxDate: string | null;
}

function aggregatePairs(
  occurrences: { setId: number; from: number; to: number }[],
  performersBySet: Map<number, number[]>,
  dateBySet: Map<number, string | null>,
): PairDelta[] {
  const pairs = new Map<string, PairDelta & { seenSets: Set<number> }>();
  for (const o of occurrences) {
    const k = pairKey(o.from, o.to);
    let p = pairs.get(k);
    if (!p) {
      p = {
        from: o.from,
        to: o.to,
        count: 0,
        sets: 0,
        djs: new Set(),
        minDate: null,
        maxDate: null,
        seenSets: new Set(),
      };
      pairs.set(k, p);
    }
    p.count++;
    if (p.seenSets.has(o.setId)) continue;
    p.seenSets.add(o.setId);
    p.sets++;
    for (const dj of performersBySet.get(o.setId) ?? []) p.djs.add(dj);
    const d = dateBySet.get(o.setId) ?? null;
    if (d !== null) {
      if (p.minDate === null || d < p.minDate) p.minDate = d;
      if (p.maxDate === null || d > p.maxDate) p.maxDate = d;
    }
  }
  return [...pairs.values()];
}

/**
 * Sets dj_count (distinct performers) and the first/last dates of these pairs from their evidence
 * (set_transitions of the sets stored now, with their performers and dates): exact whatever came before.
 */
export async function recountFromEvidence(
  tx: Queryable,
  pairs: readonly { from: number; to: number }[],
  what: 'djs' | 'djs and dates',
): Promise<void> {
  if (pairs.length === 0) return;
  const dates = what === 'djs and dates';
  await tx.query(
    `UPDATE transitions tr SET dj_count = x.dj${dates ? ', first_date = x.mn, last_date = x.mx' : ''}
     FROM (SELECT st.from_track_id AS f, st.to_track_id AS t, count(DISTINCT sp.artist_id)::int AS dj
                  ${dates ? ', min(s.played_on) AS mn, max(s.played_on) AS mx' : ''}
           FROM unnest($1::int[], $2::int[]) AS d(f, t)
           JOIN set_transitions st ON st.from_track_id = d.f AND st.to_track_id = d.t
           ${dates ? 'JOIN sets s ON s.id = st.set_id' : ''}
           LEFT JOIN set_performers sp ON sp.set_id = st.set_id
           GROUP BY 1, 2) x
     WHERE tr.from_track_id = x.f AND tr.to_track_id = x.t`,
    [pairs.map((p) => p.from), pairs.map((p) => p.to)],
  );
}

/**
 * Adds the evidence of newly stored sets (already in set_transitions and set_performers) to the
 * aggregates. A pair this statement creates gets its DJ count from the batch; a pair that existed is
 * counted again from its evidence, because a DJ of this batch may have played it before (distinct
 * counts cannot be added up).
 */
async function addTransitions(tx: Queryable, deltas: PairDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const upserted = await tx.query<{ f: number; t: number; inserted: boolean }>(
    `INSERT INTO transitions (from_track_id, to_track_id, count, set_count, dj_count, first_date, last_date)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::date[], $7::date[])
     ON CONFLICT (from_track_id, to_track_id) DO UPDATE SET
       count = transitions.count + EXCLUDED.count,
       set_count = transitions.set_count + EXCLUDED.set_count,
       first_date = LEAST(transitions.first_date, EXCLUDED.first_date),
       last_date = GREATEST(transitions.last_date, EXCLUDED.last_date)
     RETURNING from_track_id AS f, to_track_id AS t, (xmax = 0) AS inserted`,
    [
      deltas.map((d) => d.from),
      deltas.map((d) => d.to),
      deltas.map((d) => d.count),
      deltas.map((d) => d.sets),
      deltas.map((d) => d.djs.size),
      deltas.map((d) => d.minDate),
      deltas.map((d) => d.maxDate),
    ],
  );
  // Only where this batch brought a DJ can the count change.
  const withDjs = new Set(deltas.filter((d) => d.djs.size > 0).map((d) => pairKey(d.from, d.to)));
  const existed = upserted.filter((r) => !r.inserted && withDjs.has(pairKey(r.f, r.t)));
  await recountFromEvidence(
    tx,
    existed.map((r) => ({ from: r.f, to: r.t })),
    'djs',
  );
}

/**
 * Takes the evidence of sets out of the aggregates and deletes their entries (the sets stay).
 * Used when a changed set is imported again: exact, because set_transitions says what each set added.
 */
export async function removeSetEvidence(tx: Queryable, setIds: number[]): Promise<[number, number][]> {
  if (setIds.length === 0) return [];
  const removed = await tx.query<{ set_id: number; f: number; t: number }>(
    `DELETE FROM set_transitions WHERE set_id = ANY($1)
     RETURNING set_id, from_track_id AS f, to_track_id AS t`,
    [setIds],
  );
  const deltas = aggregatePairs(
    removed.map((r) => ({ setId: r.set_id, from: r.f, to: r.t })),
    new Map(),
    new Map(),
  );
  if (deltas.length > 0) {
    const froms = deltas.map((d) => d.from);
    const tos = deltas.map((d) => d.to);
    const left = await tx.query<{ f: number; t: number; count: number }>(
      `UPDATE transitions tr SET count = tr.count - d.c, set_count = tr.set_count - d.s
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS d(f, t, c, s)
       WHERE tr.from_track_id = d.f AND tr.to_track_id = d.t
       RETURNING tr.from_track_id AS f, tr.to_track_id AS t, tr.count`,
      [froms, tos, deltas.map((d) => d.count), deltas.map((d) => d.sets)],
    );
    await tx.query(
      `DELETE FROM transitions tr USING unnest($1::int[], $2::int[]) AS d(f, t)
       WHERE tr.from_track_id = d.f AND tr.to_track_id = d.t AND tr.count <= 0`,
      [froms, tos],
    );
    // DJ counts and first/last dates cannot be decremented: count them again from what remains.
    await recountFromEvidence(
      tx,
      left.filter((r) => r.count > 0).map((r) => ({ from: r.f, to: r.t })),
      'djs and dates',
    );
  }
  await tx.query('DELETE FROM set_entries WHERE set_id = ANY($1)', [setIds]);
  await tx.query('DELETE FROM set_performers WHERE set_id = ANY($1)', [setIds]);
  return deltas.map((d) => [d.from, d.to]);
}

/** Stores a batch of sets: identities, sets, entries, transitions. Run it inside a transaction. */
export async function writeSetBatch(tx: Queryable, batch: BatchWrite): Promise<BatchResult> {
  // Every read here probes by key. With the default random_page_cost (4, priced for spinning disks) the
  // planner turned those probes into hash joins over whole tables once they held a few hundred thousand
  // rows (3–5× slower at 670 K entries on PGlite, measured with EXPLAIN ANALYZE; docs/ingest.md). The
  // setting is local to this transaction.
  await tx.query(`SELECT set_config('random_page_cost', '1.1', true)`);
  const owner = batch.owner ?? null;
  const externalIdOf = (s: SetWrite) => ownedExternalId(owner?.userId, s.externalId);
  const sourceIds = await upsertSources(tx, [...new Set(batch.sets.map((s) => s.sourceName))]);
  const artistIds = await upsertArtists(tx, batch.artists);
  const {
    ids: trackIds,
    created,
    createdIds,
    privateTo,
  } = await upsertTracks(tx, batch.tracks, artistIds, owner?.private === true);

  // Which sets are new, which changed, which are the same as stored (a no-op).
  const existing = await tx.query<{
    id: number;
    source_id: number;
    external_id: string;
    content_hash: string;
    visibility: 'public' | 'private';
  }>(
    `SELECT s.id, s.source_id, s.external_id, s.content_hash, s.visibility FROM sets s
     JOIN unnest($1::int[], $2::text[]) AS k(src, ext) ON s.source_id = k.src AND s.external_id = k.ext`,
    [batch.sets.map((s) => sourceIds.get(s.sourceName)!), batch.sets.map(externalIdOf)],
  );
  const existingByKey = new Map(existing.map((e) => [`${e.source_id}\u0000${e.external_id}`, e]));
  const requested: 'public' | 'private' = owner?.private ? 'private' : 'public';
  const fresh: SetWrite[] = [];
  const changed: { set: SetWrite; id: number; visibility: 'public' | 'private' }[] = [];
  let unchanged = 0;
  for (const s of batch.sets) {
    const e = existingByKey.get(`${sourceIds.get(s.sourceName)}\u0000${externalIdOf(s)}`);
    if (!e) fresh.push(s);
    else if (e.content_hash === s.contentHash) unchanged++;
    // A set already public stays public (its evidence is part of the shared graph); a private one
    // re-imported as public is shared.
    else changed.push({ set: s, id: e.id, visibility: e.visibility === 'public' ? 'public' : requested });
  }

  const changedPairs = new Map<string, [number, number]>();
  for (const p of await removeSetEvidence(
    tx,
    changed.map((c) => c.id),
  )) {
    changedPairs.set(pairKey(p[0], p[1]), p);
  }
  if (changed.length > 0) {
    const cs = changed.map((c) => c.set);
    await tx.query(
      `UPDATE sets s SET content_hash = d.h, url = d.url, title = d.title, kind = d.kind, event = d.event,
         venue = d.venue, played_on = d.played_on, date_precision = d.prec, entry_count = d.n,
         visibility = d.vis, updated_at = now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[],
                   $9::text[], $10::int[], $11::text[]) AS d(id, h, url, title, kind, event, venue, played_on, prec, n, vis)
       WHERE s.id = d.id`,
      [
        changed.map((c) => c.id),
        cs.map((s) => s.contentHash),
        cs.map((s) => s.url),
        cs.map((s) => s.title),
        cs.map((s) => s.kind),
        cs.map((s) => s.event),
        cs.map((s) => s.venue),
        cs.map((s) => s.playedOn),
        cs.map((s) => s.datePrecision),
        cs.map((s) => s.entries.length),
        changed.map((c) => c.visibility),
      ],
    );
  }
  const freshRows =
    fresh.length === 0
      ? []
      : await tx.query<{ id: number; source_id: number; external_id: string }>(
          `INSERT INTO sets (source_id, external_id, content_hash, url, title, kind, event, venue, played_on,
                             date_precision, entry_count, owner_id, visibility)
           SELECT *, $12::int, $13::text FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[],
                                $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], $11::int[])
           RETURNING id, source_id, external_id`,
          [
            fresh.map((s) => sourceIds.get(s.sourceName)!),
            fresh.map(externalIdOf),
            fresh.map((s) => s.contentHash),
            fresh.map((s) => s.url),
            fresh.map((s) => s.title),
            fresh.map((s) => s.kind),
            fresh.map((s) => s.event),
            fresh.map((s) => s.venue),
            fresh.map((s) => s.playedOn),
            fresh.map((s) => s.datePrecision),
            fresh.map((s) => s.entries.length),
            owner?.userId ?? null,
            requested,
          ],
        );
  const freshIds = new Map(freshRows.map((r) => [`${r.source_id}\u0000${r.external_id}`, r.id]));
  const stored: StoredSet[] = [
    ...changed,
    ...fresh.map((set) => ({
      set,
      id: freshIds.get(`${sourceIds.get(set.sourceName)}\u0000${externalIdOf(set)}`)!,
      visibility: requested,
    })),
  ];
  await writeSetContents(tx, stored, artistIds, trackIds, changedPairs);
  const visibleNow = await markPrivateTracks(tx, batch, stored, owner, { trackIds, createdIds, privateTo });
  return {
    inserted: fresh.length,
    replaced: changed.length,
    unchanged,
    entries: stored.reduce((n, s) => n + s.set.entries.length, 0),
    // The graph holds public tracks only: a track only a private set knows is not announced to it.
    newTrackIds: [
      ...new Set([...created.filter((id) => !visibleNow.stillPrivate.has(id)), ...visibleNow.cleared]),
    ],
    changedPairs: [...changedPairs.values()],
  };
}

type StoredSet = { set: SetWrite; id: number; visibility: 'public' | 'private' };

/**
 * Keeps tracks.private_to right after a batch: tracks a private set created are its owner's alone; a
 * private set that plays a track already private to others adds its owner; a public set makes every
 * track it plays (and their mashup parts) public. Known tracks' privacy came with their lookup, so a
 * public import of known public tracks costs no statement here.
 */
async function markPrivateTracks(
  tx: Queryable,
  batch: BatchWrite,
  stored: StoredSet[],
  owner: SetOwner | null,
  t: { trackIds: Map<string, number>; createdIds: Set<number>; privateTo: Map<number, number[]> },
): Promise<{ stillPrivate: Set<number>; cleared: number[] }> {
  const componentsOf = new Map(batch.tracks.map((w) => [w.key, w.components]));
  const played = (sets: StoredSet[]) => {
    const ids = new Set<number>();
    const add = (key: string) => {
      const id = t.trackIds.get(key);
      if (id !== undefined) ids.add(id);
    };
    for (const { set } of sets)
      for (const e of set.entries) {
        if (e.trackKey === null) continue;
        add(e.trackKey);
        for (const c of componentsOf.get(e.trackKey) ?? []) add(c);
      }
    return ids;
  };
  const publicIds = played(stored.filter((s) => s.visibility === 'public'));
  const stillPrivate = new Set<number>();
  if (owner?.private) {
    const privateSets = stored.filter((s) => s.visibility === 'private');
    const mine = [...played(privateSets)].filter(
      (id) => !publicIds.has(id) && (t.createdIds.has(id) || t.privateTo.has(id)),
    );
    // Tracks created by this batch but not played by a stored set (the batch's sets were unchanged,
    // so nothing plays them yet) stay private too: nothing public knows them.
    for (const id of t.createdIds) if (!publicIds.has(id) && !mine.includes(id)) mine.push(id);
    for (const id of mine) stillPrivate.add(id);
    const add = mine.filter((id) => !(t.privateTo.get(id) ?? []).includes(owner.userId));
    if (add.length > 0)
      await tx.query(
        `UPDATE tracks t SET private_to = CASE WHEN t.private_to IS NULL THEN ARRAY[$2::int]
                                               ELSE array_append(t.private_to, $2::int) END
         FROM unnest($1::int[]) AS n(id) WHERE t.id = n.id`,
        [add, owner.userId],
      );
  }
  const clear = [...publicIds].filter((id) => t.privateTo.has(id));
  if (clear.length > 0)
    await tx.query(
      'UPDATE tracks t SET private_to = NULL FROM unnest($1::int[]) AS n(id) WHERE t.id = n.id',
      [clear],
    );
  return { stillPrivate, cleared: clear };
}

async function writeSetContents(
  tx: Queryable,
  stored: StoredSet[],
  artistIds: Map<string, number>,
  trackIds: Map<string, number>,
  changedPairs: Map<string, [number, number]>,
): Promise<void> {
  if (stored.length === 0) return;
  const performersBySet = new Map<number, number[]>();
  const perf: [number, number, number][] = [];
  for (const { set, id } of stored) {
    const ids = [...new Set(set.performerKeys.map((k) => artistIds.get(k)).filter((a) => a !== undefined))];
    performersBySet.set(id, ids);
    ids.forEach((a, i) => {
      perf.push([id, a, i + 1]);
    });
  }
  if (perf.length > 0) {
    await tx.copyRows(
      'set_performers',
      ['set_id', 'artist_id', 'position'],
      [perf.map((p) => p[0]), perf.map((p) => p[1]), perf.map((p) => p[2])],
    );
  }
  const e = stored.flatMap(({ set, id }) => set.entries.map((entry) => ({ id, entry })));
  const col = <T>(f: (x: EntryWrite) => T) => e.map((x) => f(x.entry));
  // New rows only (a replaced set's entries were deleted first): appended with COPY.
  await tx.copyRows(
    'set_entries',
    [
      'set_id',
      'position',
      'line',
      'raw',
      'artist',
      'title',
      'version',
      'label',
      'catalog_number',
      'cue_seconds',
      'bpm',
      'camelot_key',
      'track_id',
      'unknown',
      'with_previous',
      'deck',
      'played_at',
      'issues',
    ],
    [
      e.map((x) => x.id),
      col((x) => x.position),
      col((x) => x.line),
      col((x) => x.raw),
      col((x) => x.artist),
      col((x) => x.title),
      col((x) => x.version),
      col((x) => x.label),
      col((x) => x.catalogNumber),
      col((x) => storedSeconds(x.cueSeconds)),
      col((x) => x.bpm),
      col((x) => x.camelotKey),
      col((x) => (x.trackKey === null ? null : (trackIds.get(x.trackKey) ?? null))),
      col((x) => x.unknown),
      col((x) => x.withPrevious),
      col((x) => x.deck),
      col((x) => x.playedAt),
      col((x) => (x.issues && x.issues.length > 0 ? JSON.stringify(x.issues) : null)),
    ],
  );

  // Private sets bring no transitions: their evidence stays out of the aggregates and the graph until shared.
  const occurrences: Occurrence[] = [];
  for (const { set, id, visibility } of stored) {
    if (visibility === 'private') continue;
    for (const t of set.transitions) {
      const from = trackIds.get(t.fromKey);
      const to = trackIds.get(t.toKey);
      if (from !== undefined && to !== undefined)
        occurrences.push({ setId: id, position: t.position, from, to });
    }
  }
  const dateBySet = new Map(stored.map(({ set, id }) => [id, set.playedOn]));
  await storeTransitions(tx, occurrences, performersBySet, dateBySet, changedPairs);
}

type Occurrence = { setId: number; position: number; from: number; to: number };

/**
 * Writes the per-set transitions of stored sets and adds them to the aggregates: what an import does
 * for a public set, and what sharing a private set does later (one implementation of both).
 */
async function storeTransitions(
  tx: Queryable,
  all: Occurrence[],
  performersBySet: Map<number, number[]>,
  dateBySet: Map<number, string | null>,
  changedPairs: Map<string, [number, number]>,
): Promise<void> {
  // Two spellings merged into one track would make a self-loop: not a transition.
  const occurrences = all.filter((o) => o.from !== o.to);
  if (occurrences.length === 0) return;
  await tx.copyRows(
    'set_transitions',
    ['set_id', 'position', 'from_track_id', 'to_track_id'],
    [
      occurrences.map((o) => o.setId),
      occurrences.map((o) => o.position),
      occurrences.map((o) => o.from),
      occurrences.map((o) => o.to),
    ],
  );
  const deltas = aggregatePairs(occurrences, performersBySet, dateBySet);
  await addTransitions(tx, deltas);
  for (const d of deltas) changedPairs.set(pairKey(d.from, d.to), [d.from, d.to]);
}

/** A stored entry as the chain of transitions needs it: its track (merges followed), unknown, `w/`. */
export type ChainEntry = {
  position: number;
  trackId: number | null;
  withPrevious: boolean;
};

/** The entries of a set in order, for drawing its transitions again (sharing a private set). */
export async function setChainEntries(q: Queryable, setId: number): Promise<ChainEntry[]> {
  return q.query<ChainEntry>(
    `SELECT e.position, coalesce(t.merged_into, t.id) AS "trackId", e.with_previous AS "withPrevious"
     FROM set_entries e LEFT JOIN tracks t ON t.id = e.track_id
     WHERE e.set_id = $1 ORDER BY e.position`,
    [setId],
  );
}

/**
 * Makes a private set public: adds its transitions (drawn by the caller from setChainEntries with the
 * import's own chain rules) exactly as an import of a public set would, and makes every track it plays
 * public. Returns null when the set is not private (already public, or missing).
 */
export async function publishSet(
  tx: Queryable,
  setId: number,
  transitions: { position: number; from: number; to: number }[],
): Promise<{ newTrackIds: number[]; changedPairs: [number, number][] } | null> {
  const [s] = await tx.query<{ played_on: string | null }>(
    `UPDATE sets SET visibility = 'public', updated_at = now() WHERE id = $1 AND visibility = 'private'
     RETURNING played_on::text AS played_on`,
    [setId],
  );
  if (!s) return null;
  const cleared = await tx.query<{ id: number }>(
    `UPDATE tracks t SET private_to = NULL
     WHERE t.private_to IS NOT NULL AND t.id IN (
       SELECT coalesce(m.merged_into, m.id) FROM set_entries e JOIN tracks m ON m.id = e.track_id WHERE e.set_id = $1
       UNION
       SELECT c.component_track_id FROM set_entries e JOIN track_components c ON c.track_id = e.track_id
       WHERE e.set_id = $1)
     RETURNING t.id`,
    [setId],
  );
  const performers = await tx.query<{ artist_id: number }>(
    'SELECT artist_id FROM set_performers WHERE set_id = $1 ORDER BY position',
    [setId],
  );
  const changedPairs = new Map<string, [number, number]>();
  await storeTransitions(
    tx,
    transitions.map((t) => ({ setId, ...t })),
    new Map([[setId, performers.map((p) => p.artist_id)]]),
    new Map([[setId, s.played_on]]),
    changedPairs,
  );
  return { newTrackIds: cleared.map((r) => r.id), changedPairs: [...changedPairs.values()] };
}

/** Deletes every set of a source with its evidence, then the tracks and artists nothing refers to any more. */
export async function deleteSetsOfSource(tx: Queryable, sourceName: string): Promise<number> {
  const ids = (
    await tx.query<{ id: number }>(
      'SELECT s.id FROM sets s JOIN sources src ON src.id = s.source_id WHERE src.name = $1',
      [sourceName],
    )
  ).map((r) => r.id);
  await deleteSets(tx, ids);
  return ids.length;
}

/**
 * Deletes sets with their evidence: the aggregates are corrected exactly as when a set is replaced
 * (removeSetEvidence), then tracks and artists nothing refers to any more go too. Returns the pairs
 * whose aggregates changed, for the graph index.
 */
export async function deleteSets(tx: Queryable, ids: number[]): Promise<[number, number][]> {
  if (ids.length === 0) return [];
  const changed = await removeSetEvidence(tx, ids);
  await tx.query('DELETE FROM sets WHERE id = ANY($1)', [ids]);
  // The evidence tables have no foreign keys (see schema.ts): a deleted track's credits and parts go here.
  await tx.query(
    `WITH gone AS (
       DELETE FROM tracks t
       WHERE NOT EXISTS (SELECT 1 FROM set_entries e WHERE e.track_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM transitions r WHERE r.from_track_id = t.id OR r.to_track_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM track_components c WHERE c.component_track_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM tracks o WHERE o.original_track_id = t.id OR o.merged_into = t.id)
       RETURNING t.id),
     credits AS (DELETE FROM track_artists ta USING gone WHERE ta.track_id = gone.id)
     DELETE FROM track_components c USING gone WHERE c.track_id = gone.id`,
  );
  await tx.query(
    `DELETE FROM artists a
     WHERE NOT EXISTS (SELECT 1 FROM track_artists ta WHERE ta.artist_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM set_performers sp WHERE sp.artist_id = a.id)`,
  );
  return changed;
}

/**
 * Deletes a track: the lines that named it stay in their sets as unknown entries (raw text kept), so
 * the chains through it break exactly as an unidentified track breaks them; every transition to or
 * from it goes. Refused (null) while other tracks are merged into it: split those merges first.
 */
export async function deleteTrack(
  tx: Queryable,
  id: number,
): Promise<{ entries: number; changedPairs: [number, number][] } | null> {
  const merged = await tx.query('SELECT 1 FROM tracks WHERE merged_into = $1 LIMIT 1', [id]);
  if (merged.length > 0) return null;
  const entries = await tx.query(
    'UPDATE set_entries SET track_id = NULL, unknown = true WHERE track_id = $1 RETURNING set_id',
    [id],
  );
  const pairs = await tx.query<{ f: number; t: number }>(
    `DELETE FROM transitions WHERE from_track_id = $1 OR to_track_id = $1
     RETURNING from_track_id AS f, to_track_id AS t`,
    [id],
  );
  await tx.query('DELETE FROM set_transitions WHERE from_track_id = $1 OR to_track_id = $1', [id]);
  await tx.query('UPDATE tracks SET original_track_id = NULL WHERE original_track_id = $1', [id]);
  await tx.query('DELETE FROM track_artists WHERE track_id = $1', [id]);
  await tx.query('DELETE FROM track_components WHERE track_id = $1 OR component_track_id = $1', [id]);
  await tx.query('DELETE FROM dedupe_candidates WHERE track_id = $1 OR candidate_track_id = $1', [id]);
  await tx.query('DELETE FROM tracks WHERE id = $1', [id]);
  return { entries: entries.length, changedPairs: pairs.map((p) => [p.f, p.t]) };
}

/** The tables ingest writes and reads back by key: their statistics decide the plans of writeSetBatch. */
const EVIDENCE_TABLES = [
  'sources',
  'artists',
  'artist_aliases',
  'tracks',
  'track_artists',
  'sets',
  'set_performers',
  'set_entries',
  'set_transitions',
  'transitions',
];

/**
 * Refreshes the planner's statistics of the ingest tables (ANALYZE samples a bounded number of rows per
 * table). PGlite has no autovacuum; PostgreSQL's may lag behind a bulk import. One statement per table:
 * on the embedded database a statement holds the connection (and, in-thread, the event loop) to its
 * end, and all ten in one took 520 ms on a 500-set database where the largest table alone takes a third.
 */
export async function analyzeEvidence(db: Queryable): Promise<void> {
  for (const table of EVIDENCE_TABLES) await db.exec(`ANALYZE ${table}`);
}

/**
 * Whether the statistics are missing or stale after `entries` new set entries: never gathered, or the
 * new entries are at least a tenth of what they last counted (autovacuum's own analyze rule, which
 * PGlite lacks). Without them the planner guesses: on the 400-set demo a track page's play count
 * scanned every set (7.5 ms) where the index takes 0.2 ms.
 */
export async function evidenceStatsStale(db: Queryable, entries: number): Promise<boolean> {
  const [r] = await db.query<{ n: number }>(
    `SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'set_entries' AND relkind IN ('r', 'p')`,
  );
  const counted = Number(r?.n ?? -1);
  return counted < 0 || entries >= Math.max(50, counted * 0.1);
}
