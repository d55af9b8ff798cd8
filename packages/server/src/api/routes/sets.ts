// /sets: DJ sets and their tracklists, unknown entries shown as unknown with the line as written.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from '@songnodes/services';
import { Type } from 'typebox';
import { nextUrl } from '../pagination.ts';
import { IdParams, Nullable, Page, PageQuery, problems, TrackSummary } from '../schemas.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const SET_KINDS = ['mix', 'radio_show', 'live_set', 'concert', 'history', 'playlist'] as const;

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
});

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

export const setRoutes =
  (s: { catalog: CatalogService }): FastifyPluginAsyncTypebox =>
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
        const page = await s.catalog.listSets(f, { after, limit });
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
            200: Type.Object({ ...SetSummary.properties, entries: Type.Array(SetEntry) }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.catalog.getSet(req.params.id),
    );
  };
