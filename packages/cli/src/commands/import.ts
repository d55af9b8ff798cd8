// `songnodes import`: the same import as an upload through the API (importAndDedupe: store, then
// dedupe the new tracks; `--no-dedupe` skips the second step), with a progress line and a summary.

import { statSync } from 'node:fs';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import {
  type DedupeSummary,
  formatIssue,
  type ImportProgress,
  type ImportSummary,
  importAndDedupe,
} from '@songnodes/ingest';
import { type Workload, withDatabase } from '../database.ts';
import { ArgumentError } from '../errors.ts';
import { progressLine } from '../progress.ts';

export interface ImportArgs {
  path: string;
  format?: string;
  source?: string;
  json?: boolean;
  /** commander's `--no-dedupe` sets this to false. */
  dedupe?: boolean;
}

export const progressText = (p: ImportProgress) =>
  `${p.setsRead.toLocaleString('en')} sets read, ${p.setsStored.toLocaleString('en')} stored, ` +
  `${p.setsUnchanged.toLocaleString('en')} unchanged, ${p.setsFailed} failed, ` +
  `${p.entries.toLocaleString('en')} entries, ${p.warnings.toLocaleString('en')} warnings`;

export function printSummary(s: ImportSummary, out: NodeJS.WritableStream = process.stdout): void {
  const rate = s.seconds > 0 ? Math.round(s.entries / s.seconds) : 0;
  out.write(`${progressText(s)} in ${s.seconds.toFixed(1)} s (${rate.toLocaleString('en')} entries/s)\n`);
  const errors = s.issues.filter((i) => i.severity === 'error');
  const warnings = s.issues.filter((i) => i.severity === 'warning');
  for (const i of errors) out.write(`  ${formatIssue(i)}\n`);
  for (const i of warnings.slice(0, 20)) out.write(`  ${formatIssue(i)}\n`);
  const more = warnings.length - 20 + s.issuesOmitted;
  if (more > 0) out.write(`  … and ${more.toLocaleString('en')} more warnings\n`);
}

function printDedupe(d: DedupeSummary, out: NodeJS.WritableStream = process.stdout): void {
  out.write(
    `dedupe: ${d.tracksScanned.toLocaleString('en')} new tracks compared, ${d.merges.length} merged, ` +
      `${d.reviewCandidates} listed for review (${d.seconds.toFixed(1)} s)\n`,
  );
  if (d.merges.length > 0)
    out.write('  list the merges with: songnodes dedupe merges (undo one with dedupe split)\n');
}

/** Exit status: non-zero only when nothing could be imported. */
export function importExitCode(s: ImportSummary): number {
  return s.setsStored + s.setsUnchanged === 0 ? 1 : 0;
}

/**
 * Files under this size are a light workload (see database.ts): a playlist or a tracklist, not a
 * library or a history dump. 2,000 generated sets (5.5 MB) import ~50% slower as light, so larger
 * inputs keep the optimising compiler.
 */
const LIGHT_INPUT_BYTES = 1_000_000;

function workloadOf(path: string): Workload {
  try {
    const st = statSync(path);
    return st.isFile() && st.size < LIGHT_INPUT_BYTES ? 'light' : 'heavy';
  } catch {
    return 'heavy'; // the import itself says what is wrong with the path
  }
}

export async function importCommand(args: ImportArgs): Promise<number> {
  if (args.format !== undefined && !FORMAT_IDS.includes(args.format as FormatId)) {
    throw new ArgumentError(`unknown format "${args.format}"; one of: ${FORMAT_IDS.join(', ')}`);
  }
  return withDatabase(
    async (db) => {
      const bar = progressLine();
      const { summary, dedupe } = await importAndDedupe(db, args.path, {
        format: args.format as FormatId | undefined,
        source: args.source,
        dedupe: args.dedupe,
        onProgress: (p) => bar.update(progressText(p)),
        onDedupeProgress: (p) => bar.update(`dedupe: ${p.tracksScanned}/${p.total} new tracks compared`),
      });
      bar.done();
      if (args.json) process.stdout.write(`${JSON.stringify({ ...summary, dedupe })}\n`);
      else {
        printSummary(summary);
        if (dedupe) printDedupe(dedupe);
      }
      return importExitCode(summary);
    },
    undefined,
    workloadOf(args.path),
  );
}
