// Near-duplicate dedupe: tracks with different identity keys that are the same recording (typos,
// `Horizon`/`Horizons`). Blocking (core's blocking.ts) proposes the pairs worth scoring: tracks of one
// artist with similar titles, one title by artists spelt alike. Core's conservative scorer decides: at
// or above AUTO_MERGE the pair is merged (evidence moved, transitions rebuilt, provenance kept),
// between REVIEW and AUTO_MERGE it is listed for a person to decide.
import {
  AUTO_MERGE,
  BlockIndex,
  type BlockingTrack,
  nearDuplicateScore,
  REVIEW,
  type TrackParse,
  type VersionKind,
} from '@songnodes/core';
import {
  blockingTracksOf,
  blockingTracksPage,
  blockMembers,
  type Database,
  type DedupeActor,
  DedupeError,
  dedupeCursor,
  dedupeWatermark,
  liveTrackCount,
  type MergeResult,
  maxTrackId,
  mergeTracks,
  recordCandidates,
  rejectedPairs,
  type ScoringTrack,
  type StoredTrack,
  scoringTracks,
  setDedupeCursor,
  setDedupeWatermark,
  trackEvidence,
} from '@songnodes/db';
import type { GraphChange } from './pipeline.ts';

/** Tracks looked at per batch (one block fetch, one scoring, its merges), at most. */
const BATCH = 50;
/** Tracks looked at per batch when the whole catalogue is in memory, at most. */
const WHOLE_BATCH = 500;
/** Tracks per page when a whole catalogue is read into memory, at most. */
const PAGE = 5_000;
/**
 * Looking at this many tracks or more, the run reads every live track into one BlockIndex (one pass
 * over tracks in pages) instead of fetching each batch's block members: a batch's members are every
 * track of its artists and of its titles, ~1,500 per title on the generated catalogue (its titles
 * repeat). Measured at 789,084 tracks: by key ~26 ms per track looked at, the whole catalogue read in
 * 15 s, so from ~600 tracks reading everything is cheaper.
 */
const WHOLE_INDEX_MIN = 500;
/**
 * A server on the embedded database has one connection: every read of the API waits for the statement
 * under way. There, the server's import job sizes the pages of a catalogue read and the batches whose
 * blocks are fetched by key from the last one's time per track, so that each statement stays near
 * this budget (`budgetMs`); batches with the catalogue in memory are 50 tracks (see runDedupe). A command that holds the database alone
 * (the CLI) keeps whole batches: with a budget, `songnodes import` of a 300-line CSV spent 25 s
 * deduplicating in batches of one (each batch's fixed cost exceeded the budget), against about 2 s
 * without.
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
export function storedTrackParse(t: ScoringTrack): TrackParse {
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
   * each statement (EMBEDDED_DEDUPE_BUDGET_MS). Pages of a catalogue read are sized the same way.
   */
  budgetMs?: number;
  /**
   * Read the whole catalogue into memory when at least this many tracks are looked at, else fetch each
   * batch's blocks by key. Both find the same pairs; the default (WHOLE_INDEX_MIN) is the faster one.
   */
  wholeCatalogueFrom?: number;
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

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Scores candidate pairs (`lo:hi` keys) with core's scorer; those at or above REVIEW are returned, with
 * the evidence that decides which spelling is kept (read for those pairs only).
 */
async function scorePairs(db: Database, pairs: Map<string, [number, number]>): Promise<Scored[]> {
  if (pairs.size === 0) return [];
  const credits = new Map(
    (await scoringTracks(db, [...new Set([...pairs.values()].flat())])).map((t) => [t.id, t]),
  );
  const kept: { lo: number; hi: number; score: number }[] = [];
  for (const [lo, hi] of pairs.values()) {
    const a = credits.get(lo);
    const b = credits.get(hi);
    if (!a || !b) continue;
    const score = nearDuplicateScore(storedTrackParse(a), storedTrackParse(b));
    if (score >= REVIEW) kept.push({ lo, hi, score });
  }
  if (kept.length === 0) return [];
  const evidence = await trackEvidence(db, [...new Set(kept.flatMap((k) => [k.lo, k.hi]))]);
  const stored = (id: number): StoredTrack => ({ ...credits.get(id)!, ...evidence.get(id)! });
  return kept.map(({ lo, hi, score }) => {
    const [k, m] = keptFirst(stored(lo), stored(hi));
    return { kept: k, merged: m, score };
  });
}

