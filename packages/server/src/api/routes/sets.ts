// /sets: DJ sets and their tracklists, unknown entries shown as unknown with the line as written.
// A signed-in user's posted sets are private to them until shared (PATCH visibility: 'public'); others'
// private sets answer 404, exactly as sets that do not exist, so their existence does not leak.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService, SetService } from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { nextUrl } from '../pagination.ts';
import { IdParams, Nullable, Page, PageQuery, problems, TrackSummary } from '../schemas.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const SET_KINDS = ['mix', 'radio_show', 'live_set', 'concert', 'history', 'playlist'] as const;

const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')], {
  description: "'private': seen by its owner alone, its transitions kept out of the graph until shared",
});

const SetSummary = Type.Object({
  id: Type.Integer(),
  title: Nullable(Type.String()),
  performers: Type.Array(Type.String()),
  date: Nullable(Type.String()),
  datePrecision: Nullable(Type.String()),
  kind: Type.String(),
  source: Type.String(),
  url: Nullable(Type.String()),
  event: Nullable(Type.String()),
  venue: Nullable(Type.String()),
  entryCount: Type.Integer(),
  visibility: Visibility,
});

const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** A set posted as JSON: our set format (songnodes.set/v1) without its format tag. */
const NewSet = Type.Object(
  {
    title: Type.Optional(Str(500)),
    performers: Type.Optional(Type.Array(Str(200), { maxItems: 20 })),
    date: Type.Optional(
      Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' }),
    ),
    kind: Type.Optional(Type.Union(SET_KINDS.map((k) => Type.Literal(k)))),
    source: Type.Optional(Str(100)),
    externalId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'the same source and externalId again replaces the set',
      }),
    ),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    event: Type.Optional(Str(500)),
    venue: Type.Optional(Str(500)),
    visibility: Type.Optional(
      Type.Union([Type.Literal('public'), Type.Literal('private')], {
        description:
          "a signed-in user's set is 'private' unless 'public' shares it at once; without an account, sets are public",
      }),
    ),
    entries: Type.Array(
      Type.Object(
        {
          raw: Type.String({
            minLength: 1,
            maxLength: 1000,
            description: 'the line as written: "Artist - Title (Version)"',
          }),
          artist: Type.Optional(Str(500)),
          title: Type.Optional(Str(500)),
          version: Type.Optional(Str(500)),
          label: Type.Optional(Str(500)),
          cueSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400 })),
          bpm: Type.Optional(Type.Number({ minimum: 50, maximum: 300 })),
          key: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
          genre: Type.Optional(Str(100)),
          withPrevious: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);

const SetEntry = Type.Object({
  position: Type.Integer(),
  line: Nullable(Type.Integer()),
  raw: Type.String({ description: 'the line as it was written' }),
  unknown: Type.Boolean({ description: 'an ID / unidentified track' }),
  withPrevious: Type.Boolean({ description: 'a w/ layer over the entry before' }),
  artist: Nullable(Type.String()),
  title: Nullable(Type.String()),
  version: Nullable(Type.String()),
  label: Nullable(Type.String()),
  cueSeconds: Nullable(Type.Number()),
  track: Nullable(TrackSummary),
});

const SetDetail = Type.Object({
  ...SetSummary.properties,
  confidence: Nullable(
    Type.Number({
      description:
        'for a scraped set, how far its entries can be trusted: 1 from a structured page or API, lower for a tracklist pulled out of free text (Reddit); null for a set imported from a file or posted',
    }),
  ),
  entries: Type.Array(SetEntry),
});

export const setRoutes =
  (s: { catalog: CatalogService; sets: SetService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/sets',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'List sets',
          tags: ['sets'],
          querystring: Type.Object(
            {
              ...PageQuery,
              dj: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
              kind: Type.Optional(Type.Union(SET_KINDS.map((k) => Type.Literal(k)))),
              dateFrom: Type.Optional(Type.String({ pattern: DATE, description: 'YYYY-MM-DD' })),
              dateTo: Type.Optional(Type.String({ pattern: DATE, description: 'YYYY-MM-DD' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(SetSummary), ...problems(400, 422) },
        },
      },
      async (req) => {
        const { after, limit, ...f } = req.query;
        const page = await s.catalog.listSets(f, { after, limit }, req.principal);
        return { ...page, nextUrl: nextUrl(req, page.next) };
      },
    );

    app.get(
      '/sets/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'One set with its entries in order',
          tags: ['sets'],
          params: IdParams,
          response: {
            200: SetDetail,
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.catalog.getSet(req.params.id, req.principal),
    );

    app.patch(
      '/sets/:id',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary:
            "Share a private set (visibility: 'public'; its owner or an admin): its transitions join the graph as an import's would. Public sets cannot be made private (409)",
          tags: ['sets'],
          params: IdParams,
          body: Type.Object({ visibility: Visibility }, { additionalProperties: false }),
          response: {
            200: SetDetail,
            ...problems(400, 403, 404, 409),
          },
        },
      },
      async (req) =>
        s.sets.setVisibility(req.params.id, req.body.visibility, req.principal, requestContext(req)),
    );

    app.post(
      '/sets',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary: 'Create a set from JSON (our set format); the same source and externalId replace it',
          tags: ['sets'],
          body: NewSet,
          response: {
            201: Type.Object({
              ...SetSummary.properties,
              entries: Type.Array(SetEntry),
              warnings: Type.Array(Type.String()),
            }),
            ...problems(400, 422),
          },
        },
      },
      async (req, reply) => {
        const set = await s.sets.create(req.body, req.principal);
        return reply.code(201).header('location', `/api/v1/sets/${set.id}`).send(set);
      },
    );

    app.delete(
      '/sets/:id',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary: 'Delete a set; the transitions it evidenced are corrected exactly',
          tags: ['sets'],
          params: IdParams,
          response: { 204: Type.Null(), ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        await s.sets.delete(req.params.id, req.principal, requestContext(req));
        return reply.code(204).send(null);
      },
    );
  };
