// /tracks: the catalogue's tracks (list, record, corrections) and the graph around one track
// (neighbourhood, played before/after with the sets as evidence, what to play next).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HARMONIC_LADDER } from '@songnodes/graph';
import type { CatalogService, ExploreService, SetService } from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { filterOf } from '../filters.ts';
import { nextUrl } from '../pagination.ts';
import {
  EvidenceSet,
  FilterQuery,
  IdParams,
  list,
  Nullable,
  Page,
  PageQuery,
  problems,
  TrackRef,
  TrackSummary,
} from '../schemas.ts';

const TrackDetail = Type.Object({
  ...TrackSummary.properties,
  versionKind: Type.String(),
  isMashup: Type.Boolean(),
  durationSeconds: Nullable(Type.Number()),
  artists: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      role: Type.Union([Type.Literal('primary'), Type.Literal('featured'), Type.Literal('remixer')]),
    }),
  ),
  original: Nullable(TrackRef),
  versions: Type.Array(TrackRef),
  plays: Type.Integer(),
  sets: Type.Integer(),
  djs: Type.Integer(),
  mergedInto: Nullable(Type.Integer()),
});

/** A track named by id or by `Artist - Title` (URL-encoded). */
const TrackParam = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 500, description: 'track id, or "Artist - Title"' }),
});

export const TrackNames = Type.Record(
  Type.String(),
  Type.Object({
    trackId: Type.Integer(),
    artist: Type.String(),
    title: Type.String(),
    version: Nullable(Type.String()),
    mergedInto: Nullable(Type.Integer()),
    bpm: Nullable(Type.Number({ description: 'null when unknown' })),
    key: Nullable(Type.String({ description: 'Camelot; null when unknown' })),
  }),
  { description: 'names of the tracks mentioned, by id, with their BPM and key' },
);
const Transition = Type.Object(
  {
    from: Type.Integer(),
    to: Type.Integer(),
    count: Type.Integer(),
    djs: Type.Integer(),
    evidenceSets: Type.Array(EvidenceSet),
  },
  { additionalProperties: true },
);

