// Counts over the whole catalogue for the analytics view: top tracks, transitions and DJs, genres, and
// activity per month, each under the graph's filters (track BPM, key, genre; set year and source;
// transition count and DJs), over public sets only. Aggregates over set_entries scale with the entries a
// filter keeps.
import type { Queryable } from '../database.ts';
import { Conditions, type TrackSummary } from './catalog.ts';

export interface AnalyticsFilter {
  bpmMin?: number;
  bpmMax?: number;
  keys?: string[];
  genres?: string[];
  yearFrom?: number;
  yearTo?: number;
  sources?: string[];
  minCount?: number;
  minDjs?: number;
}

/** Conditions on a track (alias `t`) and, when `set` is given, on its set (alias `s`, `src`). */
function trackConditions(c: Conditions, f: AnalyticsFilter, t = 't') {
  if (f.bpmMin !== undefined) c.add((p) => `${t}.bpm >= ${p}`, f.bpmMin);
  if (f.bpmMax !== undefined) c.add((p) => `${t}.bpm <= ${p}`, f.bpmMax);
  if (f.keys !== undefined) c.add((p) => `${t}.camelot_key = ANY(${p}::text[])`, f.keys);
  if (f.genres !== undefined) c.add((p) => `${t}.genre = ANY(${p}::text[])`, f.genres);
}
function setConditions(c: Conditions, f: AnalyticsFilter) {
  // The shared catalogue's figures: private sets (users' own imports) are nobody else's to count.
  c.raw(`s.visibility = 'public'`);
  if (f.yearFrom !== undefined) c.add((p) => `s.played_on >= make_date(${p}::int, 1, 1)`, f.yearFrom);
  if (f.yearTo !== undefined) c.add((p) => `s.played_on < make_date(${p}::int + 1, 1, 1)`, f.yearTo);
  if (f.sources !== undefined) c.add((p) => `src.name = ANY(${p}::text[])`, f.sources);
}

type Row = Record<string, unknown>;
const summary = (r: Row): TrackSummary => ({
  id: r.id as number,
  artist: r.artist_name as string,
  title: r.title as string,
  version: r.version as string | null,
  bpm: r.bpm as number | null,
  key: r.camelot_key as string | null,
  genre: r.genre as string | null,
  year: r.year as number | null,
});

export async function topTracks(q: Queryable, f: AnalyticsFilter, limit: number) {
  const c = new Conditions();
  c.raw('t.merged_into IS NULL');
  trackConditions(c, f);
  setConditions(c, f);
  c.params.push(limit);
  const rows = await q.query(
    `SELECT t.id, t.artist_name, t.title, t.version, t.bpm, t.camelot_key, t.genre, t.year,
            count(*)::int AS plays, count(DISTINCT e.set_id)::int AS sets
     FROM set_entries e JOIN tracks t ON t.id = e.track_id JOIN sets s ON s.id = e.set_id
     JOIN sources src ON src.id = s.source_id ${c.where()}
     GROUP BY t.id ORDER BY plays DESC, t.id LIMIT $${c.params.length}`,
    c.params,
  );
  return rows.map((r) => ({ track: summary(r), plays: r.plays as number, sets: r.sets as number }));
}

export async function topTransitions(q: Queryable, f: AnalyticsFilter, limit: number) {
  const c = new Conditions();
  trackConditions(c, f, 'a');
  trackConditions(c, f, 'b');
  if (f.minCount !== undefined) c.add((p) => `x.count >= ${p}`, f.minCount);
  if (f.minDjs !== undefined) c.add((p) => `x.dj_count >= ${p}`, f.minDjs);
  if (f.yearFrom !== undefined) c.add((p) => `x.last_date >= make_date(${p}::int, 1, 1)`, f.yearFrom);
  if (f.yearTo !== undefined) c.add((p) => `x.first_date < make_date(${p}::int + 1, 1, 1)`, f.yearTo);
  if (f.sources !== undefined)
    c.add(
      (
        p,
      ) => `EXISTS (SELECT 1 FROM set_transitions st JOIN sets s ON s.id = st.set_id JOIN sources src ON src.id = s.source_id
               WHERE st.from_track_id = x.from_track_id AND st.to_track_id = x.to_track_id AND src.name = ANY(${p}::text[]))`,
      f.sources,
    );
  c.params.push(limit);
  const rows = await q.query(
    `SELECT x.count, x.dj_count, x.set_count, x.first_date::text AS first_date, x.last_date::text AS last_date,
            a.id AS a_id, a.artist_name AS a_artist, a.title AS a_title, a.version AS a_version,
            b.id AS b_id, b.artist_name AS b_artist, b.title AS b_title, b.version AS b_version
     FROM transitions x JOIN tracks a ON a.id = x.from_track_id JOIN tracks b ON b.id = x.to_track_id
     ${c.where()} ORDER BY x.count DESC, x.dj_count DESC, x.from_track_id, x.to_track_id LIMIT $${c.params.length}`,
    c.params,
  );
  return rows.map((r) => ({
    from: {
      id: r.a_id as number,
      artist: r.a_artist as string,
      title: r.a_title as string,
      version: r.a_version as string | null,
    },
    to: {
      id: r.b_id as number,
      artist: r.b_artist as string,
      title: r.b_title as string,
      version: r.b_version as string | null,
    },
    count: r.count as number,
    djs: r.dj_count as number,
    sets: r.set_count as number,
    firstDate: r.first_date as string | null,
    lastDate: r.last_date as string | null,
  }));
}

export async function topDjs(q: Queryable, f: AnalyticsFilter, limit: number) {
  const c = new Conditions();
  setConditions(c, f);
  c.params.push(limit);
  const rows = await q.query<{ id: number; name: string; sets: number; entries: number }>(
    `SELECT a.id, a.name, count(*)::int AS sets, sum(s.entry_count)::int AS entries
     FROM set_performers sp JOIN artists a ON a.id = sp.artist_id JOIN sets s ON s.id = sp.set_id
     JOIN sources src ON src.id = s.source_id ${c.where()}
     GROUP BY a.id, a.name ORDER BY sets DESC, entries DESC, a.id LIMIT $${c.params.length}`,
    c.params,
  );
  return rows;
}

export async function genreCounts(q: Queryable, f: AnalyticsFilter) {
  const c = new Conditions();
  c.raw('t.merged_into IS NULL');
  trackConditions(c, f);
  setConditions(c, f);
  return q.query<{ genre: string | null; plays: number; tracks: number }>(
    `SELECT t.genre, count(*)::int AS plays, count(DISTINCT t.id)::int AS tracks
     FROM set_entries e JOIN tracks t ON t.id = e.track_id JOIN sets s ON s.id = e.set_id
     JOIN sources src ON src.id = s.source_id ${c.where()}
     GROUP BY t.genre ORDER BY plays DESC, t.genre NULLS LAST`,
    c.params,
  );
}

export async function activityByMonth(q: Queryable, f: AnalyticsFilter) {
  const c = new Conditions();
  c.raw('s.played_on IS NOT NULL');
  setConditions(c, f);
  return q.query<{ month: string; sets: number; entries: number }>(
    `SELECT to_char(date_trunc('month', s.played_on), 'YYYY-MM') AS month, count(*)::int AS sets,
            sum(s.entry_count)::int AS entries
     FROM sets s JOIN sources src ON src.id = s.source_id ${c.where()}
     GROUP BY 1 ORDER BY 1`,
    c.params,
  );
}
