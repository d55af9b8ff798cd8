import { randomUUID } from 'node:crypto';
import type { Database } from '@songnodes/db';
import type { GraphService } from '@songnodes/graph';
import type { JobQueue } from '@songnodes/jobs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { ServerEvents } from './events.ts';
import { loggerOptions } from './logger.ts';
import { createMetrics } from './plugins/metrics.ts';
import { webPlugin } from './plugins/web.ts';
import { dedupeRoutes } from './routes/dedupe.ts';
import { eventRoutes } from './routes/events.ts';
import { graphRoutes } from './routes/graph.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { statsRoutes } from './routes/stats.ts';

export interface AppDeps {
  config: Pick<Config, 'LOG_LEVEL'>;
  db: Database;
  /** Present when this process runs or enqueues jobs. */
  jobs?: JobQueue;
  /** The in-memory graph (the `start` and `api` roles build one); without it the graph routes are absent. */
  graph?: GraphService;
  /** Serve the web app (the `start` and `api` roles do; a bare worker does not). */
  web?: boolean;
  /** Job progress and graph changes for WebSocket listeners. */
  events?: ServerEvents;
  /** Where uploaded files wait for their import job (with `jobs`, enables POST /api/v1/imports). */
  uploadDir?: string;
}

/** The HTTP application: each concern is its own plugin; routes reach data through `db` repositories. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Graceful shutdown: stop accepting, finish what is in flight.
    return503OnClosing: true,
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    reply.code(status).send({
      error: status >= 500 ? 'internal_error' : 'bad_request',
      message: status >= 500 ? 'internal error' : err.message,
      requestId: req.id,
    });
  });

  const metrics = createMetrics({ db: deps.db, jobs: deps.jobs });
  await app.register(metrics.plugin);
  await app.register(healthRoutes({ db: deps.db, jobs: deps.jobs }));
  await app.register(statsRoutes({ db: deps.db }), { prefix: '/api/v1' });
  await app.register(dedupeRoutes({ db: deps.db }), { prefix: '/api/v1' });
  if (deps.graph)
    await app.register(graphRoutes({ graph: deps.graph, jobs: deps.jobs }), { prefix: '/api/v1' });
  if (deps.events) await app.register(eventRoutes({ events: deps.events }), { prefix: '/api/v1' });
  if (deps.jobs && deps.uploadDir) {
    const ingest = { db: deps.db };
    await app.register(importRoutes({ jobs: deps.jobs, uploadDir: deps.uploadDir, ingest }), {
      prefix: '/api/v1',
    });
  }
  if (deps.web) await app.register(webPlugin);
  return app;
}
