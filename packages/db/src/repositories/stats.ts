import { count, isNull } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { artists, setEntries, sets, tracks, transitions } from '../schema.ts';

export interface GraphCounts {
  tracks: number;
  artists: number;
  sets: number;
  setEntries: number;
  transitions: number;
}

/** Counts of what the graph holds. Merged-away tracks are not counted: they live on in their survivor. */
export async function graphCounts(db: Database): Promise<GraphCounts> {
  const one = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const [t, a, s, e, tr] = await Promise.all([
    one(db.orm.select({ n: count() }).from(tracks).where(isNull(tracks.mergedInto))),
    one(db.orm.select({ n: count() }).from(artists)),
    one(db.orm.select({ n: count() }).from(sets)),
    one(db.orm.select({ n: count() }).from(setEntries)),
    one(db.orm.select({ n: count() }).from(transitions)),
  ]);
  return { tracks: t, artists: a, sets: s, setEntries: e, transitions: tr };
}
