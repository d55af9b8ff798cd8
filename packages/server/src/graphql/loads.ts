// Batched loading per request (the DataLoader idea): a field asks for one parent's data, the request
// collects every parent's ask until the event loop turns, then one repository read answers them all.
// A query over 50 tracks with their artists and transitions costs one statement per field, not 50.
import {
  artistAliases,
  artistCollaborations,
  artistsByIds,
  artistTracks,
  type CreditRecord,
  type Database,
  type EntryRecord,
  type PlayCounts,
  type SetRecord,
  setEntries,
  setPerformers,
  setsByIds,
  type TrackRecord,
  type TransitionRecord,
  trackCredits,
  trackPlayCounts,
  trackRemixes,
  trackSets,
  tracksByIds,
  trackTransitions,
  transitionEvidence,
  type Viewer,
} from '@songnodes/db';
import { type EvidenceSet, pairKey } from '@songnodes/graph';

/** Collects keys until the event loop turns, then fetches them all with one call. */
class Batch<K, V> {
  private pending = new Map<K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private readonly done = new Map<K, Promise<V | undefined>>();
  private readonly fetch: (keys: K[]) => Promise<Map<K, V>>;

  constructor(fetch: (keys: K[]) => Promise<Map<K, V>>) {
    this.fetch = fetch;
  }

  load(key: K): Promise<V | undefined> {
    const known = this.done.get(key);
    if (known) return known;
    const p = new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => this.flush());
      const waiting = this.pending.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.pending.set(key, waiting);
    });
    // Cached for the rest of the request: the same track asked twice is read once.
    this.done.set(key, p);
    return p;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [k, waiting] of batch) for (const w of waiting) w.resolve(found.get(k));
    } catch (e) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(e);
    }
  }
}

/**
 * The batched reads of one request. Lists sized by `first` get one batch per distinct size. `viewer` is
 * the user whose private sets and tracks the request may read (services' viewerOf(principal)); the
 * default, null, reads the public catalogue only.
 */
export class Loads {
  private readonly db: Database;
  private readonly viewer: Viewer;
  private readonly batches = new Map<string, Batch<unknown, unknown>>();

  constructor(db: Database, viewer: Viewer = null) {
    this.db = db;
    this.viewer = viewer;
  }

  private batch<K, V>(name: string, fetch: (keys: K[]) => Promise<Map<K, V>>): Batch<K, V> {
    let b = this.batches.get(name) as Batch<K, V> | undefined;
    if (!b) {
      b = new Batch(fetch);
      this.batches.set(name, b as Batch<unknown, unknown>);
    }
    return b;
  }

  track(id: number): Promise<TrackRecord | undefined> {
    return this.batch('track', (ids: number[]) => tracksByIds(this.db, ids, this.viewer)).load(id);
  }

  /** Tracks in the order given, skipping ids that name none. */
  async tracks(ids: readonly number[]): Promise<TrackRecord[]> {
    const found = await Promise.all(ids.map((id) => this.track(id)));
    return found.filter((t): t is TrackRecord => t !== undefined);
  }

  async credits(trackId: number): Promise<CreditRecord[]> {
    return (await this.batch('credits', (ids: number[]) => trackCredits(this.db, ids)).load(trackId)) ?? [];
  }

  async counts(trackId: number): Promise<PlayCounts> {
    const c = await this.batch('counts', (ids: number[]) => trackPlayCounts(this.db, ids, this.viewer)).load(
      trackId,
    );
    return c ?? { plays: 0, sets: 0, djs: 0 };
  }

  async transitions(trackId: number, direction: 'out' | 'in', first: number): Promise<TransitionRecord[]> {
    const b = this.batch(`transitions:${direction}:${first}`, (ids: number[]) =>
      trackTransitions(this.db, ids, direction, first),
    );
    return (await b.load(trackId)) ?? [];
  }

  async remixes(trackId: number, first: number): Promise<TrackRecord[]> {
    const b = this.batch(`remixes:${first}`, (ids: number[]) =>
      trackRemixes(this.db, ids, first, this.viewer),
    );
    return (await b.load(trackId)) ?? [];
  }

  async setsOfTrack(trackId: number, first: number): Promise<SetRecord[]> {
    const b = this.batch(`trackSets:${first}`, (ids: number[]) =>
      trackSets(this.db, ids, first, this.viewer),
    );
    return (await b.load(trackId)) ?? [];
  }

  set(id: number): Promise<SetRecord | undefined> {
    return this.batch('set', (ids: number[]) => setsByIds(this.db, ids, this.viewer)).load(id);
  }

  async performers(setId: number): Promise<{ id: number; name: string }[]> {
    return (await this.batch('performers', (ids: number[]) => setPerformers(this.db, ids)).load(setId)) ?? [];
  }

  async entries(setId: number, first: number): Promise<EntryRecord[]> {
    const b = this.batch(`entries:${first}`, (ids: number[]) => setEntries(this.db, ids, first));
    return (await b.load(setId)) ?? [];
  }

  artist(id: number): Promise<{ id: number; name: string } | undefined> {
    return this.batch('artist', (ids: number[]) => artistsByIds(this.db, ids)).load(id);
  }

  async aliases(artistId: number): Promise<string[]> {
    return (await this.batch('aliases', (ids: number[]) => artistAliases(this.db, ids)).load(artistId)) ?? [];
  }

  async artistTracks(artistId: number, first: number): Promise<TrackRecord[]> {
    const b = this.batch(`artistTracks:${first}`, (ids: number[]) =>
      artistTracks(this.db, ids, first, this.viewer),
    );
    return (await b.load(artistId)) ?? [];
  }

  async collaborations(
    artistId: number,
    first: number,
  ): Promise<{ id: number; name: string; tracks: number }[]> {
    const b = this.batch(`collaborations:${first}`, (ids: number[]) =>
      artistCollaborations(this.db, ids, first, this.viewer),
    );
    return (await b.load(artistId)) ?? [];
  }

  async evidence(from: number, to: number, first: number): Promise<EvidenceSet[]> {
    const b = this.batch(`evidence:${first}`, (keys: string[]) =>
      transitionEvidence(
        this.db,
        keys.map((k) => k.split('>').map(Number) as [number, number]),
        first,
      ),
    );
    return (await b.load(pairKey(from, to))) ?? [];
  }
}
