import type { Database } from '@songnodes/db';
import { type GraphChange, importFileJob } from '@songnodes/ingest';
import type { JobQueue } from '@songnodes/jobs';
import { demoJob } from './demo.ts';

export interface WorkerDeps {
  db: Database;
  concurrency: number;
  onGraphChange?: (c: GraphChange) => void;
}

/** The jobs a worker process runs. New kinds of work (layout, scrape, export) register here. */
export function jobDefinitions(deps: Omit<WorkerDeps, 'concurrency'>) {
  const ingestDeps = { db: deps.db, onChange: deps.onGraphChange };
  return { importFile: importFileJob(ingestDeps), demo: demoJob(ingestDeps) };
}

export async function registerWorkers(jobs: JobQueue, deps: WorkerDeps): Promise<void> {
  const defs = jobDefinitions(deps);
  // Imports write in large transactions; on the embedded database they queue behind each other anyway.
  const ingestConcurrency = deps.db.kind === 'pglite' ? 1 : deps.concurrency;
  await jobs.work(defs.importFile, { concurrency: ingestConcurrency });
  await jobs.work(defs.demo, { concurrency: 1 });
}
