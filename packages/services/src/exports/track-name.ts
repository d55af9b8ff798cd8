// How a track is named in a playlist line: `Artist - Title (Version)`, the way the text importer and
// every DJ tool read it back.
import type { PlaylistTrack } from '@songnodes/db';

export function trackLine(t: Pick<PlaylistTrack, 'artist' | 'title' | 'version'>): string {
  const title = t.version ? `${t.title} (${t.version})` : t.title;
  return `${t.artist} - ${title}`;
}
