// setlist.fm API JSON: one setlist object, or a search page `{ setlist: [...] }`. The artist is
// the performer; each song is an entry (a cover is credited to its original artist). The older API
// (0.1, JSON converted from its XML) wrote attributes as `@name`, wrapped pages in `setlists`, and made
// a lone set, song or setlist an object instead of a one-element array: both shapes are read.
import type { ImportItem } from '@songnodes/core';
import { buildRaw, finishSet, isoDate, newSet, unreadable } from '../set-builder.ts';
import type { ReadContext } from '../types.ts';

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
/** A list that the old API wrote as a lone object when it had one element (and as "" when empty). */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : obj(v) ? [v] : []);

/** The old API's `@attribute` keys as plain keys, at every depth. */
function plainKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainKeys);
  const o = obj(v);
  if (!o) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(o)) out[k.startsWith('@') ? k.slice(1) : k] = plainKeys(x);
  return out;
}

export function isSetlistFm(v: unknown): v is Obj {
  const o = obj(v);
  if (!o) return false;
  if (obj(o.setlists)) return isSetlistFm(o.setlists);
  if (Array.isArray(o.setlist) || obj(o.setlist)) return true;
  const date = str(o.eventDate) ?? str(o['@eventDate']);
  return obj(o.sets) !== undefined || (date !== undefined && obj(o.artist) !== undefined);
}

export function* setlistFmToSets(value: Obj, line: number, ctx: ReadContext): Iterable<ImportItem> {
  let v = plainKeys(value) as Obj;
  if (obj(v.setlists)) v = obj(v.setlists)!;
  if (v.setlist !== undefined) {
    for (const s of list(v.setlist)) yield setlistToSet(obj(s) ?? {}, line, ctx);
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
  for (const part of list(obj(v.sets)?.set)) {
    for (const s of list(obj(part)?.song)) {
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
