// Which formats each kind of export offers, with the file extension and media type of each, and the
// writer that produces it. One table, read by the service (to refuse a format a kind lacks), the job
// (to write) and the route (to list the formats in its schema).
import type { GraphExport } from '@songnodes/db';
import { writeGexf } from './gexf.ts';
import { writeGraphCsv } from './graph-csv.ts';
import { writeGraphJson } from './graph-json.ts';
import { writeGraphml } from './graphml.ts';
import { writeM3u8 } from './m3u8.ts';
import { writePlaylistCsv } from './playlist-csv.ts';
import { writePlaylistJson } from './playlist-json.ts';
import { writeRekordboxXml } from './rekordbox.ts';
import { writeTraktorNml } from './traktor.ts';
import type { Chunks, Playlist } from './types.ts';

export const EXPORT_KINDS = ['graph', 'set', 'plan', 'tracks'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const GRAPH_FORMATS = ['gexf', 'graphml', 'json', 'csv'] as const;
export const PLAYLIST_FORMATS = ['m3u8', 'rekordbox', 'traktor', 'csv', 'json'] as const;
export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'm3u8', 'rekordbox', 'traktor'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatFile {
  extension: string;
  contentType: string;
}

export const GRAPH_FILES: Record<(typeof GRAPH_FORMATS)[number], FormatFile> = {
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
};

export const PLAYLIST_FILES: Record<(typeof PLAYLIST_FORMATS)[number], FormatFile> = {
  m3u8: { extension: 'm3u8', contentType: 'audio/x-mpegurl; charset=utf-8' },
  rekordbox: { extension: 'xml', contentType: 'application/xml; charset=utf-8' },
  traktor: { extension: 'nml', contentType: 'application/xml; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
};

/** The version written into files that name their producer (Rekordbox PRODUCT). */
export const PRODUCT_VERSION = '0.1.0';

export function writeGraph(
  format: (typeof GRAPH_FORMATS)[number],
  g: GraphExport,
  meta: { created: string; description: string },
): Chunks {
  switch (format) {
    case 'gexf':
      return writeGexf(g, meta);
    case 'graphml':
      return writeGraphml(g);
    case 'json':
      return writeGraphJson(g, meta);
    case 'csv':
      return writeGraphCsv(g);
  }
}

export function writePlaylist(format: (typeof PLAYLIST_FORMATS)[number], p: Playlist): Chunks {
  switch (format) {
    case 'm3u8':
      return writeM3u8(p);
    case 'rekordbox':
      return writeRekordboxXml(p, { version: PRODUCT_VERSION });
    case 'traktor':
      return writeTraktorNml(p);
    case 'csv':
      return writePlaylistCsv(p);
    case 'json':
      return writePlaylistJson(p);
  }
}

export const isGraphFormat = (f: string): f is (typeof GRAPH_FORMATS)[number] =>
  (GRAPH_FORMATS as readonly string[]).includes(f);
export const isPlaylistFormat = (f: string): f is (typeof PLAYLIST_FORMATS)[number] =>
  (PLAYLIST_FORMATS as readonly string[]).includes(f);
