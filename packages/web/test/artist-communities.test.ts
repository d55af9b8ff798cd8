import { describe, expect, it } from 'vitest';
import type { Communities } from '../src/api/types.ts';
import { artistCommunities } from '../src/artist-communities.ts';

const stored: Communities = {
  id: 1,
  graphVersion: 3,
  algorithm: 'louvain',
  modularity: 0.41,
  count: 2,
  communities: [
    {
      community: 0,
      size: 40,
      genres: [{ name: 'Techno', share: 0.8 }],
      artists: [{ artistId: 7, name: 'Sable Reed', tracks: 5 }],
      label: 'Techno · Sable Reed',
    },
    { community: 1, size: 12, genres: [], artists: [], label: 'genre unknown · artist 9' },
  ],
  trackIds: [10, 11, 12, 13, 14],
  membership: [0, 1, 0, 1, 5],
};

describe("an artist's communities", () => {
  it('groups the tracks by community, the one holding most of them first, keeping play order', () => {
    const r = artistCommunities([12, 11, 10, 13], stored);
    expect(r.communities.map((c) => [c.community, c.trackIds])).toEqual([
      [0, [12, 10]],
      [1, [11, 13]],
    ]);
    expect(r.communities[0]!.label?.label).toBe('Techno · Sable Reed');
    expect(r.unplaced).toEqual([]);
  });

  it('counts tracks the computation never saw apart, and keeps a community the server did not describe', () => {
    const r = artistCommunities([14, 99], stored);
    expect(r.communities).toEqual([{ community: 5, label: null, trackIds: [14] }]);
    expect(r.unplaced).toEqual([99]);
  });

  it('places nothing when the answer carries no membership', () => {
    const { trackIds: _t, membership: _m, ...bare } = stored;
    expect(artistCommunities([10, 11], bare)).toEqual({ communities: [], unplaced: [10, 11] });
  });
});
