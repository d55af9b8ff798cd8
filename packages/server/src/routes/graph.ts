// The graph over HTTP: neighbourhoods, played before/after with the sets as evidence, next-track
// recommendations, the set planner, subgraphs, rankings, stored communities and layouts, and the
// jobs that compute them. Queries run on the process's in-memory GraphService; this plugin only
// validates, resolves track references and maps errors (400 bad input, 404 unknown track, 409
// ambiguous name or missing prerequisite).
import {
  type EnergyCurve,
  type GraphFilter,
  GraphQueryError,
  type GraphService,
  HARMONIC_LADDER,
  type HarmonicRule,
  RANKING_KINDS,
  type RankingKind,
  UnknownTrackError,
} from '@songnodes/graph';
import type { JobQueue } from '@songnodes/jobs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { graphJobs } from '../graph-jobs.ts';

const MAX_ID = 2_147_483_647;

/** Query-string filters shared by every graph query; lists are comma-separated. */
const filterProperties = {
  bpmMin: { type: 'number', minimum: 0, maximum: 1000 },
  bpmMax: { type: 'number', minimum: 0, maximum: 1000 },
  keys: { type: 'string', description: 'Camelot keys, comma-separated: 8A,9A' },
  genres: { type: 'string', description: 'genres, comma-separated' },
  yearFrom: { type: 'integer', minimum: 1900, maximum: 2100 },
  yearTo: { type: 'integer', minimum: 1900, maximum: 2100 },
  minCount: { type: 'integer', minimum: 0 },
  minDjs: { type: 'integer', minimum: 0 },
  sources: { type: 'string', description: 'source names, comma-separated' },
} as const;

interface FilterQuery {
  bpmMin?: number;
  bpmMax?: number;
  keys?: string;
  genres?: string;
  yearFrom?: number;
  yearTo?: number;
  minCount?: number;
  minDjs?: number;
  sources?: string;
}

const list = (s: string | undefined) =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');

export function filterOf(q: FilterQuery): GraphFilter | undefined {
  const f: GraphFilter = {};
  if (q.bpmMin !== undefined || q.bpmMax !== undefined) f.bpm = { min: q.bpmMin, max: q.bpmMax };
  if (q.keys !== undefined) f.keys = list(q.keys);
  if (q.genres !== undefined) f.genres = list(q.genres);
  if (q.yearFrom !== undefined || q.yearTo !== undefined) f.years = { from: q.yearFrom, to: q.yearTo };
  if (q.minCount !== undefined) f.minCount = q.minCount;
  if (q.minDjs !== undefined) f.minDjs = q.minDjs;
  if (q.sources !== undefined) f.sources = list(q.sources);
  return Object.keys(f).length > 0 ? f : undefined;
}

/** A track named by id or by `Artist - Title` (URL-encoded). */
const trackParam = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
  required: ['id'],
} as const;
const trackRef = {
  anyOf: [
    { type: 'integer', minimum: 1, maximum: MAX_ID },
    { type: 'string', minLength: 1, maxLength: 500 },
  ],
} as const;

class RequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function send(reply: FastifyReply, e: unknown) {
  if (e instanceof RequestError)
    return reply
      .code(e.status)
      .send({ error: e.code, message: e.message, ...(e.details ? { candidates: e.details } : {}) });
  if (e instanceof UnknownTrackError) return reply.code(404).send({ error: 'not_found', message: e.message });
  if (e instanceof GraphQueryError) return reply.code(400).send({ error: 'bad_request', message: e.message });
  throw e;
}

export interface GraphRouteDeps {
  graph: GraphService;
  /** Needed to enqueue layout/community jobs and report their progress. */
  jobs?: JobQueue;
}

