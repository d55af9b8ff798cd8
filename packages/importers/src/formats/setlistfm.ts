// setlist.fm API JSON: one setlist object, or a search page `{ setlist: [...] }`. The artist is
// the performer; each song is an entry (a cover is credited to its original artist).
import type { ImportItem } from '@songnodes/core';
import { buildRaw, finishSet, isoDate, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

export function isSetlistFm(v: unknown): v is Obj {
  const o = obj(v);
  if (!o) return false;
  if (Array.isArray(o.setlist)) return true;
  return obj(o.sets) !== undefined || (str(o.eventDate) !== undefined && obj(o.artist) !== undefined);
}

export function* setlistFmToSets(v: Obj, line: number, ctx: ReadContext): Iterable<ImportItem> {
  if (Array.isArray(v.setlist)) {
    for (const s of v.setlist) yield setlistToSet(obj(s) ?? {}, line, ctx);
  } else yield setlistToSet(v, line, ctx);
}

function setlistToSet(v: Obj, line: number, ctx: ReadContext): ImportItem {
  const artist = str(obj(v.artist)?.name);
  if (!artist) return unreadable(ctx, `setlist at line ${line} has no artist.name`, line, 'artist.name');
  const set = newSet(ctx, 'setlistfm', 'concert', line);
  set.performers = [artist];
  set.externalId = str(v.id);
  set.url = str(v.url);
  set.date = isoDate(str(v.eventDate));
  const venue = obj(v.venue);
  const city = obj(venue?.city);
  const place = [str(venue?.name), str(city?.name), str(obj(city?.country)?.name)].filter(Boolean);
  if (place.length) set.venue = place.join(', ');
  set.event = str(obj(v.tour)?.name);
  set.title = [artist, set.venue && `@ ${set.venue}`, set.date].filter(Boolean).join(' ');
  const sets = obj(v.sets)?.set;
  for (const part of Array.isArray(sets) ? sets : []) {
    const songs = obj(part)?.song;
    for (const s of Array.isArray(songs) ? songs : []) {
      const song = obj(s) ?? {};
      const name = str(song.name);
      const by = str(obj(song.cover)?.name) ?? artist;
      // setlist.fm writes an empty name for a song nobody identified.
      set.entries.push({
        position: set.entries.length + 1,
        raw: name ? buildRaw(by, name) : `${by} - ID`,
        artist: by,
        ...(name ? { title: name } : {}),
      });
    }
  }
  if (set.entries.length === 0)
    return unreadable(ctx, `setlist ${set.externalId ?? `at line ${line}`} has no songs`, line, 'sets');
  return finishSet(set, ctx);
}
