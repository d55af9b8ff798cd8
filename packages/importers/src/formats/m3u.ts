// M3U / M3U8 playlists: `#EXTINF:seconds,Artist - Title` before each path; a bare path gives its
// file name (without folder and extension) as the line. Other `#` lines are directives or comments.
import type { ImportItem } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { finishSet, issue, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

export async function* readM3u(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const set = newSet(ctx, 'file', 'playlist', 1);
  let pending: { line: number; seconds: number | null; display: string } | null = null;
  for await (const { line, text: content, tooLong } of splitLines(text)) {
    if (tooLong) {
      set.issues.push(
        issue('error', `line ${line} is longer than ${MAX_LINE_CHARS} characters; skipped`, {
          file: ctx.file,
          line,
        }),
      );
      pending = null;
      continue;
    }
    const t = content.trim();
    if (t === '') continue;
    const extinf = /^#EXTINF:\s*(-?[\d.]+)?[^,]*,(.*)$/i.exec(t);
    if (extinf) {
      const seconds = extinf[1] === undefined ? null : Number(extinf[1]);
      pending = {
        line,
        seconds: seconds !== null && seconds > 0 ? seconds : null,
        display: extinf[2]!.trim(),
      };
      continue;
    }
    const playlist = /^#PLAYLIST:(.*)$/i.exec(t);
    if (playlist) {
      set.title = playlist[1]!.trim() || undefined;
      continue;
    }
    if (t.startsWith('#')) continue;
    const raw = pending?.display || fileTitle(t);
    if (raw) {
      set.entries.push({
        position: set.entries.length + 1,
        raw,
        line: pending?.line ?? line,
        durationSeconds: pending?.seconds ?? null,
      });
    }
    pending = null;
  }
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'no playlist entries in the M3U file');
    return;
  }
  yield finishSet(set, ctx);
}

/** "/music/Artist - Title.mp3" or "file:///…/Artist%20-%20Title.flac" → "Artist - Title". */
export function fileTitle(path: string): string {
  let name =
    path
      .replace(/[?#].*$/, '')
      .split(/[/\\]/)
      .pop() ?? '';
  try {
    if (/%[0-9A-Fa-f]{2}/.test(name)) name = decodeURIComponent(name);
  } catch {
    // Not valid percent-encoding: the name is shown as written.
  }
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
}
