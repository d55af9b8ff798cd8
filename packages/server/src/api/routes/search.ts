// /search: one box over tracks, artists and sets, typo-tolerant and accent-insensitive.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SearchService } from '@songnodes/services';
import { Type } from 'typebox';
import { Nullable, problems, TrackSummary } from '../schemas.ts';

const Count = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(value: T) =>
  Type.Array(Type.Object({ value, count: Type.Integer() }));

export const searchRoutes =
  (s: { search: SearchService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/search',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Search tracks, artists and sets at once',
          tags: ['search'],
          querystring: Type.Object(
            {
              q: Type.String({ minLength: 1, maxLength: 200 }),
              limit: Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'per kind' }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              query: Type.String(),
              tracks: Type.Array(
                Type.Object({ ...TrackSummary.properties, score: Type.Number(), plays: Type.Integer() }),
              ),
              artists: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  name: Type.String(),
                  score: Type.Number(),
                  tracks: Type.Integer(),
                }),
              ),
              sets: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  title: Nullable(Type.String()),
                  date: Nullable(Type.String()),
                  source: Type.String(),
                  performers: Type.Array(Type.String()),
                }),
              ),
              facets: Type.Object({
                genres: Count(Type.String()),
                keys: Count(Type.String()),
                years: Count(Type.Integer()),
                bpm: Type.Object({ min: Nullable(Type.Number()), max: Nullable(Type.Number()) }),
              }),
            }),
            ...problems(400, 422),
          },
        },
      },
      async (req) => s.search.search(req.query.q, req.principal, req.query.limit),
    );
  };
