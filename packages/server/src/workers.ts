import { type Database, graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { type GraphChange, importFileJob } from '@songnodes/ingest';
import type { JobQueue } from '@songnodes/jobs';
import { exportFileJob } from '@songnodes/services';
import { demoJob } from './demo.ts';
import { graphJobs } from './graph-jobs.ts';

export interface WorkerDeps {
  db: Database;
  concurrency: number;
  onGraphChange?: (c: GraphChange) => void;
  /** The process's graph service; a bare worker without one builds its own for each graph job. */
  graph?: () => Promise<GraphService>;
}

/** The jobs a worker process runs. New kinds of work (layout, scrape, export) register here. */
export function jobDefinitions(deps: Omit<WorkerDeps, 'concurrency'>) {
  const ingestDeps = { db: deps.db, onChange: deps.onGraphChange };
  const graph = deps.graph ?? (() => GraphService.start(graphStore(deps.db)));
  return {
    importFile: importFileJob(ingestDeps),
    demo: demoJob(ingestDeps),
    exportFile: exportFileJob({ db: deps.db }),
    ...graphJobs({ graph }),
  };
}

export async function registerWorkers(jobs: JobQueue, deps: WorkerDeps): Promise<void> {
  // A process that runs jobs runs other people's input: an error escaping a job fails that job and is
  // logged (as a job queue error), it never ends the process (see packages/jobs/src/guard.ts).
  jobs.guardProcess();
  const defs = jobDefinitions(deps);
  // Imports write in large transactions; on the embedded database they queue behind each other anyway.
  const ingestConcurrency = deps.db.kind === 'pglite' ? 1 : deps.concurrency;
  await jobs.work(defs.importFile, { concurrency: ingestConcurrency });
  await jobs.work(defs.demo, { concurrency: 1 });
  // Exports are small and someone is waiting for the download: poll at pg-boss's shortest interval.
  await jobs.work(defs.exportFile, { concurrency: deps.concurrency, pollingIntervalSeconds: 0.5 });
  // Louvain and ForceAtlas2 each use a whole core for minutes at scale: one at a time.
  await jobs.work(defs.communities, { concurrency: 1 });
  await jobs.work(defs.layout, { concurrency: 1 });
}
