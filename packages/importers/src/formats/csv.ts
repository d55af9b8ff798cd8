// CSV/TSV tracklists: delimiter from the header line, columns from header names (csv-columns.ts)
// or an explicit mapping, and a set/mix/playlist id column grouping consecutive rows into sets.
// Records come from csv-records.ts, which never throws: a stray quote or a bad row is a warning with
// its line, and the rows after it are still read.
import type { ImportItem, ParsedEntry, ParsedSet, UnreadableSet } from '@songnodes/core';
import { type Line, splitLines } from '../lines.ts';
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
import { csvRecords, splitRecord } from './csv-records.ts';

/** How far down a header may sit (exports that open with a title or session line before it). */
const HEADER_SEARCH_LINES = 10;

export async function* readCsv(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const lines = splitLines(text)[Symbol.asyncIterator]();
  const header = await findHeader(lines, ctx);
  if ('unreadable' in header) {
    yield header;
    return;
  }
  const columns = header.columns;
  const records = csvRecords(rest(lines), header.delimiter, () => header.fields.length);
  let set: ParsedSet | null = null;
  let setKey: string | undefined;
  let numbers = new Map<string, number>();
  const seenSets = new Set<string>();
  const warn = (message: string, line: number, field?: string) => {
    const w = issue('warning', message, { file: ctx.file, line, field });
    if (set) set.issues.push(w);
    else ctx.pending.push(w);
  };
  for await (const { fields: record, line, problems } of records) {
    for (const p of problems) warn(p, line);
    if (record.length === 0) continue;
    if (record.length > header.fields.length)
      warn(
        `${record.length} fields where the header has ${header.fields.length}; the extra ones are ignored`,
        line,
      );
    const get = (f: CsvField): string | undefined => {
      const i = columns[f];
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
    else warn('row has neither artist nor title; skipped', line);
  }
  if (set) yield finish(set, ctx);
}

interface Header {
  fields: string[];
  delimiter: string;
  columns: Partial<Record<CsvField, number>>;
}

/**
 * The header row: the first line (of the first few) whose fields name an artist or title column.
 * `sep=;` (Excel's delimiter hint) names the delimiter; lines before the header are reported as skipped.
 */
async function findHeader(lines: AsyncIterator<Line>, ctx: ReadContext): Promise<Header | UnreadableSet> {
  let delimiter: string | undefined;
  let first: { fields: string[]; line: number } | undefined;
  const skipped: number[] = [];
  for (let seen = 0; seen < HEADER_SEARCH_LINES; ) {
    const r = await lines.next();
    if (r.done) break;
    const { text: t, line, tooLong } = r.value;
    if (tooLong || t.trim() === '') continue;
    seen++;
    const hint = /^\uFEFF?"?sep=(.)"?\s*$/i.exec(t);
    if (hint) {
      delimiter = hint[1]!;
      continue;
    }
    const d = delimiter ?? detectDelimiter(t);
    const fields = splitRecord(t.replace(/^\uFEFF/, ''), d).fields;
    first ??= { fields, line };
    const columns = mapColumns(fields, ctx.csvMapping);
    if (columns.title !== undefined || columns.artist !== undefined) {
      if (skipped.length > 0)
        ctx.pending.push(
          issue('warning', `${lineList(skipped)} before the header row skipped`, {
            file: ctx.file,
            line: skipped[0],
          }),
        );
      return { fields, delimiter: d, columns };
    }
    skipped.push(line);
  }
  return unreadable(
    ctx,
    `no artist or title column among the headers (${first?.fields.join(', ') ?? 'none'}); pass a column mapping`,
    first?.line,
  );
}

/** "line 3" or "lines 1, 2, 5". */
export function lineList(lines: readonly number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** The rest of an iterator as an iterable (the header was taken from its start). */
async function* rest<T>(it: AsyncIterator<T>): AsyncIterable<T> {
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    yield r.value;
  }
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
