// The compact in-memory graph: tracks and directed transitions in typed arrays (CSR), with out- and
// in-adjacency, patched by deltas without a full rebuild.
//
// Layout. Node i is row i of the snapshot, forever: patches append new nodes and never renumber,
// so arrays keyed by node index (communities, positions) stay valid. Edge columns hold the base
// edges 0…baseEdges-1 grouped by source node (outOffsets) and, within a node, ordered by evidence
// (weight desc, then target track id); inEdge lists edge ids grouped by target in the same order.
// A patch never moves base edges: a changed or removed base edge is marked dead, and new or changed
// transitions are appended after the base as overlay edges, listed per node in small "spill" lists
// kept in the same order. When the overlay grows past a share of the base, compact() rebuilds the
// CSR from the live edges.
import { keyCode } from './keys.ts';
import { dayNumber, sourceMask } from './records.ts';
import type { GraphDelta, GraphSnapshot, NodeRecord } from './snapshot.ts';
import { evidenceStrength } from './weights.ts';

/** Edge columns, indexed by edge id. */
interface EdgeColumns {
  from: Uint32Array;
  to: Uint32Array;
  count: Uint32Array;
  sets: Uint32Array;
  djs: Uint32Array;
  sources: Uint32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  weight: Float32Array;
}

/** Compaction happens when dead + overlay edges exceed this share of the base (and at least COMPACT_MIN). */
const COMPACT_SHARE = 0.1;
const COMPACT_MIN = 4096;

function growU32(a: Uint32Array, n: number): Uint32Array {
  const b = new Uint32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}
function grow<
  T extends Uint32Array | Int32Array | Float32Array | Uint16Array | Int8Array | Float64Array | Uint8Array,
>(a: T, n: number, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.fill(fill);
  b.set(a.subarray(0, Math.min(a.length, n)) as never);
  return b;
}

export class GraphIndex {
  version: number;
  /** Nodes, including those appended by patches. */
  nodeCount: number;
  /** Live (non-removed) transitions. */
  edgeCount: number;
  readonly genres: string[];
  readonly sourceNames: string[];
  private readonly genreCodes = new Map<string, number>();

  // Node columns (length ≥ nodeCount). Public for fast reads by the algorithms of this package; read-only outside graph-index.ts.
  trackId: Uint32Array;
  bpm: Float32Array;
  key: Int8Array;
  genre: Int32Array;
  year: Uint16Array;
  durationSeconds: Float32Array;
  plays: Uint32Array;
  /** Sum of counts of live out-/in-transitions. */
  outTotal: Float64Array;
  inTotal: Float64Array;
  outDegree: Uint32Array;
  inDegree: Uint32Array;
  private artistOffsets: Uint32Array;
  private artistIds: Uint32Array;
  private readonly artistOverride = new Map<number, Uint32Array>();

  // Track id → node lookup: base rows sorted by id, plus a map of appended nodes.
  private sortedIds!: Uint32Array;
  private sortedRows!: Uint32Array;
  private readonly extraIds = new Map<number, number>();

  // CSR of the base.
  private baseNodes = 0;
  private baseEdges = 0;
  private outOffsets!: Uint32Array;
  private inOffsets!: Uint32Array;
  private inEdge!: Uint32Array;

  // Edge columns, base then overlay; `slots` used.
  e!: EdgeColumns;
  private dead!: Uint8Array;
  private slots = 0;
  private deadCount = 0;
  private readonly spillOut = new Map<number, number[]>();
  private readonly spillIn = new Map<number, number[]>();

