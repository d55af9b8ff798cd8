// GraphML (http://graphml.graphdrawing.org/), read by Gephi, yEd, Cytoscape, NetworkX and igraph: a
// directed graph of tracks with typed <key> declarations. Gephi takes the `label` key as the node
// label and `weight` as the edge weight (here the count of plays of the pair). Unknown values have
// no <data> element.
import type { GraphExport } from '@songnodes/db';
import { trackLine } from './track-name.ts';
import type { Chunks } from './types.ts';
import { attrs, xml } from './xml.ts';

const KEYS = [
  ['label', 'node', 'string'],
  ['artists', 'node', 'string'],
  ['bpm', 'node', 'double'],
  ['key', 'node', 'string'],
  ['genre', 'node', 'string'],
  ['community', 'node', 'int'],
  ['plays', 'node', 'int'],
  ['weight', 'edge', 'double'],
  ['djs', 'edge', 'int'],
  ['sets', 'edge', 'int'],
] as const;

const data = (key: string, value: string | number | null) =>
  value === null ? '' : `<data key="${key}">${xml(value)}</data>`;

export function* writeGraphml(g: GraphExport): Chunks {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  for (const [id, forWhat, type] of KEYS)
    yield `  <key${attrs({ id, for: forWhat, 'attr.name': id, 'attr.type': type })}/>\n`;
  yield '  <graph id="songnodes" edgedefault="directed">\n';
  for (const n of g.nodes)
    yield `    <node id="n${n.id}">${data('label', trackLine(n))}${data('artists', n.artists.join('; '))}${data('bpm', n.bpm)}${data('key', n.key)}${data('genre', n.genre)}${data('community', n.community)}${data('plays', n.plays)}</node>\n`;
  for (const e of g.edges)
    yield `    <edge source="n${e.from}" target="n${e.to}">${data('weight', e.count)}${data('djs', e.djs)}${data('sets', e.sets)}</edge>\n`;
  yield '  </graph>\n';
  yield '</graphml>\n';
}
