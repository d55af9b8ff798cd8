// Near-duplicate dedupe: tracks with different identity keys that are the same recording (typos,
// `Horizon`/`Horizons`). The database proposes candidates (pg_trgm on title keys, related credits, the
// same kind of version); core's conservative scorer decides: at or above AUTO_MERGE the pair is merged
// (evidence moved, transitions rebuilt, provenance kept), between REVIEW and AUTO_MERGE it is listed
// for a person to decide.
import { AUTO_MERGE, nearDuplicateScore, REVIEW, type TrackParse, type VersionKind } from '@songnodes/core';
import {
  type Database,
  type DedupeActor,
  DedupeError,
  dedupeCursor,
  dedupeWatermark,
  findCandidatePairs,
  liveTrackCount,
  liveTrackIds,
  type MergeResult,
  maxTrackId,
  mergeTracks,
  recordCandidates,
  type StoredTrack,
  setDedupeCursor,
  setDedupeWatermark,
  storedTracks,
} from '@songnodes/db';
import type { GraphChange } from './pipeline.ts';

/** pg_trgm similarity of title keys for a pair to be scored at all (`horizon`/`horizons` is 0.7). */
export const TITLE_SIMILARITY = 0.4;
/** pg_trgm similarity of artist credits, when two tracks share no primary artist. */
export const ARTIST_SIMILARITY = 0.5;
/** Tracks per candidate query, at most. */
const BATCH = 50;
/**
 * A server on the embedded database has one connection: every read of the API waits for the statement
 * under way. The candidate query costs one trigram index probe per track, and a probe's cost grows with
 * the catalogue (measured: 8.5 ms per track at 9,300 tracks, so a batch of 50 held the connection
 * 300–1,400 ms). There, the server's import job sizes batches from the last one's time per track so
 * that each stays near this budget (`budgetMs`). A command that holds the database alone (the CLI)
 * keeps whole batches: with a budget, `songnodes import` of a 300-line CSV spent 25 s deduplicating
 * in batches of one (each batch's fixed cost exceeded the budget), against about 2 s without.
 */
export const EMBEDDED_DEDUPE_BUDGET_MS = 25;

/**
 * The next batch size: `max` when there is no time budget (PostgreSQL: statements run on its side),
 * else as many tracks as the last batch's time per track fits in the budget (at least one).
 */
export function nextBatchSize(
  max: number,
  budgetMs: number | null,
  lastTracks: number,
  lastMs: number,
): number {
  if (budgetMs === null || lastTracks === 0) return max;
  const perTrack = lastMs / lastTracks;
  return Math.max(1, Math.min(max, Math.floor(budgetMs / Math.max(perTrack, 0.01))));
}
// Merges can make new pairs (the survivor meets a third spelling); a few rounds settle it.
const MAX_ROUNDS = 5;

/** The parse of a stored track, rebuilt from its columns and credits, for core's scorer. */
export function storedTrackParse(t: StoredTrack): TrackParse {
  return {
    unknown: false,
    // A track whose credit had no usable artist key has no track_artists rows: fall back to the credit.
    primaryArtists: t.primaryArtists.length > 0 ? t.primaryArtists : [t.artistName],
    featuredArtists: t.featuredArtists,
    remixers: t.remixers,
    title: t.title,
    version: t.version,
    versionKind: t.versionKind as VersionKind,
  };
}

/**
 * Which of two tracks survives a merge, and so whose spelling the merged track keeps: the spelling seen
 * most often (more plays), then the one whose artist spelling is seen more often across the database
 * (`Luke Abbott` over `Luke Abbot`), then the one more DJs played; only when all of that is equal, the
 * older one.
 */
export function keptFirst(a: StoredTrack, b: StoredTrack): [StoredTrack, StoredTrack] {
  const order: (keyof StoredTrack)[] = ['plays', 'artistPlays', 'djs'];
  for (const k of order) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x !== y) return x > y ? [a, b] : [b, a];
  }
  return a.id < b.id ? [a, b] : [b, a];
}

export interface DedupeProgress {
  tracksScanned: number;
  /** Tracks the run will look at in its first pass (survivors of merges are looked at again after). */
  total: number;
  merges: number;
  reviewCandidates: number;
}

