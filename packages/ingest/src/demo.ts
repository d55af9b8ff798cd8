import { generateSets } from '@songnodes/bench';
import type { Database } from '@songnodes/db';
import { readSets } from '@songnodes/importers';
import { type ImportOptions, type ImportSummary, importItems } from './pipeline.ts';

export const DEMO_SOURCE = 'demo';

// Real archives are sparse (most tracks played once); a small demo that sparse would show islands.
// A smaller catalogue per set makes the few hundred demo sets share tracks and transitions.
const DEMO_SCALE = { tracksPerSet: 5, minTracks: 1000 };

/** Generated sets as NDJSON bytes, read by the same JSON importer a file of them would go through. */
async function* ndjson(docs: Iterable<object>): AsyncIterable<Uint8Array> {
  for (const d of docs) yield Buffer.from(`${JSON.stringify(d)}\n`);
}

/** Imports the demo data: sets from our own generator (invented names, never scraped data). */
export function importDemo(
  db: Database,
  demo: { sets: number; seed: number },
  opts: Omit<ImportOptions, 'source' | 'file'> = {},
): Promise<ImportSummary> {
  const items = readSets(ndjson(generateSets({ ...demo, scale: DEMO_SCALE })), { format: 'json', file: 'demo', source: DEMO_SOURCE });
  return importItems(db, items, { ...opts, source: DEMO_SOURCE, file: 'demo' });
}
