import { type Database, graphCounts } from '@songnodes/db';
import type { FastifyInstance } from 'fastify';

export function statsRoutes(opts: { db: Database }) {
  return async (app: FastifyInstance) => {
    app.get(
      '/stats',
      {
        schema: {
          response: {
            200: {
              type: 'object',
              properties: {
                tracks: { type: 'integer' },
                artists: { type: 'integer' },
                sets: { type: 'integer' },
                setEntries: { type: 'integer' },
                transitions: { type: 'integer' },
              },
              required: ['tracks', 'artists', 'sets', 'setEntries', 'transitions'],
            },
          },
        },
      },
      () => graphCounts(opts.db),
    );
  };
}
