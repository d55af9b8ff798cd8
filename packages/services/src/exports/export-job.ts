// The export as a durable job: read what the request names, write it with the format's writer to
// `<dir>/<jobId>.<extension>` (through a `.part` file renamed when complete, so a download never
// sees half a file), and return where it is. The job's result (kept with its progress) is what the
// status and download routes read. Reading happens when the job runs: an export is of the data as
// it is then.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Database,
  type GraphExportFilter,
  getPlan,
  graphExport,
  playlistTracks,
  setPlaylist,
} from '@songnodes/db';
import { defineJob } from '@songnodes/jobs';
import {
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  type FormatFile,
  GRAPH_FILES,
  isGraphFormat,
  isPlaylistFormat,
  PLAYLIST_FILES,
  writeGraph,
  writePlaylist,
} from './formats.ts';
import type { Chunks, Playlist } from './types.ts';

export const EXPORT_QUEUE = 'exports.file';

/** How long an export file is kept: long enough to download it, short enough that the folder stays small. */
export const EXPORT_KEEP_HOURS = 24;

/**
 * Removes export files older than `EXPORT_KEEP_HOURS` (and `.part` files a crashed job left). Each
 * export job does it before writing, so the folder is tidied by the work that fills it, with no
 * schedule of its own.
 */
