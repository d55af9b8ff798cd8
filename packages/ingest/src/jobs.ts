// Imports as durable jobs: a file (or folder) path, or generated demo data. The worker that runs them
// reports progress (sets and entries done, warnings, errors) through the job context. After a file
// import, the tracks it created are checked for near-duplicates (runDedupe, new tracks only) unless the
// job says `dedupe: false`.
import { rm, stat } from 'node:fs/promises';
import type { Database } from '@songnodes/db';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import { defineJob, type JobContext } from '@songnodes/jobs';
import { type DedupeSummary, runDedupe } from './dedupe.ts';
import { importPath } from './files.ts';
import type { GraphChange, ImportProgress, ImportSummary } from './pipeline.ts';

export interface ImportFileJob {
  path: string;
  format?: FormatId;
  source?: string;
  /** Near-duplicate dedupe of the new tracks after the import (default true). */
  dedupe?: boolean;
  /** The file is an upload of ours: delete it once imported (kept when the import fails, for retries). */
  removeAfter?: boolean;
}

/** What a dedupe run did, as counts, for the job record. */
export interface DedupeCounts {
  tracksScanned: number;
  pairsScored: number;
  merges: number;
  reviewCandidates: number;
  seconds: number;
}

const dedupeCounts = (d: DedupeSummary): DedupeCounts => ({
  tracksScanned: d.tracksScanned,
  pairsScored: d.pairsScored,
  merges: d.merges.length,
  reviewCandidates: d.reviewCandidates,
  seconds: d.seconds,
});

/** What the jobs need from the process that runs them. */
export interface IngestJobDeps {
  db: Database;
  onChange?: (c: GraphChange) => void;
}

/** Reports an import's counts as job progress. */
export const importProgressReporter = (ctx: JobContext) => async (p: ImportProgress) => {
  await ctx.progress({
    done: p.setsRead,
    unit: 'sets',
    setsStored: p.setsStored,
    setsUnchanged: p.setsUnchanged,
    setsFailed: p.setsFailed,
    entries: p.entries,
    warnings: p.warnings,
  });
};

/** An import summary small enough to keep in the job record. */
export function summaryForStorage(s: ImportSummary) {
  // Keep the job record small: the first issues say enough; counts say the rest.
  return {
    ...s,
    issues: s.issues.slice(0, 100),
    issuesOmitted: s.issuesOmitted + Math.max(0, s.issues.length - 100),
  };
}

export function importFileJob(deps: IngestJobDeps) {
  return defineJob({
    queue: 'ingest.import-file',
    parse(data: unknown): ImportFileJob {
      const d = data as Partial<ImportFileJob>;
      if (!d || typeof d.path !== 'string' || d.path === '') throw new Error('import job needs a "path"');
      if (d.format !== undefined && !FORMAT_IDS.includes(d.format))
        throw new Error(`unknown format "${d.format}"`);
      if (d.dedupe !== undefined && typeof d.dedupe !== 'boolean')
        throw new Error('"dedupe" must be true or false');
      if (d.removeAfter !== undefined && typeof d.removeAfter !== 'boolean')
        throw new Error('"removeAfter" must be true or false');
      return {
        path: d.path,
        format: d.format,
        source: d.source,
        dedupe: d.dedupe,
        removeAfter: d.removeAfter,
      };
    },
    retry: { limit: 2 },
    async handler(job, ctx) {
      await stat(job.path); // a missing file fails the job (and its retries) with the path named
      const s = await importPath(deps.db, job.path, {
        format: job.format,
        source: job.source,
        onProgress: importProgressReporter(ctx),
        onChange: deps.onChange,
        signal: ctx.signal,
      });
      // Skipped on request, and when nothing was stored (no new tracks to look at).
      const dedupe =
        job.dedupe === false || s.setsStored === 0
          ? null
          : dedupeCounts(await runDedupe(deps.db, { newOnly: true, onChange: deps.onChange }));
      if (job.removeAfter) await rm(job.path, { force: true });
      return { ...summaryForStorage(s), dedupe };
    },
  });
}
