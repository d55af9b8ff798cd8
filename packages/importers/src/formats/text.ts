// Pasted tracklists: one entry per non-blank line, kept raw (numbering and cue times are split by
// core's track-string parser). A separator line (---, ===, ***) starts a new set.
import type { ImportItem, ParsedSet } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { finishSet, issue, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

const SEPARATOR = /^\s*([-=*_~])\1{2,}\s*$/;
/** "Tracklist:", "Track list -", "Setlist": a heading, not a track. */
const HEADING = /^\s*(track\s*list|tracklisting|setlist|playlist|tracks)\s*[:\-–]?\s*$/i;
const COMMENT = /^\s*(\/\/|;)/;

export async function* readText(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  let set: ParsedSet | null = null;
  for await (const { line, text: content, tooLong } of splitLines(text)) {
    if (tooLong) {
      set ??= newSet(ctx, 'file', 'mix', line);
      set.issues.push(
        issue('error', `line ${line} is longer than ${MAX_LINE_CHARS} characters; skipped`, {
          file: ctx.file,
          line,
        }),
      );
      continue;
    }
    if (SEPARATOR.test(content)) {
      if (set) yield close(set, ctx);
      set = null;
      continue;
    }
    if (content.trim() === '' || HEADING.test(content) || COMMENT.test(content)) continue;
    set ??= newSet(ctx, 'file', 'mix', line);
    set.entries.push({ position: set.entries.length + 1, raw: content.trim(), line });
  }
  if (set) yield close(set, ctx);
}

/** A "set" that ended with no entry at all (only over-long lines) is unreadable, not empty. */
function close(set: ParsedSet, ctx: ReadContext): ImportItem {
  if (set.entries.length === 0) {
    const first = set.issues[0];
    return unreadable(ctx, first ? first.message : 'no track lines', first?.line ?? set.location?.line);
  }
  return finishSet(set, ctx);
}
