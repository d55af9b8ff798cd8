// Graph structure as durable jobs: Louvain communities and the ForceAtlas2 layout, computed on the
// process's graph index and stored with a new graph version, so API requests only ever read results.
import type { GraphService } from '@songnodes/graph';
import { defineJob, type JobContext } from '@songnodes/jobs';

export interface CommunitiesJob {
  seed?: number;
  resolution?: number;
}

export interface LayoutJob {
  iterations?: number;
  /** Keep the stored positions of known tracks and place only new ones (default true). */
  incremental?: boolean;
  seed?: number;
}

export interface GraphJobDeps {
  /** The process's graph service (built on first use in a bare worker). */
  graph: () => Promise<GraphService>;
}

const optionalNumber = (
  d: Record<string, unknown>,
  key: string,
  check: (n: number) => boolean,
  rule: string,
) => {
  const v = d[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !check(v))
    throw new Error(`"${key}" must be ${rule}, got ${JSON.stringify(v)}`);
  return v;
};

const asObject = (data: unknown, what: string): Record<string, unknown> => {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${what} job needs an object payload`);
  return data as Record<string, unknown>;
};

/** Progress goes out as it comes; a slow progress write must not stall the computation. */
const reporter =
  (ctx: JobContext) => (p: { done: number; total: number; unit: string; message?: string }) => {
    void ctx.progress(p).catch(() => {});
  };

export function communitiesJob(deps: GraphJobDeps) {
  return defineJob({
    queue: 'graph.communities',
    parse(data: unknown): CommunitiesJob {
      const d = asObject(data, 'communities');
      return {
        seed: optionalNumber(d, 'seed', Number.isInteger, 'an integer'),
        resolution: optionalNumber(d, 'resolution', (n) => n > 0 && n <= 10, 'a number in (0, 10]'),
      };
    },
    retry: { limit: 1 },
    async handler(job, ctx) {
      const graph = await deps.graph();
      const stored = await graph.computeCommunities({ ...job, onProgress: reporter(ctx) });
      return {
        communitiesId: stored.id,
        graphVersion: stored.graphVersion,
        communities: stored.labels.length,
        modularity: stored.modularity,
      };
    },
  });
}

export function layoutJob(deps: GraphJobDeps) {
  return defineJob({
    queue: 'graph.layout',
    parse(data: unknown): LayoutJob {
      const d = asObject(data, 'layout');
      const incremental = d.incremental;
      if (incremental !== undefined && typeof incremental !== 'boolean')
        throw new Error(`"incremental" must be true or false, got ${JSON.stringify(incremental)}`);
      return {
        iterations: optionalNumber(
          d,
          'iterations',
          (n) => Number.isInteger(n) && n >= 1 && n <= 5000,
          'an integer 1…5000',
        ),
        incremental,
        seed: optionalNumber(d, 'seed', Number.isInteger, 'an integer'),
      };
    },
    retry: { limit: 1 },
    // 100K nodes / 1M edges take minutes (docs/graph.md); leave room for a loaded machine.
    expireInSeconds: 3 * 3600,
    async handler(job, ctx) {
      const graph = await deps.graph();
      const r = await graph.computeLayout({ ...job, onProgress: reporter(ctx) });
      return {
        layoutId: r.layout.id,
        graphVersion: r.layout.graphVersion,
        mode: r.mode,
        settled: r.settled,
        tracks: r.layout.trackIds.length,
      };
    },
  });
}

/** Both graph jobs, for workers (to run) and routes (to enqueue). */
export function graphJobs(deps: GraphJobDeps) {
  return { communities: communitiesJob(deps), layout: layoutJob(deps) };
}
