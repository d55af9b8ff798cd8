// Near-duplicate tracks: trigram candidates, review candidates, merges and splits with provenance.
// A merge moves a track's evidence (set entries, per-set transitions) to the track it is folded into
// and records exactly what it moved, so a split can put it all back; the aggregates (transitions) are
// never patched by hand here but rebuilt from the evidence by recomputeTransitions.
import type { BlockingTrack } from '@songnodes/core';
import type { Database, Queryable } from '../database.ts';
import { insertAudit } from './audit.ts';

/** A track as stored, with what is needed to rebuild its parse (core's scorer). */
export interface ScoringTrack {
  id: number;
  artistName: string;
  title: string;
  version: string | null;
  versionKind: string;
  primaryArtists: string[];
  featuredArtists: string[];
  remixers: string[];
}

/** A track as stored, with its parse and the evidence that decides which spelling a merge keeps. */
export interface StoredTrack extends ScoringTrack {
  /** Set entries naming this track: how often this spelling was seen. */
  plays: number;
  /** Set entries naming any track with one of this track's primary artists: how often its artist spelling was seen. */
  artistPlays: number;
  /** Distinct DJs (set performers) who played this track. */
  djs: number;
}

/** A problem with a merge or split request: `not_found` (no such track/merge) or `invalid`. */
export class DedupeError extends Error {
  readonly code: 'not_found' | 'invalid';
  constructor(code: 'not_found' | 'invalid', message: string) {
    super(message);
    this.name = 'DedupeError';
    this.code = code;
  }
}

const pairKey = (a: number, b: number) => `${a}:${b}`;

/**
 * Rebuilds the aggregate (transitions) of every pair touching these tracks from the
 * evidence (set_transitions, set_performers, sets.played_on). Exact whatever happened to the evidence.
 * Returns every pair whose aggregate row was removed, changed or created.
 */
export async function recomputeTransitions(tx: Queryable, trackIds: number[]): Promise<[number, number][]> {
  if (trackIds.length === 0) return [];
  const ids = [...new Set(trackIds)];
  const touched = new Map<string, [number, number]>();
  const note = (rows: { f: number; t: number }[]) => {
    for (const r of rows) touched.set(pairKey(r.f, r.t), [r.f, r.t]);
  };
  note(
    await tx.query<{ f: number; t: number }>(
      `DELETE FROM transitions WHERE from_track_id = ANY($1::int[]) OR to_track_id = ANY($1::int[])
       RETURNING from_track_id AS f, to_track_id AS t`,
      [ids],
    ),
  );
  note(
    await tx.query<{ f: number; t: number }>(
      `INSERT INTO transitions (from_track_id, to_track_id, count, set_count, dj_count, first_date, last_date)
       SELECT st.from_track_id, st.to_track_id, count(*), count(DISTINCT st.set_id),
              (SELECT count(DISTINCT sp.artist_id) FROM set_transitions s2
               JOIN set_performers sp ON sp.set_id = s2.set_id
               WHERE s2.from_track_id = st.from_track_id AND s2.to_track_id = st.to_track_id),
              min(s.played_on), max(s.played_on)
       FROM set_transitions st JOIN sets s ON s.id = st.set_id
       WHERE st.from_track_id = ANY($1::int[]) OR st.to_track_id = ANY($1::int[])
       GROUP BY 1, 2
       RETURNING from_track_id AS f, to_track_id AS t`,
      [ids],
    ),
  );
  return [...touched.values()];
}

// Blocking (core's blocking.ts) needs each track's keys and its credited artists' keys, nothing else.
const BLOCKING_COLUMNS = `t.id, t.title_key, t.version_kind, t.is_mashup,
  coalesce((SELECT array_agg(a.key ORDER BY ta.position) FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
            WHERE ta.track_id = t.id AND ta.role = 'primary'), '{}') AS primary_keys,
  coalesce((SELECT array_agg(a.key ORDER BY ta.position) FROM track_artists ta JOIN artists a ON a.id = ta.artist_id
            WHERE ta.track_id = t.id AND ta.role = 'featured'), '{}') AS featured_keys`;

