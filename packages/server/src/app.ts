import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import type { Database } from '@songnodes/db';
import type { JobQueue } from '@songnodes/jobs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Metric } from 'prom-client';
import { registerOpenApi } from './api/openapi.ts';
import { type ApiServices, apiV1 } from './api/plugin.ts';
import { sendProblem } from './api/problem.ts';
import { SocketHub } from './api/ws/hub.ts';
import { wsRoute } from './api/ws/route.ts';
import type { Config } from './config.ts';
import { type GraphqlSettings, graphqlPlugin } from './graphql/plugin.ts';
import { loggerOptions } from './logger.ts';
import { createMetrics } from './plugins/metrics.ts';
import { webPlugin } from './plugins/web.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppDeps {
  config: Pick<Config, 'LOG_LEVEL'>;
  db: Database;
  /** Present when this process runs or enqueues jobs (health reports the queue). */
  jobs?: JobQueue;
  /**
   * The API's services: the `start` and `api` roles serve /api/v1, the OpenAPI document and the web
   * app; without them (the `worker` role) the process serves health and metrics only.
   */
  api?: ApiServices;
  /** More Prometheus metrics for /metrics (the scrapers' per-source counters). */
  metrics?: Metric[];
  /** WebSocket heartbeat and back-pressure (defaults: 30 s, 1 MiB). */
  ws?: { heartbeatMs?: number; maxBufferedBytes?: number };
}

/** The HTTP application: health and metrics always; the API and the web app when the role serves them. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Graceful shutdown: stop accepting, finish what is in flight.
    return503OnClosing: true,
    // A JSON body nested deeper than this is refused before it reaches a handler.
    ajv: { customOptions: { allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Outside /api/v1 (health, metrics, the web app) errors take the same problem+json shape.
  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));

  const metrics = createMetrics({ db: deps.db, jobs: deps.jobs });
  for (const m of deps.metrics ?? []) metrics.registry.registerMetric(m);
  await app.register(metrics.plugin);
  await app.register(healthRoutes({ db: deps.db, jobs: deps.jobs }));
  if (deps.api) {
    const api = deps.api;
    await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
    const hub = new SocketHub(api.bus, {
      heartbeatMs: deps.ws?.heartbeatMs ?? 30_000,
      maxBufferedBytes: deps.ws?.maxBufferedBytes ?? 1_048_576,
      statusMs: 10_000,
      status: () => {
        const g = api.explore?.status();
        return { graphVersion: g?.version ?? null, graph: g ?? null };
      },
    });
    hub.metrics(metrics.registry);
    await wsRoute(app, { hub });
    await registerOpenApi(app);
    await app.register(apiV1(deps.api), { prefix: '/api/v1' });
    await app.register(graphqlPlugin(deps.api, deps.config as GraphqlSettings));
    await app.register(webPlugin);
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply
        .code(404)
        .type('application/problem+json')
        .send({
          type: 'https://songnodes.dev/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: `no route ${req.method} ${req.url.split('?')[0]} (a worker serves health and metrics only)`,
          requestId: req.id,
        }),
    );
  }
  return app;
}