  private constructor(s: GraphSnapshot) {
    this.version = s.version;
    this.nodeCount = s.nodeCount;
    this.edgeCount = 0;
    this.genres = [...s.genres];
    for (const [i, name] of this.genres.entries()) this.genreCodes.set(name, i);
    this.sourceNames = [...s.sourceNames];
    const n = s.nodes;
    this.trackId = n.trackId;
    this.bpm = n.bpm;
    this.key = n.key;
    this.genre = n.genre;
    this.year = n.year;
    this.durationSeconds = n.durationSeconds;
    this.plays = n.plays;
    this.artistOffsets = n.artistOffsets;
    this.artistIds = n.artistIds;
    const nc = s.nodeCount;
    this.outTotal = new Float64Array(nc);
    this.inTotal = new Float64Array(nc);
    this.outDegree = new Uint32Array(nc);
    this.inDegree = new Uint32Array(nc);
  }

  /** Builds the index from a snapshot. The index takes ownership of the snapshot's node arrays. */
  static fromSnapshot(s: GraphSnapshot): GraphIndex {
    const g = new GraphIndex(s);
    g.rebuildIdLookup();
    const E = s.edgeCount;
    const from = new Uint32Array(E);
    const to = new Uint32Array(E);
    for (let i = 0; i < E; i++) {
      from[i] = g.requireNode(s.edges.from[i]!, `edge row ${i} (from)`);
      to[i] = g.requireNode(s.edges.to[i]!, `edge row ${i} (to)`);
    }
    const weight = new Float32Array(E);
    for (let i = 0; i < E; i++) weight[i] = evidenceStrength(s.edges.count[i]!, s.edges.djs[i]!);
    g.layoutEdges({ ...s.edges, from, to, weight }, E);
    return g;
  }

  // ---- nodes ----