// Tracks known only from private sets take no part: a merge would join a user's private track with
// public evidence (and show it in public sets).
const DEDUPABLE = 't.merged_into IS NULL AND t.private_to IS NULL';

type BlockingRow = {
  id: number;
  title_key: string;
  version_kind: string;
  is_mashup: boolean;
  primary_keys: string[];
  featured_keys: string[];
};

const blockingTrack = (r: BlockingRow): BlockingTrack => ({
  id: r.id,
  titleKey: r.title_key,
  versionKind: r.version_kind,
  isMashup: r.is_mashup,
  primaryKeys: r.primary_keys,
  featuredKeys: r.featured_keys,
});

/** Live public tracks with `afterId < id <= throughId`, in id order, as blocking sees them: a page of a full scan. */
export async function blockingTracksPage(
  q: Queryable,
  afterId: number,
  throughId: number,
  limit: number,
): Promise<BlockingTrack[]> {
  const rows = await q.query<BlockingRow>(
    `SELECT ${BLOCKING_COLUMNS} FROM tracks t
     WHERE t.id > $1 AND t.id <= $2 AND ${DEDUPABLE} ORDER BY t.id LIMIT $3`,
    [afterId, throughId, limit],
  );
  return rows.map(blockingTrack);
}

/** These tracks, if live and public, as blocking sees them. */
export async function blockingTracksOf(q: Queryable, ids: number[]): Promise<BlockingTrack[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<BlockingRow>(
    `SELECT ${BLOCKING_COLUMNS} FROM tracks t WHERE t.id = ANY($1::int[]) AND ${DEDUPABLE} ORDER BY t.id`,
    [ids],
  );
  return rows.map(blockingTrack);
}

/**
 * Every live public track in a block of these keys: credited (primary or featured) to one of the
 * artists, or with one of the title keys. Both are btree lookups (track_artists_artist_idx,
 * tracks_title_key_idx); core's BlockIndex then applies the rule to what comes back.
 */
export async function blockMembers(
  q: Queryable,
  artistKeys: string[],
  titleKeys: string[],
): Promise<BlockingTrack[]> {
  if (artistKeys.length === 0 && titleKeys.length === 0) return [];
  const rows = await q.query<BlockingRow>(
    `SELECT ${BLOCKING_COLUMNS} FROM tracks t
     WHERE t.id IN (SELECT ta.track_id FROM artists a JOIN track_artists ta ON ta.artist_id = a.id
                    WHERE a.key = ANY($1::text[]) AND ta.role <> 'remixer'
                    UNION SELECT x.id FROM tracks x WHERE x.title_key = ANY($2::text[]))
       AND ${DEDUPABLE}`,
    [artistKeys, titleKeys],
  );
  return rows.map(blockingTrack);
}

/**
 * Which of these pairs (`[lo, hi]`) a person rejected (or split): never proposed again. Returned as
 * `lo:hi` strings. Looked up by the pair's primary key, so the cost is per pair asked about, not per
 * review row stored.
 */
export async function rejectedPairs(q: Queryable, pairs: [number, number][]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await q.query<{ a: number; b: number }>(
    `SELECT c.track_id AS a, c.candidate_track_id AS b
     FROM unnest($1::int[], $2::int[]) AS p(lo, hi)
     JOIN dedupe_candidates c ON c.track_id = p.lo AND c.candidate_track_id = p.hi
     WHERE c.status = 'rejected'`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return new Set(rows.map((r) => pairKey(r.a, r.b)));
}

/** Live (not merged) track ids after `afterId`, in id order: for scanning every track in batches. */
export async function liveTrackIds(q: Queryable, afterId: number, limit: number): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    'SELECT id FROM tracks WHERE id > $1 AND merged_into IS NULL ORDER BY id LIMIT $2',
    [afterId, limit],
  );
  return rows.map((r) => r.id);
}

