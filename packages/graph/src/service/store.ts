// What the graph service needs from storage, as an interface: the db module implements it
// (`graphStore(db)` in @songnodes/db), tests can hand-build one. Keeping it an interface keeps this
// package free of SQL and of a dependency on the database layer.
import type { GraphDelta, GraphSnapshot } from '../snapshot.ts';

/** What changed after an import or a merge (the shape ingest's `onChange` reports). */
export interface GraphChange {
  newTrackIds: number[];
  changedPairs: [number, number][];
}

/** How a track is named for people. */
export interface TrackName {
  trackId: number;
  artist: string;
  title: string;
  version: string | null;
  /** Set when a dedupe merge folded this track into another. */
  mergedInto: number | null;
}

/** One set in which a transition was played: the evidence behind it. */
export interface EvidenceSet {
  setId: number;
  title: string | null;
  performers: string[];
  /** ISO date, or null when unknown. */
  date: string | null;
  source: string;
  url: string | null;
  /** Position of the `from` entry in the set. */
  position: number;
}

export interface CommunityLabelRecord {
  community: number;
  size: number;
  label: string;
  genres: { name: string; share: number }[];
  artists: { artistId: number; name: string | null; tracks: number }[];
}

/** Communities as stored: parallel arrays, one community per track id. */
export interface StoredCommunities {
  id: number;
  graphVersion: number;
  algorithm: string;
  trackIds: Int32Array;
  communities: Int32Array;
  labels: CommunityLabelRecord[];
  modularity: number | null;
  createdAt: string;
}

/** A layout as stored: x, y per track id (positions has 2 values per track). */
export interface StoredLayout {
  id: number;
  graphVersion: number;
  kind: string;
  trackIds: Int32Array;
  positions: Float32Array;
  params: Record<string, unknown>;
  createdAt: string;
}

export type NewCommunities = Omit<StoredCommunities, 'id' | 'graphVersion' | 'createdAt'>;
export type NewLayout = Omit<StoredLayout, 'id' | 'graphVersion' | 'createdAt'>;

export interface GraphStore {
  /** The whole graph: live (not merged-away) tracks and all transitions. */
  loadSnapshot(): Promise<GraphSnapshot>;
  /** New totals of the tracks and pairs of one change event; `version` is stamped on the delta. */
  loadDelta(change: GraphChange, version: number): Promise<GraphDelta>;
  /** Tracks whose identity key (exact version) or original key (any version) is the one given. */
  findTracks(keys: {
    key: string;
    originalKey: string;
  }): Promise<{ exact: TrackName[]; original: TrackName[] }>;
  /**
   * Versions of one recording (a track, its original, remixes, edits): track id → a group number
   * shared by the versions; tracks with no other version are left out. Used by the planner.
   */
  recordingGroups(): Promise<Map<number, number>>;
  trackNames(trackIds: readonly number[]): Promise<Map<number, TrackName>>;
  artistNames(artistIds: readonly number[]): Promise<Map<number, string>>;
  /** The sets behind each pair (most recent first, at most `perPair` each), keyed `from>to`. */
  evidence(pairs: readonly [number, number][], perPair: number): Promise<Map<string, EvidenceSet[]>>;
  latestCommunities(): Promise<StoredCommunities | null>;
  /** Stores communities with a new graph version row (track and transition counts given). */
  saveCommunities(
    c: NewCommunities,
    counts: { tracks: number; transitions: number },
  ): Promise<StoredCommunities>;
  latestLayout(kind: string): Promise<StoredLayout | null>;
  saveLayout(l: NewLayout, counts: { tracks: number; transitions: number }): Promise<StoredLayout>;
}

/** Key of a pair in `evidence` results. */
export const pairKey = (from: number, to: number) => `${from}>${to}`;
