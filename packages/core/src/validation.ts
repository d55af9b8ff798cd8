// The validation rules registry for parsed sets. Each rule names the field it checks and whether a
// failure is an error (the set cannot be imported: its essentials are missing) or a warning (an entry
// or value is doubtful; the set still imports and the warning is kept with its field, position and line).

import { parseKey } from './camelot.ts';
import { parseDate } from './date.ts';
import type { ImportIssue, ParsedEntry, ParsedSet } from './types.ts';
import { SET_KINDS } from './types.ts';

export const LIMITS = {
  titleLength: { min: 1, max: 300 },
  artistLength: { min: 1, max: 200 },
  rawLength: { min: 1, max: 1000 },
  durationSeconds: { min: 10, max: 3600 },
  bpm: { min: 50, max: 300 },
  yearMin: 1900,
  /** Cue times beyond a day are typing errors, not long sets. */
  cueSecondsMax: 24 * 3600,
  /** Decks are numbered from 1; mixers have at most a handful (stored as smallint). */
  deck: { min: 1, max: 99 },
} as const;

export interface ValidationContext {
  /** "Next year" is relative to this date (injected so tests do not depend on the clock). */
  now: Date;
}

export interface SetRule {
  id: string;
  severity: ImportIssue['severity'];
  field: string;
  /** A message when the set breaks the rule, else null. */
  check(set: ParsedSet, ctx: ValidationContext): string | null;
}

export interface EntryRule {
  id: string;
  severity: ImportIssue['severity'];
  field: string;
  check(entry: ParsedEntry, ctx: ValidationContext): string | null;
}

function lengthProblem(what: string, value: string | undefined, limit: { min: number; max: number }) {
  if (value === undefined) return null;
  const n = [...value.trim()].length;
  if (n < limit.min) return `${what} is empty`;
  if (n > limit.max) return `${what} is ${n} characters long (at most ${limit.max})`;
  return null;
}

/** `YYYY-MM-DD`, optionally with a time and a zone, as the database's timestamp column reads it. */
function isTimestamp(value: string): boolean {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      value,
    );
  if (!m) return false;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return (
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(s) < 61
  );
}

/** A whole number in range: the column holding it (year, deck) is an integer, which refuses `2019.5`. */
function wholeProblem(what: string, value: number | null | undefined, min: number, max: number) {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value)) return `${what} ${value} is not a whole number`;
  return rangeProblem(what, value, min, max);
}

function rangeProblem(what: string, value: number | null | undefined, min: number, max: number, unit = '') {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    return `${what} ${value}${unit} is outside ${min}–${max}${unit}`;
  }
  return null;
}

export const SET_RULES: readonly SetRule[] = [
  {
    id: 'set.source',
    severity: 'error',
    field: 'source',
    check: (s) => (typeof s.source === 'string' && s.source.trim() !== '' ? null : 'the set has no source'),
  },
  {
    id: 'set.kind',
    severity: 'error',
    field: 'kind',
    check: (s) =>
      SET_KINDS.includes(s.kind) ? null : `kind "${String(s.kind)}" is not one of ${SET_KINDS.join(', ')}`,
  },
  {
    id: 'set.entries',
    severity: 'error',
    field: 'entries',
    check: (s) => (Array.isArray(s.entries) && s.entries.length > 0 ? null : 'the set has no entries'),
  },
  {
    id: 'set.title',
    severity: 'warning',
    field: 'title',
    check: (s) => lengthProblem('set title', s.title, LIMITS.titleLength),
  },
  {
    id: 'set.performers',
    severity: 'warning',
    field: 'performers',
    check: (s) =>
      (s.performers ?? []).some((p) => lengthProblem('performer', p, LIMITS.artistLength) !== null)
        ? `a performer name is empty or longer than ${LIMITS.artistLength.max} characters`
        : null,
  },
  {
    id: 'set.date',
    severity: 'warning',
    field: 'date',
    check: (s) =>
      s.date === undefined || parseDate(s.date) !== null ? null : `date "${s.date}" is not a date`,
  },
];

