import type { Queryable } from '../database.ts';

export interface GraphCounts {
  tracks: number;
  artists: number;
  sets: number;
  setEntries: number;
  transitions: number;
}

/**
 * Counts of what the graph holds, in one round trip (PGlite runs queries one at a time).
 * Merged-away tracks are not counted: they live on in their survivor; nor are private sets (users' own
 * imports) and the tracks only they know.
 */
export async function graphCounts(db: Queryable): Promise<GraphCounts> {
  const [r] = await db.query<Record<keyof GraphCounts, number>>(
    `SELECT (SELECT count(*) FROM tracks WHERE merged_into IS NULL AND private_to IS NULL)::int AS "tracks",
            (SELECT count(*) FROM artists)::int AS "artists",
            (SELECT count(*) FROM sets WHERE visibility = 'public')::int AS "sets",
            (SELECT coalesce(sum(entry_count), 0) FROM sets WHERE visibility = 'public')::int AS "setEntries",
            (SELECT count(*) FROM transitions)::int AS "transitions"`,
  );
  return r!;
}
