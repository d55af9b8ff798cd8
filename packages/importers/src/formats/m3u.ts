// M3U / M3U8 playlists. Before each path: `#EXTINF:seconds,Artist - Title` (or only a title), and
// VirtualDJ's `#EXTVDJ:` line of XML-like tags (`<artist>`, `<title>`, `<remix>`, `<bpm>`, `<key>`,
// `<songlength>`, `<lastplaytime>` as Unix seconds in its history files). A bare path gives its file
// name, without folder, extension and a leading track number. Other `#` lines are directives.
import { decodeHtmlEntities, type ImportItem, type ParsedEntry } from '@songnodes/core';
import { MAX_LINE_CHARS, splitLines } from '../lines.ts';
import { buildRaw, finishSet, issue, newSet, positiveNumber, text, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

interface Pending {
  line: number;
  seconds: number | null;
  display?: string;
  vdj?: Record<string, string>;
}

export async function* readM3u(input: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  const set = newSet(ctx, 'file', 'playlist', 1);
  let pending = null as Pending | null;
  for await (const { line, text: content, tooLong } of splitLines(input)) {
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
    const before = pending;
    const extinf = /^#EXTINF:\s*(-?[\d.]+)?[^,]*,(.*)$/i.exec(t);
    if (extinf) {
      const seconds = extinf[1] === undefined ? null : Number(extinf[1]);
      pending = {
        ...before,
        line: before?.line ?? line,
        seconds: seconds !== null && seconds > 0 ? seconds : (before?.seconds ?? null),
        display: extinf[2]!.trim(),
      };
      continue;
    }
    const vdj = /^#EXTVDJ:(.*)$/i.exec(t);
    if (vdj) {
      pending = { seconds: null, ...before, line: before?.line ?? line, vdj: vdjTags(vdj[1]!) };
      continue;
    }
    const playlist = /^#PLAYLIST:(.*)$/i.exec(t);
    if (playlist) {
      set.title = playlist[1]!.trim() || undefined;
      continue;
    }
    if (t.startsWith('#')) continue;
    const entry = toEntry(pending, t, set.entries.length + 1, line);
    if (entry) set.entries.push(entry);
    pending = null;
  }
  if (set.entries.length === 0) {
    yield unreadable(ctx, 'no playlist entries in the M3U file');
    return;
  }
  // VirtualDJ's history files note when each track was played: a play history, not a playlist.
  if (set.entries.some((e) => e.playedAt)) set.kind = 'history';
  yield finishSet(set, ctx);
}

function toEntry(p: Pending | null, path: string, position: number, line: number): ParsedEntry | null {
  const file = fileTitle(path);
  const tags = p?.vdj;
  if (tags && (tags.artist || tags.title)) {
    const e: ParsedEntry = { position, raw: '', line: p.line };
    let artist = text(tags.artist);
    const title = text(tags.title);
    let version = text(tags.remix);
    // VirtualDJ's `remix` field also holds featured artists (`feat. X`): they belong to the credit.
    if (version && /^(?:feat|ft|featuring)\b/i.test(version)) {
      artist = artist ? `${artist} ${version}` : undefined;
      version = undefined;
    }
    if (artist) e.artist = artist;
    if (title) e.title = title;
    if (version) e.version = version;
    e.raw = buildRaw(artist, title, version);
    const length = positiveNumber(tags.songlength);
    e.durationSeconds = length ?? p.seconds;
    const bpm = positiveNumber(tags.bpm);
    if (bpm !== null) e.bpm = bpm;
    if (text(tags.key)) e.key = text(tags.key);
    const played = positiveNumber(tags.lastplaytime);
    if (played !== null) e.playedAt = new Date(played * 1000).toISOString();
    return e;
  }
  // `#EXTINF:212,Title` without an artist: the file name often has both.
  const display = p?.display;
  const raw = display && (/\s-\s/.test(display) || !/\s-\s/.test(file)) ? display : file || display;
  if (!raw) return null;
  return { position, raw, line: p?.line ?? line, durationSeconds: p?.seconds ?? null };
}

/** `<artist>A</artist><title>T</title>` → { artist: 'A', title: 'T' }, entities decoded. */
function vdjTags(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<([a-z]+)>([^<]*)<\/\1>/gi))
    out[m[1]!.toLowerCase()] = decodeHtmlEntities(m[2]!).trim();
  return out;
}

/**
 * "/music/Artist - Title.mp3" or "file:///…/Artist%20-%20Title.flac" → "Artist - Title"; a leading
 * track number goes (`03 Artist - Title.m4a`, `03. …`, `A1 - Artist - Title`) when it is one: padded
 * with a zero, followed by a dot, or followed by a dash with a whole `Artist - Title` after it.
 */
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
  name = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  const numbered =
    /^(?:0\d{1,2}|\d{1,3}[.)])[\s._-]*(?=\S.*\s-\s)/.exec(name) ??
    /^(?:[A-D]?\d{1,3})\s*[-_.]\s+(?=\S.*\s-\s\S)/.exec(name);
  if (numbered) name = name.slice(numbered[0].length);
  return name.replace(/_/g, ' ').trim();
}
