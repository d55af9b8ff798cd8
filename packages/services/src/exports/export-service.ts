// Exports from the API's side: check the request (naming the field at fault), enqueue the export job,
// and answer its status and its file. The file is written by the job into the export folder
// (`<SONGNODES_DATA_DIR>/exports`, beside the uploads) and read back from there; see docs/exports.md.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  type Database,
  type GraphExportFilter,
  getPlan,
  holdsPrivateData,
  playlistTracks,
  setPlaylist,
} from '@songnodes/db';
import type { JobDefinition, JobQueue } from '@songnodes/jobs';
import type { Principal } from '../auth/access.ts';
import { type AuditService, NO_REQUEST, type RequestContext } from '../auth/audit-service.ts';
import { checkKeys, invalid, notFound, ServiceError } from '../errors.ts';
import { viewerOf } from '../visibility.ts';
import { EXPORT_KEEP_HOURS, type ExportJob, type ExportResult } from './export-job.ts';
import {
  type ExportKind,
  GRAPH_FORMATS,
  isGraphFormat,
  isPlaylistFormat,
  PLAYLIST_FORMATS,
} from './formats.ts';

/** The most tracks one plan or track list may name. */
export const MAX_EXPORT_TRACKS = 10_000;

export interface ExportRequest {
  kind: ExportKind;
  format: string;
  tracks?: number[];
  setId?: number;
  planId?: number;
  plan?: { tracks: number[]; name?: string };
  filters?: GraphExportFilter;
  /** Name of the playlist of a track list. */
  name?: string;
}

/** A job's state, or `expired`: completed, and its file removed since (kept EXPORT_KEEP_HOURS). */
export type ExportState = 'queued' | 'active' | 'completed' | 'failed' | 'retrying' | 'cancelled' | 'expired';

export interface ExportStatus {
  jobId: string;
  status: ExportState;
  /** Where the file can be downloaded; null until it is ready. */
  download: string | null;
  file?: ExportResult;
  /** Why it failed. */
  message?: string;
}

const base = (jobId: string) => `/api/v1/exports/${jobId}`;

/** Fields that belong to other kinds are refused rather than ignored: a client sending them meant something. */
const FIELDS_OF: Record<ExportKind, readonly (keyof ExportRequest)[]> = {
  graph: ['filters'],
  set: ['setId'],
  plan: ['plan', 'planId'],
  tracks: ['tracks', 'name'],
};

export class ExportService {
  private readonly deps: {
    db: Database;
    jobs: JobQueue;
    dir: string;
    job: JobDefinition<ExportJob>;
    audit?: AuditService;
  };

  /** With `audit`, exports of private data (a private set, private tracks) are recorded (export.private). */
  constructor(deps: {
    db: Database;
    jobs: JobQueue;
    dir: string;
    job: JobDefinition<ExportJob>;
    audit?: AuditService;
  }) {
    this.deps = deps;
  }