export const trackRoutes =
  (s: { catalog: CatalogService; sets: SetService; explore?: ExploreService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/tracks',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'List tracks',
          tags: ['tracks'],
          querystring: Type.Object(
            {
              ...PageQuery,
              artist: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              bpmMin: FilterQuery.bpmMin,
              bpmMax: FilterQuery.bpmMax,
              keys: FilterQuery.keys,
              genres: FilterQuery.genres,
              yearFrom: FilterQuery.yearFrom,
              yearTo: FilterQuery.yearTo,
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
              hasTransitions: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(TrackSummary), ...problems(400, 422) },
        },
      },
      async (req) => {
        const { after, limit, keys, genres, ...rest } = req.query;
        const page = await s.catalog.listTracks(
          { ...rest, keys: list(keys), genres: list(genres) },
          { after, limit },
          req.principal,
        );
        return { ...page, nextUrl: nextUrl(req, page.next) };
      },
    );

    app.get(
      '/tracks/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'One track: credits, versions, BPM, key, plays',
          tags: ['tracks'],
          params: IdParams,
          response: { 200: TrackDetail, ...problems(400, 404) },
        },
      },
      async (req) => s.catalog.getTrack(req.params.id, req.principal),
    );

    app.patch(
      '/tracks/:id',
      {
        config: { permission: 'write:tracks' },
        schema: {
          summary: 'Correct a track’s BPM, key or genre (null clears a value)',
          tags: ['tracks'],
          params: IdParams,
          body: Type.Object(
            {
              bpm: Type.Optional(Nullable(Type.Number({ minimum: 50, maximum: 300 }))),
              key: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 10 }))),
              genre: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
            },
            { additionalProperties: false },
          ),
          response: { 200: TrackDetail, ...problems(400, 404, 422) },
        },
      },
      async (req) => s.catalog.updateTrack(req.params.id, req.body, req.principal),
    );

    app.delete(
      '/tracks/:id',
      {
        config: { permission: 'write:tracks' },
        schema: {
          summary: 'Delete a track: its lines stay in their sets as unknown entries',
          tags: ['tracks'],
          params: IdParams,
          response: { 200: Type.Object({ entriesNowUnknown: Type.Integer() }), ...problems(400, 404, 409) },
        },
      },
      async (req) => s.sets.deleteTrack(req.params.id, req.principal, requestContext(req)),
    );

    const explore = s.explore;
    if (!explore) return;

    app.get(
      '/tracks/:id/neighbours',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'The neighbourhood of a track in the transition graph',
          tags: ['graph'],
          params: TrackParam,
          querystring: Type.Object(
            {
              direction: Type.Union([Type.Literal('in'), Type.Literal('out'), Type.Literal('both')], {
                default: 'both',
              }),
              hops: Type.Integer({ minimum: 1, maximum: 3, default: 1 }),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 25 }),
              maxNodes: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
              ...FilterQuery,
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object(
              {
                nodes: Type.Array(Type.Object({ trackId: Type.Integer() }, { additionalProperties: true })),
                edges: Type.Array(
                  Type.Object({ from: Type.Integer(), to: Type.Integer() }, { additionalProperties: true }),
                ),
                tracks: TrackNames,
              },
              { additionalProperties: true },
            ),
            ...problems(400, 404, 409, 422),
          },
        },
      },
      async (req) => {
        const { direction, hops, limit, maxNodes } = req.query;
        return explore.neighbours(req.params.id, {
          direction,
          hops,
          limit,
          maxNodes,
          filter: filterOf(req.query),
        });
      },
    );

    for (const direction of ['after', 'before'] as const) {
      app.get(
        `/tracks/:id/played-${direction}`,
        {
          config: { permission: 'read:graph', graphCache: true },
          schema: {
            summary: `What DJs played ${direction} a track, ranked by evidence, with the sets`,
            tags: ['graph'],
            params: TrackParam,
            querystring: Type.Object(
              {
                limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
                evidence: Type.Integer({
                  minimum: 0,
                  maximum: 50,
                  default: 3,
                  description: 'sets listed per transition',
                }),
                ...FilterQuery,
              },
              { additionalProperties: false },
            ),
            response: {
              200: Type.Object({
                trackId: Type.Integer(),
                transitions: Type.Array(Transition),
                tracks: TrackNames,
              }),
              ...problems(400, 404, 409, 422),
            },
          },
        },
        async (req) =>
          explore.played(direction, req.params.id, {
            limit: req.query.limit,
            evidence: req.query.evidence,
            filter: filterOf(req.query),
          }),
      );
    }

    app.get(
      '/tracks/:id/next',
      {
        config: { permission: 'read:graph', graphCache: true },
        schema: {
          summary: 'What to play next: observed transitions first, compatible bridges after',
          tags: ['planner'],
          params: TrackParam,
          querystring: Type.Object(
            {
              limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
              harmonic: Type.Optional(Type.Union(HARMONIC_LADDER.map((h) => Type.Literal(h)))),
              maxBpmChange: Type.Optional(
                Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'percent per step' }),
              ),
              halfDoubleTime: Type.Optional(Type.Boolean()),
              trust: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
              allowBridges: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              trackId: Type.Integer(),
              recommendations: Type.Array(
                Type.Object(
                  { to: Type.Integer(), kind: Type.String(), evidenceSets: Type.Array(EvidenceSet) },
                  { additionalProperties: true },
                ),
              ),
              tracks: TrackNames,
            }),
            ...problems(400, 404, 409, 422),
          },
        },
      },
      async (req) => {
        const { maxBpmChange, ...q } = req.query;
        return explore.next(req.params.id, { ...q, maxBpmChangePercent: maxBpmChange });
      },
    );
  };
