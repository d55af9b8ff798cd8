// Saved plans: create, list, read, change and delete a person's planned sets. Every track of a plan
// must be a live track (a merged-away id is refused, naming its position), so a saved plan can always
// be shown and exported.
import {
  type Database,
  deletePlan,
  getPlan,
  insertPlan,
  listPlans,
  type Page,
  type PlanRecord,
  type TrackSummary,
  trackSummaries,
  updatePlan,
} from '@songnodes/db';
import { invalid, notFound } from './errors.ts';

export const MAX_PLAN_TRACKS = 500;

export interface PlanInput {
  name?: string;
  tracks?: number[];
  constraints?: Record<string, unknown>;
}

export class PlanService {
  private readonly db: Database;

  constructor(deps: { db: Database }) {
    this.db = deps.db;
  }

  private async checkTracks(ids: number[]): Promise<void> {
    if (ids.length === 0) throw invalid('tracks', 'a plan needs at least one track');
    if (ids.length > MAX_PLAN_TRACKS)
      throw invalid('tracks', `a plan holds at most ${MAX_PLAN_TRACKS} tracks`);
    const found = await trackSummaries(this.db, ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw invalid(`tracks.${missing}`, `no track ${ids[missing]} (position ${missing + 1})`);
  }

  async create(p: Required<Pick<PlanInput, 'name' | 'tracks'>> & PlanInput): Promise<PlanRecord> {
    await this.checkTracks(p.tracks);
    return insertPlan(this.db, { name: p.name, trackIds: p.tracks, constraints: p.constraints ?? {} });
  }

  list(page: { after?: number; limit: number }): Promise<Page<PlanRecord>> {
    return listPlans(this.db, page);
  }

  async get(id: number): Promise<PlanRecord & { tracks: (TrackSummary | null)[] }> {
    const p = await getPlan(this.db, id);
    if (!p) throw notFound(`no plan ${id}`, 'id');
    const names = await trackSummaries(this.db, p.trackIds);
    // A track merged or deleted since the plan was saved shows as null at its position.
    return { ...p, tracks: p.trackIds.map((t) => names.get(t) ?? null) };
  }

  async update(id: number, p: PlanInput): Promise<PlanRecord> {
    if (p.tracks) await this.checkTracks(p.tracks);
    const r = await updatePlan(this.db, id, { name: p.name, trackIds: p.tracks, constraints: p.constraints });
    if (!r) throw notFound(`no plan ${id}`, 'id');
    return r;
  }

  async delete(id: number): Promise<void> {
    if (!(await deletePlan(this.db, id))) throw notFound(`no plan ${id}`, 'id');
  }
}