/** Tracks with their credits by role (in credit order). */
export async function scoringTracks(q: Queryable, ids: number[]): Promise<ScoringTrack[]> {
  if (ids.length === 0) return [];
  const credit = (role: string) =>
    `coalesce((SELECT array_agg(a.name ORDER BY ta.position) FROM track_artists ta
               JOIN artists a ON a.id = ta.artist_id WHERE ta.track_id = t.id AND ta.role = '${role}'), '{}')`;
  const rows = await q.query<{
    id: number;
    artist_name: string;
    title: string;
    version: string | null;
    version_kind: string;
    primary_artists: string[];
    featured_artists: string[];
    remixers: string[];
  }>(
    `SELECT t.id, t.artist_name, t.title, t.version, t.version_kind,
            ${credit('primary')} AS primary_artists, ${credit('featured')} AS featured_artists,
            ${credit('remixer')} AS remixers
     FROM tracks t WHERE t.id = ANY($1::int[])`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    artistName: r.artist_name,
    title: r.title,
    version: r.version,
    versionKind: r.version_kind,
    primaryArtists: r.primary_artists,
    featuredArtists: r.featured_artists,
    remixers: r.remixers,
  }));
}

/** The evidence that decides which spelling a merge keeps (see StoredTrack). */
export type TrackEvidence = Pick<StoredTrack, 'plays' | 'artistPlays' | 'djs'>;

/**
 * Play counts of tracks, by id. They cost far more than the credits (an artist's plays read every set
 * entry of every track of the artist), so scoring reads credits alone (scoringTracks) and these only
 * for the pairs it keeps.
 */
