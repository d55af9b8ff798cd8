// Target tracks (scrape_targets): the tracks a user wants sets for. Searching a target submits a target
// scrape task (packages/scrapers); the task is shared by everyone listing the same track, and when it
// ends what it found and stored is written to every target that last searched through it.
import type { Queryable } from '../database.ts';
import { type Viewer, visibleSet, visibleTrack } from './visibility.ts';

/** What the last finished search of a target found and added to the graph. */
export interface TargetResult {
  taskId: number;
  /** The task's final state: completed, failed, cancelled or waiting_quota (parked until tomorrow). */
  state: string;
  finishedAt: string;
  /** Sets found that contain the track. */
  found: number;
  /** Of those, sets new to the graph. */
  added: number;
  /** Of those, sets the graph already had unchanged. */
  unchanged: number;
  /** Pages or sources that failed (not configured, layout changed…). */
  errors: number;
  /** What went wrong, when something did (the first few messages). */
  error: string | null;
  /** The sets found (the first 50), with the stored set when the graph has it. */
  sets: { source: string; title: string | null; url: string | null; setId: number | null }[];
}

export interface ScrapeTarget {
  id: number;
  /** The user the target belongs to; null is the local owner (and the CLI). */
  userId: number | null;
  trackId: number | null;
  artist: string;
  title: string;
  createdAt: string;
  lastSearchedAt: string | null;
  /** The task of the last search and its state now (it may still be running). */
  task: { id: number; state: string } | null;
  lastResult: TargetResult | null;
}

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

/** One user lists a track once: artist and title, trimmed and case-folded. */
export const targetKey = (artist: string, title: string): string =>
  `${artist.trim().toLowerCase()}\n${title.trim().toLowerCase()}`;

const COLUMNS = `g.id, g.user_id, g.track_id, g.artist, g.title, g.created_at, g.last_searched_at, g.task_id,
  g.last_result, k.state AS task_state`;
const FROM = 'scrape_targets g LEFT JOIN scrape_tasks k ON k.id = g.task_id';

function toTarget(r: Record<string, unknown>): ScrapeTarget {
  return {
    id: r.id as number,
    userId: (r.user_id as number | null) ?? null,
    trackId: (r.track_id as number | null) ?? null,
    artist: r.artist as string,
    title: r.title as string,
    createdAt: iso(r.created_at)!,
    lastSearchedAt: iso(r.last_searched_at),
    task: r.task_id === null ? null : { id: r.task_id as number, state: r.task_state as string },
    lastResult: (r.last_result as TargetResult | null) ?? null,
  };
}

/** The artist and title of a track the user may see; null when there is none. */
export async function targetTrackName(
  db: Queryable,
  trackId: number,
  viewer: Viewer,
): Promise<{ artist: string; title: string } | null> {
  const [r] = await db.query<{ artist_name: string; title: string }>(
    `SELECT t.artist_name, t.title FROM tracks t WHERE t.id = $1 AND ${visibleTrack('t', '$2')}`,
    [trackId, viewer],
  );
  return r ? { artist: r.artist_name, title: r.title } : null;
}

/**
 * Adds a target to a user's list, unless the user lists the same track already: then that one is
 * returned with `duplicate: true`. Refuses (null) when the user has `max` targets.
 */
export async function addScrapeTarget(
  db: Queryable,
  t: { userId: number | null; trackId: number | null; artist: string; title: string },
  max: number,
): Promise<{ target: ScrapeTarget; duplicate: boolean } | null> {
  const key = targetKey(t.artist, t.title);
  // One statement: the count and the insert see the same list, and the unique key settles a race.
  const [made] = await db.query<{ id: number }>(
    `INSERT INTO scrape_targets (user_id, track_id, artist, title, key)
     SELECT $1, $2, $3, $4, $5
      WHERE (SELECT count(*) FROM scrape_targets WHERE user_id IS NOT DISTINCT FROM $1::int) < $6
     ON CONFLICT ON CONSTRAINT scrape_targets_user_key DO NOTHING
     RETURNING id`,
    [t.userId, t.trackId, t.artist.trim(), t.title.trim(), key, max],
  );
  const [row] = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE g.user_id IS NOT DISTINCT FROM $1::int AND g.key = $2`,
    [t.userId, key],
  );
  if (!row) return null;
  return { target: toTarget(row), duplicate: !made };
}

/** A user's targets, newest first (all of them, or those with the given ids). */
export async function listScrapeTargets(
  db: Queryable,
  userId: number | null,
  ids?: readonly number[],
): Promise<ScrapeTarget[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE g.user_id IS NOT DISTINCT FROM $1::int AND ($2::int[] IS NULL OR g.id = ANY($2::int[]))
      ORDER BY g.created_at DESC, g.id DESC`,
    [userId, ids ? [...ids] : null],
  );
  return rows.map(toTarget);
}