export interface DedupeOptions {
  /** Look at these tracks only, against every track. */
  trackIds?: number[];
  /**
   * Look at the live tracks with a higher id, against every track: the tracks an import created, found
   * again by a retry of that import (its first attempt's list died with its process).
   */
  afterTrackId?: number;
  /** Without trackIds: true looks at tracks created since the last run, false at every track. */
  newOnly?: boolean;
  /**
   * A scan (no trackIds) saves where it is after each batch; a scan of the same kind that was stopped
   * is taken up there unless this is false.
   */
  resume?: boolean;
  actor?: string;
  onChange?: (c: GraphChange) => void;
  onProgress?: (p: DedupeProgress) => void | Promise<void>;
  /** Checked between batches: a stopped scan keeps its cursor and resumes next time. */
  signal?: AbortSignal;
  /** Tracks per candidate query: bounds each database statement and the memory held. Default: BATCH. */
  batchSize?: number;
  /**
   * Without batchSize: size each batch (up to BATCH) so its candidate query takes about this long, from
   * the last batch's time per track. For a server on the embedded database, whose API reads wait for
   * each statement (EMBEDDED_DEDUPE_BUDGET_MS).
   */
  budgetMs?: number;
}

export interface DedupeMerge {
  mergeId: number;
  keptId: number;
  mergedId: number;
  score: number;
}

export interface DedupeSummary {
  tracksScanned: number;
  /** Candidate pairs proposed by the database and scored. */
  pairsScored: number;
  merges: DedupeMerge[];
  /** Pairs recorded for review (REVIEW ≤ score < AUTO_MERGE). */
  reviewCandidates: number;
  /** The track id a stopped scan resumed after (null: started from the beginning). */
  resumedAfter: number | null;
  seconds: number;
}

interface Scored {
  kept: StoredTrack;
  merged: StoredTrack;
  score: number;
}

/** Candidates of a batch of tracks, scored; those at or above REVIEW are returned. */
async function scoreBatch(
  db: Database,
  ids: number[],
  onlyHigherIds: boolean,
): Promise<{ pairs: number; scored: Scored[] }> {
  const pairs = await findCandidatePairs(db, {
    trackIds: ids,
    titleSimilarity: TITLE_SIMILARITY,
    artistSimilarity: ARTIST_SIMILARITY,
    onlyHigherIds,
  });
  const unique = new Map<string, [number, number]>();
  for (const p of pairs) {
    const [lo, hi] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    unique.set(`${lo}:${hi}`, [lo, hi]);
  }
  if (unique.size === 0) return { pairs: 0, scored: [] };
  const tracks = new Map(
    (await storedTracks(db, [...new Set([...unique.values()].flat())])).map((t) => [t.id, t]),
  );
  const parses = new Map([...tracks.values()].map((t) => [t.id, storedTrackParse(t)]));
  const out: Scored[] = [];
  for (const [lo, hi] of unique.values()) {
    const score = nearDuplicateScore(parses.get(lo)!, parses.get(hi)!);
    if (score < REVIEW) continue;
    const [kept, merged] = keptFirst(tracks.get(lo)!, tracks.get(hi)!);
    out.push({ kept, merged, score });
  }
  return { pairs: unique.size, scored: out };
}

/** Lets requests in between batches: on the embedded database they share this thread with the run. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Finds near-duplicates of the given tracks (or of all / all new tracks), merges the sure ones and
 * records the rest for review. Works in bounded batches: each is one candidate query, its merges (one
 * transaction each) and its review records; between batches it checks the signal, reports progress
 * and, for a scan, saves its cursor so a stopped run resumes where it stopped.
 */