export async function trackEvidence(q: Queryable, ids: number[]): Promise<Map<number, TrackEvidence>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; plays: number; artist_plays: number; djs: number }>(
    `SELECT t.id,
            (SELECT count(*) FROM set_entries e WHERE e.track_id = t.id)::int AS plays,
            (SELECT count(*) FROM track_artists x
             JOIN track_artists y ON y.artist_id = x.artist_id AND y.role = 'primary'
             JOIN set_entries e ON e.track_id = y.track_id
             WHERE x.track_id = t.id AND x.role = 'primary')::int AS artist_plays,
            (SELECT count(DISTINCT sp.artist_id) FROM set_entries e
             JOIN set_performers sp ON sp.set_id = e.set_id WHERE e.track_id = t.id)::int AS djs
     FROM tracks t WHERE t.id = ANY($1::int[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { plays: r.plays, artistPlays: r.artist_plays, djs: r.djs }]));
}

/** Records pairs for review (stored with the lower id first). A pair already decided keeps its decision. */
export async function recordCandidates(
  q: Queryable,
  rows: { trackId: number; candidateTrackId: number; score: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const lo = rows.map((r) => Math.min(r.trackId, r.candidateTrackId));
  const hi = rows.map((r) => Math.max(r.trackId, r.candidateTrackId));
  const written = await q.query(
    `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score)
     SELECT * FROM unnest($1::int[], $2::int[], $3::float8[])
     ON CONFLICT (track_id, candidate_track_id) DO UPDATE SET score = EXCLUDED.score
       WHERE dedupe_candidates.status = 'open'
     RETURNING track_id`,
    [lo, hi, rows.map((r) => r.score)],
  );
  return written.length;
}

/**
 * Who merged, split or rejected: a name (`dedupe` for automatic merges), or a person as the services
 * know them, so the audit entry carries their account and the request id like every other one.
 */
export type DedupeActor =
  | string
  | { label: string; userId: number | null; requestId: string | null; ip: string | null };

const actorLabel = (a: DedupeActor) => (typeof a === 'string' ? a : a.label);

export interface MergeRequest {
  keptId: number;
  mergedId: number;
  score: number | null;
  method: 'auto' | 'manual';
  actor: DedupeActor;
}

export interface MergeResult {
  mergeId: number;
  entriesMoved: number;
  /** set_transitions rows rewritten to the kept track. */
  transitionsRewritten: number;
  /** set_transitions rows dropped because they became self-loops of the kept track. */
  selfLoopsDropped: number;
  /** Aggregate pairs that changed (for the graph index). */
  changedPairs: [number, number][];
}

/** The audit entry of a merge, split or rejection (actions named as in services/auth/audit-service.ts). */
function audit(
  tx: Queryable,
  actor: DedupeActor,
  action: string,
  target: string,
  details: Record<string, unknown>,
) {
  const who = typeof actor === 'string' ? { label: actor, userId: null, requestId: null, ip: null } : actor;
  return insertAudit(tx, {
    actor: who.label,
    actorUserId: who.userId,
    action,
    target,
    requestId: who.requestId,
    ip: who.ip,
    details,
  });
}

/** Folds one track into another in one transaction, keeping what was moved for a later split. */
export async function mergeTracks(db: Database, m: MergeRequest): Promise<MergeResult> {
  if (m.keptId === m.mergedId) throw new DedupeError('invalid', `cannot merge track ${m.keptId} into itself`);
  return db.transaction(async (tx) => {
    const found = await tx.query<{ id: number; merged_into: number | null; private: boolean }>(
      `SELECT id, merged_into, private_to IS NOT NULL AS private FROM tracks WHERE id = ANY($1::int[])
       ORDER BY id FOR UPDATE`,
      [[m.keptId, m.mergedId]],
    );
    for (const id of [m.keptId, m.mergedId]) {
      const t = found.find((r) => r.id === id);
      // A track only private sets know is not part of the shared catalogue that merges act on.
      if (!t || t.private) throw new DedupeError('not_found', `no track ${id}`);
      if (t.merged_into !== null)
        throw new DedupeError('invalid', `track ${id} is already merged into track ${t.merged_into}`);
    }
    const [merge] = await tx.query<{ id: number }>(
      `INSERT INTO track_merges (kept_track_id, merged_track_id, score, method, actor)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [m.keptId, m.mergedId, m.score, m.method, actorLabel(m.actor)],
    );
    const mergeId = merge!.id;
    const moved = await tx.query(
      `INSERT INTO track_merge_entries (merge_id, set_id, position)
       SELECT $1, set_id, position FROM set_entries WHERE track_id = $2 RETURNING set_id`,
      [mergeId, m.mergedId],
    );
    await tx.query(
      `INSERT INTO track_merge_transitions (merge_id, set_id, position, from_track_id, to_track_id)
       SELECT $1, set_id, position, from_track_id, to_track_id FROM set_transitions
       WHERE from_track_id = $2 OR to_track_id = $2`,
      [mergeId, m.mergedId],
    );
    await tx.query('UPDATE set_entries SET track_id = $1 WHERE track_id = $2', [m.keptId, m.mergedId]);
    // kept→merged and merged→kept would become kept→kept: a track played twice is not a transition.
    const dropped = await tx.query(
      `DELETE FROM set_transitions
       WHERE (from_track_id = $1 AND to_track_id = $2) OR (from_track_id = $2 AND to_track_id = $1)
       RETURNING set_id`,
      [m.keptId, m.mergedId],
    );
    const rewritten = await tx.query(
      `UPDATE set_transitions SET
         from_track_id = CASE WHEN from_track_id = $2 THEN $1 ELSE from_track_id END,
         to_track_id = CASE WHEN to_track_id = $2 THEN $1 ELSE to_track_id END
       WHERE from_track_id = $2 OR to_track_id = $2
       RETURNING set_id`,
      [m.keptId, m.mergedId],
    );
    await tx.query('UPDATE tracks SET merged_into = $1 WHERE id = $2', [m.keptId, m.mergedId]);
    // Tracks merged earlier into the merged one now live on in the kept one (ingest follows one hop).
    await tx.query('UPDATE tracks SET merged_into = $1 WHERE merged_into = $2', [m.keptId, m.mergedId]);
    await tx.query(
      `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score, status)
       VALUES (LEAST($1::int, $2::int), GREATEST($1::int, $2::int), $3, 'merged')
       ON CONFLICT (track_id, candidate_track_id) DO UPDATE SET status = 'merged'`,
      [m.keptId, m.mergedId, m.score ?? 0],
    );
    const changedPairs = await recomputeTransitions(tx, [m.keptId, m.mergedId]);
    const result = {
      mergeId,
      entriesMoved: moved.length,
      transitionsRewritten: rewritten.length,
      selfLoopsDropped: dropped.length,
    };
    await audit(tx, m.actor, 'tracks.merge', `track:${m.mergedId}`, {
      ...result,
      keptId: m.keptId,
      mergedId: m.mergedId,
      score: m.score,
      method: m.method,
    });
    return { ...result, changedPairs };
  });
}

