// The input of the graph module: a columnar snapshot of tracks and aggregated transitions.
// The db loader fills it straight from SQL result columns into typed arrays — no object per edge —
// and the index (graph-index.ts) is built from it. Unknown values have one marker per column
// (NaN, -1, 0 or NO_DAY, documented on each field); they are never replaced by a default.

/** Marker for "no date known" in the day-number columns (days since 1970-01-01, UTC). */
export const NO_DAY = -2147483648;

/** Tracks, one row per index position 0…nodeCount-1. Rows may come in any order of trackId. */
export interface SnapshotNodes {
  /** Database track id (a positive integer). Unique. */
  trackId: Uint32Array;
  /** BPM; NaN = unknown. */
  bpm: Float32Array;
  /** Camelot key as its position in core's CAMELOT_KEYS (0 = 1A, 1 = 1B, … 23 = 12B); -1 = unknown. Use keyCode(). */
  key: Int8Array;
  /** Index into `genres`; -1 = unknown. */
  genre: Int32Array;
  /** Release year; 0 = unknown. */
  year: Uint16Array;
  /** Track length in seconds; NaN = unknown. */
  durationSeconds: Float32Array;
  /** How many set entries play this track (the "most played" ranking). */
  plays: Uint32Array;
  /** Primary artists as CSR: artists of row i are artistIds[artistOffsets[i] … artistOffsets[i+1]). Length nodeCount+1. */
  artistOffsets: Uint32Array;
  artistIds: Uint32Array;
}

/** Aggregated transitions (the `transitions` table), one row per directed pair. */
export interface SnapshotEdges {
  /** Track ids (not row positions) of both ends. */
  from: Uint32Array;
  to: Uint32Array;
  /** How many times B was played right after A. */
  count: Uint32Array;
  /** In how many distinct sets. */
  sets: Uint32Array;
  /** By how many distinct DJs (performers). */
  djs: Uint32Array;
  /** First and last date the transition was seen, as day numbers; NO_DAY = unknown. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Bit i set = seen in sets from `sourceNames[i]`; 0 = sources not loaded (excluded by a source filter). */
  sources: Uint32Array;
}

export interface GraphSnapshot {
  /** Version of the data the snapshot was read at (communities and layouts are stored against it). */
  version: number;
  nodeCount: number;
  edgeCount: number;
  nodes: SnapshotNodes;
  edges: SnapshotEdges;
  /** Genre names; SnapshotNodes.genre indexes into it. */
  genres: string[];
  /** Source names for the `sources` bitmask (at most 32). */
  sourceNames: string[];
}

/** One track, as it appears in a delta (and as written by hand in tests). */
export interface NodeRecord {
  trackId: number;
  bpm: number | null;
  /** Camelot notation '1A'…'12B', or null. */
  key: string | null;
  genre: string | null;
  year: number | null;
  durationSeconds?: number | null;
  plays?: number;
  artistIds?: number[];
}

/** One transition with its new totals. count 0 means the transition no longer exists. */
export interface EdgeRecord {
  from: number;
  to: number;
  count: number;
  sets: number;
  djs: number;
  /** ISO dates `YYYY-MM-DD`, or null. */
  firstDate?: string | null;
  lastDate?: string | null;
  /** Source names (must be in the snapshot's sourceNames). */
  sources?: string[];
}

/**
 * What changed after an import: every node and edge listed carries its complete new state.
 * Nodes are added or updated (removing tracks needs a rebuild); an edge with count 0 is removed.
 */
export interface GraphDelta {
  version: number;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/** Allocates an empty snapshot of the given size, for loaders that fill columns row by row. */
export function allocateSnapshot(nodeCount: number, edgeCount: number, artistLinks: number): GraphSnapshot {
  return {
    version: 0,
    nodeCount,
    edgeCount,
    genres: [],
    sourceNames: [],
    nodes: {
      trackId: new Uint32Array(nodeCount),
      bpm: new Float32Array(nodeCount).fill(Number.NaN),
      key: new Int8Array(nodeCount).fill(-1),
      genre: new Int32Array(nodeCount).fill(-1),
      year: new Uint16Array(nodeCount),
      durationSeconds: new Float32Array(nodeCount).fill(Number.NaN),
      plays: new Uint32Array(nodeCount),
      artistOffsets: new Uint32Array(nodeCount + 1),
      artistIds: new Uint32Array(artistLinks),
    },
    edges: {
      from: new Uint32Array(edgeCount),
      to: new Uint32Array(edgeCount),
      count: new Uint32Array(edgeCount),
      sets: new Uint32Array(edgeCount),
      djs: new Uint32Array(edgeCount),
      firstDay: new Int32Array(edgeCount).fill(NO_DAY),
      lastDay: new Int32Array(edgeCount).fill(NO_DAY),
      sources: new Uint32Array(edgeCount),
    },
  };
}
