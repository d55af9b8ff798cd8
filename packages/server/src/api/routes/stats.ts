// /stats: counts of what the graph holds.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Database, type GraphCounts, graphCounts } from '@songnodes/db';
import { Type } from 'typebox';

/** Counts change only with imports; a second of staleness lets a busy dashboard poll for free. */
const CACHE_MS = 1000;

export const statsRoutes = (s: { db: Database }): FastifyPluginAsyncTypebox => {
  let cached: { at: number; counts: Promise<GraphCounts> } | null = null;
  const counts = () => {
    const now = Date.now();
    if (!cached || now - cached.at > CACHE_MS) {
      // Concurrent requests share one query; a failed query is not kept.
      const p = graphCounts(s.db);
      cached = { at: now, counts: p };
      p.catch(() => {
        if (cached?.counts === p) cached = null;
      });
    }
    return cached.counts;
  };
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
      counts,
    );
  };
};
