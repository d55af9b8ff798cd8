// Imports as durable jobs: a file (or folder) path, or generated demo data. The worker that runs them
// reports progress (sets and entries done, warnings, errors) through the job context. After a file
// import, the tracks it created are checked for near-duplicates (runDedupe on those tracks only) unless
// the job says `dedupe: false`. An import that stores nothing fails as bad input (dead letter, no
// retries) with the first error's file and line; a database that went away is retried.
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Database, maxTrackId, type SetOwner } from '@songnodes/db';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import { classifyFailure, defineJob, type JobContext, JobInputError } from '@songnodes/jobs';
import { type DedupeSummary, EMBEDDED_DEDUPE_BUDGET_MS } from './dedupe.ts';
import { importAndDedupe } from './import-and-dedupe.ts';
import { formatIssue } from './issues.ts';
import type { GraphChange, ImportOptions, ImportProgress, ImportSummary } from './pipeline.ts';

export interface ImportFileJob {
  path: string;
  format?: FormatId;
  source?: string;
  /** Near-duplicate dedupe of the new tracks after the import (default true). */
  dedupe?: boolean;
  /** The file is an upload of ours: delete it once imported (kept when the import fails, for retries). */
  removeAfter?: boolean;
  /** A user's upload: their sets, private unless `private` is false (absent: the shared catalogue). */
  owner?: SetOwner;
}

/** What a dedupe run did, as counts, for the job record. */
export interface DedupeCounts {
  tracksScanned: number;
  pairsScored: number;
  merges: number;
  /** The merges made (first 100), each reversible with `dedupe split <mergeId>`. */
  mergeIds: number[];
  reviewCandidates: number;
  seconds: number;
}

const dedupeCounts = (d: DedupeSummary): DedupeCounts => ({
  tracksScanned: d.tracksScanned,
  pairsScored: d.pairsScored,
  merges: d.merges.length,
  mergeIds: d.merges.slice(0, 100).map((m) => m.mergeId),
  reviewCandidates: d.reviewCandidates,
  seconds: d.seconds,
});

/** What the jobs need from the process that runs them. */
export interface IngestJobDeps {
  db: Database;
  onChange?: (c: GraphChange) => void;
}

/** Reports an import's counts as job progress (with `extra`, kept in every record). */
export const importProgressReporter =
  (ctx: JobContext, extra: object = {}) =>
  async (p: ImportProgress) => {
    await ctx.progress({
      ...extra,
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

/** Entries per write transaction of a server import on the embedded database (serverImportOptions). */
export const EMBEDDED_BATCH_ENTRIES = 250;

/**
 * How a server imports (an upload, the demo), the same for every job that writes while the API answers.
 * The embedded database has one connection: every read of the API waits for the write transaction under
 * way, so transactions stay small (docs/operations.md, "Responsiveness"; the demo load wrote its 8,000
 * entries in one, and `/stats` during it took up to 3.6 s). Statistics come from the first batch on
 * (then each time the import doubles): without them, the queries that run meanwhile (the graph's patch
 * of each batch, the API's reads) get plans for empty tables (measured: the graph patch of one
 * 2,000-entry batch scanned every set per track, 3.4 s). Parsing and identity run off the thread that
 * answers requests, from the first set on.
 */
export function serverImportOptions(
  db: Database,
): Pick<ImportOptions, 'batchEntries' | 'analyzeFirstAt' | 'prepareInWorker'> {
  const embedded = db.kind === 'pglite';
  return {
    batchEntries: embedded ? EMBEDDED_BATCH_ENTRIES : undefined,
    analyzeFirstAt: embedded ? EMBEDDED_BATCH_ENTRIES : undefined,
    prepareInWorker: true,
  };
}

/** The least time between two dedupe progress reports of an import job (cancellation is seen at each). */
const DEDUPE_REPORT_EVERY_MS = 500;

/** The error a user must fix when an import stored nothing: the first error issue, with file and line. */
function nothingImported(s: ImportSummary, path: string): JobInputError | null {
  if (s.setsStored + s.setsUnchanged > 0 || s.setsFailed === 0) return null;
  const first = s.issues.find((i) => i.severity === 'error');
  const more = s.setsFailed > 1 ? ` (${s.setsFailed} sets could not be read)` : '';
  return new JobInputError(
    `nothing was imported from ${basename(path)}: ${first ? formatIssue(first) : 'no set could be read'}${more}`,
  );
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
      if (
        d.owner !== undefined &&
        (typeof d.owner !== 'object' ||
          d.owner === null ||
          !Number.isInteger(d.owner.userId) ||
          typeof d.owner.private !== 'boolean')
      )
        throw new Error('"owner" must be {userId: integer, private: boolean}');
      return {
        path: d.path,
        format: d.format,
        source: d.source,
        dedupe: d.dedupe,
        removeAfter: d.removeAfter,
        owner: d.owner,
      };
    },
    // Bad input is never retried (dead letter at once); what is left is a database away or a worker
    // stopped mid-import, and each retry goes on where the last one stopped.
    retry: { limit: 5 },
    // A crashed import is found by its heartbeat, not by this: room for a million-entry file.
    expireInSeconds: 6 * 3600,
    async handler(job, ctx) {
      // The upload is kept for retries while the job may still run again, and removed once it ends.
      let ended = false;
      try {
        const r = await importFile(deps, job, ctx);
        ended = true;
        return r;
      } catch (e) {
        ended = ctx.finalAttempt || classifyFailure(e) === 'input';
        throw e;
      } finally {
        if (ended && job.removeAfter) await rm(job.path, { force: true });
      }
    },
  });
}

