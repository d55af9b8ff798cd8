// /artists: an artist's record — tracks, aliases, collaborations, the artists DJs play next to them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from '@songnodes/services';
import { Type } from 'typebox';
import { IdParams, problems, TrackSummary } from '../schemas.ts';

const Named = (count: string) =>
  Type.Object({ id: Type.Integer(), name: Type.String(), [count]: Type.Integer() });

export const artistRoutes =
  (s: { catalog: CatalogService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/artists/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'One artist: tracks, aliases, collaborations, artists played next to them',
          tags: ['artists'],
          params: IdParams,
          response: {
            200: Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              aliases: Type.Array(Type.String()),
              tracks: Type.Array(
                Type.Object({ ...TrackSummary.properties, role: Type.String(), plays: Type.Integer() }),
              ),
              collaborations: Type.Array(Named('tracks')),
              playedWith: Type.Array(Named('transitions')),
              performed: Type.Integer({ description: 'sets this artist performed' }),
            }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.catalog.getArtist(req.params.id),
    );
  };
