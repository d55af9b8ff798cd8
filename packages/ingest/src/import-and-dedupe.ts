// One import as every door runs it (HTTP upload job, `songnodes import`): read and store the sets,
// then dedupe the tracks this import created against their candidates, so the same file gives the same
// graph whichever way it came in. `dedupe: false` skips the second step (the CLI's `--no-dedupe`).
import type { Database } from '@songnodes/db';
import { type DedupeProgress, type DedupeSummary, runDedupe } from './dedupe.ts';
import { type ImportPathOptions, importPath } from './files.ts';
import type { ImportSummary } from './pipeline.ts';

export interface ImportAndDedupeOptions extends ImportPathOptions {
  /** Near-duplicate dedupe of the new tracks after the import (default true). */
  dedupe?: boolean;
  onDedupeProgress?: (p: DedupeProgress) => void | Promise<void>;
}

export async function importAndDedupe(
  db: Database,
  path: string,
  opts: ImportAndDedupeOptions = {},
): Promise<{ summary: ImportSummary; dedupe: DedupeSummary | null }> {
  const newTrackIds: number[] = [];
  const summary = await importPath(db, path, {
    ...opts,
    onChange: (c) => {
      newTrackIds.push(...c.newTrackIds);
      opts.onChange?.(c);
    },
  });
  // Skipped on request, and when the import created no track (nothing new to compare).
  if (opts.dedupe === false || newTrackIds.length === 0) return { summary, dedupe: null };
  const dedupe = await runDedupe(db, {
    trackIds: newTrackIds,
    onChange: opts.onChange,
    signal: opts.signal,
    onProgress: opts.onDedupeProgress,
    actor: 'import',
  });
  return { summary, dedupe };
}
