// The one entry point that turns any input into a stream of sets: open, undo gzip, refuse empty and
// binary files, pick the encoding, detect the format, and hand the text to that format's reader.
import type { ImportItem, ParsedSet } from '@songnodes/core';
import { decodeHead, decodeText, sniff } from './decode.ts';
import { detectFormat } from './detect.ts';
import { readCsv } from './formats/csv.ts';
import { readCue } from './formats/cue.ts';
import { readJson } from './formats/json.ts';
import { readM3u } from './formats/m3u.ts';
import { readMixesDb } from './formats/mixesdb.ts';
import { readRekordbox } from './formats/rekordbox.ts';

import { readText } from './formats/text.ts';
import { read1001Tracklists } from './formats/tracklists1001.ts';
import { readTraktor } from './formats/traktor.ts';
import { HEAD_BYTES, openInput, ungzip } from './input.ts';
import { unreadable } from './set-builder.ts';
import type { FormatId, FormatReader, ImportInput, ReadContext, ReadOptions } from './types.ts';

const READERS: Record<FormatId, FormatReader> = {
  text: readText,
  csv: readCsv,
  json: readJson,
  cue: readCue,
  m3u: readM3u,
  rekordbox: readRekordbox,
  traktor: readTraktor,
  // setlist.fm JSON goes through the JSON reader, which recognises setlists per value.
  setlistfm: readJson,
  '1001tracklists': read1001Tracklists,
  mixesdb: readMixesDb,
};

/** Opens any input as decoded text with its detected (or forced) format; null format = refused, with why. */
export async function openText(
  input: ImportInput,
  opts: ReadOptions,
): Promise<{ ctx: ReadContext; text?: AsyncIterable<string>; format?: FormatId; refusal?: string }> {
  const { bytes, path } = openInput(input);
  const ctx: ReadContext = {
    file: opts.file ?? path,
    source: opts.source,
    csvMapping: opts.csvMapping,
    pending: [],
  };
  const { head, bytes: plain } = await ungzip(bytes);
  if (head.length === 0) return { ctx, refusal: 'file is empty' };
  const sniffed = sniff(head);
  if (sniffed.binary) return { ctx, refusal: 'binary file (NUL or control bytes), not a tracklist' };
  const headText = decodeHead(head, sniffed);
  if (headText.trim() === '' && head.length < HEAD_BYTES)
    return { ctx, refusal: 'file has no content (only whitespace)' };
  const format = opts.format ?? detectFormat(headText, ctx.file) ?? undefined;
  if (!format)
    return { ctx, refusal: 'format not recognised from the content; name it with the format option' };
  return { ctx, text: decodeText(plain, sniffed, ctx), format };
}

/**
 * Every set in the input, in file order. Never throws for bad input: a set that cannot be read is
 * an UnreadableSet with its location, and the stream goes on with the next one.
 */
export async function* readSets(input: ImportInput, opts: ReadOptions = {}): AsyncIterable<ImportItem> {
  let ctx: ReadContext = { file: opts.file, pending: [] };
  // One set is held back so that warnings found after the last set started (encoding) still reach it.
  let held: ImportItem | null = null;
  let count = 0;
  try {
    const opened = await openText(input, opts);
    ctx = opened.ctx;
    if (!opened.text || !opened.format) {
      yield unreadable(ctx, opened.refusal ?? 'unreadable');
      return;
    }
    for await (const item of READERS[opened.format](opened.text, ctx)) {
      if (held) yield held;
      held = item;
      count++;
    }
  } catch (err) {
    if (held) yield held;
    held = null;
    yield unreadable(ctx, `could not read ${ctx.file ?? 'input'}: ${(err as Error).message}`);
    return;
  }
  if (held && 'entries' in held && ctx.pending.length > 0)
    (held as ParsedSet).issues.push(...ctx.pending.splice(0));
  if (held) yield held;
  if (count === 0) {
    const why = ctx.pending[0]?.message;
    yield unreadable(ctx, why ? `no tracklist found (${why})` : 'no tracklist found in the input');
  }
}