  async create(
    r: ExportRequest,
    viewer: Principal,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<{ jobId: string; status: 'queued'; download: string; self: string }> {
    for (const field of ['tracks', 'setId', 'planId', 'plan', 'filters', 'name'] as const)
      if (r[field] !== undefined && !FIELDS_OF[r.kind].includes(field))
        throw invalid(field, `${field} does not apply to a ${r.kind} export`);
    const payload = { ...(await this.payloadOf(r, viewerOf(viewer))), viewer: viewerOf(viewer) };
    const jobId = await this.deps.jobs.send(this.deps.job, payload);
    // Only the viewer's own private data can be in it (reads are filtered); saved plans hold public tracks.
    if (
      this.deps.audit &&
      payload.viewer !== null &&
      (await holdsPrivateData(this.deps.db, { setId: payload.setId, trackIds: payload.trackIds }))
    )
      await this.deps.audit.record(viewer, 'export.private', {
        target: payload.setId !== undefined ? `set:${payload.setId}` : `export:${jobId}`,
        details: { jobId, kind: r.kind, format: r.format },
        ctx,
      });
    return { jobId, status: 'queued', download: `${base(jobId)}/download`, self: base(jobId) };
  }

  private async payloadOf(r: ExportRequest, viewer: number | null): Promise<ExportJob> {
    const dir = this.deps.dir;
    if (r.kind === 'graph') {
      if (!isGraphFormat(r.format))
        throw invalid(
          'format',
          `a graph export is ${GRAPH_FORMATS.join(', ')}; not ${JSON.stringify(r.format)}`,
        );
      const f = r.filters ?? {};
      checkKeys(f.keys, 'filters.keys');
      if (f.bpmMin !== undefined && f.bpmMax !== undefined && f.bpmMin > f.bpmMax)
        throw invalid('filters.bpmMin', `bpmMin (${f.bpmMin}) is above bpmMax (${f.bpmMax})`);
      if (f.yearFrom !== undefined && f.yearTo !== undefined && f.yearFrom > f.yearTo)
        throw invalid('filters.yearFrom', `yearFrom (${f.yearFrom}) is after yearTo (${f.yearTo})`);
      return { kind: 'graph', format: r.format, dir, filters: r.filters };
    }
    if (!isPlaylistFormat(r.format))
      throw invalid(
        'format',
        `a ${r.kind} export is ${PLAYLIST_FORMATS.join(', ')}; not ${JSON.stringify(r.format)}`,
      );
    if (r.kind === 'set') {
      if (r.setId === undefined) throw invalid('setId', 'a set export names its set: setId');
      const set = await setPlaylist(this.deps.db, r.setId, viewer);
      if (!set) throw notFound(`no set ${r.setId}`, 'setId');
      if (set.trackIds.length === 0)
        throw invalid(
          'setId',
          `set ${r.setId} has no identified tracks: there is nothing a playlist can hold`,
        );
      return { kind: 'set', format: r.format, dir, setId: r.setId };
    }
    if (r.kind === 'plan') {
      if (r.planId !== undefined && r.plan !== undefined)
        throw invalid('plan', 'name a saved plan (planId) or send one (plan), not both');
      if (r.planId !== undefined) {
        const saved = await getPlan(this.deps.db, r.planId);
        if (!saved) throw notFound(`no plan ${r.planId}`, 'planId');
        return { kind: 'plan', format: r.format, dir, planId: r.planId };
      }
      if (!r.plan)
        throw invalid(
          'plan',
          'a plan export names a saved plan (planId) or sends one: plan: { tracks, name }',
        );
      const trackIds = await this.checkTracks(r.plan.tracks, 'plan.tracks', viewer);
      return { kind: 'plan', format: r.format, dir, trackIds, name: r.plan.name };
    }
    const trackIds = await this.checkTracks(r.tracks, 'tracks', viewer);
    return { kind: 'tracks', format: r.format, dir, trackIds, name: r.name };
  }

  private async checkTracks(
    ids: number[] | undefined,
    field: string,
    viewer: number | null,
  ): Promise<number[]> {
    if (!ids || ids.length === 0) throw invalid(field, `${field} must name at least one track id`);
    if (ids.length > MAX_EXPORT_TRACKS)
      throw invalid(field, `${field} names ${ids.length} tracks; at most ${MAX_EXPORT_TRACKS}`);
    const { missing } = await playlistTracks(this.deps.db, ids, viewer);
    if (missing.length > 0) {
      const i = missing[0]!;
      const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
      throw invalid(`${field}.${i}`, `no track ${ids[i]}${more}`);
    }
    return ids;
  }

  async status(jobId: string, viewer: Principal): Promise<ExportStatus> {
    const p = await this.deps.jobs.progressOf(jobId);
    if (!p || p.queue !== this.deps.job.queue) throw notFound(`no export ${jobId}`, 'jobId');
    const status = p.state as ExportState;
    const result = p.progress.result as ExportResult | undefined;
    // An export made for a user may hold their private sets: to anyone else it does not exist.
    if (result?.viewer != null && result.viewer !== viewerOf(viewer))
      throw notFound(`no export ${jobId}`, 'jobId');
    if (status === 'completed' && result) {
      if (!(await stat(this.pathOf(result)).catch(() => null)))
        return {
          jobId,
          status: 'expired',
          download: null,
          message: `export files are kept ${EXPORT_KEEP_HOURS} hours; this one is gone: export again`,
        };
      return { jobId, status, download: `${base(jobId)}/download`, file: result };
    }
    const message = typeof p.progress.message === 'string' ? p.progress.message : undefined;
    return { jobId, status, download: null, ...(message && status !== 'active' ? { message } : {}) };
  }

  /** The name comes from the job's own result; basename keeps it inside the export folder regardless. */
  private pathOf(result: ExportResult): string {
    return join(this.deps.dir, basename(result.file));
  }

  /** The finished file as a stream with its name and type; not_ready while it is being made. */
  async file(
    jobId: string,
    viewer: Principal,
  ): Promise<{ stream: Readable; filename: string; contentType: string; bytes: number }> {
    const s = await this.status(jobId, viewer);
    if (s.status === 'failed')
      throw new ServiceError('conflict', `export ${jobId} failed: ${s.message ?? 'no reason recorded'}`, {
        field: 'jobId',
      });
    if (s.status === 'cancelled')
      throw new ServiceError('conflict', `export ${jobId} was cancelled: export again`, { field: 'jobId' });
    if (s.status === 'expired') throw notFound(s.message ?? `export ${jobId} has expired`, 'jobId');
    if (!s.file) throw new ServiceError('not_ready', `export ${jobId} is ${s.status}; try again shortly`);
    const path = this.pathOf(s.file);
    const found = await stat(path).catch(() => null);
    if (!found) throw notFound(`the file of export ${jobId} is no longer there`, 'jobId');
    return {
      stream: createReadStream(path),
      filename: s.file.filename,
      contentType: s.file.contentType,
      bytes: found.size,
    };
  }
}
