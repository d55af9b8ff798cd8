// Helpers every format reader shares: building `raw` from fields, and the checks that run on each
// finished set (cue times, duplicate positions) so every format reports them the same way.
import type { ImportIssue, ParsedEntry, ParsedSet, UnreadableSet } from '@songnodes/core';
import type { ReadContext } from './types.ts';

/** Longest cue time we accept: two days. Anything later is a typo or a broken export. */
const MAX_CUE_SECONDS = 48 * 3600;

/** "Artist - Title (Version)", leaving out what is missing and not repeating a version the title already has. */
export function buildRaw(artist?: string, title?: string, version?: string): string {
  let name = title ?? '';
  if (version && !name.toLowerCase().includes(version.toLowerCase())) {
    name = name ? `${name} (${version})` : version;
  }
  if (artist && name) return `${artist} - ${name}`;
  return artist || name;
}

/** Trimmed text, or undefined when empty: sources write "" for unknown and we keep unknown as undefined. */
export function text(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** A positive finite number, or null: DJ software writes 0 for "not analysed". */
export function positiveNumber(value: string | undefined | null): number | null {
  if (value == null || value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** A plausible release year, or null (Rekordbox writes Year="0"). */
export function year(value: string | undefined | null): number | null {
  if (!value) return null;
  const m = /^\s*(\d{4})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1000 ? y : null;
}

/** Seconds from "h:mm:ss", "mm:ss", "mm:ss:ff" (frames, CUE), "1:02:33.5" or a plain number of seconds. */
export function parseClock(value: string | undefined | null, frames = false): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (!/^-?\d+(:\d{1,2}(\.\d+)?)+$/.test(v)) return null;
  const negative = v.startsWith('-');
  const parts = v.replace('-', '').split(':').map(Number);
  let seconds: number;
  if (frames && parts.length === 3) {
    seconds = parts[0]! * 60 + parts[1]! + parts[2]! / 75;
  } else {
    seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  }
  return negative ? -seconds : seconds;
}

export function issue(
  severity: ImportIssue['severity'],
  message: string,
  where: Omit<ImportIssue, 'severity' | 'message'> = {},
): ImportIssue {
  const out: ImportIssue = { severity, message };
  for (const [k, v] of Object.entries(where))
    if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

export function unreadable(ctx: ReadContext, message: string, line?: number, field?: string): UnreadableSet {
  return { unreadable: true, issue: issue('error', message, { file: ctx.file, line, field }) };
}

/** A new empty set of the given source and kind. */
export function newSet(ctx: ReadContext, source: string, kind: ParsedSet['kind'], line?: number): ParsedSet {
  const set: ParsedSet = { source: ctx.source ?? source, performers: [], kind, entries: [], issues: [] };
  if (ctx.file !== undefined || line !== undefined) set.location = { file: ctx.file, line };
  return set;
}

/**
 * Final checks of a set before it is yielded: absurd cue times are dropped with a warning,
 * duplicate positions are renumbered in file order with a warning, and file-level issues are attached.
 */
export function finishSet(set: ParsedSet, ctx: ReadContext): ParsedSet {
  cuesFromPlayTimes(set);
  for (const e of set.entries) {
    checkTimes(set, e, ctx);
    checkText(set, e, ctx);
  }
  for (const f of SET_TEXT) if (set[f]?.includes('\u0000')) set[f] = set[f].replace(NUL, '');
  set.performers = set.performers.map((p) => p.replace(NUL, ''));
  const seen = new Map<number, ParsedEntry>();
  let duplicate = false;
  for (const e of set.entries) {
    const first = seen.get(e.position);
    if (first) {
      duplicate = true;
      set.issues.push(
        issue(
          'warning',
          `duplicate position ${e.position} (also at line ${first.line ?? '?'}); entries renumbered in file order`,
          {
            file: ctx.file,
            line: e.line,
            field: 'position',
            position: e.position,
          },
        ),
      );
    } else seen.set(e.position, e);
  }
  if (duplicate) {
    for (const [i, e] of set.entries.entries()) e.position = i + 1;
  }
  if (ctx.pending.length > 0) set.issues.unshift(...ctx.pending.splice(0));
  return set;
}

const NUL = /\u0000/g;
const ENTRY_TEXT = [
  'raw',
  'artist',
  'title',
  'version',
  'remixer',
  'label',
  'catalogNumber',
  'genre',
  'key',
] as const;
const SET_TEXT = ['title', 'event', 'venue', 'externalId', 'url'] as const;

/**
 * PostgreSQL text cannot hold a NUL character: a field with one would make the database refuse the
 * whole set. It is removed, with a warning on the entry.
 */
function checkText(set: ParsedSet, e: ParsedEntry, ctx: ReadContext): void {
  for (const f of ENTRY_TEXT) {
    const v = e[f];
    if (typeof v !== 'string' || !v.includes('\u0000')) continue;
    e[f] = v.replace(NUL, '');
    set.issues.push(
      issue('warning', `${f} holds a NUL character, which cannot be stored; removed`, {
        file: ctx.file,
        line: e.line,
        field: f,
        position: e.position,
      }),
    );
  }
}

/**
 * A play history that notes when each track started (Traktor, VirtualDJ) but no cue times: each cue is
 * its start less the first start. Times without a zone are one clock, compared as written.
 */
function cuesFromPlayTimes(set: ParsedSet): void {
  if (set.kind !== 'history' || set.entries.some((e) => e.cueSeconds != null)) return;
  const at = (iso: string | null | undefined): number => {
    if (!iso || !/T\d/.test(iso)) return Number.NaN;
    return Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
  };
  const first = set.entries.map((e) => at(e.playedAt)).find(Number.isFinite);
  if (first === undefined) return;
  for (const e of set.entries) {
    const t = at(e.playedAt);
    if (Number.isFinite(t) && t >= first) e.cueSeconds = (t - first) / 1000;
  }
}

function checkTimes(set: ParsedSet, e: ParsedEntry, ctx: ReadContext): void {
  if (e.cueSeconds != null && !(e.cueSeconds >= 0 && e.cueSeconds <= MAX_CUE_SECONDS)) {
    set.issues.push(
      issue(
        'warning',
        `cue time ${e.cueSeconds} s is ${e.cueSeconds < 0 ? 'negative' : 'beyond 48 hours'}; dropped`,
        {
          file: ctx.file,
          line: e.line,
          field: 'cueSeconds',
          position: e.position,
        },
      ),
    );
    e.cueSeconds = null;
  }
  if (e.durationSeconds != null && !(e.durationSeconds > 0 && e.durationSeconds <= MAX_CUE_SECONDS)) {
    set.issues.push(
      issue('warning', `duration ${e.durationSeconds} s is not plausible; dropped`, {
        file: ctx.file,
        line: e.line,
        field: 'durationSeconds',
        position: e.position,
      }),
    );
    e.durationSeconds = null;
  }
}

/** "2023-04-28" from "28-04-2023" (setlist.fm), "2023/4/28" (Traktor), "2023-04-28T…" and the like. */
export function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(v);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return ymd(m[3]!, m[2]!, m[1]!);
  m = /^(\d{4})(?:-(\d{2}))?$/.exec(v);
  if (m) return m[2] ? (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : m[1]) : m[1];
  // Written-out dates ("Sat, Mar 19 2016", "19 March 2016"): only when a month name is there.
  if (/[a-z]{3}/i.test(v) && /\d{4}/.test(v)) {
    const t = new Date(v);
    if (!Number.isNaN(t.getTime()))
      return ymd(String(t.getFullYear()), String(t.getMonth() + 1), String(t.getDate()));
  }
  return undefined;
}

function ymd(y: string, mo: string, d: string): string | undefined {
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** `line 4` or `lines 1–3, 7, 9–10`. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j === i ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return `${lines.length === 1 ? 'line' : 'lines'} ${parts.join(', ')}`;
}
