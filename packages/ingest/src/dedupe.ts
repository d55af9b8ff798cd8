// Near-duplicate dedupe: tracks with different identity keys that are the same recording (typos,
// `Horizon`/`Horizons`). The database proposes candidates (pg_trgm on title keys, related credits, the
// same kind of version); core's conservative scorer decides: at or above AUTO_MERGE the pair is merged
// (evidence moved, transitions rebuilt, provenance kept), between REVIEW and AUTO_MERGE it is listed
// for a person to decide.
import { AUTO_MERGE, nearDuplicateScore, REVIEW, type TrackParse, type VersionKind } from '@songnodes/core';
import {
  type Database,
  DedupeError,
  dedupeWatermark,
  findCandidatePairs,
  liveTrackIds,
  type MergeResult,
  maxTrackId,
  mergeTracks,
  recordCandidates,
  type StoredTrack,
  setDedupeWatermark,
  storedTracks,
} from '@songnodes/db';
import type { GraphChange } from './pipeline.ts';

/** pg_trgm similarity of title keys for a pair to be scored at all (`horizon`/`horizons` is 0.7). */
export const TITLE_SIMILARITY = 0.4;
/** pg_trgm similarity of artist credits, when two tracks share no primary artist. */
export const ARTIST_SIMILARITY = 0.5;
const BATCH = 1000;
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

/** Which of two tracks survives a merge: the one with more plays, else the older one. */
export function keptFirst(a: StoredTrack, b: StoredTrack): [StoredTrack, StoredTrack] {
  if (a.plays !== b.plays) return a.plays > b.plays ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

export interface DedupeOptions {
  /** Look at these tracks only (e.g. the tracks an import created). */
  trackIds?: number[];
  /** Without trackIds: true looks at tracks created since the last run, false at every track. */
  newOnly?: boolean;
  actor?: string;
  onChange?: (c: GraphChange) => void;
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

async function* idBatches(db: Database, opts: DedupeOptions, afterId: number): AsyncGenerator<number[]> {
  if (opts.trackIds) {
    for (let i = 0; i < opts.trackIds.length; i += BATCH) yield opts.trackIds.slice(i, i + BATCH);
    return;
  }
  for (let after = afterId; ; ) {
    const ids = await liveTrackIds(db, after, BATCH);
    if (ids.length === 0) return;
    yield ids;
    after = ids.at(-1)!;
  }
}

/**
 * Finds near-duplicates of the given tracks (or of all / all new tracks), merges the sure ones and
 * records the rest for review. Each merge is its own transaction.
 */
export async function runDedupe(db: Database, opts: DedupeOptions = {}): Promise<DedupeSummary> {
  const started = performance.now();
  const actor = opts.actor ?? 'dedupe';
  const summary: DedupeSummary = {
    tracksScanned: 0,
    pairsScored: 0,
    merges: [],
    reviewCandidates: 0,
    seconds: 0,
  };
  const scanAll = opts.trackIds === undefined;
  const highest = scanAll ? await maxTrackId(db) : 0;
  const from = scanAll && opts.newOnly ? await dedupeWatermark(db) : 0;

  let round: DedupeOptions = opts;
  for (let r = 0; r < MAX_ROUNDS; r++) {
    const byPair = new Map<string, Scored>();
    // Scanning every track, each pair is met from its lower id only; from a list, from either side
    // (and possibly in two batches: the map keeps one).
    const onlyHigherIds = round.trackIds === undefined && !opts.newOnly;
    for await (const ids of idBatches(db, round, from)) {
      summary.tracksScanned += ids.length;
      const batch = await scoreBatch(db, ids, onlyHigherIds);
      summary.pairsScored += batch.pairs;
      for (const s of batch.scored) byPair.set(`${s.kept.id}:${s.merged.id}`, s);
    }
    const scored = [...byPair.values()];
    summary.reviewCandidates += await recordCandidates(
      db,
      scored
        .filter((s) => s.score < AUTO_MERGE)
        .map((s) => ({ trackId: s.kept.id, candidateTrackId: s.merged.id, score: s.score })),
    );
    const gone = new Set<number>();
    const survivors = new Set<number>();
    for (const s of scored.filter((x) => x.score >= AUTO_MERGE).sort((a, b) => b.score - a.score)) {
      // A track merged in this round is looked at again, as its survivor, in the next one.
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
    const again = [...survivors].filter((id) => !gone.has(id));
    if (again.length === 0) break;
    round = { trackIds: again };
  }
  if (scanAll) await setDedupeWatermark(db, highest);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** A merge a person asked for: scored for the record, whatever the score. */
export async function mergeManually(
  db: Database,
  keptId: number,
  mergedId: number,
  actor: string,
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
