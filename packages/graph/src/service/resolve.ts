// Naming a track the way people do: by id, or by an `Artist - Title (Version)` string resolved with
// the same identity rules as imports (core's parseTrackLine + trackIdentity). The exact identity key
// wins; failing that, every version of the recording (the original key) is a candidate, and one
// candidate is the answer while several are listed back to the user.
import { parseTrackLine, trackIdentity } from '@songnodes/core';
import type { GraphStore, TrackName } from './store.ts';

export type TrackResolution =
  | { status: 'found'; track: TrackName; matchedBy: 'id' | 'key' | 'original-key' }
  | { status: 'ambiguous'; message: string; candidates: TrackName[] }
  | { status: 'unknown'; message: string; candidates: [] };

/** `Artist - Title (Version)` of a track. */
export function trackLabel(t: Pick<TrackName, 'artist' | 'title' | 'version'>): string {
  return `${t.artist} - ${t.title}${t.version ? ` (${t.version})` : ''}`;
}

const unknown = (message: string): TrackResolution => ({ status: 'unknown', message, candidates: [] });

/**
 * Resolves a reference to a live track. `isLive(id)` says whether the graph holds the id; a
 * merged-away track resolves to the track it was merged into.
 */
export async function resolveTrack(
  store: Pick<GraphStore, 'findTracks' | 'trackNames'>,
  ref: string,
  isLive: (trackId: number) => boolean,
): Promise<TrackResolution> {
  const text = ref.trim();
  if (text === '') return unknown('no track given: name it by id or as "Artist - Title"');
  const follow = async (t: TrackName, by: 'id' | 'key' | 'original-key'): Promise<TrackResolution> => {
    let current = t;
    // A merge chain is short; the bound only guards against a cycle in bad data.
    for (let hops = 0; current.mergedInto !== null && hops < 16; hops++) {
      const next = (await store.trackNames([current.mergedInto])).get(current.mergedInto);
      if (!next) break;
      current = next;
    }
    if (!isLive(current.trackId))
      return unknown(`track ${current.trackId} (${trackLabel(current)}) is not in the graph`);
    return { status: 'found', track: current, matchedBy: by };
  };

  if (/^\d+$/.test(text)) {
    const id = Number(text);
    const t = (await store.trackNames([id])).get(id);
    return t ? follow(t, 'id') : unknown(`no track has id ${id}`);
  }

  const identity = trackIdentity(parseTrackLine(text).track);
  if (identity === null)
    return unknown(`"${text}" does not name a track: write it as "Artist - Title" (or give a track id)`);
  const found = await store.findTracks(identity);
  const exact = found.exact[0];
  if (exact) return follow(exact, 'key');
  // Several versions of one recording: the candidates, each surviving merge counted once.
  const candidates = [...new Map(found.original.map((t) => [t.mergedInto ?? t.trackId, t])).values()];
  const only = candidates[0];
  if (candidates.length === 1 && only) return follow(only, 'original-key');
  if (candidates.length === 0) return unknown(`no track matches "${text}"`);
  return {
    status: 'ambiguous',
    message: `"${text}" matches ${candidates.length} tracks; name one by id: ${candidates
      .map((c) => `${c.trackId} = ${trackLabel(c)}`)
      .join('; ')}`,
    candidates,
  };
}