/**
 * One import attempt: read and store (a retry skips what an earlier attempt stored: content hashes
 * make a stored set a no-op), then dedupe the tracks this import created against their candidates.
 */
async function importFile(deps: IngestJobDeps, job: ImportFileJob, ctx: JobContext) {
  try {
    await stat(job.path);
  } catch (e) {
    throw new JobInputError(`cannot read ${job.path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      cause: e,
    });
  }
  // Saved before anything is stored, and kept by a retry: which tracks are this import's to dedupe.
  const earlier = ctx.previous?.tracksAfter;
  const tracksAfter = typeof earlier === 'number' ? earlier : await maxTrackId(deps.db);
  // A user's upload: its progress (counts, messages naming the file and its sets) is theirs alone.
  const owner = job.owner ? { owner: job.owner.userId } : {};
  await ctx.progress({ done: 0, unit: 'sets', tracksAfter, ...owner });
  const report = importProgressReporter(ctx, { tracksAfter, ...owner });
  let last: ImportProgress | null = null;
  let lastDedupeReport = -Infinity;
  const { summary, dedupe } = await importAndDedupe(deps.db, job.path, {
    ...serverImportOptions(deps.db),
    // The same for the dedupe afterwards: candidate queries sized to a time budget, not 50 tracks.
    dedupeBudgetMs: deps.db.kind === 'pglite' ? EMBEDDED_DEDUPE_BUDGET_MS : undefined,
    format: job.format,
    source: job.source,
    owner: job.owner,
    // Near-duplicate merges act on the shared catalogue: a private import's tracks are left out of them
    // (a merge would join a private track with public evidence).
    dedupe: job.owner?.private ? false : job.dedupe,
    tracksAfter,
    onProgress: (p) => {
      last = p;
      return report(p);
    },
    onChange: deps.onChange,
    signal: ctx.signal,
    onDedupeProgress: (p) => {
      // Each report is a write on the database the API reads from; on PGlite a batch is ~25 ms, and a
      // report after every one would add as many statements again to the queue the reads wait in.
      const now = performance.now();
      if (now - lastDedupeReport < DEDUPE_REPORT_EVERY_MS) return;
      lastDedupeReport = now;
      return ctx.progress({
        ...(last ?? {}),
        ...owner,
        tracksAfter,
        done: last?.setsRead ?? 0,
        unit: 'sets',
        stage: 'dedupe',
        dedupe: p,
      });
    },
  });
  const refused = nothingImported(summary, job.path);
  if (refused) throw refused;
  return { ...summaryForStorage(summary), dedupe: dedupe && dedupeCounts(dedupe) };
}
