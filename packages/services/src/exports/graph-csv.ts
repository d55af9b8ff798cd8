// The graph as one CSV edge list (RFC 4180, CRLF) with the column names Gephi's spreadsheet import
// recognises (Source, Target, Type, Weight), plus DJs, sets and both tracks' names. CSV holds one
// table: node attributes (BPM, key, community, plays) come with GEXF, GraphML or JSON.
import type { GraphExport } from '@songnodes/db';
import { csvLine } from '@songnodes/db';
import { trackLine } from './track-name.ts';
import type { Chunks } from './types.ts';

export function* writeGraphCsv(g: GraphExport): Chunks {
  const names = new Map(g.nodes.map((n) => [n.id, trackLine(n)]));
  yield csvLine(['Source', 'Target', 'Type', 'Weight', 'DJs', 'Sets', 'Source Track', 'Target Track']);
  for (const e of g.edges)
    yield csvLine([e.from, e.to, 'Directed', e.count, e.djs, e.sets, names.get(e.from), names.get(e.to)]);
}
