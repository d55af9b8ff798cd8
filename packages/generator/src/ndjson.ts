// Streams generated sets as NDJSON (one set per line) into any Writable, respecting backpressure so that
// a slow consumer (a file, a pipe, a socket) never makes the process buffer the whole stream.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type GenerateOptions, generateSets } from './generate.ts';

/** Lines are gathered into chunks of about this many characters: fewer, larger writes. */
const CHUNK_CHARS = 64 * 1024;

export interface NdjsonSummary {
  sets: number;
  entries: number;
  bytes: number;
}

/** Writes the sets of `opts` to `out`; does not end `out` (the caller owns it). */
export async function writeNdjson(opts: GenerateOptions, out: Writable): Promise<NdjsonSummary> {
  const summary: NdjsonSummary = { sets: 0, entries: 0, bytes: 0 };
  let failure: Error | null = null;
  const onError = (e: Error) => {
    failure = e;
  };
  out.on('error', onError);
  try {
    let chunk = '';
    const flush = async () => {
      summary.bytes += Buffer.byteLength(chunk);
      const ok = out.write(chunk);
      chunk = '';
      if (ok) return;
      // A failed or closed stream never drains: stop instead of waiting forever.
      if (failure) throw failure;
      if (out.destroyed)
        throw new Error('generate: the output stream was closed before the sets were written');
      // Wait for the consumer; an error while waiting ends the wait too (once() rejects on 'error').
      await once(out, 'drain');
    };
    for (const set of generateSets(opts)) {
      if (failure) throw failure;
      chunk += `${JSON.stringify(set)}\n`;
      summary.sets++;
      summary.entries += set.entries.length;
      if (chunk.length >= CHUNK_CHARS) await flush();
    }
    if (chunk.length > 0) await flush();
    if (failure) throw failure;
    return summary;
  } finally {
    out.off('error', onError);
  }
}
