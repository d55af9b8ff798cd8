// Imports as durable jobs: a file (or folder) path, or generated demo data. The worker that runs them
// reports progress (sets and entries done, warnings, errors) through the job context.
import { stat } from 'node:fs/promises';
import type { Database } from '@songnodes/db';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import { defineJob, type JobContext } from '@songnodes/jobs';
import { importPath } from './files.ts';
import type { GraphChange, ImportProgress, ImportSummary } from './pipeline.ts';

export interface ImportFileJob {
  path: string;
  format?: FormatId;
  source?: string;
}

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
      return { path: d.path, format: d.format, source: d.source };
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
      return summaryForStorage(s);
    },
  });
}
