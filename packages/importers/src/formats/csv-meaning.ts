// What a CSV's columns mean, from the header and the first rows' values together: a header name alone
// is ambiguous. `Time` is a track's length in a Rekordbox TXT export and a cue time in a tracklist;
// `Start Time` is a wall clock in a Serato history; `Duration` is milliseconds in Spotify-playlist
// exporters; a cue of `05` is minute 5 (MixesDB style); a `Mix` column repeated down the rows names
// the set, not the version; Spotify's `Key` is a pitch class (0 = C) with a separate `Mode`.
import { classifyVersion } from '@songnodes/core';
import { parseClock } from '../set-builder.ts';
import { type CsvField, normaliseHeader } from './csv-columns.ts';

export type Columns = Partial<Record<CsvField, number>>;

export interface CsvMeaning {
  columns: Columns;
  /** How the cue column writes time. */
  cue: 'clock' | 'minutes' | 'wallclock';
  /** Seconds per unit of the duration column (0.001 for milliseconds). */
  durationScale: number;
  /** Column of Spotify's `mode` (1 major, 0 minor) when `key` holds pitch classes 0–11. */
  modeColumn?: number;
  /** The file is a play history with wall-clock start and end columns (Serato): its first row may be the session. */
  history: boolean;
  /** What was decided from the values rather than the header, for the user to see. */
  notes: string[];
}

// Header names that say a cue time on their own; `time` alone may be a length.
const AMBIGUOUS_TIME = new Set(['time', 'zeit', 'temps', 'tiempo']);
const WALL_CLOCK = /\b(?:am|pm)\b|\b[A-Z]{3,4}$|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/i;

export function csvMeaning(
  headers: readonly string[],
  mapped: Columns,
  sample: readonly string[][],
): CsvMeaning {
  const columns: Columns = { ...mapped };
  const notes: string[] = [];
  const names = headers.map(normaliseHeader);
  const values = (i: number | undefined) =>
    i === undefined ? [] : sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  const history = names.includes('starttime') && names.includes('endtime');
  // Serato writes how long a track was played (`playtime`) beside its start: never the track's length.
  let cue: CsvMeaning['cue'] = 'clock';
  const cueValues = values(columns.cue);
  if (columns.cue !== undefined) {
    const header = names[columns.cue]!;
    if (history || cueValues.some((v) => WALL_CLOCK.test(v))) cue = 'wallclock';
    else if (AMBIGUOUS_TIME.has(header) && !looksLikeCues(cueValues)) {
      // `Time` that does not run forward from the start of a set is each track's length.
      if (columns.duration === undefined) columns.duration = columns.cue;
      delete columns.cue;
      notes.push(`column "${headers[columns.duration!]}" read as track length: its times do not run forward`);
    } else if (
      cueValues.length > 0 &&
      cueValues.every((v) => /^\d{1,3}$/.test(v)) &&
      bareMinutes(cueValues)
    ) {
      cue = 'minutes';
      notes.push(`column "${headers[columns.cue]}" read as minutes from the start`);
    }
  }
  let durationScale = 1;
  const durations = values(columns.duration).filter((v) => /^\d+(?:\.\d+)?$/.test(v));
  if (durations.length > 0 && median(durations.map(Number)) >= 1000) {
    durationScale = 0.001;
    notes.push(`column "${headers[columns.duration!]}" read as milliseconds`);
  }
  const modeColumn = names.indexOf('mode');
  const keys = values(columns.key);
  const pitchClasses = modeColumn !== -1 && keys.length > 0 && keys.every((k) => /^-?\d{1,2}$/.test(k));
  // A `Mix` column that repeats one value down the rows and names no version is the set's name.
  if (columns.version !== undefined && columns.setTitle === undefined && columns.setId === undefined) {
    const v = values(columns.version);
    const distinct = new Set(v);
    if (
      v.length >= 3 &&
      distinct.size <= Math.max(1, v.length / 3) &&
      [...distinct].every((x) => !classifyVersion(x))
    ) {
      columns.setTitle = columns.version;
      delete columns.version;
      notes.push(`column "${headers[columns.setTitle]}" read as the set's name: it repeats down the rows`);
    }
  }
  return { columns, cue, durationScale, ...(pitchClasses ? { modeColumn } : {}), history, notes };
}

/** Cue times run forward from near the start of a set (and start again near 0 with the next set). */
function looksLikeCues(values: readonly string[]): boolean {
  const s = values.map((v) => parseClock(v)).filter((x): x is number => x !== null);
  if (s.length === 0) return false;
  return s[0]! < 60 && s.every((x, i) => i === 0 || x >= s[i - 1]! || x < 60);
}

/** Bare numbers are minutes when zero-padded (`05`) or when, read as seconds, tracks would last seconds. */
function bareMinutes(values: readonly string[]): boolean {
  if (values.some((v) => /^0\d$/.test(v))) return true;
  const n = values.map(Number);
  const gaps = n.slice(1).map((x, i) => x - n[i]!);
  return gaps.length > 0 && median(gaps) < 15;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

const PITCH = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

/** Spotify's pitch class and mode as a key name (`9`, `0` → `A minor`); null for -1 (no key found). */
export function pitchClassKey(key: string, mode: string | undefined): string | null {
  const n = Number(key);
  if (!Number.isInteger(n) || n < 0 || n > 11) return null;
  const m = mode?.trim();
  if (m !== '0' && m !== '1') return null;
  return `${PITCH[n]} ${m === '1' ? 'major' : 'minor'}`;
}

/** Seconds of the day of a wall-clock time (`21:30:05`, `9:30 PM`, `10/09/08 21:30:00 CET`), or null. */
export function clockOfDay(value: string): number | null {
  const m = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?/i.exec(value);
  if (!m) return null;
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23) return null;
  return h * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}
