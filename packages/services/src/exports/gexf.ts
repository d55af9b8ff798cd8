// GEXF 1.3 (https://gexf.net/), Gephi's own format: a directed graph of tracks, each node labelled
// `Artist - Title (Version)` with attributes artists, bpm, key, genre, community and plays; each edge
// weighted by its count (how often the pair was played back to back) with the distinct DJs and sets
// that played it. Unknown values have no attvalue, so Gephi shows them empty, never as 0.
import type { GraphExport } from '@songnodes/db';
import { trackLine } from './track-name.ts';
import type { Chunks } from './types.ts';
import { attrs, xml } from './xml.ts';

const NODE_ATTRIBUTES = [
  ['artists', 'Artists', 'string'],
  ['bpm', 'BPM', 'double'],
  ['key', 'Key', 'string'],
  ['genre', 'Genre', 'string'],
  ['community', 'Community', 'integer'],
  ['plays', 'Plays', 'integer'],
] as const;

export function* writeGexf(g: GraphExport, meta: { created: string; description: string }): Chunks {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n';
  yield `  <meta lastmodifieddate="${meta.created.slice(0, 10)}"><creator>SongNodes</creator><description>${xml(meta.description)}</description></meta>\n`;
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield '    <attributes class="node">\n';
  for (const [id, title, type] of NODE_ATTRIBUTES) yield `      <attribute${attrs({ id, title, type })}/>\n`;
  yield '    </attributes>\n';
  yield '    <attributes class="edge">\n';
  yield '      <attribute id="djs" title="DJs" type="integer"/>\n';
  yield '      <attribute id="sets" title="Sets" type="integer"/>\n';
  yield '    </attributes>\n';
  yield '    <nodes>\n';
  for (const n of g.nodes) {
    const values: Record<string, string | number | null> = {
      artists: n.artists.join('; '),
      bpm: n.bpm,
      key: n.key,
      genre: n.genre,
      community: n.community,
      plays: n.plays,
    };
    yield `      <node${attrs({ id: n.id, label: trackLine(n) })}><attvalues>`;
    for (const [id] of NODE_ATTRIBUTES)
      if (values[id] !== null) yield `<attvalue${attrs({ for: id, value: values[id] })}/>`;
    yield '</attvalues></node>\n';
  }
  yield '    </nodes>\n';
  yield '    <edges>\n';
  let id = 0;
  for (const e of g.edges)
    yield `      <edge${attrs({ id: id++, source: e.from, target: e.to, weight: e.count })}><attvalues><attvalue for="djs" value="${e.djs}"/><attvalue for="sets" value="${e.sets}"/></attvalues></edge>\n`;
  yield '    </edges>\n';
  yield '  </graph>\n';
  yield '</gexf>\n';
}