export async function runDedupe(db: Database, opts: DedupeOptions = {}): Promise<DedupeSummary> {
  const started = performance.now();
  const actor = opts.actor ?? 'dedupe';
  const maxBatch = opts.batchSize ?? BATCH;
  const budget = opts.batchSize === undefined ? (opts.budgetMs ?? null) : null;
  // The first batch on a budget is small: nothing is known of the time per track yet.
  let batchSize = budget === null ? maxBatch : Math.min(maxBatch, 4);
  const summary: DedupeSummary = {
    tracksScanned: 0,
    pairsScored: 0,
    merges: [],
    reviewCandidates: 0,
    resumedAfter: null,
    seconds: 0,
  };
  const range = opts.trackIds === undefined && opts.afterTrackId !== undefined;
  // A scan of every (or every new) track keeps a cursor so that a stopped run can resume.
  const scan = opts.trackIds === undefined && !range ? (opts.newOnly ? 'new' : 'all') : null;
  let after = opts.afterTrackId ?? 0;
  let through = range ? await maxTrackId(db) : 0;
  if (scan) {
    const saved = opts.resume === false ? null : await dedupeCursor(db, scan);
    if (saved) {
      ({ after, through } = saved);
      summary.resumedAfter = after;
    } else {
      through = await maxTrackId(db);
      after = scan === 'new' ? await dedupeWatermark(db) : 0;
    }
  }
  const total = opts.trackIds ? opts.trackIds.length : await liveTrackCount(db, after);
  const gone = new Set<number>();
  const survivors = new Set<number>();

  const handle = async (ids: number[], onlyHigherIds: boolean) => {
    opts.signal?.throwIfAborted();
    summary.tracksScanned += ids.length;
    const t = performance.now();
    const batch = await scoreBatch(db, ids, onlyHigherIds);
    batchSize = nextBatchSize(maxBatch, budget, ids.length, performance.now() - t);
    summary.pairsScored += batch.pairs;
    summary.reviewCandidates += await recordCandidates(
      db,
      batch.scored
        .filter((s) => s.score < AUTO_MERGE)
        .map((s) => ({ trackId: s.kept.id, candidateTrackId: s.merged.id, score: s.score })),
    );
    for (const s of batch.scored.filter((x) => x.score >= AUTO_MERGE).sort((a, b) => b.score - a.score)) {
      // A track merged earlier in the run is looked at again, as its survivor, after the scan.
      if (gone.has(s.kept.id) || gone.has(s.merged.id)) continue;
      const m = await mergeTracks(db, {
        keptId: s.kept.id,
        mergedId: s.merged.id,
        score: s.score,
        method: 'auto',
        actor,
      });
      gone.add(s.merged.id);
      survivors.add(s.kept.id);
      summary.merges.push({ mergeId: m.mergeId, keptId: s.kept.id, mergedId: s.merged.id, score: s.score });
      if (m.changedPairs.length > 0) opts.onChange?.({ newTrackIds: [], changedPairs: m.changedPairs });
    }
    await opts.onProgress?.({
      tracksScanned: summary.tracksScanned,
      total,
      merges: summary.merges.length,
      reviewCandidates: summary.reviewCandidates,
    });
    await breathe();
  };

  /** Hands `ids` to `f` in slices of the current batch size (which each call may change). */
  const inBatches = async (ids: number[], f: (slice: number[]) => Promise<void>) => {
    for (let i = 0; i < ids.length; ) {
      const slice = ids.slice(i, i + batchSize);
      i += slice.length;
      await f(slice);
    }
  };

  if (!opts.trackIds) {
    // Scanning every track, each pair is met from its lower id only; new tracks are met from either side.
    for (;;) {
      const ids = (await liveTrackIds(db, after, batchSize)).filter((id) => id <= through);
      if (ids.length === 0) break;
      await handle(ids, scan === 'all');
      after = ids.at(-1)!;
      if (scan) await setDedupeCursor(db, scan, { after, through });
    }
  } else {
    await inBatches(opts.trackIds, (ids) => handle(ids, false));
  }
  // Merges can make new pairs (the survivor meets a third spelling); a few rounds settle it.
  for (let r = 0; r < MAX_ROUNDS && survivors.size > 0; r++) {
    const again = [...survivors].filter((id) => !gone.has(id));
    survivors.clear();
    await inBatches(again, (ids) => handle(ids, false));
  }
  if (scan) {
    await setDedupeWatermark(db, through);
    await setDedupeCursor(db, scan, null);
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** A merge a person asked for: scored for the record, whatever the score. */
export async function mergeManually(
  db: Database,
  keptId: number,
  mergedId: number,
  actor: DedupeActor,
): Promise<MergeResult & { score: number }> {
  const tracks = await storedTracks(db, [keptId, mergedId]);
  const kept = tracks.find((t) => t.id === keptId);
  const merged = tracks.find((t) => t.id === mergedId);
  if (!kept) throw new DedupeError('not_found', `no track ${keptId}`);
  if (!merged) throw new DedupeError('not_found', `no track ${mergedId}`);
  const score = nearDuplicateScore(storedTrackParse(kept), storedTrackParse(merged));
  const result = await mergeTracks(db, { keptId, mergedId, score, method: 'manual', actor });
  return { ...result, score };
}
