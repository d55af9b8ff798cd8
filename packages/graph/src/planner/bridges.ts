// Bridge candidates: tracks nobody was seen playing after the current one but that fit it.
// Kept small so the planner stays fast: tracks are bucketed by key and 2-BPM tempo band, and each
// bucket keeps only its most played tracks. A query scans the allowed keys × the tempo window.
import type { GraphIndex } from '../graph-index.ts';
import { keyAllowed } from '../keys.ts';
import type { StepRules } from './constraints.ts';
import { stepAllowed } from './constraints.ts';

const BAND = 2;
const MAX_BPM = 300;
const BANDS = MAX_BPM / BAND + 1;
/** Tracks kept per (key, tempo band). */
const PER_BUCKET = 6;

export class BridgeIndex {
  /** (key + 1) × band → most played tracks; key -1 = unknown. */
  private readonly buckets: Uint32Array[] = [];
  /** band → most played tracks of any key, for the 'any' rule. */
  private readonly anyKey: Uint32Array[] = [];
  private readonly g: GraphIndex;

  /** Indexes `nodes` (default: every node with a known BPM). */
  constructor(g: GraphIndex, nodes?: Iterable<number>) {
    this.g = g;
    const lists: number[][] = Array.from({ length: 25 * BANDS }, () => []);
    const add = (u: number) => {
      const b = g.bpm[u]!;
      if (Number.isNaN(b) || b > MAX_BPM) return;
      lists[(g.key[u]! + 1) * BANDS + Math.floor(b / BAND)]!.push(u);
    };
    if (nodes) for (const u of nodes) add(u);
    else for (let u = 0; u < g.nodeCount; u++) add(u);
    const byPlays = (a: number, b: number) => g.plays[b]! - g.plays[a]! || g.trackId[a]! - g.trackId[b]!;
    for (const l of lists) this.buckets.push(Uint32Array.from(l.sort(byPlays).slice(0, PER_BUCKET)));
    for (let band = 0; band < BANDS; band++) {
      const all: number[] = [];
      for (let k = 0; k < 25; k++) all.push(...this.buckets[k * BANDS + band]!);
      this.anyKey.push(Uint32Array.from(all.sort(byPlays).slice(0, PER_BUCKET)));
    }
  }

  /** Up to `limit` tracks that may follow u as a bridge under the rules, most played first. */
  candidates(u: number, rules: StepRules, limit: number, accept: (v: number) => boolean): number[] {
    const g = this.g;
    const bpm = g.bpm[u]!;
    if (Number.isNaN(bpm)) return [];
    const span = Math.min((bpm * rules.maxPercent) / 100, rules.maxBpm);
    const windows: [number, number][] = [[bpm - span, bpm + span]];
    if (rules.halfDouble)
      windows.push([(bpm - span) * 2, (bpm + span) * 2], [(bpm - span) / 2, (bpm + span) / 2]);
    const found = new Set<number>();
    const ku = g.key[u]!;
    const scan = (bucket: Uint32Array) => {
      for (const v of bucket) if (v !== u && stepAllowed(g, u, v, rules, true) && accept(v)) found.add(v);
    };
    for (const [lo, hi] of windows) {
      const first = Math.max(0, Math.floor(lo / BAND));
      const last = Math.min(BANDS - 1, Math.floor(hi / BAND));
      for (let band = first; band <= last; band++) {
        if (rules.anyKey) scan(this.anyKey[band]!);
        else if (ku >= 0) {
          for (let k = 0; k < 24; k++)
            if (keyAllowed(ku, k, rules.keyMask)) scan(this.buckets[(k + 1) * BANDS + band]!);
        }
      }
    }
    return [...found]
      .sort((a, b) => g.plays[b]! - g.plays[a]! || g.trackId[a]! - g.trackId[b]!)
      .slice(0, limit);
  }
}

/** Bridge indexes are built once per graph state and reused across requests; a library gets its own. */
const cache = new WeakMap<GraphIndex, { key: string; index: BridgeIndex }>();

export function bridgesFor(g: GraphIndex, library: Set<number> | null): BridgeIndex {
  if (library !== null) return new BridgeIndex(g, library);
  const key = `${g.version}:${g.nodeCount}:${g.edgeCount}:${g.overlaySize}`;
  const hit = cache.get(g);
  if (hit && hit.key === key) return hit.index;
  const index = new BridgeIndex(g);
  cache.set(g, { key, index });
  return index;
}