/** Lets requests in between batches: on the embedded database they share this thread with the run. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Where a run finds each track's candidates: the whole catalogue read once into memory, or the block
 * members of each batch fetched by key. Both apply core's one rule (BlockIndex.candidatesOf).
 */
interface CandidateSource {
  /** The next live public tracks with `after < id <= through`, in id order: a scan's next batch. */
  page(after: number, through: number, limit: number): Promise<BlockingTrack[]>;
  /** The tracks of `ids` that take part (live, public), as blocking sees them. */
  tracks(ids: number[]): Promise<BlockingTrack[]>;
  /** Candidate pairs of these tracks, as `lo:hi` keys. */
  pairs(tracks: BlockingTrack[], onlyHigherIds: boolean): Promise<Map<string, [number, number]>>;
  /** A merged track leaves the catalogue. */
  forget(id: number): void;
}

function collect(index: BlockIndex, tracks: BlockingTrack[], onlyHigherIds: boolean) {
  const out = new Map<string, [number, number]>();
  for (const t of tracks) {
    for (const o of index.candidatesOf(t, onlyHigherIds))
      out.set(pairKey(t.id, o), t.id < o ? [t.id, o] : [o, t.id]);
  }
  return out;
}

/** Every live public track in one BlockIndex, read in id-ordered pages (each sized to the budget, if any). */
async function wholeCatalogue(
  db: Database,
  budgetMs: number | null,
  signal: AbortSignal | undefined,
): Promise<CandidateSource> {
  const index = new BlockIndex();
  const through = await maxTrackId(db);
  /** Every id read, ascending (pages come in id order): a scan's batches are taken from here. */
  const ids: number[] = [];
  let after = 0;
  let page = budgetMs === null ? PAGE : 200;
  for (;;) {
    signal?.throwIfAborted();
    const t = performance.now();
    const rows = await blockingTracksPage(db, after, through, page);
    if (rows.length === 0) break;
    for (const r of rows) {
      index.add(r);
      ids.push(r.id);
    }
    after = rows.at(-1)!.id;
    page = nextBatchSize(PAGE, budgetMs, rows.length, performance.now() - t);
    await breathe();
  }
  return {
    // From memory: the tracks were read above, and reading them again per batch doubled the reads.
    async page(after, through, limit) {
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid]! <= after) lo = mid + 1;
        else hi = mid;
      }
      const out: BlockingTrack[] = [];
      for (let i = lo; i < ids.length && ids[i]! <= through && out.length < limit; i++) {
        const t = index.get(ids[i]!);
        if (t) out.push(t);
      }
      return out;
    },
    async tracks(wanted) {
      // Tracks created after the catalogue was read (an import running beside the scan) are fetched.
      const missing = wanted.filter((id) => !index.get(id));
      for (const t of await blockingTracksOf(db, missing)) index.add(t);
      return wanted.flatMap((id) => index.get(id) ?? []);
    },
    async pairs(tracks, onlyHigherIds) {
      return collect(index, tracks, onlyHigherIds);
    },
    forget: (id) => index.remove(id),
  };
}

/** Each batch's block members fetched by key: for a few tracks looked at. */
function blocksByKey(db: Database): CandidateSource {
  return {
    page: (after, through, limit) => blockingTracksPage(db, after, through, limit),
    tracks: (ids) => blockingTracksOf(db, ids),
    async pairs(tracks, onlyHigherIds) {
      const index = new BlockIndex();
      const artists = new Set(tracks.flatMap((t) => [...t.primaryKeys, ...t.featuredKeys]));
      const titles = new Set(tracks.map((t) => t.titleKey));
      for (const m of await blockMembers(db, [...artists], [...titles])) index.add(m);
      return collect(index, tracks, onlyHigherIds);
    },
    forget: () => {},
  };
}

/**
 * Finds near-duplicates of the given tracks (or of all / all new tracks), merges the sure ones and
 * records the rest for review. Works in bounded batches: each is one candidate lookup, one scoring
 * statement, its merges (one transaction each) and its review records; between batches it checks the
 * signal, reports progress and, for a scan, saves its cursor so a stopped run resumes where it stopped.
 */
