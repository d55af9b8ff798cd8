// The graph as JSON in graphology's serialisation format ({ options, attributes, nodes, edges }), so
// `Graph.from(json)` in graphology or sigma.js loads it as is. Node keys are SongNodes track ids as
// strings; unknown values are null.
import type { GraphExport } from '@songnodes/db';
import { trackLine } from './track-name.ts';
import type { Chunks } from './types.ts';

export function* writeGraphJson(g: GraphExport, meta: { created: string; description: string }): Chunks {
  yield `{"options":{"type":"directed","multi":false,"allowSelfLoops":true},"attributes":${JSON.stringify({ creator: 'SongNodes', ...meta })},\n"nodes":[\n`;
  let first = true;
  for (const n of g.nodes) {
    const attributes = {
      label: trackLine(n),
      artist: n.artist,
      title: n.title,
      version: n.version,
      artists: n.artists,
      bpm: n.bpm,
      key: n.key,
      genre: n.genre,
      durationSeconds: n.durationSeconds,
      community: n.community,
      plays: n.plays,
    };
    yield `${first ? '' : ',\n'}${JSON.stringify({ key: String(n.id), attributes })}`;
    first = false;
  }
  yield '\n],\n"edges":[\n';
  first = true;
  for (const e of g.edges) {
    const edge = {
      source: String(e.from),
      target: String(e.to),
      attributes: { weight: e.count, djs: e.djs, sets: e.sets },
    };
    yield `${first ? '' : ',\n'}${JSON.stringify(edge)}`;
    first = false;
  }
  yield '\n]}\n';
}
