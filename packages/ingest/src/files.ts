import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '@songnodes/db';
import { type FormatId, readSets } from '@songnodes/importers';
import { type ImportOptions, type ImportProgress, type ImportSummary, importItems } from './pipeline.ts';

export interface ImportPathOptions extends Omit<ImportOptions, 'file'> {
  format?: FormatId;
}

/** Files under a folder, depth first, in name order; hidden files skipped. */
async function* filesUnder(path: string): AsyncIterable<string> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  for (const n of names) yield* filesUnder(join(path, n));
}

const COUNTS = ['setsRead', 'setsStored', 'setsUnchanged', 'setsFailed', 'entries', 'warnings'] as const;

function addCounts<T extends ImportProgress>(a: T, b: ImportProgress): T {
  const out = { ...a };
  for (const k of COUNTS) out[k] = a[k] + b[k];
  return out;
}

/** Imports a file, a folder of files, or `-` (stdin). Each file's problems are reported with its name. */
export async function importPath(
  db: Database,
  path: string,
  opts: ImportPathOptions = {},
): Promise<ImportSummary> {
  const read = (input: string | NodeJS.ReadStream, file: string) =>
    importItems(db, readSets(input, { format: opts.format, source: opts.source, file }), { ...opts, file });
  if (path === '-') return read(process.stdin, '-');
  let total = null as ImportSummary | null;
  for await (const file of filesUnder(path)) {
    const before = total as ImportSummary | null;
    const s: ImportSummary = await importItems(
      db,
      readSets(file, { format: opts.format, source: opts.source, file }),
      {
        ...opts,
        file,
        // Progress counts across files, not per file.
        onProgress: (p) => opts.onProgress?.(before ? addCounts(before, p) : p),
      },
    );
    total = before
      ? {
          ...addCounts(before, s),
          setsReplaced: before.setsReplaced + s.setsReplaced,
          issues: [...before.issues, ...s.issues],
          issuesOmitted: before.issuesOmitted + s.issuesOmitted,
          seconds: before.seconds + s.seconds,
        }
      : s;
  }
  if (total) return total;
  return {
    setsRead: 0,
    setsStored: 0,
    setsUnchanged: 0,
    setsReplaced: 0,
    setsFailed: 0,
    entries: 0,
    warnings: 0,
    issues: [{ severity: 'error', file: path, message: 'the folder holds no files' }],
    issuesOmitted: 0,
    seconds: 0,
  };
}
