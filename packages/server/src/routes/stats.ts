import { type Database, type GraphCounts, graphCounts } from '@songnodes/db';
import type { FastifyInstance } from 'fastify';

/** Counts change only with imports; a second of staleness lets a busy dashboard poll for free. */
const CACHE_MS = 1000;

export function statsRoutes(opts: { db: Database }) {
  let cached: { at: number; counts: Promise<GraphCounts> } | null = null;
  const counts = () => {
    const now = Date.now();
    if (!cached || now - cached.at > CACHE_MS) {
      // Concurrent requests share one query; a failed query is not kept.
      const p = graphCounts(opts.db);
      cached = { at: now, counts: p };
      p.catch(() => {
        if (cached?.counts === p) cached = null;
      });
    }
    return cached.counts;
  };
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
      counts,
    );
  };
}
