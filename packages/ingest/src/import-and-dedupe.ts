// One import as every door runs it (HTTP upload job, `songnodes import`): read and store the sets,
// then dedupe the tracks this import created against their candidates, so the same file gives the same
// graph whichever way it came in. `dedupe: false` skips the second step (the CLI's `--no-dedupe`).
// The tracks to compare are those with an id above the highest one before the import: the same
// whether this is the first attempt or a retry after the first died.
import { type Database, maxTrackId } from '@songnodes/db';
import { type DedupeProgress, type DedupeSummary, runDedupe } from './dedupe.ts';
import { type ImportPathOptions, importPath } from './files.ts';
import type { ImportSummary } from './pipeline.ts';

export interface ImportAndDedupeOptions extends ImportPathOptions {
  /** Near-duplicate dedupe of the new tracks after the import (default true). */
  dedupe?: boolean;
  onDedupeProgress?: (p: DedupeProgress) => void | Promise<void>;
  /** Keep each dedupe batch near this many ms (a server on the embedded database: runDedupe's budgetMs). */
  dedupeBudgetMs?: number;
  /**
   * The highest track id before this import began. A retry passes its first attempt's value, so the
   * tracks that attempt created (stored, so not new to the retry) are still compared.
   */
  tracksAfter?: number;
}

export async function importAndDedupe(
  db: Database,
  path: string,
  opts: ImportAndDedupeOptions = {},
): Promise<{ summary: ImportSummary; dedupe: DedupeSummary | null }> {
  const tracksAfter = opts.tracksAfter ?? (await maxTrackId(db));
  const summary = await importPath(db, path, opts);
  // Skipped on request, and when no track was created since (nothing new to compare).
  if (opts.dedupe === false || (await maxTrackId(db)) <= tracksAfter) return { summary, dedupe: null };
  const dedupe = await runDedupe(db, {
    afterTrackId: tracksAfter,
    onChange: opts.onChange,
    signal: opts.signal,
    onProgress: opts.onDedupeProgress,
    budgetMs: opts.dedupeBudgetMs,
    actor: 'import',
  });
  return { summary, dedupe };
}