export async function runDedupe(db: Database, opts: DedupeOptions = {}): Promise<DedupeSummary> {
  const started = performance.now();
  const actor = opts.actor ?? 'dedupe';
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
  const budgetMs = opts.batchSize === undefined ? (opts.budgetMs ?? null) : null;
  const whole = total >= (opts.wholeCatalogueFrom ?? WHOLE_INDEX_MIN);
  const source = whole ? await wholeCatalogue(db, budgetMs, opts.signal) : blocksByKey(db);
  // With the catalogue in memory a batch's candidates cost no statement, and its statements (credits
  // and evidence of its few pairs, review records, merges) grow with its pairs, not its tracks:
  // batches of 500 spread their fixed costs, and on a budget batches of 50 keep each statement short.
  // Sizing those batches by time would shrink them to one track whenever the fixed costs alone exceed
  // the budget (measured: 28 tracks/s in the 20,000-set upload's dedupe). Fetching blocks by key,
  // the block statement grows with the batch, so there the budget sizes the batch.
  const maxBatch = opts.batchSize ?? (whole && budgetMs === null ? WHOLE_BATCH : BATCH);
  const budget = whole ? null : budgetMs;
  // The first batch on a budget is small: nothing is known of the time per track yet.
  let batchSize = budget === null ? maxBatch : Math.min(maxBatch, 4);
  const gone = new Set<number>();
  const survivors = new Set<number>();

  const handle = async (tracks: BlockingTrack[], onlyHigherIds: boolean) => {
    opts.signal?.throwIfAborted();
    summary.tracksScanned += tracks.length;
    const t = performance.now();
    const pairs = await source.pairs(tracks, onlyHigherIds);
    for (const k of await rejectedPairs(db, [...pairs.values()])) pairs.delete(k);
    const scored = await scorePairs(db, pairs);
    batchSize = nextBatchSize(maxBatch, budget, tracks.length, performance.now() - t);
    summary.pairsScored += pairs.size;
    summary.reviewCandidates += await recordCandidates(
      db,
      scored
        .filter((s) => s.score < AUTO_MERGE)
        .map((s) => ({ trackId: s.kept.id, candidateTrackId: s.merged.id, score: s.score })),
    );
    for (const s of scored.filter((x) => x.score >= AUTO_MERGE).sort((a, b) => b.score - a.score)) {
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
      source.forget(s.merged.id);
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

  /** Hands `ids` to `handle` in slices of the current batch size (which each call may change). */
  const inBatches = async (ids: number[], onlyHigherIds: boolean) => {
    for (let i = 0; i < ids.length; ) {
      const slice = ids.slice(i, i + batchSize);
      i += slice.length;
      await handle(await source.tracks(slice.filter((id) => !gone.has(id))), onlyHigherIds);
    }
  };

  if (!opts.trackIds) {
    // Scanning every track, each pair is met from its lower id only; new tracks are met from either side.
    for (;;) {
      const tracks = await source.page(after, through, batchSize);
      if (tracks.length === 0) break;
      await handle(
        tracks.filter((x) => !gone.has(x.id)),
        scan === 'all',
      );
      after = tracks.at(-1)!.id;
      if (scan) await setDedupeCursor(db, scan, { after, through });
    }
  } else {
    await inBatches(opts.trackIds, false);
  }
  // Merges can make new pairs (the survivor meets a third spelling); a few rounds settle it.
  for (let r = 0; r < MAX_ROUNDS && survivors.size > 0; r++) {
    const again = [...survivors].filter((id) => !gone.has(id));
    survivors.clear();
    await inBatches(again, false);
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
  const tracks = await scoringTracks(db, [keptId, mergedId]);
  const kept = tracks.find((t) => t.id === keptId);
  const merged = tracks.find((t) => t.id === mergedId);
  if (!kept) throw new DedupeError('not_found', `no track ${keptId}`);
  if (!merged) throw new DedupeError('not_found', `no track ${mergedId}`);
  const score = nearDuplicateScore(storedTrackParse(kept), storedTrackParse(merged));
  const result = await mergeTracks(db, { keptId, mergedId, score, method: 'manual', actor });
  return { ...result, score };
}
