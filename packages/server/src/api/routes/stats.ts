// /stats: counts of what the graph holds.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from '@songnodes/services';
import { Type } from 'typebox';

export const statsRoutes = (s: { catalog: CatalogService }): FastifyPluginAsyncTypebox => {
  return async (app) => {
    app.get(
      '/stats',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Counts of tracks, artists, sets, entries and transitions',
          tags: ['stats'],
          response: {
            200: Type.Object({
              tracks: Type.Integer(),
              artists: Type.Integer(),
              sets: Type.Integer(),
              setEntries: Type.Integer(),
              transitions: Type.Integer(),
            }),
          },
        },
      },
      async () => s.catalog.counts(),
    );
  };
};
