// `songnodes export <entries|sets|tracks|transitions>`: streams a table as NDJSON or CSV to stdout or a
// file. Rows come page by page from @songnodes/db (keyset pagination), and writing waits for the
// output to drain, so memory stays bounded whatever the size of the table.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_KINDS, type ExportFormat, type ExportKind, exportLines } from '@songnodes/db';
import { openCliDatabase } from '../database.ts';
import { ArgumentError } from '../errors.ts';

export interface ExportArgs {
  what: string;
  format?: string;
  out?: string;
  batch?: number;
}

const FORMATS: readonly ExportFormat[] = ['ndjson', 'csv'];

export async function exportCommand(args: ExportArgs): Promise<void> {
  if (!EXPORT_KINDS.includes(args.what as ExportKind))
    throw new ArgumentError(`cannot export "${args.what}"; one of: ${EXPORT_KINDS.join(', ')}`);
  const format = (args.format ?? 'ndjson') as ExportFormat;
  if (!FORMATS.includes(format))
    throw new ArgumentError(`unknown format "${args.format}"; one of: ${FORMATS.join(', ')}`);
  if (args.batch !== undefined && args.batch < 1) throw new ArgumentError('--batch must be at least 1');
  const db = await openCliDatabase();
  let lines = 0;
  const count = new Transform({
    transform(chunk, _enc, done) {
      lines++;
      done(null, chunk);
    },
  });
  const source = Readable.from(exportLines(db, args.what as ExportKind, format, { batchSize: args.batch }));
  try {
    if (args.out) {
      // Written beside the target and renamed at the end: a failed export never leaves half a file.
      const part = `${args.out}.part`;
      try {
        await pipeline(source, count, createWriteStream(part));
        await rename(part, args.out);
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      const rows = format === 'csv' ? lines - 1 : lines;
      process.stderr.write(`${rows.toLocaleString('en')} ${args.what} written to ${args.out}\n`);
    } else {
      await pipeline(source, count, process.stdout, { end: false });
    }
  } catch (e) {
    // The reader went away (`| head`): not an error of ours.
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  } finally {
    await db.close();
  }
}
