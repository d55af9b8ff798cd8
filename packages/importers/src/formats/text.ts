// Pasted tracklists: one entry per track line, kept raw (numbering and cue times are split by core's
// track-string parser). A separator line (---, ===, ***) starts a new set. Pasted pages and
// SoundCloud/YouTube descriptions also hold headings, page chrome and prose (text-lines.ts): when a
// quarter or more of a set's lines read as `Artist - Title`, only those (and numbered or timed lines)
// are entries; every other line is reported as skipped, with its line number. A list of bare titles
// keeps its lines. A lone cue time is the next track's.
import type { ImportItem, ParsedEntry, ParsedSet } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { finishSet, issue, lineRanges, newSet, parseClock, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { classifyLine, type LineKind, withoutMarkup } from './text-lines.ts';

const SEPARATOR = /^\s*([-=*_~])\1{2,}\s*$/;
const COMMENT = /^\s*(\/\/|;)/;

interface Candidate {
  line: number;
  text: string;
  kind: LineKind;
  /** The cue written on the line, read as minutes:seconds. */
  cue: number | null;
}

export async function* readText(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  let block: Candidate[] = [];
  let tooLong: number[] = [];
  for await (const { line, text: content, tooLong: long } of splitLines(text)) {
    if (long) {
      tooLong.push(line);
      continue;
    }
    if (SEPARATOR.test(content)) {
      // A block of headings alone (`VirtualDJ History - 2023/11/04` above its rule line) heads the next set.
      if (block.length > 0 && tooLong.length === 0 && block.every((c) => c.kind === 'heading')) {
        ctx.pending.push(
          issue('warning', `heading above the list (${lineRanges(block.map((c) => c.line))}); skipped`, {
            file: ctx.file,
            line: block[0]!.line,
          }),
        );
      } else if (block.length > 0 || tooLong.length > 0) yield toSet(block, tooLong, ctx);
      block = [];
      tooLong = [];
      continue;
    }
    if (content.trim() === '' || COMMENT.test(content)) continue;
    block.push({ line, text: content.trim(), ...classifyLine(content) });
  }
  if (block.length > 0 || tooLong.length > 0) yield toSet(block, tooLong, ctx);
}

function toSet(block: Candidate[], tooLong: number[], ctx: ReadContext): ImportItem {
  const first = block[0]?.line ?? tooLong[0];
  const set = newSet(ctx, 'file', 'mix', first);
  for (const line of tooLong)
    set.issues.push(
      issue('error', `line ${line} is longer than ${MAX_LINE_CHARS} characters; skipped`, {
        file: ctx.file,
        line,
      }),
    );
  // A list of bare titles (no line reads `Artist - Title`) keeps every line; otherwise the lines that
  // are not tracks are the page around the tracklist.
  const content = block.filter((c) => c.kind !== 'heading' && c.kind !== 'cue' && c.kind !== 'number');
  const tracks = content.filter((c) => c.kind === 'track').length;
  const strict = tracks >= Math.max(2, content.length / 4) || (tracks === 1 && content.length <= 2);
  const skipped: number[] = [];
  /** Each entry's cue as written on its line (minutes:seconds), for clockTimes. */
  const written: (number | null)[] = [];
  let cue: number | null = null;
  for (const c of block) {
    if (c.kind === 'heading') continue;
    if (c.kind === 'cue') {
      cue = parseClock(c.text.replace(/[[\]()]/g, '')) ?? null;
      if (/^\[\d{1,3}\]$/.test(c.text)) cue = Number(c.text.slice(1, -1)) * 60;
      continue;
    }
    if (c.kind === 'number' || (strict && c.kind === 'other')) {
      skipped.push(c.line);
      continue;
    }
    const entry: ParsedEntry = { position: set.entries.length + 1, raw: withoutMarkup(c.text), line: c.line };
    if (cue !== null) entry.cueSeconds = cue;
    cue = null;
    set.entries.push(entry);
    written.push(entry.cueSeconds ?? c.cue);
  }
  clockTimes(set, written, ctx);
  if (skipped.length > 0)
    set.issues.push(
      issue('warning', `${lineRanges(skipped)}: not tracks (headings, page text, prose); skipped`, {
        file: ctx.file,
        line: skipped[0],
      }),
    );
  if (set.entries.length === 0) {
    const why = set.issues[0];
    return unreadable(ctx, why ? `no track lines (${why.message})` : 'no track lines', why?.line ?? first);
  }
  return finishSet(set, ctx);
}

/**
 * Play histories pasted as text (VirtualDJ's tracklist: `22:01 : Artist - Title`) write the time of
 * day as hours:minutes. Read as minutes:seconds such a list would put its tracks seconds apart; when
 * that is so, the times are hours:minutes of the day: the set is a play history and each cue counts
 * from the first (across midnight), with a warning saying so.
 */
function clockTimes(set: ParsedSet, written: readonly (number | null)[], ctx: ReadContext): void {
  const times = written.filter((c): c is number => c !== null);
  if (times.length < 3 || times.length < set.entries.length / 2) return;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
  if (!(median > 0 && median < 15 && times[0]! >= 60)) return;
  set.kind = 'history';
  let days = 0;
  let last = times[0]!;
  set.entries.forEach((e, i) => {
    const t = written[i];
    if (t == null) return;
    if (t < last) days++;
    last = t;
    e.cueSeconds = (t - times[0]! + days * 1440) * 60;
  });
  set.issues.push(
    issue('warning', 'times read as hours:minutes of the day (a play history); cues count from the first', {
      file: ctx.file,
      line: set.entries[0]?.line,
      field: 'cueSeconds',
    }),
  );
}