export const ENTRY_RULES: readonly EntryRule[] = [
  {
    id: 'entry.raw',
    severity: 'warning',
    field: 'raw',
    check: (e) => lengthProblem('the line', typeof e.raw === 'string' ? e.raw : '', LIMITS.rawLength),
  },
  {
    id: 'entry.position',
    severity: 'warning',
    field: 'position',
    check: (e) =>
      Number.isInteger(e.position) && e.position >= 1
        ? null
        : `position ${e.position} is not a positive whole number`,
  },
  {
    id: 'entry.title',
    severity: 'warning',
    field: 'title',
    check: (e) => lengthProblem('title', e.title, LIMITS.titleLength),
  },
  {
    id: 'entry.artist',
    severity: 'warning',
    field: 'artist',
    check: (e) => lengthProblem('artist', e.artist, LIMITS.artistLength),
  },
  {
    id: 'entry.duration',
    severity: 'warning',
    field: 'durationSeconds',
    check: (e) =>
      rangeProblem(
        'duration',
        e.durationSeconds,
        LIMITS.durationSeconds.min,
        LIMITS.durationSeconds.max,
        ' s',
      ),
  },
  {
    id: 'entry.bpm',
    severity: 'warning',
    field: 'bpm',
    check: (e) => rangeProblem('BPM', e.bpm, LIMITS.bpm.min, LIMITS.bpm.max),
  },
  {
    id: 'entry.year',
    severity: 'warning',
    field: 'year',
    check: (e, ctx) => wholeProblem('year', e.year, LIMITS.yearMin, ctx.now.getUTCFullYear() + 1),
  },
  {
    id: 'entry.deck',
    severity: 'warning',
    field: 'deck',
    check: (e) => wholeProblem('deck', e.deck, LIMITS.deck.min, LIMITS.deck.max),
  },
  {
    id: 'entry.playedAt',
    severity: 'warning',
    field: 'playedAt',
    check: (e) =>
      e.playedAt == null || isTimestamp(e.playedAt)
        ? null
        : `play time "${e.playedAt}" is not a date and time`,
  },
  {
    id: 'entry.cue',
    severity: 'warning',
    field: 'cueSeconds',
    check: (e) => rangeProblem('cue time', e.cueSeconds, 0, LIMITS.cueSecondsMax, ' s'),
  },
  {
    id: 'entry.key',
    severity: 'warning',
    field: 'key',
    check: (e) =>
      e.key === null || e.key === undefined || e.key.trim() === '' || parseKey(e.key) !== null
        ? null
        : `key "${e.key}" is not a musical key`,
  },
];

/**
 * Runs every rule over a set and its entries. Entry problems are warnings carrying the entry's
 * position and line; duplicate positions are reported once per repeated position.
 */
export function validateSet(set: ParsedSet, ctx: ValidationContext = { now: new Date() }): ImportIssue[] {
  const file = set.location?.file;
  const where = (extra: Partial<ImportIssue>): Partial<ImportIssue> =>
    file === undefined ? extra : { file, ...extra };
  const issues: ImportIssue[] = [];
  for (const rule of SET_RULES) {
    const message = rule.check(set, ctx);
    if (message) {
      issues.push({
        severity: rule.severity,
        message,
        field: rule.field,
        ...where({ line: set.location?.line }),
      });
    }
  }
  const seen = new Set<number>();
  for (const entry of Array.isArray(set.entries) ? set.entries : []) {
    const at = where({ position: entry.position, line: entry.line });
    for (const rule of ENTRY_RULES) {
      const message = rule.check(entry, ctx);
      if (message) issues.push({ severity: rule.severity, message, field: rule.field, ...at });
    }
    if (seen.has(entry.position)) {
      issues.push({
        severity: 'warning',
        message: `position ${entry.position} appears more than once`,
        field: 'position',
        ...at,
      });
    }
    seen.add(entry.position);
  }
  return issues.map(dropUndefined);
}

function dropUndefined(issue: ImportIssue): ImportIssue {
  return Object.fromEntries(
    Object.entries(issue).filter(([, v]) => v !== undefined),
  ) as unknown as ImportIssue;
}

/** True when the issues include an error, i.e. the set must not be imported. */
export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
