// Traktor NML: COLLECTION entries keyed by their location (VOLUME + DIR + FILE, as PRIMARYKEY
// KEY writes it), then PLAYLISTS. A PLAYLIST of TYPE="LIST" is a playlist; TYPE="PROTOCOL" (or
// entries with HistoryData) is a play history, in play order with deck and start time.
import type { ImportItem, ParsedEntry, ParsedSet } from '@songnodes/core';
import type { SaxesTagPlain } from 'saxes';
import { buildRaw, finishSet, issue, newSet, positiveNumber, year } from '../set-builder.ts';
import type { LibraryTrack, ReadContext } from '../types.ts';
import { attr, own, parseXml, readLibrarySets } from '../xml.ts';
import { fileTitle } from './m3u.ts';

/** Traktor packs a date as (year << 16) | (month << 8) | day. */
export function traktorDate(n: number): string | undefined {
  const y = n >> 16;
  const m = (n >> 8) & 0xff;
  const d = n & 0xff;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2010-11-16" + 82377 s → "2010-11-16T22:52:57" (Traktor's local time; no zone is recorded). */
function playedAt(date: string, seconds: number): string {
  const s = Math.floor(seconds);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:${ss}`;
}

interface Building {
  track: LibraryTrack;
  infoKey?: string;
  musicalKey?: string;
}

interface Playlist {
  set: ParsedSet;
  protocol: boolean;
}

function traktorHandler(ctx: ReadContext, collectOnly: boolean) {
  const byKey = new Map<string, LibraryTrack>();
  let section: 'none' | 'collection' | 'playlists' | 'after' = 'none';
  let entry: Building | null = null;
  const nodeNames: string[] = [];
  let playlist: Playlist | null = null;
  let pending: ParsedEntry | null = null;
  let sawRoot = false;
  const finishEntry = (out: (ImportItem | LibraryTrack)[]) => {
    if (!entry) return;
    const t = entry.track;
    t.key = entry.infoKey ?? entry.musicalKey ?? null;
    t.raw = buildRaw(t.artist, t.title, t.version) || fileTitle(t.location ?? '');
    if (collectOnly) out.push(t);
    else byKey.set(t.id, t);
    entry = null;
  };
  return {
    sawRoot: () => sawRoot,
    done: () => collectOnly && section === 'after',
    open(tag: SaxesTagPlain, line: number) {
      const name = tag.name;
      if (name === 'NML') sawRoot = true;
      else if (name === 'COLLECTION') section = 'collection';
      else if (name === 'PLAYLISTS') section = 'playlists';
      else if (section === 'collection') {
        if (name === 'ENTRY') {
          const t: LibraryTrack = { id: '', raw: '' };
          const artist = attr(tag, 'ARTIST');
          const title = attr(tag, 'TITLE');
          if (artist) t.artist = artist;
          if (title) t.title = title;
          entry = { track: t };
        } else if (entry && name === 'LOCATION') {
          entry.track.id = own(
            `${tag.attributes.VOLUME ?? ''}${tag.attributes.DIR ?? ''}${tag.attributes.FILE ?? ''}`,
          );
          entry.track.location = entry.track.id;
        } else if (entry && name === 'INFO') {
          const t = entry.track;
          t.genre = attr(tag, 'GENRE') ?? null;
          const label = attr(tag, 'LABEL');
          if (label) t.label = label;
          const remixer = attr(tag, 'REMIXER');
          if (remixer) t.remixer = remixer;
          const mix = attr(tag, 'MIX');
          if (mix) t.version = mix;
          t.durationSeconds = positiveNumber(attr(tag, 'PLAYTIME'));
          t.year = year(attr(tag, 'RELEASE_DATE'));
          entry.infoKey = attr(tag, 'KEY');
        } else if (entry && name === 'TEMPO') entry.track.bpm = positiveNumber(attr(tag, 'BPM'));
        else if (entry && name === 'MUSICAL_KEY') entry.musicalKey = attr(tag, 'VALUE');
      } else if (section === 'playlists' && !collectOnly) {
        if (name === 'NODE') nodeNames.push(attr(tag, 'NAME') ?? '');
        else if (name === 'PLAYLIST') {
          const protocol = attr(tag, 'TYPE') === 'PROTOCOL' || /^history$/i.test(nodeNames.at(-1) ?? '');
          const set = newSet(ctx, 'traktor', protocol ? 'history' : 'playlist', line);
          set.title = nodeNames.at(-1) || undefined;
          const uuid = attr(tag, 'UUID');
          const base = ctx.file
            ?.split(/[/\\]/)
            .pop()
            ?.replace(/\.nml$/i, '');
          set.externalId = protocol && base ? base : uuid;
          playlist = { set, protocol };
        } else if (playlist && name === 'ENTRY') {
          pending = { position: playlist.set.entries.length + 1, raw: '', line };
        } else if (playlist && pending && name === 'PRIMARYKEY') {
          const key = tag.attributes.KEY ?? '';
          const t = byKey.get(key);
          if (t) {
            const { id: _id, location: _location, ...fields } = t;
            Object.assign(pending, fields);
          } else {
            pending.raw = fileTitle(key.replace(/\/:/g, '/'));
            playlist.set.issues.push(
              issue(
                'warning',
                `PRIMARYKEY "${key}" is not in this file's COLLECTION; line taken from its file name`,
                {
                  file: ctx.file,
                  line,
                  field: 'PRIMARYKEY/@KEY',
                  position: pending.position,
                },
              ),
            );
          }
        } else if (playlist && pending && name === 'EXTENDEDDATA') {
          if (attr(tag, 'EXTENDEDTYPE') === 'HistoryData') playlist.protocol = true;
          const deck = attr(tag, 'DECK');
          if (deck !== undefined && /^\d+$/.test(deck)) pending.deck = Number(deck);
          const date = traktorDate(Number(attr(tag, 'STARTDATE')));
          const time = Number(attr(tag, 'STARTTIME'));
          if (date) {
            pending.playedAt =
              Number.isFinite(time) && attr(tag, 'STARTTIME') !== undefined ? playedAt(date, time) : date;
          }
        }
      }
    },
    close(name: string, _line: number, out: (ImportItem | LibraryTrack)[]) {
      if (name === 'COLLECTION' || name === 'PLAYLISTS') section = 'after';
      else if (section === 'collection' && name === 'ENTRY') finishEntry(out);
      else if (section === 'playlists' && !collectOnly) {
        if (name === 'NODE') nodeNames.pop();
        else if (name === 'ENTRY' && playlist && pending) {
          if (pending.raw) playlist.set.entries.push(pending);
          pending = null;
        } else if (name === 'PLAYLIST' && playlist) {
          const { set } = playlist;
          if (playlist.protocol) {
            set.kind = 'history';
            const firstPlayed = set.entries.find((e) => e.playedAt)?.playedAt;
            if (firstPlayed) set.date = firstPlayed.slice(0, 10);
          }
          if (set.entries.length > 0) out.push(finishSet(set, ctx));
          playlist = null;
        }
      }
    },
  };
}

export function readTraktor(text: AsyncIterable<string>, ctx: ReadContext): AsyncIterable<ImportItem> {
  return readLibrarySets(text, ctx, traktorHandler(ctx, false), { name: 'Traktor NML', root: 'NML' });
}

export async function* readTraktorCollection(
  text: AsyncIterable<string>,
  ctx: ReadContext,
): AsyncIterable<LibraryTrack> {
  yield* parseXml<ImportItem | LibraryTrack>(text, traktorHandler(ctx, true)) as AsyncIterable<LibraryTrack>;
}
