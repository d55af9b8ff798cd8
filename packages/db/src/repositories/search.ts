// Candidates for the search box, from pg_trgm's GIN indexes. Stored keys are folded by core (case,
// accents, punctuation, spaces removed: `Daft Punk` → `daftpunk`), so the caller folds the query the
// same way and passes its word spans (`daft pnuk around` → `daftpnuk`, `pnukaround`, `daft`, …): a key
// matches when it is trigram-similar to one span (`%`, similarity ≥ pg_trgm.similarity_threshold, 0.3).
// Each `key % $n` is an index condition, so the ORs become one BitmapOr over the index. Ranking the
// candidates is the caller's (it knows the whole query); this returns at most `limit` of each kind.
import type { Queryable } from '../database.ts';
import type { TrackSummary } from './catalog.ts';

export interface SearchCandidates {
  artists: { id: number; name: string; key: string; tracks: number }[];
  tracks: (TrackSummary & { artistKeys: string[]; titleKey: string; plays: number })[];
  sets: { id: number; title: string | null; date: string | null; source: string; performers: string[] }[];
}

export async function searchCandidates(
  q: Queryable,
  query: { spans: string[]; words: string[] },
  limit: number,
): Promise<SearchCandidates> {
  const spans = query.spans.slice(0, 16);
  if (spans.length === 0) return { artists: [], tracks: [], sets: [] };
  const params: unknown[] = [...spans];
  const any = (col: string) => spans.map((_, i) => `${col} % $${i + 1}`).join(' OR ');
  params.push(limit);
  const lim = `$${params.length}`;
  params.push(query.words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const words = `$${params.length}`;
  // One round trip: PGlite runs one statement at a time.
  const [r] = await q.query<{ artists: unknown; tracks: unknown; sets: unknown }>(
    `WITH a AS (
       SELECT a.id, a.name, a.key FROM artists a WHERE ${any('a.key')} LIMIT ${lim} * 4),
     cand AS (
       (SELECT t.id FROM tracks t WHERE (${any('t.title_key')}) AND t.merged_into IS NULL LIMIT ${lim} * 8)
       UNION
       (SELECT ta.track_id FROM a JOIN track_artists ta ON ta.artist_id = a.id AND ta.role = 'primary'
        LIMIT ${lim} * 8)),
     t AS (
       SELECT t.id, t.artist_name AS artist, t.title, t.version, t.bpm, t.camelot_key AS key, t.genre, t.year,
              t.title_key AS "titleKey",
              (SELECT coalesce(array_agg(ka.key), '{}') FROM track_artists kt JOIN artists ka ON ka.id = kt.artist_id
                WHERE kt.track_id = t.id AND kt.role = 'primary') AS "artistKeys",
              (SELECT count(*) FROM set_entries e WHERE e.track_id = t.id)::int AS plays
       FROM cand JOIN tracks t ON t.id = cand.id AND t.merged_into IS NULL),
     s AS (
       SELECT s.id, s.title, s.played_on::text AS date, src.name AS source,
              (SELECT coalesce(array_agg(pa.name ORDER BY sp.position), '{}') FROM set_performers sp
                 JOIN artists pa ON pa.id = sp.artist_id WHERE sp.set_id = s.id) AS performers
       FROM sets s JOIN sources src ON src.id = s.source_id
       WHERE s.title ILIKE ALL(${words}::text[])
       ORDER BY s.played_on DESC NULLS LAST, s.id LIMIT ${lim})
     SELECT
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT a.*, (SELECT count(*) FROM track_artists ta WHERE ta.artist_id = a.id)::int AS tracks FROM a) x)
          AS artists,
       (SELECT coalesce(json_agg(t), '[]') FROM t) AS tracks,
       (SELECT coalesce(json_agg(s), '[]') FROM s) AS sets`,
    params,
  );
  const parse = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]));
  return {
    artists: parse(r!.artists),
    tracks: parse(r!.tracks),
    sets: parse(r!.sets),
  };
}
