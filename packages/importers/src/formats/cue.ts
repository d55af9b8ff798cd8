// CUE sheets of DJ mixes: PERFORMER/TITLE per TRACK, INDEX 01 as the cue time, disc-level
// PERFORMER/TITLE as the set, REM DATE/GENRE as its date and genre. The CUE standard writes INDEX as
// minutes:seconds:frames (75 frames a second); some DJ programs write hours:minutes:seconds instead.
// Which one a sheet uses is read from the sheet itself (indexConvention).
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
  const times: { entry: ParsedEntry; time: string; line: number }[] = [];
  const remarks: string[] = [];
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
        if (time && THREE_FIELDS.test(time)) times.push({ entry: current, time, line });
        else if (time && /^\d{1,2}:\d{1,2}:\d{1,2}:\d{1,2}$/.test(time)) {
          // hours:minutes:seconds:frames, as a few programs write long recordings.
          const [h, m, sec, f] = time.split(':').map(Number) as [number, number, number, number];
          current.cueSeconds = h * 3600 + m * 60 + sec + f / 75;
        } else {
          const seconds = parseClock(time);
          if (seconds === null)
            set.issues.push(
              issue('warning', `unreadable INDEX time "${time}"`, { file: ctx.file, line, field: 'INDEX' }),
            );
          current.cueSeconds = seconds;
        }
      }
    } else if (cmd === 'REM') {
      const [, key, v] = /^(\S+)\s*(.*)$/.exec(rest) ?? [];
      if (key?.toUpperCase() === 'DATE') set.date = isoDate(value(v ?? ''));
      else if (key?.toUpperCase() === 'GENRE') genre = value(v ?? '') || null;
      else remarks.push(rest);
    }
  }
  const convention = indexConvention(
    times.map((t) => t.time),
    remarks,
  );
  if (convention.why)
    set.issues.push(
      issue('warning', `INDEX times read as ${convention.name}: ${convention.why}`, {
        file: ctx.file,
        line: times[0]?.line,
        field: 'INDEX',
      }),
    );
  for (const t of times) t.entry.cueSeconds = convention.seconds(t.time);
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

const THREE_FIELDS = /^\d{1,3}:\d{1,2}:\d{1,2}$/;

interface Convention {
  name: string;
  /** Why the sheet was read this way, when it is not the standard. */
  why?: string;
  seconds: (time: string) => number;
}

const FRAMES: Convention = {
  name: 'minutes:seconds:frames',
  seconds: (t) => {
    const [m, s, f] = t.split(':').map(Number) as [number, number, number];
    return m * 60 + s + f / 75;
  },
};
const HMS: Convention = {
  name: 'hours:minutes:seconds',
  seconds: (t) => {
    const [h, m, s] = t.split(':').map(Number) as [number, number, number];
    return h * 3600 + m * 60 + s;
  },
};

// A producer remark naming hours (`REM TIMEFORMAT HH:MM:SS`, `REM COMMENT "… hh:mm:ss …"`).
const HMS_REMARK = /\bh{1,2}\s*:\s*m{1,2}\s*:\s*s{1,2}\b/i;

/**
 * How a sheet writes INDEX 01: the standard minutes:seconds:frames unless the sheet shows otherwise —
 * a remark saying hours:minutes:seconds, or times that only make sense that way. Frames are 0–74 and
 * minutes run past 59 in long mixes; read as frames, a DJ mix whose tracks last seconds each (the
 * times are really hours and minutes) is not a mix.
 */
export function indexConvention(times: readonly string[], remarks: readonly string[]): Convention {
  const fields = times.map((t) => t.split(':').map(Number) as [number, number, number]);
  if (fields.some(([, , f]) => f >= 75) || fields.some(([, s]) => s >= 60)) return FRAMES;
  if (fields.some(([m]) => m >= 24) || fields.some(([, , f]) => f >= 60)) return FRAMES;
  if (remarks.some((r) => HMS_REMARK.test(r))) return { ...HMS, why: 'the sheet says so in a REM line' };
  if (fields.length < 3) return FRAMES;
  const asFrames = fields.map(([m, s, f]) => m * 60 + s + f / 75);
  const asHms = fields.map(([h, m, s]) => h * 3600 + m * 60 + s);
  const gap = (xs: number[]) => median(xs.slice(1).map((x, i) => x - xs[i]!));
  // Read as frames, tracks a median 15 s apart in a sheet that reaches past a minute; read as
  // hours:minutes:seconds, minutes apart: the times are hours and minutes.
  if (gap(asFrames) < 15 && gap(asHms) >= 60 && asHms.at(-1)! > asHms[0]!)
    return {
      ...HMS,
      why: `read as minutes:seconds:frames its tracks would start a median ${Math.round(gap(asFrames))} s apart`,
    };
  return FRAMES;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}
