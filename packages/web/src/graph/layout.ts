// Positions for a view that the server has no stored layout for. An ego network is drawn as rings
// around its centre (hop 1, hop 2, …), each ring ordered by key so that compatible keys sit side by
// side; a subgraph gets a fixed number of ForceAtlas2 iterations before it is shown, so nothing
// moves under the pointer afterwards.
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import * as fa2Module from 'graphology-layout-forceatlas2';
import type { AbstractGraph } from 'graphology-types';
import { CAMELOT_KEYS } from '../filters.ts';
import type { ViewGraph } from './model.ts';

const keyRank = (k: string | null) => (k === null ? CAMELOT_KEYS.length : CAMELOT_KEYS.indexOf(k));

export function radialPositions(g: ViewGraph): Map<number, { x: number; y: number }> {
  const pos = new Map<number, { x: number; y: number }>();
  const rings = new Map<number, typeof g.nodes>();
  for (const n of g.nodes) {
    const hop = n.hop ?? 1;
    if (!rings.has(hop)) rings.set(hop, []);
    rings.get(hop)!.push(n);
  }
  for (const [hop, ring] of rings) {
    if (hop === 0) {
      for (const n of ring) pos.set(n.id, { x: 0, y: 0 });
      continue;
    }
    ring.sort((a, b) => keyRank(a.key) - keyRank(b.key) || b.plays - a.plays || a.id - b.id);
    // Outer rings hold more tracks: radius grows with the ring's size so labels have room.
    const radius = hop * 10 + Math.max(0, ring.length - 12) * 0.35;
    ring.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / ring.length + hop * 0.3;
      pos.set(n.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  return pos;
}

// The package is CommonJS (`module.exports = layout`): bundlers hand it over as the default export,
// while TypeScript's view of it is the module namespace. Take whichever holds the function.
interface ForceAtlas2 {
  assign(graph: AbstractGraph, params: { iterations: number; settings?: ForceAtlas2Settings }): void;
  inferSettings(graph: AbstractGraph): ForceAtlas2Settings;
}
const forceAtlas2 = ((fa2Module as unknown as { default?: ForceAtlas2 }).default ??
  fa2Module) as unknown as ForceAtlas2;

/** Runs ForceAtlas2 for a bounded number of iterations on a graph whose nodes have x, y set. */
export function settle(graph: AbstractGraph, iterations = 150) {
  if (graph.order < 2) return;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations, settings: { ...settings, barnesHutOptimize: graph.order > 500 } });
}
