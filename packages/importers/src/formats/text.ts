// Pasted tracklists: one entry per track line, kept raw (numbering and cue times are split by core's
// track-string parser). A separator line (---, ===, ***) starts a new set. Pasted pages and
// SoundCloud/YouTube descriptions also hold headings, page chrome and prose (text-lines.ts): when a
// quarter or more of a set's lines read as `Artist - Title`, only those (and numbered or timed lines)
// are entries; every other line is reported as skipped, with its line number. A list of bare titles
// keeps its lines. A lone cue time is the next track's.
import type { ImportItem, ParsedEntry } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { finishSet, issue, lineRanges, newSet, parseClock, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';
import { type LineKind, lineKind, withoutMarkup } from './text-lines.ts';

const SEPARATOR = /^\s*([-=*_~])\1{2,}\s*$/;
const COMMENT = /^\s*(\/\/|;)/;

interface Candidate {
  line: number;
  text: string;
  kind: LineKind;
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
      if (block.length > 0 || tooLong.length > 0) yield toSet(block, tooLong, ctx);
      block = [];
      tooLong = [];
      continue;
    }
    if (content.trim() === '' || COMMENT.test(content)) continue;
    block.push({ line, text: content.trim(), kind: lineKind(content) });
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
  }
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
