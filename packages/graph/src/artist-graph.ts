// The artist graph, derived from the track index: artist A → artist B when a track of A was played
// right before a track of B (counts and evidence summed over those transitions), and A — B
// collaborations when they share a track as primary artists.
import type { GraphIndex } from './graph-index.ts';

export interface ArtistLink {
  from: number;
  to: number;
  /** Transitions: summed plays; collaborations: shared tracks. */
  count: number;
  /** Transitions: summed evidence strength (weights.ts); collaborations: shared tracks. */
  evidence: number;
  kind: 'transition' | 'collaboration';
}

export interface ArtistGraph {
  artists: number[];
  /** Per artist id: its links (both kinds, both directions), strongest first. */
  links: Map<number, ArtistLink[]>;
}

export function buildArtistGraph(g: GraphIndex): ArtistGraph {
  const agg = new Map<string, ArtistLink>();
  const add = (from: number, to: number, kind: ArtistLink['kind'], count: number, evidence: number) => {
    const k = `${kind[0]}${from}:${to}`;
    const l = agg.get(k);
    if (l) {
      l.count += count;
      l.evidence += evidence;
    } else agg.set(k, { from, to, count, evidence, kind });
  };
  for (let u = 0; u < g.nodeCount; u++) {
    const au = g.artistsOf(u);
    for (let i = 0; i < au.length; i++) {
      for (let j = i + 1; j < au.length; j++) {
        const [a, b] = au[i]! < au[j]! ? [au[i]!, au[j]!] : [au[j]!, au[i]!];
        if (a !== b) add(a, b, 'collaboration', 1, 1);
      }
    }
    g.forEachOut(u, (v, e) => {
      for (const a of au)
        for (const b of g.artistsOf(v)) if (a !== b) add(a, b, 'transition', g.e.count[e]!, g.e.weight[e]!);
    });
  }
  const links = new Map<number, ArtistLink[]>();
  const push = (id: number, l: ArtistLink) => {
    const list = links.get(id);
    if (list) list.push(l);
    else links.set(id, [l]);
  };
  for (const l of agg.values()) {
    push(l.from, l);
    push(l.to, l);
  }
  for (const list of links.values())
    list.sort((x, y) => y.evidence - x.evidence || x.from - y.from || x.to - y.to);
  return { artists: [...links.keys()].sort((a, b) => a - b), links };
}

/** Neighbourhood of an artist: 'out' = artists played after theirs, 'in' = before, 'both' includes collaborations. */
export function artistNeighbours(
  ag: ArtistGraph,
  artistId: number,
  o: { direction?: 'out' | 'in' | 'both'; limit?: number } = {},
): ArtistLink[] {
  const dir = o.direction ?? 'both';
  return (ag.links.get(artistId) ?? [])
    .filter(
      (l) =>
        dir === 'both' ||
        (l.kind === 'transition' && (dir === 'out' ? l.from === artistId : l.to === artistId)),
    )
    .slice(0, o.limit ?? 50);
}
