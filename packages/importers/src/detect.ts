// Format detection by content. The file name only breaks ties between formats whose content can
// look alike (a plain list of paths is both M3U and text; a one-column list is both CSV and text).
import { gunzipSync, constants as zlib } from 'node:zlib';
import { decodeHead, sniff } from './decode.ts';
import { looksLikeCsv } from './formats/csv-columns.ts';
import { HEAD_BYTES, isGzip } from './input.ts';
import type { FormatId } from './types.ts';

const BY_EXTENSION: Record<string, FormatId> = {
  txt: 'text',
  csv: 'csv',
  tsv: 'csv',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
  cue: 'cue',
  m3u: 'm3u',
  m3u8: 'm3u',
  nml: 'traktor',
};

/** Which format the start of a file is in, or null when it is empty, binary or unrecognised. */
export function detectFormat(head: Uint8Array | string, fileName?: string): FormatId | null {
  let text: string;
  if (typeof head === 'string') text = head;
  else {
    let bytes = head;
    if (isGzip(bytes)) {
      try {
        // A head is a cut-off prefix: sync-flush lets us inflate what is there without the end.
        bytes = gunzipSync(bytes, { finishFlush: zlib.Z_SYNC_FLUSH }).subarray(0, HEAD_BYTES);
      } catch {
        return null;
      }
    }
    const sniffed = sniff(bytes);
    if (sniffed.binary) return null;
    text = decodeHead(bytes, sniffed);
  }
  text = text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return null;
  const ext = fileName ? extensionOf(fileName) : undefined;

  if (trimmed.startsWith('<')) {
    const markup = detectMarkup(trimmed.slice(0, HEAD_BYTES));
    // An XML or HTML document we do not know is refused; a text line that merely starts with `<` is text.
    if (markup || /^<(\?xml|!doctype|html[\s>])/i.test(trimmed)) return markup;
  }
  if ((trimmed.startsWith('{') && !trimmed.startsWith('{{')) || /^\[\s*(\{|\]|$)/.test(trimmed)) {
    if (/"(eventDate|setlist)"\s*:/.test(trimmed) && /"sets"\s*:|"setlist"\s*:\s*\[/.test(trimmed))
      return 'setlistfm';
    return 'json';
  }
  if (/^#EXTM3U/i.test(trimmed) || /^#EXTINF:/im.test(trimmed)) return 'm3u';
  if (/^\s*TRACK\s+\d+\s+AUDIO\b/m.test(text) && /^\s*(INDEX\s+\d+|FILE\s)/m.test(text)) return 'cue';
  if (/^\s*==+\s*Tracklist\s*==+\s*$/im.test(text) || /\[\[Category:/i.test(text)) return 'mixesdb';
  if (ext === 'm3u' && looksLikePathList(text)) return 'm3u';
  if (looksLikeCsv(text)) return 'csv';
  if (ext === 'csv' || ext === 'm3u') return ext;
  return 'text';
}

function detectMarkup(head: string): FormatId | null {
  if (/<DJ_PLAYLISTS[\s>]/.test(head)) return 'rekordbox';
  if (/<NML[\s>]/.test(head)) return 'traktor';
  const lower = head.toLowerCase();
  if (!/<(!doctype html|html|head|body|meta|div)[\s>]/.test(lower)) return null;
  if (lower.includes('1001tracklists')) return '1001tracklists';
  if (lower.includes('mixesdb')) return 'mixesdb';
  return null;
}

function looksLikePathList(text: string): boolean {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  return lines.length > 0 && lines.every((l) => /[/\\]|\.\w{2,4}\s*$/.test(l));
}

export function extensionOf(fileName: string): FormatId | undefined {
  const m = /\.([A-Za-z0-9]+)(?:\.gz)?$/.exec(fileName);
  return m ? BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}
