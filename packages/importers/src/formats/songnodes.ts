// Our own JSON set format: a ParsedSet without `issues`/`location`, tagged
// `"format": "songnodes.set/v1"`. Entries keep every ParsedEntry field they carry.
import { type ImportItem, type ParsedEntry, SET_KINDS, type SetKind } from '@songnodes/core';
import { finishSet, issue, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

export const SONGNODES_FORMAT = 'songnodes.set/v1';

type Obj = Record<string, unknown>;

export function isSongnodesSet(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && (v as Obj).format === SONGNODES_FORMAT;
}

const STRING_FIELDS = [
  'artist',
  'title',
  'version',
  'remixer',
  'label',
  'catalogNumber',
  'key',
  'genre',
  'playedAt',
] as const;
const NUMBER_FIELDS = ['cueSeconds', 'durationSeconds', 'bpm', 'year', 'deck', 'line'] as const;

export function songnodesToSet(v: Obj, line: number, ctx: ReadContext): ImportItem {
  if (!Array.isArray(v.entries))
    return unreadable(ctx, `set at line ${line} has no "entries" array`, line, 'entries');
  const kind = (SET_KINDS as readonly string[]).includes(v.kind as string) ? (v.kind as SetKind) : 'mix';
  const set = newSet(ctx, typeof v.source === 'string' && v.source ? v.source : 'file', kind, line);
  if (v.kind !== undefined && kind !== v.kind)
    set.issues.push(
      issue('warning', `unknown kind "${String(v.kind)}"; read as "mix"`, {
        file: ctx.file,
        line,
        field: 'kind',
      }),
    );
  for (const f of ['externalId', 'url', 'title', 'event', 'venue', 'date'] as const) {
    if (typeof v[f] === 'string' && v[f]) set[f] = v[f] as string;
  }
  if (Array.isArray(v.performers))
    set.performers = v.performers.filter((p): p is string => typeof p === 'string' && p !== '');
  v.entries.forEach((raw: unknown, i: number) => {
    const e = raw as Obj;
    if (typeof e !== 'object' || e === null || typeof e.raw !== 'string' || e.raw.trim() === '') {
      set.issues.push(
        issue('warning', `entry ${i + 1} has no "raw" text; skipped`, {
          file: ctx.file,
          line,
          field: 'raw',
          position: i + 1,
        }),
      );
      return;
    }
    const entry: ParsedEntry = {
      position:
        typeof e.position === 'number' && Number.isInteger(e.position) && e.position > 0 ? e.position : i + 1,
      raw: e.raw,
    };
    for (const f of STRING_FIELDS) if (typeof e[f] === 'string') entry[f] = e[f] as string;
    for (const f of NUMBER_FIELDS)
      if (typeof e[f] === 'number' && Number.isFinite(e[f])) entry[f] = e[f] as number;
    if (e.withPrevious === true) entry.withPrevious = true;
    if (typeof e.externalIds === 'object' && e.externalIds !== null)
      entry.externalIds = e.externalIds as Record<string, string>;
    set.entries.push(entry);
  });
  return finishSet(set, ctx);
}