export interface SplitResult {
  mergeId: number;
  keptId: number;
  mergedId: number;
  entriesRestored: number;
  transitionsRestored: number;
  /** Sets imported again since the merge: their evidence is what that import wrote, left as it is. */
  setsChangedSince: number;
  changedPairs: [number, number][];
}

/**
 * Undoes a merge exactly: the entries and per-set transitions it moved go back, the merged track lives
 * again, the aggregates are rebuilt, and the pair is marked rejected so dedupe does not merge it again.
 */
export async function splitMerge(db: Database, mergeId: number, actor: DedupeActor): Promise<SplitResult> {
  return db.transaction(async (tx) => {
    const [m] = await tx.query<{
      kept_track_id: number;
      merged_track_id: number;
      score: number | null;
      undone: boolean;
    }>(
      `SELECT kept_track_id, merged_track_id, score, undone_at IS NOT NULL AS undone
       FROM track_merges WHERE id = $1 FOR UPDATE`,
      [mergeId],
    );
    if (!m) throw new DedupeError('not_found', `no merge ${mergeId}`);
    if (m.undone) throw new DedupeError('invalid', `merge ${mergeId} was already split`);
    const kept = m.kept_track_id;
    const merged = m.merged_track_id;
    const [keptRow] = await tx.query<{ merged_into: number | null }>(
      'SELECT merged_into FROM tracks WHERE id = $1 FOR UPDATE',
      [kept],
    );
    if (keptRow && keptRow.merged_into !== null) {
      throw new DedupeError(
        'invalid',
        `track ${kept} was itself merged into track ${keptRow.merged_into} after merge ${mergeId}: split that merge first`,
      );
    }
    // A later merge that rewrote the same per-set transitions must be undone first, or this one's
    // records would no longer describe the rows they would overwrite.
    const [later] = await tx.query<{ id: number }>(
      `SELECT DISTINCT l.merge_id AS id FROM track_merge_transitions l
       JOIN track_merges lm ON lm.id = l.merge_id AND lm.undone_at IS NULL
       JOIN track_merge_transitions mine ON mine.set_id = l.set_id AND mine.position = l.position
       WHERE mine.merge_id = $1 AND l.merge_id > $1
       ORDER BY 1 DESC LIMIT 1`,
      [mergeId],
    );
    if (later) {
      throw new DedupeError(
        'invalid',
        `merge ${later.id} changed the same transitions after merge ${mergeId}: split merge ${later.id} first`,
      );
    }
    // Only sets untouched since the merge are restored; a set imported again holds new evidence.
    const unchanged = (setId: string) =>
      `EXISTS (SELECT 1 FROM sets s JOIN track_merges tm ON tm.id = $1
               WHERE s.id = ${setId} AND s.updated_at <= tm.created_at)`;
    const restored = await tx.query(
      `UPDATE set_entries e SET track_id = $2
       FROM track_merge_entries me
       WHERE me.merge_id = $1 AND e.set_id = me.set_id AND e.position = me.position AND e.track_id = $3
         AND ${unchanged('me.set_id')}
       RETURNING e.set_id`,
      [mergeId, merged, kept],
    );
    await tx.query(
      `DELETE FROM set_transitions st USING track_merge_transitions mt
       WHERE mt.merge_id = $1 AND st.set_id = mt.set_id AND st.position = mt.position
         AND ${unchanged('mt.set_id')}`,
      [mergeId],
    );
    const transitionsRestored = await tx.query(
      `INSERT INTO set_transitions (set_id, position, from_track_id, to_track_id)
       SELECT set_id, position, from_track_id, to_track_id FROM track_merge_transitions
       WHERE merge_id = $1 AND ${unchanged('set_id')}
       RETURNING set_id`,
      [mergeId],
    );
    const [changedSince] = await tx.query<{ n: number }>(
      `SELECT count(DISTINCT x.set_id)::int AS n FROM (
         SELECT set_id FROM track_merge_entries WHERE merge_id = $1
         UNION SELECT set_id FROM track_merge_transitions WHERE merge_id = $1) x
       WHERE NOT ${unchanged('x.set_id')}`,
      [mergeId],
    );
    await tx.query('UPDATE tracks SET merged_into = NULL WHERE id = $1', [merged]);
    // Tracks merged into the merged one before this merge follow it back.
    await tx.query(
      `UPDATE tracks SET merged_into = $1
       WHERE merged_into = $2 AND id IN (SELECT merged_track_id FROM track_merges
                                         WHERE kept_track_id = $1 AND undone_at IS NULL AND id < $3)`,
      [merged, kept, mergeId],
    );
    await tx.query('UPDATE track_merges SET undone_at = now() WHERE id = $1', [mergeId]);
    await tx.query(
      `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score, status)
       VALUES (LEAST($1::int, $2::int), GREATEST($1::int, $2::int), $3, 'rejected')
       ON CONFLICT (track_id, candidate_track_id) DO UPDATE SET status = 'rejected'`,
      [kept, merged, m.score ?? 0],
    );
    const changedPairs = await recomputeTransitions(tx, [kept, merged]);
    const result = {
      mergeId,
      keptId: kept,
      mergedId: merged,
      entriesRestored: restored.length,
      transitionsRestored: transitionsRestored.length,
      setsChangedSince: changedSince?.n ?? 0,
    };
    await audit(tx, actor, 'tracks.split', `track:${merged}`, result);
    return { ...result, changedPairs };
  });
}

