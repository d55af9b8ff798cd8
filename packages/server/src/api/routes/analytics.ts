// /analytics: top tracks, transitions and DJs, genres and activity per month, under the graph's filters.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AnalyticsService } from '@songnodes/services';
import { Type } from 'typebox';
import { FilterQuery, list, Nullable, problems, TrackRef, TrackSummary } from '../schemas.ts';

const Query = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), ...FilterQuery },
  { additionalProperties: false },
);
const filter = (q: { keys?: string; genres?: string; sources?: string } & Record<string, unknown>) => ({
  ...q,
  keys: list(q.keys),
  genres: list(q.genres),
  sources: list(q.sources),
});
const config = { permission: 'read:graph' as const };

export const analyticsRoutes =
  (s: { analytics: AnalyticsService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { analytics } = s;
    const schema = (summary: string, item: Parameters<typeof Type.Array>[0]) => ({
      summary,
      tags: ['analytics'],
      querystring: Query,
      response: { 200: Type.Object({ items: Type.Array(item) }), ...problems(400, 422) },
    });

    app.get(
      '/analytics/top-tracks',
      {
        config,
        schema: schema(
          'Most played tracks',
          Type.Object({ track: TrackSummary, plays: Type.Integer(), sets: Type.Integer() }),
        ),
      },
      async (req) => ({ items: await analytics.topTracks(filter(req.query), req.query.limit) }),
    );
    app.get(
      '/analytics/top-transitions',
      {
        config,
        schema: schema(
          'Transitions played most often',
          Type.Object({
            from: TrackRef,
            to: TrackRef,
            count: Type.Integer(),
            djs: Type.Integer(),
            sets: Type.Integer(),
            firstDate: Nullable(Type.String()),
            lastDate: Nullable(Type.String()),
          }),
        ),
      },
      async (req) => ({ items: await analytics.topTransitions(filter(req.query), req.query.limit) }),
    );
    app.get(
      '/analytics/top-djs',
      {
        config,
        schema: schema(
          'DJs with the most sets',
          Type.Object({
            id: Type.Integer(),
            name: Type.String(),
            sets: Type.Integer(),
            entries: Type.Integer(),
          }),
        ),
      },
      async (req) => ({ items: await analytics.topDjs(filter(req.query), req.query.limit) }),
    );
    app.get(
      '/analytics/genres',
      {
        config,
        schema: schema(
          'Plays and tracks per genre (null: unknown genre)',
          Type.Object({ genre: Nullable(Type.String()), plays: Type.Integer(), tracks: Type.Integer() }),
        ),
      },
      async (req) => ({ items: await analytics.genres(filter(req.query)) }),
    );
    app.get(
      '/analytics/activity',
      {
        config,
        schema: schema(
          'Sets and entries per month (sets without a date are not counted)',
          Type.Object({
            month: Type.String({ description: 'YYYY-MM' }),
            sets: Type.Integer(),
            entries: Type.Integer(),
          }),
        ),
      },
      async (req) => ({ items: await analytics.activity(filter(req.query)) }),
    );
  };
