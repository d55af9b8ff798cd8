import type { ImportIssue } from '@songnodes/core';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import { type ImportProgress, type ImportSummary, importPath } from '@songnodes/ingest';
import { loadConfig, openForRole } from '@songnodes/server';
import { UsageError } from '../errors.ts';
import { progressLine } from '../progress.ts';

export interface ImportArgs {
  path: string;
  format?: string;
  source?: string;
  json?: boolean;
}

export const progressText = (p: ImportProgress) =>
  `${p.setsRead.toLocaleString('en')} sets read, ${p.setsStored.toLocaleString('en')} stored, ` +
  `${p.setsUnchanged.toLocaleString('en')} unchanged, ${p.setsFailed} failed, ` +
  `${p.entries.toLocaleString('en')} entries, ${p.warnings.toLocaleString('en')} warnings`;

export function formatIssue(i: ImportIssue): string {
  const where = [
    i.file,
    i.line !== undefined ? `line ${i.line}` : undefined,
    i.position !== undefined ? `entry ${i.position}` : undefined,
    i.field,
  ]
    .filter((x) => x !== undefined && x !== '')
    .join(', ');
  return `${i.severity}: ${where ? `${where}: ` : ''}${i.message}`;
}

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

/** Exit status: non-zero only when nothing could be imported. */
export function importExitCode(s: ImportSummary): number {
  return s.setsStored + s.setsUnchanged === 0 ? 1 : 0;
}

export async function importCommand(args: ImportArgs): Promise<number> {
  if (args.format !== undefined && !FORMAT_IDS.includes(args.format as FormatId)) {
    throw new UsageError(`unknown format "${args.format}"; one of: ${FORMAT_IDS.join(', ')}`);
  }
  const config = loadConfig();
  const db = await openForRole(config, 'cli');
  const bar = progressLine();
  try {
    const s = await importPath(db, args.path, {
      format: args.format as FormatId | undefined,
      source: args.source,
      onProgress: (p) => bar.update(progressText(p)),
    });
    bar.done();
    if (args.json) process.stdout.write(`${JSON.stringify(s)}\n`);
    else printSummary(s);
    return importExitCode(s);
  } finally {
    await db.close();
  }
}