/** Marks a review candidate as not a duplicate: dedupe will not propose it again. */
export async function rejectCandidate(
  db: Database,
  trackId: number,
  candidateTrackId: number,
  actor: DedupeActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE dedupe_candidates SET status = 'rejected'
       WHERE track_id = LEAST($1::int, $2::int) AND candidate_track_id = GREATEST($1::int, $2::int)
         AND status = 'open'
       RETURNING track_id`,
      [trackId, candidateTrackId],
    );
    if (rows.length === 0)
      throw new DedupeError('not_found', `no open candidate for tracks ${trackId} and ${candidateTrackId}`);
    await audit(tx, actor, 'tracks.reject', `track:${candidateTrackId}`, { trackId, candidateTrackId });
  });
}

export interface CandidateTrack {
  id: number;
  artist: string;
  title: string;
  version: string | null;
  plays: number;
}

export type CandidateListing = {
  score: number;
  createdAt: string;
  track: CandidateTrack;
  candidate: CandidateTrack;
};

const isoUtc = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const trackColumns = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'artist', ${alias}.artist_name, 'title', ${alias}.title,
     'version', ${alias}.version,
     'plays', (SELECT count(*) FROM set_entries e WHERE e.track_id = ${alias}.id))`;

/** Open review candidates (both tracks still live), most likely first. */
export async function listCandidates(
  q: Queryable,
  opts: { limit?: number; offset?: number } = {},
): Promise<CandidateListing[]> {
  return q.query<CandidateListing>(
    `SELECT c.score, ${isoUtc('c.created_at')} AS "createdAt",
            ${trackColumns('a')} AS track, ${trackColumns('b')} AS candidate
     FROM dedupe_candidates c
     JOIN tracks a ON a.id = c.track_id AND a.merged_into IS NULL
     JOIN tracks b ON b.id = c.candidate_track_id AND b.merged_into IS NULL
     WHERE c.status = 'open'
     ORDER BY c.score DESC, c.track_id, c.candidate_track_id
     LIMIT $1 OFFSET $2`,
    [opts.limit ?? 100, opts.offset ?? 0],
  );
}

export type MergeListing = {
  id: number;
  kept: { id: number; artist: string; title: string; version: string | null };
  merged: { id: number; artist: string; title: string; version: string | null };
  score: number | null;
  method: string;
  actor: string | null;
  createdAt: string;
  undoneAt: string | null;
  entriesMoved: number;
};

const trackRef = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'artist', ${alias}.artist_name, 'title', ${alias}.title, 'version', ${alias}.version)`;

/** Merges, newest first (split ones included, with undoneAt). */
export async function listMerges(
  q: Queryable,
  opts: { limit?: number; offset?: number } = {},
): Promise<MergeListing[]> {
  return q.query<MergeListing>(
    `SELECT m.id, ${trackRef('k')} AS kept, ${trackRef('d')} AS merged, m.score, m.method, m.actor,
            ${isoUtc('m.created_at')} AS "createdAt", ${isoUtc('m.undone_at')} AS "undoneAt",
            (SELECT count(*) FROM track_merge_entries me WHERE me.merge_id = m.id)::int AS "entriesMoved"
     FROM track_merges m
     JOIN tracks k ON k.id = m.kept_track_id
     JOIN tracks d ON d.id = m.merged_track_id
     ORDER BY m.id DESC
     LIMIT $1 OFFSET $2`,
    [opts.limit ?? 100, opts.offset ?? 0],
  );
}

const WATERMARK_KEY = 'dedupe.scanned_through_track_id';

/** The highest track id a dedupe run has looked at: a run over "new tracks" starts after it. */
export async function dedupeWatermark(q: Queryable): Promise<number> {
  const [r] = await q.query<{ v: number }>(`SELECT (value #>> '{}')::int AS v FROM settings WHERE key = $1`, [
    WATERMARK_KEY,
  ]);
  return r?.v ?? 0;
}

