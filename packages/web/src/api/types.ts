// Shapes of the server's answers. Catalog shapes (search, tracks, artists, sets) come from the
// generated OpenAPI types in schema.ts; the graph routes' documented schemas are still open objects,
// so their shapes are written here from the graph service until the document describes them.
import type { paths } from './schema.ts';

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { name: string; ok: boolean; detail?: string }[];
}

/** Name of a track as results mention it; `version` null = the base version. */
export interface TrackName {
  trackId: number;
  artist: string;
  title: string;
  version: string | null;
  mergedInto: number | null;
}
export type TrackNames = Record<string, TrackName>;

/** What the in-memory graph knows of a track. Unknown BPM, key, genre or year is null. */
export interface TrackInfo {
  trackId: number;
  bpm: number | null;
  key: string | null;
  genre: string | null;
  year: number | null;
  plays: number;
  artistIds: number[];
}

export interface EvidenceSet {
  setId: number;
  title: string | null;
  performers: string[];
  date: string | null;
  source: string;
  url: string | null;
  position: number;
}

export interface Transition {
  from: number;
  to: number;
  count: number;
  sets: number;
  djs: number;
  firstDate: string | null;
  lastDate: string | null;
  sources: string[];
  evidence: number;
  probability: number;
  evidenceSets?: EvidenceSet[];
}

export interface Neighbourhood {
  center: number;
  nodes: (TrackInfo & { hop: number })[];
  edges: Transition[];
  tracks: TrackNames;
}

export interface Played {
  trackId: number;
  transitions: Transition[];
  tracks: TrackNames;
}

export interface Subgraph {
  version: number;
  nodes: (TrackInfo & { x: number | null; y: number | null; size: number; community: number | null })[];
  edges: { source: number; target: number; count: number; djs: number; evidence: number }[];
}

export const RANKING_KINDS = ['most-played', 'most-connected', 'pagerank', 'bridges'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export interface Rankings {
  kind: RankingKind;
  ranked: (TrackInfo & { score: number })[];
  tracks: TrackNames;
}

/** A community's description, from its dominant genres and artists (the server's labelCommunities). */
export interface CommunityLabel {
  community: number;
  size: number;
  genres: { name: string; share: number }[];
  artists: { artistId: number; name: string | null; tracks: number }[];
  label: string;
}

export interface Communities {
  id: number;
  graphVersion: number;
  algorithm: string;
  modularity: number;
  createdAt?: string;
  count: number;
  /** Largest first. */
  communities?: CommunityLabel[];
  trackIds?: number[];
  membership?: number[];
}

export interface Layout {
  id: number;
  graphVersion: number;
  kind: string;
  trackIds: number[];
  /** x, y per track, in the order of trackIds. */
  positions: number[];
}

/** The harmonic ladder: each rule allows everything the ones before it allow. */
export const HARMONIC_RULES = ['same', 'adjacent', 'relative', 'energy_boost', 'any'] as const;
export type HarmonicRule = (typeof HARMONIC_RULES)[number];

export const ENERGY_CURVES = ['rising', 'falling', 'peak', 'flat'] as const;
export type EnergyCurve = (typeof ENERGY_CURVES)[number];

export interface PlanRequest {
  from: number;
  to: number;
  via?: number[];
  length?: number;
  maxBpmChange?: number;
  harmonic?: HarmonicRule;
  trust?: number;
  allowBridges?: boolean;
  halfDoubleTime?: boolean;
  energy?: EnergyCurve;
  k?: number;
}

export interface PlanStep {
  from: number;
  to: number;
  kind: 'observed' | 'bridge';
  count: number;
  sets: number;
  djs: number;
  probability: number;
  evidence: number;
  key: { from: string | null; to: string | null; relation: string | null; score: number | null };
  bpm: { from: number | null; to: number | null; changePercent: number | null; matchedAt: string | null };
  text: string;
  position: number;
  cost: number;
}

export interface PlannedSet {
  tracks: number[];
  steps: PlanStep[];
  totals: {
    cost: number;
    observedSteps: number;
    bridges: number;
    evidence: number;
    meanKeyScore: number | null;
    maxBpmChangePercent: number | null;
  };
}

export interface Plan {
  length: number;
  sets: PlannedSet[];
  tracks: TrackNames;
  /** When no set fits: between which two anchors it breaks, and the single changes that would work. */
  blocked?: {
    gap: { from: number; to: number };
    /** Cheapest first, in words. */
    changes: string[];
    message: string;
  };
}

export interface ImportAccepted {
  jobId: string;
  progress: string;
  events: string;
}

export interface JobProgressRecord {
  jobId: string;
  queue: string;
  state: string;
  progress: {
    done: number;
    total?: number;
    unit?: string;
    message?: string;
    [detail: string]: unknown;
  } | null;
  updatedAt: string;
}

export type ServerEvent =
  | { type: 'job.progress'; job: JobProgressRecord }
  | { type: 'graph.changed'; newTracks: number; changedTransitions: number };

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** GET /api/v1/search: tracks, artists and sets at once, typo tolerant. */
export type SearchResults = Json<'/api/v1/search'>;
/** GET /api/v1/tracks/{id}. */
export type TrackDetail = Json<'/api/v1/tracks/{id}'>;
/** GET /api/v1/artists/{id}. */
export type ArtistDetail = Json<'/api/v1/artists/{id}'>;
/** GET /api/v1/sets/{id}: entries in order, unknown ones with their raw line. */
export type SetDetail = Json<'/api/v1/sets/{id}'>;
/** GET /api/v1/stats. */
export type Stats = Json<'/api/v1/stats'>;

/** GET /api/v1/tracks/{id}/next: what could follow, observed or a compatible bridge, explained. */
export interface NextTracks {
  trackId: number;
  recommendations: (Omit<PlanStep, 'position'> & { evidenceSets?: EvidenceSet[] })[];
  tracks: TrackNames;
}
