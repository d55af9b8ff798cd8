// CUE sheets of DJ mixes: PERFORMER/TITLE per TRACK, INDEX 01 mm:ss:ff as the cue time,
// disc-level PERFORMER/TITLE as the set, REM DATE/GENRE as its date and genre.
import type { ImportItem, ParsedEntry } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { buildRaw, finishSet, isoDate, issue, newSet, parseClock, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

const COMMAND = /^\s*([A-Z]+)\s*(.*?)\s*$/i;

/** CUE values are `"quoted"` or bare words. */
function value(rest: string): string {
  const m = /^"(.*)"$/.exec(rest);
  return (m ? m[1]! : rest).trim();
}

export async function* readCue(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const set = newSet(ctx, 'file', 'mix', 1);
  let genre: string | null = null;
  let current: (ParsedEntry & { trackNo?: number }) | null = null;
  const numbers = new Map<number, number>();
  for await (const { line, text: content, tooLong } of splitLines(text)) {
    if (tooLong) {
      set.issues.push(
        issue('error', `line ${line} is longer than ${MAX_LINE_CHARS} characters; skipped`, {
          file: ctx.file,
          line,
        }),
      );
      continue;
    }
    const m = COMMAND.exec(content);
    if (!m) continue;
    const cmd = m[1]!.toUpperCase();
    const rest = m[2]!;
    if (cmd === 'TRACK') {
      const no = Number.parseInt(rest, 10);
      current = { position: set.entries.length + 1, raw: '', line };
      if (Number.isFinite(no)) {
        const before = numbers.get(no);
        if (before !== undefined)
          set.issues.push(
            issue('warning', `duplicate TRACK ${no} (also at line ${before})`, {
              file: ctx.file,
              line,
              field: 'TRACK',
            }),
          );
        numbers.set(no, line);
      }
      set.entries.push(current);
    } else if (cmd === 'PERFORMER' || cmd === 'TITLE') {
      const v = value(rest);
      if (current) {
        if (cmd === 'PERFORMER') current.artist = v || undefined;
        else current.title = v || undefined;
      } else if (cmd === 'PERFORMER' && v) set.performers = [v];
      else if (v) set.title = v;
    } else if (cmd === 'INDEX' && current) {
      const [idx, time] = rest.split(/\s+/);
      if (Number(idx) === 1) {
        const seconds = parseClock(time, true);
        if (seconds === null)
          set.issues.push(
            issue('warning', `unreadable INDEX time "${time}"`, { file: ctx.file, line, field: 'INDEX' }),
          );
        current.cueSeconds = seconds;
      }
    } else if (cmd === 'REM') {
      const [, key, v] = /^(\S+)\s*(.*)$/.exec(rest) ?? [];
      if (key?.toUpperCase() === 'DATE') set.date = isoDate(value(v ?? ''));
      else if (key?.toUpperCase() === 'GENRE') genre = value(v ?? '') || null;
    }
  }
  for (const e of set.entries) {
    e.raw = buildRaw(e.artist, e.title);
    if (genre) e.genre ??= genre;
  }
  const kept = set.entries.filter((e) => e.raw !== '');
  if (kept.length < set.entries.length)
    set.issues.push(
      issue('warning', `${set.entries.length - kept.length} TRACK(s) without PERFORMER or TITLE skipped`, {
        file: ctx.file,
      }),
    );
  set.entries = kept.map((e, i) => ({ ...e, position: i + 1 }));
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'no TRACK with PERFORMER or TITLE in the CUE sheet');
    return;
  }
  yield finishSet(set, ctx);
}