/** Removes one of a user's targets; false when the user has no target with that id. */
export async function removeScrapeTarget(db: Queryable, userId: number | null, id: number): Promise<boolean> {
  const rows = await db.query(
    'DELETE FROM scrape_targets WHERE id = $1 AND user_id IS NOT DISTINCT FROM $2::int RETURNING id',
    [id, userId],
  );
  return rows.length > 0;
}

/** Notes that targets are being searched by a task. */
export async function markTargetsSearched(
  db: Queryable,
  searched: readonly { targetId: number; taskId: number }[],
): Promise<void> {
  if (searched.length === 0) return;
  await db.query(
    `UPDATE scrape_targets g SET task_id = x.task_id, last_searched_at = now()
       FROM unnest($1::int[], $2::int[]) AS x(id, task_id) WHERE g.id = x.id`,
    [searched.map((s) => s.targetId), searched.map((s) => s.taskId)],
  );
}

/** Targets of every user not searched since `before` (never searched first), for the periodic search. */
export async function dueScrapeTargets(db: Queryable, before: Date, limit: number): Promise<ScrapeTarget[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE g.last_searched_at IS NULL OR g.last_searched_at < $1
      ORDER BY g.last_searched_at NULLS FIRST, g.id LIMIT $2`,
    [before, limit],
  );
  return rows.map(toTarget);
}

/**
 * Writes what a finished target task found to the targets it searched for. Each found set is matched
 * to the stored set (by source and external id) that the target's user may see. `onlyIfMissing`
 * writes only to targets that have no result of this task yet (a cancellation or a failure noticed
 * from outside the worker must not overwrite what the worker itself recorded).
 */
export async function recordTargetResult(
  db: Queryable,
  taskId: number,
  r: Omit<TargetResult, 'taskId' | 'finishedAt' | 'sets'> & {
    sets: { source: string; externalId?: string; title?: string; url?: string }[];
  },
  opts: { onlyIfMissing?: boolean } = {},
): Promise<void> {
  const sets = r.sets.slice(0, 50);
  const targets = await db.query<{ id: number; user_id: number | null }>(
    `SELECT id, user_id FROM scrape_targets
      WHERE task_id = $1 AND (NOT $2 OR last_result IS NULL OR (last_result->>'taskId')::int <> $1)`,
    [taskId, opts.onlyIfMissing ?? false],
  );
  for (const t of targets) {
    const ids = await db.query<{ i: number; set_id: number }>(
      `SELECT x.i, s.id AS set_id
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(source, external_id, i)
         JOIN sources src ON src.name = x.source
         JOIN sets s ON s.source_id = src.id AND s.external_id = x.external_id
        WHERE ${visibleSet('s', '$3')}`,
      [sets.map((s) => s.source), sets.map((s) => s.externalId ?? null), t.user_id],
    );
    const setId = new Map(ids.map((x) => [Number(x.i) - 1, x.set_id]));
    const result: TargetResult = {
      taskId,
      state: r.state,
      finishedAt: new Date().toISOString(),
      found: r.found,
      added: r.added,
      unchanged: r.unchanged,
      errors: r.errors,
      error: r.error,
      sets: sets.map((s, i) => ({
        source: s.source,
        title: s.title ?? null,
        url: s.url ?? null,
        setId: setId.get(i) ?? null,
      })),
    };
    await db.query('UPDATE scrape_targets SET last_result = $2 WHERE id = $1', [
      t.id,
      JSON.stringify(result),
    ]);
  }
}
