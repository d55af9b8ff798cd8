// The demo data: sets from our own generator (invented names, never scraped data), loaded on first
// start into an empty database so the app has something to show, and on demand by `songnodes demo`.
import { type Database, graphCounts } from '@songnodes/db';
import { generateSets } from '@songnodes/generator';
import { readSets } from '@songnodes/importers';
import {
  type GraphChange,
  type ImportOptions,
  type ImportSummary,
  importItems,
  importProgressReporter,
  serverImportOptions,
  summaryForStorage,
} from '@songnodes/ingest';
import { defineJob, type JobQueue } from '@songnodes/jobs';

export const DEMO_SOURCE = 'demo';

// Real archives are sparse (most tracks played once); a small demo that sparse would show islands.
// A smaller catalogue per set makes the few hundred demo sets share tracks and transitions.
const DEMO_SCALE = { tracksPerSet: 5, minTracks: 1000 };

export interface DemoOptions {
  sets: number;
  seed: number;
}

/** Generated sets as NDJSON bytes, read by the same JSON importer a file of them would go through. */
async function* ndjson(docs: Iterable<object>): AsyncIterable<Uint8Array> {
  for (const d of docs) yield Buffer.from(`${JSON.stringify(d)}\n`);
}

export function importDemo(
  db: Database,
  demo: DemoOptions,
  opts: Omit<ImportOptions, 'source' | 'file'> = {},
): Promise<ImportSummary> {
  const items = readSets(ndjson(generateSets({ ...demo, scale: DEMO_SCALE })), {
    format: 'json',
    file: 'demo',
    source: DEMO_SOURCE,
  });
  return importItems(db, items, { ...opts, source: DEMO_SOURCE, file: 'demo' });
}

export function demoJob(deps: { db: Database; onChange?: (c: GraphChange) => void }) {
  return defineJob({
    queue: 'ingest.demo',
    parse(data: unknown): DemoOptions {
      const d = data as Partial<DemoOptions>;
      if (!d || !Number.isInteger(d.sets) || !Number.isInteger(d.seed)) {
        throw new Error('demo job needs integer "sets" and "seed"');
      }
      return { sets: d.sets!, seed: d.seed! };
    },
    async handler(job, ctx) {
      const s = await importDemo(deps.db, job, {
        // Written while the API answers (on first start, the page says the demo is loading).
        ...serverImportOptions(deps.db),
        onProgress: importProgressReporter(ctx),
        onChange: deps.onChange,
        signal: ctx.signal,
      });
      return summaryForStorage(s);
    },
  });
}

/** Queues the demo data when the database holds no set yet. Returns the job id, if queued. */
export async function enqueueDemoIfEmpty(
  db: Database,
  jobs: JobQueue,
  opts: DemoOptions,
): Promise<string | null> {
  const counts = await graphCounts(db);
  if (counts.sets > 0) return null;
  // singletonKey: a restart while the demo is still queued does not queue it twice.
  return jobs.send(demoJob({ db }), opts, { singletonKey: 'demo' });
}