export function graphRoutes(deps: GraphRouteDeps) {
  const { graph } = deps;
  const jobDefs = graphJobs({ graph: async () => graph });

  /** Resolves a reference to a track id: 404 unknown, 409 ambiguous (with the candidates). */
  async function trackId(ref: string | number): Promise<number> {
    const r = await graph.resolveTrack(ref);
    if (r.status === 'found') return r.track.trackId;
    if (r.status === 'ambiguous') throw new RequestError(409, 'ambiguous', r.message, r.candidates);
    throw new RequestError(404, 'not_found', r.message);
  }

  const requireJobs = () => {
    if (!deps.jobs) throw new RequestError(503, 'unavailable', 'this process has no job queue');
    return deps.jobs;
  };

  return async (app: FastifyInstance) => {
    app.get<{
      Params: { id: string };
      Querystring: FilterQuery & {
        direction: 'in' | 'out' | 'both';
        hops: number;
        limit: number;
        maxNodes: number;
      };
    }>(
      '/tracks/:id/neighbours',
      {
        schema: {
          params: trackParam,
          querystring: {
            type: 'object',
            properties: {
              direction: { type: 'string', enum: ['in', 'out', 'both'], default: 'both' },
              hops: { type: 'integer', minimum: 1, maximum: 3, default: 1 },
              limit: { type: 'integer', minimum: 1, maximum: 200, default: 25 },
              maxNodes: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
              ...filterProperties,
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          const q = req.query;
          return await graph.neighbours({
            trackId: await trackId(req.params.id),
            direction: q.direction,
            hops: q.hops,
            limit: q.limit,
            maxNodes: q.maxNodes,
            filter: filterOf(q),
          });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    for (const direction of ['after', 'before'] as const) {
      app.get<{ Params: { id: string }; Querystring: FilterQuery & { limit: number; evidence: number } }>(
        `/tracks/:id/played-${direction}`,
        {
          schema: {
            params: trackParam,
            querystring: {
              type: 'object',
              properties: {
                limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
                evidence: {
                  type: 'integer',
                  minimum: 0,
                  maximum: 50,
                  default: 3,
                  description: 'sets listed per transition',
                },
                ...filterProperties,
              },
              additionalProperties: false,
            },
          },
        },
        async (req, reply) => {
          try {
            const q = req.query;
            return await graph.played(direction, await trackId(req.params.id), {
              limit: q.limit,
              evidence: q.evidence,
              filter: filterOf(q),
            });
          } catch (e) {
            return send(reply, e);
          }
        },
      );
    }

    app.get<{
      Params: { id: string };
      Querystring: {
        limit: number;
        harmonic?: HarmonicRule;
        maxBpmChange?: number;
        halfDoubleTime?: boolean;
        trust?: number;
        allowBridges?: boolean;
      };
    }>(
      '/tracks/:id/next',
      {
        schema: {
          params: trackParam,
          querystring: {
            type: 'object',
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
              harmonic: { type: 'string', enum: [...HARMONIC_LADDER] },
              maxBpmChange: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'percent' },
              halfDoubleTime: { type: 'boolean' },
              trust: { type: 'number', minimum: 0, maximum: 1 },
              allowBridges: { type: 'boolean' },
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          const q = req.query;
          return await graph.next({
            trackId: await trackId(req.params.id),
            limit: q.limit,
            harmonic: q.harmonic,
            maxBpmChangePercent: q.maxBpmChange,
            halfDoubleTime: q.halfDoubleTime,
            trust: q.trust,
            allowBridges: q.allowBridges,
          });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.post<{
      Body: {
        from: string | number;
        to: string | number;
        via?: (string | number)[];
        length?: number;
        minutes?: number;
        averageTrackSeconds?: number;
        maxBpmChange?: number;
        maxBpmChangeBpm?: number;
        halfDoubleTime?: boolean;
        harmonic?: HarmonicRule;
        energy?: EnergyCurve;
        trust?: number;
        allowBridges?: boolean;
        library?: number[];
        k?: number;
      };
    }>(
      '/plan',
      {
        schema: {
          body: {
            type: 'object',
            properties: {
              from: trackRef,
              to: trackRef,
              via: { type: 'array', items: trackRef, maxItems: 20 },
              length: { type: 'integer', minimum: 2, maximum: 100 },
              minutes: { type: 'number', exclusiveMinimum: 0, maximum: 1440 },
              averageTrackSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 3600 },
              maxBpmChange: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 100,
                description: 'percent per step',
              },
              maxBpmChangeBpm: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 100,
                description: 'BPM per step',
              },
              halfDoubleTime: { type: 'boolean' },
              harmonic: { type: 'string', enum: [...HARMONIC_LADDER] },
              energy: { type: 'string', enum: ['rising', 'falling', 'peak', 'flat'] },
              trust: { type: 'number', minimum: 0, maximum: 1 },
              allowBridges: { type: 'boolean' },
              library: {
                type: 'array',
                items: { type: 'integer', minimum: 1, maximum: MAX_ID },
                maxItems: 200_000,
              },
              k: { type: 'integer', minimum: 1, maximum: 5 },
            },
            required: ['from', 'to'],
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          const b = req.body;
          return await graph.plan({
            from: await trackId(b.from),
            to: await trackId(b.to),
            via: b.via ? await Promise.all(b.via.map(trackId)) : undefined,
            length: b.length,
            minutes: b.minutes,
            averageTrackSeconds: b.averageTrackSeconds,
            maxBpmChangePercent: b.maxBpmChange,
            maxBpmChange: b.maxBpmChangeBpm,
            halfDoubleTime: b.halfDoubleTime,
            harmonic: b.harmonic,
            energy: b.energy,
            trust: b.trust,
            allowBridges: b.allowBridges,
            library: b.library,
            k: b.k,
          });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.get<{ Querystring: FilterQuery & { nodes: number; edges: number } }>(
      '/graph/subgraph',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: {
              nodes: { type: 'integer', minimum: 1, maximum: 20_000, default: 2000 },
              edges: { type: 'integer', minimum: 0, maximum: 200_000, default: 10_000 },
              ...filterProperties,
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          return await graph.subgraph({
            nodes: req.query.nodes,
            edges: req.query.edges,
            filter: filterOf(req.query),
          });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.get<{ Params: { kind: RankingKind }; Querystring: FilterQuery & { limit: number } }>(
      '/graph/rankings/:kind',
      {
        schema: {
          params: {
            type: 'object',
            properties: { kind: { type: 'string', enum: [...RANKING_KINDS] } },
            required: ['kind'],
          },
          querystring: {
            type: 'object',
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
              ...filterProperties,
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          return await graph.rankings(req.params.kind, {
            limit: req.query.limit,
            filter: filterOf(req.query),
          });
        } catch (e) {
          if (e instanceof GraphQueryError)
            return reply.code(409).send({ error: 'not_ready', message: e.message });
          return send(reply, e);
        }
      },
    );

    app.get<{ Querystring: { members: boolean } }>(
      '/graph/communities',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: {
              members: {
                type: 'boolean',
                default: false,
                description: 'include the community of every track',
              },
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        const c = graph.latestCommunities();
        if (!c)
          return reply.code(404).send({
            error: 'not_found',
            message: 'no communities are stored yet: POST /api/v1/graph/communities',
          });
        return {
          id: c.id,
          graphVersion: c.graphVersion,
          algorithm: c.algorithm,
          modularity: c.modularity,
          createdAt: c.createdAt,
          count: c.labels.length,
          communities: c.labels,
          ...(req.query.members
            ? { trackIds: Array.from(c.trackIds), membership: Array.from(c.communities) }
            : {}),
        };
      },
    );

    app.get('/graph/layout', async (_req, reply) => {
      const l = await graph.layout('forceatlas2');
      if (!l)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no layout is stored yet: POST /api/v1/graph/layout' });
      return {
        id: l.id,
        graphVersion: l.graphVersion,
        kind: l.kind,
        params: l.params,
        createdAt: l.createdAt,
        trackIds: Array.from(l.trackIds),
        positions: Array.from(l.positions),
      };
    });

    app.post<{ Body: { iterations?: number; incremental?: boolean; seed?: number } }>(
      '/graph/layout',
      {
        schema: {
          body: {
            type: ['object', 'null'],
            properties: {
              iterations: { type: 'integer', minimum: 1, maximum: 5000 },
              incremental: { type: 'boolean' },
              seed: { type: 'integer' },
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          const jobId = await requireJobs().send(jobDefs.layout, req.body ?? {});
          return reply
            .code(202)
            .send({ jobId, queue: jobDefs.layout.queue, progress: `/api/v1/jobs/${jobId}` });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.post<{ Body: { seed?: number; resolution?: number } }>(
      '/graph/communities',
      {
        schema: {
          body: {
            type: ['object', 'null'],
            properties: {
              seed: { type: 'integer' },
              resolution: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        try {
          const jobId = await requireJobs().send(jobDefs.communities, req.body ?? {});
          return reply
            .code(202)
            .send({ jobId, queue: jobDefs.communities.queue, progress: `/api/v1/jobs/${jobId}` });
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.get<{ Params: { id: string } }>(
      '/jobs/:id',
      {
        schema: {
          params: {
            type: 'object',
            properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
            required: ['id'],
          },
        },
      },
      async (req, reply) => {
        try {
          const p = await requireJobs().progressOf(req.params.id);
          if (!p) return reply.code(404).send({ error: 'not_found', message: `no job ${req.params.id}` });
          return p;
        } catch (e) {
          return send(reply, e);
        }
      },
    );

    app.get('/graph/status', async () => graph.status());
  };
}
