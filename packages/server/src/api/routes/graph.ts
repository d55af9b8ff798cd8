// /plan and /graph/*: the set planner, filtered subgraphs, rankings, and the stored communities and
// layouts with the jobs that compute them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HARMONIC_LADDER, RANKING_KINDS } from '@songnodes/graph';
import type { ExploreService, JobService } from '@songnodes/services';
import { Type } from 'typebox';
import { encodeSubgraph } from '../binary-graph.ts';
import { filterOf } from '../filters.ts';
import { FilterQuery, MAX_ID, problems } from '../schemas.ts';
import { TrackNames } from './tracks.ts';

const TrackRefInput = Type.Union([
  Type.Integer({ minimum: 1, maximum: MAX_ID }),
  Type.String({ minLength: 1, maxLength: 500, description: '"Artist - Title"' }),
]);
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Accepted = Type.Object({ jobId: Type.String(), queue: Type.String(), progress: Type.String() });

export const graphRoutes =
  (s: { explore: ExploreService; jobs?: JobService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { explore } = s;

    app.post(
      '/plan',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Plan a set from one track to another',
          tags: ['planner'],
          body: Type.Object(
            {
              from: TrackRefInput,
              to: TrackRefInput,
              via: Type.Optional(Type.Array(TrackRefInput, { maxItems: 20 })),
              length: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
              minutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1440 })),
              averageTrackSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600 })),
              maxBpmChange: Type.Optional(
                Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'percent per step' }),
              ),
              maxBpmChangeBpm: Type.Optional(
                Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'BPM per step' }),
              ),
              halfDoubleTime: Type.Optional(Type.Boolean()),
              harmonic: Type.Optional(Type.Union(HARMONIC_LADDER.map((h) => Type.Literal(h)))),
              unknownKeys: Type.Optional(
                Type.Union([Type.Literal('allow'), Type.Literal('refuse')], {
                  description:
                    'steps whose key is unknown under a harmonic rule: allow (default; flagged in the step) or refuse',
                }),
              ),
              versions: Type.Optional(
                Type.Union([Type.Literal('avoid'), Type.Literal('allow')], {
                  description:
                    'other versions of a track already in the set (its original, remixes, edits): avoid (default) or allow',
                }),
              ),
              energy: Type.Optional(
                Type.Union([
                  Type.Literal('rising'),
                  Type.Literal('falling'),
                  Type.Literal('peak'),
                  Type.Literal('flat'),
                ]),
              ),
              trust: Type.Optional(
                Type.Number({ minimum: 0, maximum: 1, description: 'evidence (1) against fit (0)' }),
              ),
              allowBridges: Type.Optional(Type.Boolean()),
              library: Type.Optional(
                Type.Array(Type.Integer({ minimum: 1, maximum: MAX_ID }), { maxItems: 200_000 }),
              ),
              k: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'alternatives' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Open('the planned sets, each step graded and explained'),
            ...problems(400, 404, 409, 422),
          },
        },
      },
      async (req) => {
        const { maxBpmChange, maxBpmChangeBpm, ...b } = req.body;
        return explore.plan({ ...b, maxBpmChangePercent: maxBpmChange, maxBpmChangeBpm });
      },
    );

    app.get(
      '/graph/subgraph',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'The strongest part of the graph under a filter',
          description:
            'JSON by default; with `Accept: application/octet-stream`, the same subgraph as little-endian typed arrays (magic SNG1, version, n, m, then track ids, positions, sizes, colours, edges, weights: see docs/api.md).',
          tags: ['graph'],
          querystring: Type.Object(
            {
              nodes: Type.Integer({ minimum: 1, maximum: 20_000, default: 2000 }),
              edges: Type.Integer({ minimum: 0, maximum: 200_000, default: 10_000 }),
              ...FilterQuery,
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object(
              {
                version: Type.Integer({
                  description: 'graph version: changes with every import, merge or correction',
                }),
                nodes: Type.Array(Type.Object({ trackId: Type.Integer() }, { additionalProperties: true })),
                edges: Type.Array(
                  Type.Object(
                    { source: Type.Integer(), target: Type.Integer() },
                    { additionalProperties: true },
                  ),
                ),
                tracks: TrackNames,
              },
              {
                description: 'nodes (with positions and communities) and edges, and the names of the tracks',
              },
            ),
            ...problems(400, 422),
          },
        },
      },
      async (req, reply) => {
        const q = { nodes: req.query.nodes, edges: req.query.edges, filter: filterOf(req.query) };
        // Typed arrays for large views (the encoding is in api/binary-graph.ts and docs/api.md).
        if (/application\/octet-stream/.test(req.headers.accept ?? '')) {
          const { version, binary } = await explore.subgraphBinary(q);
          // Bytes, not the JSON shape the schema describes: Fastify sends a Buffer as it is.
          return reply.type('application/octet-stream').send(encodeSubgraph(version, binary) as never);
        }
        return explore.subgraph(q);
      },
    );

    app.get(
      '/graph/rankings/:kind',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'Tracks ranked: most played, most connected, PageRank, bridges between communities',
          tags: ['graph'],
          params: Type.Object({ kind: Type.Union(RANKING_KINDS.map((k) => Type.Literal(k))) }),
          querystring: Type.Object(
            { limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }), ...FilterQuery },
            { additionalProperties: false },
          ),
          response: { 200: Open('ranked tracks with their names'), ...problems(400, 422, 503) },
        },
      },
      async (req) => {
        const { limit } = req.query;
        return explore.rankings(req.params.kind, { limit, filter: filterOf(req.query) });
      },
    );

    app.get(
      '/graph/communities',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'The stored communities (Louvain)',
          tags: ['graph'],
          querystring: Type.Object(
            {
              members: Type.Boolean({ default: false, description: 'include the community of every track' }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Open('communities and their labels'), ...problems(400, 503) },
        },
      },
      async (req) => {
        const c = explore.communities();
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

    app.get(
      '/graph/layout',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'The stored ForceAtlas2 layout: track ids and x,y positions',
          tags: ['graph'],
          response: {
            200: Type.Object({
              id: Type.Integer(),
              graphVersion: Type.Integer(),
              kind: Type.String(),
              params: Type.Unknown(),
              createdAt: Type.String(),
              trackIds: Type.Array(Type.Integer()),
              positions: Type.Array(Type.Number(), { description: 'x0, y0, x1, y1, …' }),
            }),
            ...problems(503),
          },
        },
      },
      async () => {
        const l = await explore.layout();
        return {
          id: l.id,
          graphVersion: l.graphVersion,
          kind: l.kind,
          params: l.params,
          createdAt: l.createdAt,
          trackIds: Array.from(l.trackIds),
          positions: Array.from(l.positions),
        };
      },
    );

    app.get(
      '/graph/status',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'The in-memory graph: version, size, memory',
          tags: ['graph'],
          response: { 200: Open('status') },
        },
      },
      async () => explore.status(),
    );

    const jobs = s.jobs;
    if (!jobs) return;
    app.post(
      '/graph/layout',
      {
        config: { permission: 'run:jobs' },
        schema: {
          summary: 'Compute the layout (a job)',
          tags: ['graph'],
          body: Type.Optional(
            Type.Object(
              {
                iterations: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
                incremental: Type.Optional(Type.Boolean()),
                seed: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
              },
              { additionalProperties: false },
            ),
          ),
          response: { 202: Accepted, ...problems(400, 503) },
        },
      },
      async (req, reply) => reply.code(202).send(await jobs.computeLayout(req.body ?? {})),
    );
    app.post(
      '/graph/communities',
      {
        config: { permission: 'run:jobs' },
        schema: {
          summary: 'Compute communities (a job)',
          tags: ['graph'],
          body: Type.Optional(
            Type.Object(
              {
                seed: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
                resolution: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 10 })),
              },
              { additionalProperties: false },
            ),
          ),
          response: { 202: Accepted, ...problems(400, 503) },
        },
      },
      async (req, reply) => reply.code(202).send(await jobs.computeCommunities(req.body ?? {})),
    );
  };