  /** Node index of a track id, or -1. */
  indexOf(trackId: number): number {
    const ids = this.sortedIds;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v === trackId) return this.sortedRows[mid]!;
      if (v < trackId) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.extraIds.get(trackId) ?? -1;
  }

  private requireNode(trackId: number, where: string): number {
    const i = this.indexOf(trackId);
    if (i < 0) throw new Error(`${where}: track ${trackId} is not a node of the graph`);
    return i;
  }

  /** Primary artist ids of a node. */
  artistsOf(u: number): Uint32Array {
    return (
      this.artistOverride.get(u) ??
      this.artistIds.subarray(this.artistOffsets[u]!, this.artistOffsets[u + 1]!)
    );
  }

  genreName(u: number): string | null {
    const g = this.genre[u]!;
    return g < 0 ? null : this.genres[g]!;
  }

  // ---- edges ----

  /** Calls fn(target, edgeId) for every live out-transition of u (base order, then overlay). */
  forEachOut(u: number, fn: (v: number, e: number) => void): void {
    if (u < this.baseNodes) {
      const end = this.outOffsets[u + 1]!;
      const dead = this.dead;
      const to = this.e.to;
      for (let e = this.outOffsets[u]!; e < end; e++) if (dead[e] === 0) fn(to[e]!, e);
    }
    const sp = this.spillOut.get(u);
    if (sp) for (const e of sp) fn(this.e.to[e]!, e);
  }

  /** Calls fn(source, edgeId) for every live in-transition of v. */
  forEachIn(v: number, fn: (u: number, e: number) => void): void {
    if (v < this.baseNodes) {
      const end = this.inOffsets[v + 1]!;
      for (let i = this.inOffsets[v]!; i < end; i++) {
        const e = this.inEdge[i]!;
        if (this.dead[e] === 0) fn(this.e.from[e]!, e);
      }
    }
    const sp = this.spillIn.get(v);
    if (sp) for (const e of sp) fn(this.e.from[e]!, e);
  }

  /** Live out-edge ids of u, strongest evidence first, at most `limit`. */
  outByEvidence(u: number, limit = Number.POSITIVE_INFINITY): number[] {
    return this.mergeByEvidence(
      u < this.baseNodes ? this.outOffsets[u]! : 0,
      u < this.baseNodes ? this.outOffsets[u + 1]! : 0,
      null,
      this.spillOut.get(u),
      this.e.to,
      limit,
    );
  }

  /** Live in-edge ids of v, strongest evidence first, at most `limit`. */
  inByEvidence(v: number, limit = Number.POSITIVE_INFINITY): number[] {
    return this.mergeByEvidence(
      v < this.baseNodes ? this.inOffsets[v]! : 0,
      v < this.baseNodes ? this.inOffsets[v + 1]! : 0,
      this.inEdge,
      this.spillIn.get(v),
      this.e.from,
      limit,
    );
  }

  private mergeByEvidence(
    start: number,
    end: number,
    indirect: Uint32Array | null,
    spill: number[] | undefined,
    other: Uint32Array,
    limit: number,
  ): number[] {
    const out: number[] = [];
    let i = start;
    let j = 0;
    const sp = spill ?? [];
    while (out.length < limit) {
      while (i < end && this.dead[indirect ? indirect[i]! : i] === 1) i++;
      const a = i < end ? (indirect ? indirect[i]! : i) : -1;
      const b = j < sp.length ? sp[j]! : -1;
      if (a < 0 && b < 0) break;
      if (b < 0 || (a >= 0 && this.before(a, b, other))) {
        out.push(a);
        i++;
      } else {
        out.push(b);
        j++;
      }
    }
    return out;
  }

  /** Evidence order: weight desc, then the other end's track id asc. */
  private before(a: number, b: number, other: Uint32Array): boolean {
    const wa = this.e.weight[a]!;
    const wb = this.e.weight[b]!;
    if (wa !== wb) return wa > wb;
    return this.trackId[other[a]!]! < this.trackId[other[b]!]!;
  }

  /** Edge id of the live transition u→v, or -1. */
  findEdge(u: number, v: number): number {
    let found = -1;
    if (this.outDegree[u]! <= this.inDegree[v]!) {
      this.forEachOut(u, (t, e) => {
        if (t === v) found = e;
      });
    } else {
      this.forEachIn(v, (s, e) => {
        if (s === u) found = e;
      });
    }
    return found;
  }

  // ---- building ----

  private rebuildIdLookup(): void {
    const n = this.nodeCount;
    const rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
    const ids = this.trackId;
    rows.sort((a, b) => ids[a]! - ids[b]!);
    const sorted = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      sorted[i] = ids[rows[i]!]!;
      if (i > 0 && sorted[i] === sorted[i - 1])
        throw new Error(`track ${sorted[i]} appears twice in the snapshot`);
    }
    this.sortedIds = sorted;
    this.sortedRows = rows;
    this.extraIds.clear();
  }

  /** Lays out E edges (from/to as node indices) as the base CSR over all current nodes. */
  private layoutEdges(src: EdgeColumns, E: number): void {
    const N = this.nodeCount;
    const tid = this.trackId;
    const outOffsets = new Uint32Array(N + 1);
    for (let i = 0; i < E; i++) outOffsets[src.from[i]! + 1]!++;
    for (let u = 0; u < N; u++) outOffsets[u + 1]! += outOffsets[u]!;
    const cursor = outOffsets.slice(0, N);
    const perm = new Uint32Array(E);
    for (let i = 0; i < E; i++) perm[cursor[src.from[i]!]!++] = i;
    const w = src.weight;
    const to = src.to;
    const stamp = new Int32Array(N).fill(-1);
    for (let u = 0; u < N; u++) {
      const a = outOffsets[u]!;
      const b = outOffsets[u + 1]!;
      for (let k = a; k < b; k++) {
        const t = to[perm[k]!]!;
        if (stamp[t] === u) throw new Error(`transition ${tid[u]} → ${tid[t]} appears twice in the snapshot`);
        stamp[t] = u;
      }
      if (b - a > 1) perm.subarray(a, b).sort((x, y) => w[y]! - w[x]! || tid[to[x]!]! - tid[to[y]!]!);
    }
    const cols: EdgeColumns = {
      from: new Uint32Array(E),
      to: new Uint32Array(E),
      count: new Uint32Array(E),
      sets: new Uint32Array(E),
      djs: new Uint32Array(E),
      sources: new Uint32Array(E),
      firstDay: new Int32Array(E),
      lastDay: new Int32Array(E),
      weight: new Float32Array(E),
    };
    for (const k of Object.keys(cols) as (keyof EdgeColumns)[]) {
      const s = src[k];
      const d = cols[k];
      for (let i = 0; i < E; i++) d[i] = s[perm[i]!]!;
    }
    const inOffsets = new Uint32Array(N + 1);
    for (let e = 0; e < E; e++) inOffsets[cols.to[e]! + 1]!++;
    for (let v = 0; v < N; v++) inOffsets[v + 1]! += inOffsets[v]!;
    const inCursor = inOffsets.slice(0, N);
    const inEdge = new Uint32Array(E);
    for (let e = 0; e < E; e++) inEdge[inCursor[cols.to[e]!]!++] = e;
    const cw = cols.weight;
    const cf = cols.from;
    for (let v = 0; v < N; v++) {
      const a = inOffsets[v]!;
      const b = inOffsets[v + 1]!;
      if (b - a > 1) inEdge.subarray(a, b).sort((x, y) => cw[y]! - cw[x]! || tid[cf[x]!]! - tid[cf[y]!]!);
    }
    this.e = cols;
    this.dead = new Uint8Array(E);
    this.slots = E;
    this.deadCount = 0;
    this.baseNodes = N;
    this.baseEdges = E;
    this.outOffsets = outOffsets;
    this.inOffsets = inOffsets;
    this.inEdge = inEdge;
    this.spillOut.clear();
    this.spillIn.clear();
    this.edgeCount = E;
    this.outTotal = new Float64Array(this.trackId.length);
    this.inTotal = new Float64Array(this.trackId.length);
    this.outDegree = new Uint32Array(this.trackId.length);
    this.inDegree = new Uint32Array(this.trackId.length);
    for (let e = 0; e < E; e++) {
      const c = cols.count[e]!;
      this.outTotal[cols.from[e]!]! += c;
      this.inTotal[cols.to[e]!]! += c;
      this.outDegree[cols.from[e]!]!++;
      this.inDegree[cols.to[e]!]!++;
    }
  }

  // ---- patching ----

  /** Applies a delta (new totals of changed nodes and transitions); compacts when the overlay grows large. */
  applyDelta(delta: GraphDelta): void {
    for (const r of delta.nodes) this.upsertNode(r);
    for (const r of delta.edges) {
      // A transition gone (count 0) whose track is not a node holds nothing to remove: the track was
      // merged away before the index last loaded (merged tracks are not in a snapshot). Failing here
      // rebuilt the whole index on every dedupe merge of an upload: 2.7 s each at 350,000 tracks.
      if (r.count <= 0 && (this.indexOf(r.from) < 0 || this.indexOf(r.to) < 0)) continue;
      const where = `delta edge ${r.from} → ${r.to}`;
      const u = this.requireNode(r.from, where);
      const v = this.requireNode(r.to, where);
      const old = this.findEdge(u, v);
      if (old >= 0) this.removeEdge(old);
      if (r.count > 0) {
        this.appendEdge(u, v, {
          count: r.count,
          sets: r.sets,
          djs: r.djs,
          sources: sourceMask(r.sources, this.sourceNames),
          firstDay: dayNumber(r.firstDate),
          lastDay: dayNumber(r.lastDate),
        });
      }
    }
    this.version = delta.version;
    if (
      this.deadCount + (this.slots - this.baseEdges) >
      Math.max(COMPACT_MIN, COMPACT_SHARE * this.baseEdges)
    ) {
      this.compact();
    }
  }

  private upsertNode(r: NodeRecord): void {
    let u = this.indexOf(r.trackId);
    if (u < 0) {
      u = this.nodeCount++;
      if (u >= this.trackId.length) this.growNodes(Math.max(16, Math.ceil(this.trackId.length * 1.25)));
      this.trackId[u] = r.trackId;
      this.extraIds.set(r.trackId, u);
    }
    this.bpm[u] = r.bpm ?? Number.NaN;
    this.key[u] = keyCode(r.key);
    this.genre[u] = r.genre === null ? -1 : this.genreCode(r.genre);
    this.year[u] = r.year ?? 0;
    this.durationSeconds[u] = r.durationSeconds ?? Number.NaN;
    if (r.plays !== undefined) this.plays[u] = r.plays;
    if (r.artistIds !== undefined) this.artistOverride.set(u, Uint32Array.from(r.artistIds));
  }

  private genreCode(name: string): number {
    let c = this.genreCodes.get(name);
    if (c === undefined) {
      c = this.genres.length;
      this.genres.push(name);
      this.genreCodes.set(name, c);
    }
    return c;
  }

  private growNodes(n: number): void {
    this.trackId = grow(this.trackId, n, 0);
    this.bpm = grow(this.bpm, n, Number.NaN);
    this.key = grow(this.key, n, -1);
    this.genre = grow(this.genre, n, -1);
    this.year = grow(this.year, n, 0);
    this.durationSeconds = grow(this.durationSeconds, n, Number.NaN);
    this.plays = grow(this.plays, n, 0);
    this.outTotal = grow(this.outTotal, n, 0);
    this.inTotal = grow(this.inTotal, n, 0);
    this.outDegree = grow(this.outDegree, n, 0);
    this.inDegree = grow(this.inDegree, n, 0);
    // Appended nodes have no artists until a record gives them; keep offsets flat past the base.
    const offsets = growU32(this.artistOffsets, n + 1);
    offsets.fill(this.artistOffsets[this.artistOffsets.length - 1]!, this.artistOffsets.length);
    this.artistOffsets = offsets;
  }

  private removeEdge(e: number): void {
    const u = this.e.from[e]!;
    const v = this.e.to[e]!;
    const c = this.e.count[e]!;
    this.outTotal[u]! -= c;
    this.inTotal[v]! -= c;
    this.outDegree[u]!--;
    this.inDegree[v]!--;
    this.edgeCount--;
    if (e < this.baseEdges) {
      this.dead[e] = 1;
      this.deadCount++;
    } else {
      // Overlay slots are not reused; dropping them from the spill lists is enough.
      const out = this.spillOut.get(u)!;
      out.splice(out.indexOf(e), 1);
      const inn = this.spillIn.get(v)!;
      inn.splice(inn.indexOf(e), 1);
      this.dead[e] = 1;
    }
  }

  private appendEdge(
    u: number,
    v: number,
    a: { count: number; sets: number; djs: number; sources: number; firstDay: number; lastDay: number },
  ): void {
    if (this.slots >= this.e.from.length)
      this.growEdges(Math.max(1024, Math.ceil(this.e.from.length * 1.25)));
    const e = this.slots++;
    const c = this.e;
    c.from[e] = u;
    c.to[e] = v;
    c.count[e] = a.count;
    c.sets[e] = a.sets;
    c.djs[e] = a.djs;
    c.sources[e] = a.sources;
    c.firstDay[e] = a.firstDay;
    c.lastDay[e] = a.lastDay;
    c.weight[e] = evidenceStrength(a.count, a.djs);
    this.dead[e] = 0;
    this.insertSorted(this.spillOut, u, e, c.to);
    this.insertSorted(this.spillIn, v, e, c.from);
    this.outTotal[u]! += a.count;
    this.inTotal[v]! += a.count;
    this.outDegree[u]!++;
    this.inDegree[v]!++;
    this.edgeCount++;
  }

  private insertSorted(spill: Map<number, number[]>, node: number, e: number, other: Uint32Array): void {
    let list = spill.get(node);
    if (!list) {
      list = [];
      spill.set(node, list);
    }
    let i = list.length;
    while (i > 0 && this.before(e, list[i - 1]!, other)) i--;
    list.splice(i, 0, e);
  }

  private growEdges(n: number): void {
    const c = this.e;
    this.e = {
      from: grow(c.from, n, 0),
      to: grow(c.to, n, 0),
      count: grow(c.count, n, 0),
      sets: grow(c.sets, n, 0),
      djs: grow(c.djs, n, 0),
      sources: grow(c.sources, n, 0),
      firstDay: grow(c.firstDay, n, 0),
      lastDay: grow(c.lastDay, n, 0),
      weight: grow(c.weight, n, 0),
    };
    this.dead = grow(this.dead, n, 1);
  }

  /** Rebuilds the CSR from the live edges (base and overlay). Node indices do not change. */
  compact(): void {
    const live: number[] = [];
    for (let u = 0; u < this.nodeCount; u++) this.forEachOut(u, (_v, e) => live.push(e));
    const E = live.length;
    const c = this.e;
    const pick = <T extends Uint32Array | Int32Array | Float32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(E);
      for (let i = 0; i < E; i++) b[i] = a[live[i]!]!;
      return b;
    };
    const src: EdgeColumns = {
      from: pick(c.from),
      to: pick(c.to),
      count: pick(c.count),
      sets: pick(c.sets),
      djs: pick(c.djs),
      sources: pick(c.sources),
      firstDay: pick(c.firstDay),
      lastDay: pick(c.lastDay),
      weight: pick(c.weight),
    };
    if (this.trackId.length !== this.nodeCount) this.shrinkNodes();
    this.rebuildIdLookup();
    this.layoutEdges(src, E);
  }

  private shrinkNodes(): void {
    const n = this.nodeCount;
    const links: number[] = [];
    const offsets = new Uint32Array(n + 1);
    for (let u = 0; u < n; u++) {
      for (const a of this.artistsOf(u)) links.push(a);
      offsets[u + 1] = links.length;
    }
    this.artistOffsets = offsets;
    this.artistIds = Uint32Array.from(links);
    this.artistOverride.clear();
    this.trackId = this.trackId.slice(0, n);
    this.bpm = this.bpm.slice(0, n);
    this.key = this.key.slice(0, n);
    this.genre = this.genre.slice(0, n);
    this.year = this.year.slice(0, n);
    this.durationSeconds = this.durationSeconds.slice(0, n);
    this.plays = this.plays.slice(0, n);
  }

  /** Whether patches are waiting in the overlay (compact() folds them in). */
  get overlaySize(): number {
    return this.deadCount + (this.slots - this.baseEdges);
  }

  // ---- memory ----

  /** Bytes held by the index's arrays, split into per-node and per-edge storage. */
  memoryBreakdown(): { nodes: number; edges: number; overlay: number } {
    const nodeArrays = [
      this.trackId,
      this.bpm,
      this.key,
      this.genre,
      this.year,
      this.durationSeconds,
      this.plays,
      this.outTotal,
      this.inTotal,
      this.outDegree,
      this.inDegree,
      this.artistOffsets,
      this.artistIds,
      this.sortedIds,
      this.sortedRows,
      this.outOffsets,
      this.inOffsets,
    ];
    const edgeArrays = [...Object.values(this.e), this.dead, this.inEdge];
    // Maps and spill lists: about 8 bytes per number in an array, ~40 per map entry (V8 hash tables).
    let overlay =
      (this.extraIds.size + this.artistOverride.size + this.spillOut.size + this.spillIn.size) * 40;
    for (const l of this.spillOut.values()) overlay += l.length * 8;
    for (const l of this.spillIn.values()) overlay += l.length * 8;
    for (const a of this.artistOverride.values()) overlay += a.byteLength;
    const sum = (xs: ArrayBufferView[]) => xs.reduce((s, a) => s + a.byteLength, 0);
    return { nodes: sum(nodeArrays), edges: sum(edgeArrays), overlay };
  }

  memoryBytes(): number {
    const m = this.memoryBreakdown();
    return m.nodes + m.edges + m.overlay;
  }
}
