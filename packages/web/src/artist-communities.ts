// Which communities an artist's tracks fall in, from the stored communities (Louvain, computed by a
// job). Pure, unit tested. Tracks the computation did not see (imported since) belong to none and
// are counted apart, never guessed into one.
import type { Communities, CommunityLabel } from './api/types.ts';

export interface ArtistCommunity {
  community: number;
  /** The server's description (dominant genres and artists); null when it sent none for this id. */
  label: CommunityLabel | null;
  /** The artist's tracks in it, most played first. */
  trackIds: number[];
}

export interface ArtistCommunities {
  /** The communities holding the artist's tracks, the one with most of them first. */
  communities: ArtistCommunity[];
  /** The artist's tracks in no stored community (newer than the computation). */
  unplaced: number[];
}

/** `tracks` most played first; the answer keeps that order within each community. */
export function artistCommunities(tracks: readonly number[], c: Communities): ArtistCommunities {
  const of = new Map<number, number>();
  c.trackIds?.forEach((id, i) => {
    const m = c.membership?.[i];
    if (m !== undefined && m >= 0) of.set(id, m);
  });
  const labels = new Map((c.communities ?? []).map((l) => [l.community, l]));
  const groups = new Map<number, number[]>();
  const unplaced: number[] = [];
  for (const t of tracks) {
    const m = of.get(t);
    if (m === undefined) {
      unplaced.push(t);
      continue;
    }
    groups.set(m, [...(groups.get(m) ?? []), t]);
  }
  const communities = [...groups]
    .map(([community, trackIds]) => ({ community, label: labels.get(community) ?? null, trackIds }))
    .sort((a, b) => b.trackIds.length - a.trackIds.length || a.community - b.community);
  return { communities, unplaced };
}
