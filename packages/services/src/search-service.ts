// The search box: tracks, artists and sets at once, typo-tolerant and accent-insensitive. The
// database proposes candidates (exact keys of the query's word spans, full-text words, trigram
// similarity for typos: db/repositories/search.ts); this ranks them against the whole query, counts
// plays and tracks for the few it keeps (the costly part, so not for every candidate), groups them by
// kind and counts facets of the tracks it answers.
import { artistKey, normaliseName, titleKey, trigramSimilarity } from '@songnodes/core';
import { type Database, searchCandidates, searchCounts, type TrackSummary } from '@songnodes/db';
import type { Principal } from './auth/access.ts';
import { invalid } from './errors.ts';
import { viewerOf } from './visibility.ts';

export const MAX_QUERY_LENGTH = 200;
/** Longest run of words scored as one span (`daft punk around the world` → up to 4 words joined). */
const MAX_SPAN_WORDS = 4;
/** Candidates scoring below this against the query are dropped (pg_trgm's own default threshold). */
const MIN_SCORE = 0.3;
/** Words that match too many artist names to propose candidates by (each still counts in the scores). */
const COMMON_NAME_WORDS = new Set(['the', 'and', 'feat', 'with']);

export interface SearchResult {
  query: string;
  tracks: (TrackSummary & { score: number; plays: number })[];
  artists: { id: number; name: string; score: number; tracks: number }[];
  sets: { id: number; title: string | null; date: string | null; source: string; performers: string[] }[];
  facets: SearchFacets;
}

export interface SearchFacets {
  genres: { value: string; count: number }[];
  keys: { value: string; count: number }[];
  years: { value: number; count: number }[];
  bpm: { min: number | null; max: number | null };
}

/** Contiguous runs of `minWords` or more of the folded query's words, each joined like the stored keys, longest first. */
export function querySpans(words: readonly string[], minWords = 1): string[] {
  const spans: string[] = [];
  for (let n = Math.min(MAX_SPAN_WORDS, words.length); n >= minWords; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const span = words.slice(i, i + n).join('');
      if (span.length >= 3 && !spans.includes(span)) spans.push(span);
    }
  return spans;
}

/** The words worth looking an artist up by: not the commonest, not under 3 letters (`DJ`, `MC`). */
export function nameWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => {
      const folded = normaliseName(w);
      return folded.length >= 3 && !COMMON_NAME_WORDS.has(folded);
    })
    .join(' ');
}

/**
 * The best `limit` by score, and every candidate tied with the last of them: only these need the
 * tie-breaking count, whatever it turns out to be.
 */
export function contenders<T extends { score: number }>(sorted: readonly T[], limit: number): T[] {
  if (sorted.length <= limit) return [...sorted];
  const cutoff = sorted[limit - 1]!.score;
  return sorted.filter((x) => x.score >= cutoff);
}

export function facetsOf(tracks: readonly TrackSummary[]): SearchFacets {
  const count = <K>(values: (K | null)[]) => {
    const m = new Map<K, number>();
    for (const v of values) if (v !== null) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count);
  };
  const bpms = tracks.map((t) => t.bpm).filter((b): b is number => b !== null);
  return {
    genres: count(tracks.map((t) => t.genre)),
    keys: count(tracks.map((t) => t.key)),
    years: count(tracks.map((t) => t.year)),
    bpm: { min: bpms.length ? Math.min(...bpms) : null, max: bpms.length ? Math.max(...bpms) : null },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export class SearchService {
  private readonly deps: { db: Database };

  constructor(deps: { db: Database }) {
    this.deps = deps;
  }

  /** Finds what the viewer may see: others' private sets and the tracks only they know never match. */
  async search(text: string, viewer: Principal, limit = 10): Promise<SearchResult> {
    const query = text.trim();
    if (query === '') throw invalid('q', 'the search text is empty');
    if (query.length > MAX_QUERY_LENGTH)
      throw invalid('q', `the search text is longer than ${MAX_QUERY_LENGTH} characters`);
    const words = normaliseName(query)
      .split(' ')
      .filter((w) => w !== '');
    const whole = words.join('');
    if (whole === '') throw invalid('q', 'the search text has no letters or digits to search for');
    const spans = querySpans(words);
    if (!spans.includes(whole)) spans.unshift(whole);
    const viewerId = viewerOf(viewer);
    const c = await searchCandidates(
      this.deps.db,
      {
        folded: whole,
        spans,
        nameSpans: [whole, ...querySpans(words, 2)],
        nameWords: nameWords(query),
        text: query,
      },
      limit,
      viewerId,
    );
    // Scores: how well the whole query matches the candidate's "artist title" (and its parts alone,
    // so a query naming only the title or only the artist still ranks its matches first).
    const scoredTracks = contenders(
      c.tracks
        .map((t) => {
          const artist = artistKey(t.artist);
          const title = t.titleKey || titleKey(t.title);
          const score = Math.max(
            trigramSimilarity(whole, artist + title),
            trigramSimilarity(whole, title + artist),
            trigramSimilarity(whole, title),
            0.9 * trigramSimilarity(whole, artist),
          );
          const { titleKey: _t, ...rest } = t;
          return { ...rest, score: round(score) };
        })
        .filter((t) => t.score >= MIN_SCORE)
        .sort((a, b) => b.score - a.score || a.id - b.id),
      limit,
    );
    const scoredArtists = contenders(
      c.artists
        .map((a) => ({
          id: a.id,
          name: a.name,
          // The best of the whole query and its spans: `daft pnuk around the world` still finds Daft Punk.
          score: round(Math.max(...spans.map((s) => trigramSimilarity(s, a.key)))),
        }))
        .filter((a) => a.score >= MIN_SCORE)
        .sort((a, b) => b.score - a.score || a.id - b.id),
      limit,
    );
    const counts = await searchCounts(
      this.deps.db,
      { tracks: scoredTracks.map((t) => t.id), artists: scoredArtists.map((a) => a.id) },
      viewerId,
    );
    const tracks = scoredTracks
      .map((t) => ({ ...t, plays: counts.plays.get(t.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || b.plays - a.plays || a.id - b.id)
      .slice(0, limit);
    const artists = scoredArtists
      .map((a) => ({ ...a, tracks: counts.tracks.get(a.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || b.tracks - a.tracks || a.id - b.id)
      .slice(0, limit);
    return { query, tracks, artists, sets: c.sets, facets: facetsOf(tracks) };
  }
}
