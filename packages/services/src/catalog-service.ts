// Tracks, artists, sets and transitions as records: what the track, artist and set pages show.
// Reads go straight to the repositories; a correction of BPM, key or genre is checked here and
// announced as a graph change so the in-memory graph picks the new values up.
import { parseKey } from '@songnodes/core';
import {
  type ArtistDetail,
  type ArtistSummary,
  type Database,
  type GraphCounts,
  getArtist,
  getSet,
  getTrack,
  getTransition,
  graphCounts,
  listArtists,
  listSets,
  listTracks,
  type Page,
  type SetDetail,
  type SetFilter,
  type SetSummary,
  type TrackDetail,
  type TrackFilter,
  type TrackSummary,
  type TransitionSummary,
  transitionEvidence,
  updateTrack,
} from '@songnodes/db';
import { type EvidenceSet, pairKey } from '@songnodes/graph';
import type { Principal } from './auth/access.ts';
import { checkKeys, invalid, notFound } from './errors.ts';
import type { EventBus } from './events.ts';
import { viewerOf } from './visibility.ts';

export interface TrackChange {
  bpm?: number | null;
  key?: string | null;
  genre?: string | null;
}

/** Counts change only with imports; a second of staleness lets a busy dashboard poll for free. */
const COUNTS_CACHE_MS = 1000;

export class CatalogService {
  private cachedCounts: { at: number; counts: Promise<GraphCounts> } | null = null;

  private readonly deps: { db: Database; bus: EventBus };

  constructor(deps: { db: Database; bus: EventBus }) {
    this.deps = deps;
  }

  /** Counts of tracks, artists, sets, entries and transitions (at most a second old). */
  counts(): Promise<GraphCounts> {
    const now = Date.now();
    if (!this.cachedCounts || now - this.cachedCounts.at > COUNTS_CACHE_MS) {
      // Concurrent requests share one query; a failed query is not kept.
      const p = graphCounts(this.deps.db);
      this.cachedCounts = { at: now, counts: p };
      p.catch(() => {
        if (this.cachedCounts?.counts === p) this.cachedCounts = null;
      });
    }
    return this.cachedCounts.counts;
  }

  // Every read takes who is asking: a user's private sets and the tracks only they know are theirs
  // alone (services/visibility.ts); to anyone else they do not exist (not found, never forbidden).
  listTracks(
    f: TrackFilter,
    page: { after?: number; limit: number },
    viewer: Principal,
  ): Promise<Page<TrackSummary>> {
    checkKeys(f.keys);
    if (f.bpmMin !== undefined && f.bpmMax !== undefined && f.bpmMin > f.bpmMax)
      throw invalid('bpmMin', `bpmMin (${f.bpmMin}) is above bpmMax (${f.bpmMax})`);
    return listTracks(this.deps.db, f, page, viewerOf(viewer));
  }

  async getTrack(id: number, viewer: Principal): Promise<TrackDetail> {
    const t = await getTrack(this.deps.db, id, viewerOf(viewer));
    if (!t) throw notFound(`no track ${id}`, 'id');
    return t;
  }

  async updateTrack(id: number, change: TrackChange, viewer: Principal): Promise<TrackDetail> {
    if (change.bpm !== undefined && change.bpm !== null && (change.bpm < 50 || change.bpm > 300))
      throw invalid('bpm', `BPM ${change.bpm} is outside 50–300`);
    let key = change.key;
    if (key !== undefined && key !== null) {
      const parsed = parseKey(key);
      if (!parsed)
        throw invalid('key', `not a musical key: ${JSON.stringify(key)} (Camelot 8A, or Am, F#m…)`);
      key = parsed;
    }
    const found = await updateTrack(this.deps.db, id, { ...change, key }, viewerOf(viewer));
    if (!found) throw notFound(`no track ${id}`, 'id');
    this.deps.bus.publish({ type: 'graph.changed', newTrackIds: [id], changedPairs: [], cause: 'update' });
    return this.getTrack(id, viewer);
  }

  listArtists(
    f: { name?: string },
    page: { after?: number; limit: number },
    viewer: Principal,
  ): Promise<Page<ArtistSummary>> {
    return listArtists(this.deps.db, f, page, viewerOf(viewer));
  }

  async getArtist(id: number, viewer: Principal): Promise<ArtistDetail> {
    const a = await getArtist(this.deps.db, id, viewerOf(viewer));
    if (!a) throw notFound(`no artist ${id}`, 'id');
    return a;
  }

  listSets(
    f: SetFilter,
    page: { after?: number; limit: number },
    viewer: Principal,
  ): Promise<Page<SetSummary>> {
    if (f.dateFrom !== undefined && f.dateTo !== undefined && f.dateFrom > f.dateTo)
      throw invalid('dateFrom', `dateFrom (${f.dateFrom}) is after dateTo (${f.dateTo})`);
    return listSets(this.deps.db, f, page, viewerOf(viewer));
  }

  async getSet(id: number, viewer: Principal): Promise<SetDetail> {
    const s = await getSet(this.deps.db, id, viewerOf(viewer));
    if (!s) throw notFound(`no set ${id}`, 'id');
    return s;
  }

  /** The evidence of "to was played after from": totals and the sets, most recent first. */
  async getTransition(
    from: number,
    to: number,
    sets: number,
  ): Promise<TransitionSummary & { evidence: EvidenceSet[] }> {
    const t = await getTransition(this.deps.db, from, to);
    if (!t) throw notFound(`track ${to} was never played right after track ${from}`);
    const ev = await transitionEvidence(this.deps.db, [[from, to]], sets);
    return { ...t, evidence: ev.get(pairKey(from, to)) ?? [] };
  }
}