export async function setDedupeWatermark(q: Queryable, trackId: number): Promise<void> {
  await q.query(
    `INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::int))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
     WHERE (settings.value #>> '{}')::int < $2::int`,
    [WATERMARK_KEY, trackId],
  );
}

/** The highest track id there is (0 when there are none). */
export async function maxTrackId(q: Queryable): Promise<number> {
  const [r] = await q.query<{ v: number | null }>('SELECT max(id) AS v FROM tracks');
  return r?.v ?? 0;
}

/** Live (not merged) tracks after `afterId`: the size of a dedupe scan, for its progress. */
export async function liveTrackCount(q: Queryable, afterId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM tracks WHERE id > $1 AND merged_into IS NULL',
    [afterId],
  );
  return r?.n ?? 0;
}

const cursorKey = (scan: 'all' | 'new') => `dedupe.cursor.${scan}`;

/**
 * Where an interrupted dedupe scan stopped: the last track id it finished, and the highest id there was
 * when it began (the scan ends there). Null when no scan of that kind is under way.
 */
export async function dedupeCursor(
  q: Queryable,
  scan: 'all' | 'new',
): Promise<{ after: number; through: number } | null> {
  const [r] = await q.query<{ v: { after: number; through: number } }>(
    'SELECT value AS v FROM settings WHERE key = $1',
    [cursorKey(scan)],
  );
  return r?.v ?? null;
}

/** Saves (or, with null, clears) the cursor of a dedupe scan: it is resumed from there if stopped. */
export async function setDedupeCursor(
  q: Queryable,
  scan: 'all' | 'new',
  cursor: { after: number; through: number } | null,
): Promise<void> {
  if (cursor === null) {
    await q.query('DELETE FROM settings WHERE key = $1', [cursorKey(scan)]);
    return;
  }
  await q.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [cursorKey(scan), JSON.stringify(cursor)],
  );
}
