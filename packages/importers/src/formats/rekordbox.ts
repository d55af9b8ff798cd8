// Rekordbox XML (DJ_PLAYLISTS): COLLECTION tracks by TrackID, then the PLAYLISTS tree. Each
// playlist NODE (Type="1") is a set in the order of its TRACK Key references; playlists under a
// HISTORY folder or named "HISTORY …" are play histories dated from their name. The collection is
// not a set; `readRekordboxCollection` streams it as the user's library.
import type { ImportItem, ParsedEntry, ParsedSet } from '@songnodes/core';
import type { SaxesTagPlain } from 'saxes';
import { buildRaw, finishSet, isoDate, issue, newSet, positiveNumber, year } from '../set-builder.ts';
import type { LibraryTrack, ReadContext } from '../types.ts';
import { attr, parseXml, readLibrarySets } from '../xml.ts';
import { fileTitle } from './m3u.ts';

/**
 * The per-track fields kept in memory while the playlists are read: bounded by the library size.
 * Values that repeat across a library (artists, genres, keys, labels) are stored once.
 */
function libraryTrack(tag: SaxesTagPlain, pool: Map<string, string>): LibraryTrack {
  const shared = (name: string): string | undefined => {
    const v = attr(tag, name);
    if (v === undefined) return undefined;
    const known = pool.get(v);
    if (known !== undefined) return known;
    pool.set(v, v);
    return v;
  };
  const artist = shared('Artist');
  const title = attr(tag, 'Name');
  const version = shared('Mix');
  const location = attr(tag, 'Location');
  const t: LibraryTrack = {
    id: attr(tag, 'TrackID') ?? '',
    raw: buildRaw(artist, title, version) || fileTitle(location ?? ''),
  };
  if (artist) t.artist = artist;
  if (title) t.title = title;
  if (version) t.version = version;
  const remixer = shared('Remixer');
  if (remixer) t.remixer = remixer;
  const label = shared('Label');
  if (label) t.label = label;
  t.genre = shared('Genre') ?? null;
  t.bpm = positiveNumber(attr(tag, 'AverageBpm'));
  t.key = shared('Tonality') ?? null;
  t.year = year(attr(tag, 'Year'));
  t.durationSeconds = positiveNumber(attr(tag, 'TotalTime'));
  if (location) t.location = location;
  return t;
}

function toEntry(t: LibraryTrack, position: number, line: number): ParsedEntry {
  const { id: _id, location: _location, ...fields } = t;
  return { position, line, ...fields };
}

interface Playlist {
  set: ParsedSet;
  keyType: string;
  path: string[];
}

function rekordboxHandler(ctx: ReadContext, collectOnly: boolean) {
  const byId = new Map<string, LibraryTrack>();
  const byLocation = new Map<string, LibraryTrack>();
  const pool = new Map<string, string>();
  let section: 'none' | 'collection' | 'playlists' | 'after' = 'none';
  const folders: string[] = [];
  const nodeKinds: ('folder' | 'playlist')[] = [];
  let playlist: Playlist | null = null;
  let sawRoot = false;
  return {
    sawRoot: () => sawRoot,
    done: () => collectOnly && section === 'after',
    open(tag: SaxesTagPlain, line: number, out: (ImportItem | LibraryTrack)[]) {
      if (tag.name === 'DJ_PLAYLISTS') sawRoot = true;
      else if (tag.name === 'COLLECTION') section = 'collection';
      else if (tag.name === 'PLAYLISTS') section = 'playlists';
      else if (tag.name === 'TRACK' && section === 'collection') {
        const t = libraryTrack(tag, pool);
        if (collectOnly) out.push(t);
        else {
          byId.set(t.id, t);
          if (t.location) byLocation.set(t.location, t);
        }
      } else if (tag.name === 'NODE' && section === 'playlists' && !collectOnly) {
        const name = attr(tag, 'Name') ?? '';
        if (attr(tag, 'Type') === '1') {
          nodeKinds.push('playlist');
          const history = folders.some((f) => /^histor(y|ies)$/i.test(f)) || /^history\b/i.test(name);
          const set = newSet(ctx, 'rekordbox', history ? 'history' : 'playlist', line);
          set.title = name || undefined;
          set.externalId = [...folders.filter((f) => f !== 'ROOT'), name].join('/');
          if (history) set.date = isoDate(/(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/.exec(name)?.[1]);
          playlist = { set, keyType: attr(tag, 'KeyType') ?? '0', path: [...folders] };
        } else {
          nodeKinds.push('folder');
          folders.push(name);
        }
      } else if (tag.name === 'TRACK' && playlist) {
        const key = attr(tag, 'Key') ?? '';
        const t = playlist.keyType === '1' ? byLocation.get(key) : byId.get(key);
        const position = playlist.set.entries.length + 1;
        if (t) playlist.set.entries.push(toEntry(t, position, line));
        else {
          // The reference is dangling: keep the slot as an unknown entry so no false transition is drawn across it.
          playlist.set.entries.push({ position, raw: 'ID', line });
          playlist.set.issues.push(
            issue('warning', `TRACK Key="${key}" is not in the COLLECTION; kept as an unknown entry`, {
              file: ctx.file,
              line,
              field: 'TRACK/@Key',
              position,
            }),
          );
        }
      }
    },
    close(name: string, _line: number, out: (ImportItem | LibraryTrack)[]) {
      if (name === 'COLLECTION') section = 'after';
      else if (name === 'PLAYLISTS') section = 'after';
      else if (name === 'NODE' && section === 'playlists' && !collectOnly) {
        const kind = nodeKinds.pop();
        if (kind === 'folder') folders.pop();
        else if (kind === 'playlist' && playlist) {
          // Empty playlists are common in Rekordbox (e.g. cloud-sync stubs): nothing to import, not an error.
          if (playlist.set.entries.length > 0) out.push(finishSet(playlist.set, ctx));
          playlist = null;
        }
      }
    },
  };
}

export function readRekordbox(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  return readLibrarySets(text, ctx, rekordboxHandler(ctx, false), {
    name: 'Rekordbox XML',
    root: 'DJ_PLAYLISTS',
  });
}

export async function* readRekordboxCollection(
  text: AsyncIterable<string>,
  ctx: ReadContext,
): AsyncIterable<LibraryTrack> {
  yield* parseXml<ImportItem | LibraryTrack>(
    text,
    rekordboxHandler(ctx, true),
  ) as AsyncIterable<LibraryTrack>;
}
