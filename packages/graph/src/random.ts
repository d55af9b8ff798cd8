// Seeded randomness: the PRNG behind Louvain's rng option and layout starting positions, and a
// random power-law snapshot generator for tests and the benchmark. Same seed, same output.
import type { GraphSnapshot } from './snapshot.ts';
import { allocateSnapshot, NO_DAY } from './snapshot.ts';

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomSnapshotOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Share of tracks with a known BPM / key / duration (the rest stay unknown). Default 0.85 / 0.8 / 0.7. */
  knownBpm?: number;
  knownKey?: number;
  knownDuration?: number;
}

const GENRES = ['Techno', 'House', 'Tech House', 'Drum & Bass', 'Trance', 'Disco', 'Hip Hop', 'Ambient'];
// Typical tempo range per genre above: [centre, spread].
const GENRE_BPM: [number, number][] = [
  [132, 6],
  [123, 3],
  [126, 2],
  [174, 2],
  [138, 3],
  [118, 4],
  [92, 6],
  [100, 20],
];

/**
 * A random snapshot with power-law degrees: both ends of each transition are drawn with
 * P(rank ≤ k) = (k/n)^0.4 over a shuffled ranking, so a few tracks are hubs and most are rare.
 * Test and benchmark data only: nothing here describes real music.
 */
export function randomSnapshot(o: RandomSnapshotOptions): GraphSnapshot {
  const rnd = seededRandom(o.seed ?? 1);
  const n = o.nodes;
  const s = allocateSnapshot(n, o.edges, n * 2);
  s.genres = [...GENRES];
  s.sourceNames = ['mixesdb', '1001tracklists', 'rekordbox'];
  const rankToNode = new Uint32Array(n);
  for (let i = 0; i < n; i++) rankToNode[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rankToNode[i], rankToNode[j]] = [rankToNode[j]!, rankToNode[i]!];
  }
  let link = 0;
  for (let i = 0; i < n; i++) {
    s.nodes.trackId[i] = i + 1;
    const genre = Math.floor(rnd() * GENRES.length);
    s.nodes.genre[i] = genre;
    const [centre, spread] = GENRE_BPM[genre]!;
    if (rnd() < (o.knownBpm ?? 0.85))
      s.nodes.bpm[i] = Math.round((centre + (rnd() * 2 - 1) * spread) * 10) / 10;
    if (rnd() < (o.knownKey ?? 0.8)) s.nodes.key[i] = Math.floor(rnd() * 24);
    if (rnd() < 0.9) s.nodes.year[i] = 1990 + Math.floor(rnd() * 35);
    if (rnd() < (o.knownDuration ?? 0.7)) s.nodes.durationSeconds[i] = 240 + Math.floor(rnd() * 300);
    const artists = rnd() < 0.2 ? 2 : 1;
    for (let a = 0; a < artists; a++) s.nodes.artistIds[link++] = 1 + Math.floor(rnd() ** 1.5 * (n / 3));
    s.nodes.artistOffsets[i + 1] = link;
  }
  s.nodes.artistIds = s.nodes.artistIds.slice(0, link);
  const pick = () => rankToNode[Math.floor(rnd() ** 2.5 * n)]!;
  const seen = new Set<number>();
  let m = 0;
  let attempts = 0;
  while (m < o.edges) {
    if (++attempts > o.edges * 50) throw new Error(`could not place ${o.edges} distinct edges on ${n} nodes`);
    const a = pick();
    const b = pick();
    if (a === b) continue;
    const k = a * n + b;
    if (seen.has(k)) continue;
    seen.add(k);
    const count = Math.min(1000, Math.max(1, Math.floor(rnd() ** -0.8)));
    const djs = 1 + Math.floor(rnd() * count);
    s.edges.from[m] = a + 1;
    s.edges.to[m] = b + 1;
    s.edges.count[m] = count;
    s.edges.djs[m] = djs;
    s.edges.sets[m] = djs + Math.floor(rnd() * (count - djs + 1));
    if (rnd() < 0.95) {
      const first = 12_784 + Math.floor(rnd() * 7300); // 2005 … 2025
      s.edges.firstDay[m] = first;
      s.edges.lastDay[m] = first + Math.floor(rnd() * (20_089 - first));
    } else {
      s.edges.firstDay[m] = NO_DAY;
      s.edges.lastDay[m] = NO_DAY;
    }
    s.edges.sources[m] = 1 << Math.floor(rnd() * 3);
    s.nodes.plays[a]! += count;
    m++;
  }
  return s;
}