export async function removeOldExports(dir: string, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (s?.isFile() && now - s.mtimeMs > EXPORT_KEEP_HOURS * 3600_000) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

export interface ExportJob {
  kind: ExportKind;
  format: ExportFormat;
  /** The folder the file goes to (the service's export folder). */
  dir: string;
  /** Playlist name (plans and track lists). */
  name?: string;
  /** The tracks of a plan or a track list, in order. */
  trackIds?: number[];
  setId?: number;
  /** A saved plan, read when the job runs. */
  planId?: number;
  filters?: GraphExportFilter;
  /** The user the export is made for (their private sets and tracks included); null: public only. */
  viewer?: number | null;
}

/** What a finished export job returns: read by the status and download routes. */
export interface ExportResult {
  /** File name inside the export folder. */
  file: string;
  /** The name offered to the browser. */
  filename: string;
  contentType: string;
  bytes: number;
  tracks?: number;
  nodes?: number;
  edges?: number;
  /** Set entries nobody identified, left out of the playlist. */
  unknownEntriesLeftOut?: number;
  /** Track ids that no longer name a track when the job ran. */
  missingTrackIds?: number[];
  /** The user it was made for: only they may read its status and file (it may hold their private sets). */
  viewer?: number | null;
}

/** A name safe as a file name on every system, keeping letters of any script. */
export function downloadName(name: string, extension: string): string {
  const base = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return `${(base || 'songnodes-export').slice(0, 100)}.${extension}`;
}

/** Many small strings become writes of about 64 KB. */
function* batched(chunks: Chunks): Generator<string> {
  let buffer = '';
  for (const c of chunks) {
    buffer += c;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

const isIds = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => Number.isInteger(x) && x > 0 && x <= 2_147_483_647);

export function exportFileJob(deps: { db: Database }) {
  return defineJob({
    queue: EXPORT_QUEUE,
    parse(data: unknown): ExportJob {
      const d = (data ?? {}) as Record<string, unknown>;
      if (!(EXPORT_KINDS as readonly unknown[]).includes(d.kind))
        throw new Error(`"kind" must be one of ${EXPORT_KINDS.join(', ')}, got ${JSON.stringify(d.kind)}`);
      const kind = d.kind as ExportKind;
      const format = String(d.format);
      if (kind === 'graph' ? !isGraphFormat(format) : !isPlaylistFormat(format))
        throw new Error(`"format" ${JSON.stringify(d.format)} is not a format of ${kind} exports`);
      if (typeof d.dir !== 'string' || d.dir === '') throw new Error('"dir" must name the export folder');
      if (kind === 'set' && !(Number.isInteger(d.setId) && (d.setId as number) > 0))
        throw new Error('a set export needs "setId"');
      const planId =
        Number.isInteger(d.planId) && (d.planId as number) > 0 ? (d.planId as number) : undefined;
      if (kind === 'plan' && planId === undefined && !(isIds(d.trackIds) && d.trackIds.length > 0))
        throw new Error('a plan export needs "planId" or "trackIds"');
      if (kind === 'tracks' && !(isIds(d.trackIds) && d.trackIds.length > 0))
        throw new Error('a tracks export needs "trackIds"');
      return {
        kind,
        format: format as ExportFormat,
        dir: d.dir,
        name: typeof d.name === 'string' ? d.name : undefined,
        trackIds: isIds(d.trackIds) ? d.trackIds : undefined,
        setId: typeof d.setId === 'number' ? d.setId : undefined,
        planId,
        filters: (d.filters ?? undefined) as GraphExportFilter | undefined,
        viewer: Number.isInteger(d.viewer) ? (d.viewer as number) : null,
      };
    },
    retry: { limit: 1 },
    async handler(job, ctx) {
      const created = new Date().toISOString();
      let chunks: Chunks;
      let file: FormatFile;
      let filename: string;
      let summary: Partial<ExportResult>;
      if (job.kind === 'graph') {
        if (!isGraphFormat(job.format)) throw new Error(`not a graph format: ${job.format}`);
        const g = await graphExport(deps.db, job.filters ?? {});
        file = GRAPH_FILES[job.format];
        filename = downloadName('songnodes-graph', file.extension);
        const description = `SongNodes transition graph: ${g.nodes.length} tracks, ${g.edges.length} transitions`;
        chunks = writeGraph(job.format, g, { created, description });
        summary = { nodes: g.nodes.length, edges: g.edges.length };
      } else {
        if (!isPlaylistFormat(job.format)) throw new Error(`not a playlist format: ${job.format}`);
        const { playlist, extra } = await playlistOf(deps.db, job);
        file = PLAYLIST_FILES[job.format];
        filename = downloadName(playlist.name, file.extension);
        chunks = writePlaylist(job.format, playlist);
        summary = { tracks: playlist.tracks.length, ...extra };
      }
      await mkdir(job.dir, { recursive: true });
      await removeOldExports(job.dir);
      const name = `${ctx.jobId}.${file.extension}`;
      const part = join(job.dir, `${name}.part`);
      try {
        await pipeline(Readable.from(batched(chunks)), createWriteStream(part), { signal: ctx.signal });
        await rename(part, join(job.dir, name));
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      const bytes = (await stat(join(job.dir, name))).size;
      const result: ExportResult = {
        file: name,
        filename,
        contentType: file.contentType,
        bytes,
        ...summary,
        viewer: job.viewer ?? null,
      };
      return result;
    },
  });
}

async function playlistOf(
  db: Database,
  job: ExportJob,
): Promise<{ playlist: Playlist; extra: Partial<ExportResult> }> {
  if (job.kind === 'set') {
    const set = await setPlaylist(db, job.setId!, job.viewer ?? null);
    if (!set) throw new Error(`set ${job.setId} no longer exists`);
    const { tracks } = await playlistTracks(db, set.trackIds, job.viewer ?? null);
    const who = set.performers.join(' & ');
    const name = set.title ?? ([who, set.date].filter(Boolean).join(' ') || `Set ${set.id}`);
    return {
      playlist: { name, tracks, performers: set.performers, date: set.date },
      extra: set.unknownEntries > 0 ? { unknownEntriesLeftOut: set.unknownEntries } : {},
    };
  }
  let ids = job.trackIds ?? [];
  let name = job.name;
  if (job.planId !== undefined) {
    const plan = await getPlan(db, job.planId);
    if (!plan) throw new Error(`plan ${job.planId} no longer exists`);
    ids = plan.trackIds;
    name = plan.name;
  }
  const { tracks, missing } = await playlistTracks(db, ids, job.viewer ?? null);
  if (tracks.length === 0) throw new Error('none of the tracks exists any more');
  return {
    playlist: { name: name ?? (job.kind === 'plan' ? 'SongNodes plan' : 'SongNodes tracks'), tracks },
    extra: missing.length > 0 ? { missingTrackIds: missing.map((i) => ids[i]!) } : {},
  };
}
