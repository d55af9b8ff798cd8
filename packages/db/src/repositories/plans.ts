// Saved plans: a person's planned sets, the tracks in order with the constraints that made them.
import type { Queryable } from '../database.ts';
import type { Page, TrackSummary } from './catalog.ts';

export interface PlanRecord {
  id: number;
  name: string;
  trackIds: number[];
  constraints: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

type PlanRow = {
  id: number;
  name: string;
  track_ids: number[];
  constraints: Record<string, unknown> | string;
  created_at: Date | string;
  updated_at: Date | string;
};
const planOf = (r: PlanRow): PlanRecord => ({
  id: r.id,
  name: r.name,
  trackIds: r.track_ids,
  constraints: typeof r.constraints === 'string' ? JSON.parse(r.constraints) : r.constraints,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});
const COLUMNS = 'id, name, track_ids, constraints, created_at, updated_at';

export async function insertPlan(
  q: Queryable,
  p: { name: string; trackIds: number[]; constraints: Record<string, unknown> },
): Promise<PlanRecord> {
  const [r] = await q.query<PlanRow>(
    `INSERT INTO saved_plans (name, track_ids, constraints) VALUES ($1, $2::int[], $3::jsonb) RETURNING ${COLUMNS}`,
    [p.name, p.trackIds, JSON.stringify(p.constraints)],
  );
  return planOf(r!);
}

export async function getPlan(q: Queryable, id: number): Promise<PlanRecord | null> {
  const [r] = await q.query<PlanRow>(`SELECT ${COLUMNS} FROM saved_plans WHERE id = $1`, [id]);
  return r ? planOf(r) : null;
}

export async function listPlans(
  q: Queryable,
  page: { after?: number; limit: number },
): Promise<Page<PlanRecord>> {
  const rows = await q.query<PlanRow>(
    `SELECT ${COLUMNS} FROM saved_plans WHERE id > $1 ORDER BY id LIMIT $2`,
    [page.after ?? 0, page.limit + 1],
  );
  const items = rows.slice(0, page.limit).map(planOf);
  return { items, next: rows.length > page.limit ? items[items.length - 1]!.id : null };
}

export async function updatePlan(
  q: Queryable,
  id: number,
  p: { name?: string; trackIds?: number[]; constraints?: Record<string, unknown> },
): Promise<PlanRecord | null> {
  const [r] = await q.query<PlanRow>(
    `UPDATE saved_plans SET name = coalesce($2, name), track_ids = coalesce($3::int[], track_ids),
       constraints = coalesce($4::jsonb, constraints), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, p.name ?? null, p.trackIds ?? null, p.constraints ? JSON.stringify(p.constraints) : null],
  );
  return r ? planOf(r) : null;
}

export async function deletePlan(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('DELETE FROM saved_plans WHERE id = $1 RETURNING id', [id])).length > 0;
}

/**
 * Summaries of live tracks by id (merged-away ids are absent), for checking and showing a plan. Saved
 * plans are shared (they have no owner), so tracks only private sets know are absent too.
 */
export async function trackSummaries(
  q: Queryable,
  ids: readonly number[],
): Promise<Map<number, TrackSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{
    id: number;
    artist_name: string;
    title: string;
    version: string | null;
    bpm: number | null;
    camelot_key: string | null;
    genre: string | null;
    year: number | null;
  }>(
    `SELECT id, artist_name, title, version, bpm, camelot_key, genre, year FROM tracks
     WHERE id = ANY($1::int[]) AND merged_into IS NULL AND private_to IS NULL`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        artist: r.artist_name,
        title: r.title,
        version: r.version,
        bpm: r.bpm,
        key: r.camelot_key,
        genre: r.genre,
        year: r.year,
      },
    ]),
  );
}
