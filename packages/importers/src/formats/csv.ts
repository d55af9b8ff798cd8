// CSV/TSV tracklists (and fixed-width text tables such as Serato's TXT history): delimiter from the
// header line, columns from header names (csv-columns.ts) or an explicit mapping, their meaning from
// the first rows' values (csv-meaning.ts), and a set/mix/playlist column grouping consecutive rows into sets.
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
  lineRanges,
  newSet,
  parseClock,
  positiveNumber,
  unreadable,
  year,
} from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { type CsvField, detectDelimiter, fixedWidthHeader, mapColumns } from './csv-columns.ts';
import { clockOfDay, csvMeaning, pitchClassKey } from './csv-meaning.ts';
import { type CsvRecord, csvRecords, fixedWidthRecords, splitRecord } from './csv-records.ts';

/** How far down a header may sit (exports that open with a title or session line before it). */
const HEADER_SEARCH_LINES = 10;
/** Rows read before the columns' meaning is decided (csv-meaning.ts). */
const SAMPLE_ROWS = 50;

export async function* readCsv(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const lines = splitLines(text)[Symbol.asyncIterator]();
  const header = await findHeader(lines, ctx);
  if ('unreadable' in header) {
    yield header;
    return;
  }
  const width = header.fields.length;
  const records = (
    header.starts
      ? fixedWidthRecords(rest(lines), header.starts)
      : csvRecords(rest(lines), header.delimiter, () => width)
  )[Symbol.asyncIterator]();
  const sample: CsvRecord[] = [];
  while (sample.length < SAMPLE_ROWS) {
    const r = await records.next();
    if (r.done) break;
    sample.push(r.value);
  }
  const meaning = csvMeaning(
    header.fields,
    header.columns,
    sample.map((r) => r.fields),
  );
  for (const note of meaning.notes)
    ctx.pending.push(issue('warning', note, { file: ctx.file, line: header.line }));
  const { columns } = meaning;
  let set: ParsedSet | null = null;
  let setKey: string | undefined;
  let numbers = new Map<string, number>();
  // Wall-clock starts (a play history): cue times count from the session's start, or the first track's.
  let clock: WallClock = { start: null, last: null, days: 0 };
  const seenSets = new Set<string>();
  const warn = (message: string, line: number, field?: string) => {
    const w = issue('warning', message, { file: ctx.file, line, field });
    if (set) set.issues.push(w);
    else ctx.pending.push(w);
  };
  for await (const { fields: record, line, problems } of replay(sample, records)) {
    for (const p of problems) warn(p, line);
    if (record.length === 0) continue;
    if (record.length > width)
      warn(`${record.length} fields where the header has ${width}; the extra ones are ignored`, line);
    const get = (f: CsvField): string | undefined => {
      const i = columns[f];
      return i === undefined ? undefined : clean(record[i]);
    };
    // Serato's history opens with a session row: its date and times, no artist, not a track.
    if (meaning.history && !set && !get('artist') && isSessionRow(get)) {
      set = newSet(ctx, 'file', 'history', line);
      setKey = get('setId') ?? get('setTitle') ?? '';
      seenSets.add(setKey);
      set.title = get('title');
      set.date = isoDate(get('title')) ?? isoDate(get('cue')?.split(/\s+/)[0]);
      clock = { start: clockOfDay(get('cue') ?? ''), last: null, days: 0 };
      continue;
    }
    const key = get('setId') ?? get('setTitle') ?? '';
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
      set = newSet(ctx, 'file', meaning.history ? 'history' : 'mix', line);
      setKey = key;
      numbers = new Map();
      clock = { start: null, last: null, days: 0 };
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
    if (entry) {
      const cue = get('cue');
      if (cue && meaning.cue === 'wallclock') entry.cueSeconds = sinceStart(clock, cue);
      else if (cue) entry.cueSeconds = meaning.cue === 'minutes' ? Number(cue) * 60 : parseClock(cue);
      const duration = get('duration');
      if (duration && /^\d+(?:\.\d+)?$/.test(duration))
        entry.durationSeconds = Number(duration) * meaning.durationScale;
      else if (duration) entry.durationSeconds = parseClock(duration);
      if (meaning.modeColumn !== undefined && entry.key !== undefined) {
        const named = pitchClassKey(entry.key ?? '', record[meaning.modeColumn]);
        if (named) entry.key = named;
        else delete entry.key;
      }
      if (together) entry.withPrevious = true;
      set.entries.push(entry);
    } else warn('row has neither artist nor title; skipped', line);
  }
  if (set) yield finish(set, ctx);
}

interface WallClock {
  start: number | null;
  last: number | null;
  /** Midnights passed since the start. */
  days: number;
}

/** Seconds from the start of a history session to a wall-clock time, across midnight. */
function sinceStart(clock: WallClock, value: string): number | null {
  const at = clockOfDay(value);
  if (at === null) return null;
  if (clock.last !== null && at < clock.last) clock.days++;
  clock.last = at;
  clock.start ??= at;
  if (clock.days === 0 && at < clock.start) clock.days = 1;
  return at + clock.days * 86_400 - clock.start;
}

/** A session row names a date or carries one in its start time (Serato writes both). */
function isSessionRow(get: (f: CsvField) => string | undefined): boolean {
  const date = /\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/;
  return date.test(get('title') ?? '') || date.test(get('cue') ?? '');
}

/** The sampled records, then the rest. */
async function* replay(sample: CsvRecord[], more: AsyncIterator<CsvRecord>): AsyncIterable<CsvRecord> {
  yield* sample;
  for (;;) {
    const r = await more.next();
    if (r.done) return;
    yield r.value;
  }
}

interface Header {
  fields: string[];
  line: number;
  delimiter: string;
  /** Fixed-width text (Serato's TXT history): where each column starts. */
  starts?: number[];
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
    const plain = t.replace(/^\uFEFF/, '');
    let fields = splitRecord(plain, d).fields;
    const fixed = fields.length === 1 ? fixedWidthHeader(plain) : null;
    if (fixed) fields = fixed.fields;
    first ??= { fields, line };
    const columns = mapColumns(fields, ctx.csvMapping);
    if (columns.title !== undefined || columns.artist !== undefined) {
      if (skipped.length > 0)
        ctx.pending.push(
          issue('warning', `${lineRanges(skipped)} before the header row skipped`, {
            file: ctx.file,
            line: skipped[0],
          }),
        );
      return { fields, line, delimiter: d, columns, ...(fixed ? { starts: fixed.starts } : {}) };
    }
    skipped.push(line);
  }
  return unreadable(
    ctx,
    `no artist or title column among the headers (${first?.fields.join(', ') ?? 'none'}); pass a column mapping`,
    first?.line,
  );
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
  const ms = positiveNumber(get('durationMs'));
  if (ms !== null) e.durationSeconds = ms / 1000;
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
