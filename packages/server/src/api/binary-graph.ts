// The binary form of a subgraph, for views of 10^4–10^5 nodes where JSON parsing would dominate:
// `GET /api/v1/graph/subgraph` with `Accept: application/octet-stream`. Little-endian, one buffer:
//
//   offset  type          count   what
//   0       char[4]       1       magic "SNG1"
//   4       uint32        1       graph version
//   8       uint32        1       n, nodes
//   12      uint32        1       m, edges
//   16      uint32        n       track ids
//   …       float32       2n      x, y per node (NaN where no layout position is stored)
//   …       float32       n       node sizes
//   …       float32       4n      r, g, b, a per node (0…1; the community's colour, grey without one)
//   …       uint32        2m      source, target per edge, as node positions in the arrays above
//   …       float32       m       edge weights (evidence)
//
// Every array starts on a 4-byte boundary, so a browser reads each with one typed-array view.
import type { SubgraphBinary } from '@songnodes/graph';

export const BINARY_GRAPH_MAGIC = 'SNG1';

export function encodeSubgraph(version: number, b: SubgraphBinary): Buffer {
  const n = b.trackIds.length;
  const m = b.edgeWeights.length;
  const words = 4 + n + 2 * n + n + 4 * n + 2 * m + m;
  const buf = Buffer.alloc(words * 4);
  buf.write(BINARY_GRAPH_MAGIC, 0, 'ascii');
  buf.writeUInt32LE(version >>> 0, 4);
  buf.writeUInt32LE(n, 8);
  buf.writeUInt32LE(m, 12);
  let at = 16;
  const put = (a: Uint32Array | Float32Array) => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    // Typed arrays are in the platform's byte order; every platform Node runs on is little-endian.
    buf.set(bytes, at);
    at += a.byteLength;
  };
  put(b.trackIds);
  put(b.positions);
  put(b.sizes);
  put(b.colors);
  put(b.edges);
  put(b.edgeWeights);
  return buf;
}

/** Reads the buffer back (tests, and a reference for clients). */
export function decodeSubgraph(buf: Uint8Array): { version: number } & SubgraphBinary {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const magic = String.fromCharCode(buf[0]!, buf[1]!, buf[2]!, buf[3]!);
  if (magic !== BINARY_GRAPH_MAGIC)
    throw new Error(`not a SongNodes binary subgraph (magic ${JSON.stringify(magic)})`);
  const version = view.getUint32(4, true);
  const n = view.getUint32(8, true);
  const m = view.getUint32(12, true);
  let at = buf.byteOffset + 16;
  const take = <T extends Uint32Array | Float32Array>(
    Kind: new (b: ArrayBufferLike, o: number, l: number) => T,
    count: number,
  ): T => {
    const a = new Kind(buf.buffer.slice(at, at + count * 4), 0, count);
    at += count * 4;
    return a;
  };
  return {
    version,
    trackIds: take(Uint32Array, n),
    positions: take(Float32Array, 2 * n),
    sizes: take(Float32Array, n),
    colors: take(Float32Array, 4 * n),
    edges: take(Uint32Array, 2 * m),
    edgeWeights: take(Float32Array, m),
  };
}
