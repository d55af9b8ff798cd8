// Small hand-built graphs for the tests: made-up tracks and transitions.
import type { EdgeRecord, NodeRecord } from '../src/index.ts';
import { GraphIndex, snapshotFromRecords } from '../src/index.ts';

export function track(
  trackId: number,
  bpm: number | null,
  key: string | null,
  extra: Partial<NodeRecord> = {},
): NodeRecord {
  return { trackId, bpm, key, genre: null, year: null, artistIds: [trackId * 10], plays: 0, ...extra };
}

export function play(
  from: number,
  to: number,
  count: number,
  djs = 1,
  extra: Partial<EdgeRecord> = {},
): EdgeRecord {
  return { from, to, count, sets: count, djs, ...extra };
}

export function graphOf(nodes: NodeRecord[], edges: EdgeRecord[], sourceNames?: string[]): GraphIndex {
  return GraphIndex.fromSnapshot(snapshotFromRecords(nodes, edges, { sourceNames }));
}

/** Canonical text of a graph's live content, by track id: for comparing patched and rebuilt indexes. */
export function dump(g: GraphIndex): string {
  const lines: string[] = [];
  const rows = Array.from({ length: g.nodeCount }, (_x, u) => u).sort(
    (a, b) => g.trackId[a]! - g.trackId[b]!,
  );
  for (const u of rows) {
    const out = g.outByEvidence(u).map((e) => {
      const c = g.e;
      return `${g.trackId[c.to[e]!]}:${c.count[e]}/${c.sets[e]}/${c.djs[e]}/${c.firstDay[e]}/${c.lastDay[e]}/${c.sources[e]}`;
    });
    const inn = g.inByEvidence(u).map((e) => g.trackId[g.e.from[e]!]);
    lines.push(
      `${g.trackId[u]} bpm=${g.bpm[u]} key=${g.key[u]} genre=${g.genreName(u)} out=${g.outTotal[u]} in=${g.inTotal[u]} ` +
        `artists=${Array.from(g.artistsOf(u))} -> ${out.join(' ')} <- ${inn.join(' ')}`,
    );
  }
  return lines.join('\n');
}
