// CSV/TSV tracklists: delimiter from the header line, columns from header names (csv-columns.ts)
// or an explicit mapping, and a set/mix/playlist id column grouping consecutive rows into sets.
import { once } from 'node:events';
import type { ImportItem, ParsedEntry, ParsedSet } from '@songnodes/core';
import { parse } from 'csv-parse';
import { MAX_LINE_CHARS } from '../lines.ts';
import {
  buildRaw,
  text as clean,
  finishSet,
  isoDate,
  issue,
  newSet,
  parseClock,
  positiveNumber,
  unreadable,
  year,
} from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { type CsvField, detectDelimiter, mapColumns } from './csv-columns.ts';

export async function* readCsv(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const { head, rest } = await firstLine(text);
  const delimiter = detectDelimiter(head);
  const records = csvRecords(rest, delimiter);
  let columns: Partial<Record<CsvField, number>> | null = null;
  let set: ParsedSet | null = null;
  let setKey: string | undefined;
  let numbers = new Map<string, number>();
  const seenSets = new Set<string>();
  for await (const next of records) {
    if ('error' in next) {
      if (set) yield finish(set, ctx);
      set = null;
      const { line, error } = next;
      yield unreadable(ctx, `malformed CSV${line ? ` at line ${line}` : ''}: ${error}`, line);
      break;
    }
    const { record, line } = next;
    if (!columns) {
      columns = mapColumns(record, ctx.csvMapping);
      if (columns.title === undefined && columns.artist === undefined) {
        yield unreadable(
          ctx,
          `no artist or title column among the headers (${record.join(', ')}); pass a column mapping`,
          line,
        );
        return;
      }
      continue;
    }
    const cols = columns;
    const get = (f: CsvField): string | undefined => {
      const i = cols[f];
      return i === undefined ? undefined : clean(record[i]);
    };
    const key = get('setId') ?? '';
    if (!set || key !== setKey) {
      if (set) yield finish(set, ctx);
      if (seenSets.has(key))
        ctx.pending.push(
          issue('warning', `rows of set "${key}" are not contiguous; read as a separate set`, {
            file: ctx.file,
            line,
            field: 'set',
          }),
        );
      seenSets.add(key);
      set = newSet(ctx, 'file', 'mix', line);
      setKey = key;
      numbers = new Map();
      if (key) set.externalId = key;
      set.title = get('setTitle');
      set.date = isoDate(get('setDate'));
      const performer = get('performer');
      if (performer) set.performers = [performer];
    }
    const number = get('position');
    // 1001tracklists exports write "w/" for a track played together with the previous one.
    const together = number !== undefined && /^w\/?$/i.test(number);
    if (number && /^\d+$/.test(number)) {
      const before = numbers.get(number);
      if (before !== undefined)
        set.issues.push(
          issue('warning', `duplicate track number ${number} (also at line ${before})`, {
            file: ctx.file,
            line,
            field: 'position',
          }),
        );
      else numbers.set(number, line);
    }
    const entry = rowToEntry(get, set.entries.length + 1, line);
    if (entry && together) entry.withPrevious = true;
    if (entry) set.entries.push(entry);
    else
      set.issues.push(
        issue('warning', 'row has neither artist nor title; skipped', { file: ctx.file, line }),
      );
  }
  if (set) yield finish(set, ctx);
}

function finish(set: ParsedSet, ctx: ReadContext): ImportItem {
  if (set.entries.length === 0)
    return unreadable(ctx, 'set has no rows with an artist or title', set.location?.line);
  return finishSet(set, ctx);
}

function rowToEntry(
  get: (f: CsvField) => string | undefined,
  position: number,
  line: number,
): ParsedEntry | null {
  const artist = get('artist');
  let title = get('title');
  // Some exports repeat the artist in the title column ("Artist - Title"): keep that as the raw line.
  let raw: string | undefined;
  const dash = title?.indexOf(' - ') ?? -1;
  if (artist && title && dash > 0 && title.toLowerCase().startsWith(artist.toLowerCase())) {
    raw = title;
    title = title.slice(dash + 3).trim();
  }
  const version = get('version');
  raw ??= buildRaw(artist, title, version);
  if (!raw) return null;
  const e: ParsedEntry = { position, raw, line };
  if (artist) e.artist = artist;
  if (title) e.title = title;
  if (version) e.version = version;
  for (const f of ['remixer', 'label', 'catalogNumber'] as const) {
    const v = get(f);
    if (v) e[f] = v;
  }
  const key = get('key');
  if (key) e.key = key;
  const genre = get('genre');
  if (genre) e.genre = genre;
  const bpm = positiveNumber(get('bpm'));
  if (bpm !== null) e.bpm = bpm;
  const y = year(get('year'));
  if (y !== null) e.year = y;
  const cue = get('cue');
  if (cue) e.cueSeconds = parseClock(cue);
  const ms = positiveNumber(get('durationMs'));
  const duration = ms !== null ? ms / 1000 : parseClock(get('duration'));
  if (duration !== null) e.durationSeconds = duration;
  const playedAt = get('playedAt');
  if (playedAt) e.playedAt = playedAt;
  const deck = get('deck');
  if (deck && /^\d+$/.test(deck)) e.deck = Number(deck);
  if (get('mashupOf')) e.withPrevious = true;
  const ids: Record<string, string> = {};
  for (const f of ['youtube', 'spotify', 'beatport'] as const) {
    const v = get(f);
    if (v) ids[f] = v;
  }
  if (Object.keys(ids).length) e.externalIds = ids;
  return e;
}

/** The header line (for delimiter detection) and the whole text replayed. */
async function firstLine(
  text: AsyncIterable<string>,
): Promise<{ head: string; rest: AsyncIterable<string> }> {
  const it = text[Symbol.asyncIterator]();
  const taken: string[] = [];
  let seen = '';
  while (!seen.includes('\n') && seen.length < MAX_LINE_CHARS) {
    const r = await it.next();
    if (r.done) break;
    taken.push(r.value);
    seen += r.value;
  }
  async function* rest(): AsyncIterable<string> {
    yield* taken;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head: seen.split('\n', 1)[0] ?? '', rest: rest() };
}

type CsvRecord = { record: string[]; line: number } | { error: string; line?: number };

/**
 * Records with their line, from csv-parse driven by hand: a stream iterator would drop the records
 * still buffered when the parser fails, and rows before a syntax error must not be lost.
 */
async function* csvRecords(text: AsyncIterable<string>, delimiter: string): AsyncIterable<CsvRecord> {
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: MAX_LINE_CHARS,
  });
  const ready: CsvRecord[] = [];
  let failed = false;
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) =>
    ready.push({ record, line: info.lines }),
  );
  parser.on('error', (err: Error & { lines?: number }) => {
    failed = true;
    ready.push({ error: err.message, line: err.lines });
  });
  const ended = Promise.race([once(parser, 'end'), once(parser, 'close')]);
  for await (const chunk of text) {
    if (!parser.write(chunk))
      await Promise.race([once(parser, 'drain'), once(parser, 'close')]).catch(() => undefined);
    yield* ready.splice(0);
    if (failed) return;
  }
  parser.end();
  await ended.catch(() => undefined); // the error itself was queued by the 'error' listener
  yield* ready.splice(0);
}
