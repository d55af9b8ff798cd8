import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import type { Database } from '@songnodes/db';
import type { JobQueue } from '@songnodes/jobs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Metric } from 'prom-client';
import { MemoryBudgets, RedisBudgets } from './api/auth/budgets.ts';
import { TOKEN_SUBPROTOCOL } from './api/auth/credentials.ts';
import { principalHook } from './api/auth/principal.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimiter } from './api/auth/rate-limits.ts';
import { cachingAuthenticator } from './api/auth/token-cache.ts';
import { registerOpenApi } from './api/openapi.ts';
import { type ApiServices, apiV1 } from './api/plugin.ts';
import { sendProblem } from './api/problem.ts';
import { SocketHub } from './api/ws/hub.ts';
import { wsRoute } from './api/ws/route.ts';
import type { Config } from './config.ts';
import { type GraphqlSettings, graphqlPlugin } from './graphql/plugin.ts';
import { loggerOptions, RequestLog } from './logger.ts';
import { createMetrics } from './plugins/metrics.ts';
import { securityPlugin } from './plugins/security.ts';
import { webPlugin } from './plugins/web.ts';
import { healthRoutes } from './routes/health.ts';

/** What buildApp reads of the configuration; tests give LOG_LEVEL alone and get the defaults. */
export type AppConfig = Pick<Config, 'LOG_LEVEL'> &
  Partial<
    Pick<
      Config,
      | 'NODE_ENV'
      | 'authMode'
      | 'CORS_ORIGINS'
      | 'BODY_LIMIT_BYTES'
      | 'REQUEST_TIMEOUT_MS'
      | 'GRAPHQL_DEPTH_LIMIT'
      | 'GRAPHQL_COMPLEXITY_LIMIT'
      | 'RATE_LIMIT_GUEST'
      | 'RATE_LIMIT_USER'
      | 'RATE_LIMIT_PREMIUM'
      | 'RATE_LIMIT_ADMIN'
      | 'RATE_LIMIT_EXPENSIVE'
      | 'RATE_LIMIT_LOGIN'
    >
  >;

export function rateLimitsOf(c: AppConfig): RateLimits {
  const d = DEFAULT_RATE_LIMITS;
  return {
    guest: c.RATE_LIMIT_GUEST ?? d.guest,
    user: c.RATE_LIMIT_USER ?? d.user,
    premium: c.RATE_LIMIT_PREMIUM ?? d.premium,
    admin: c.RATE_LIMIT_ADMIN ?? d.admin,
    expensive: c.RATE_LIMIT_EXPENSIVE ?? d.expensive,
    login: c.RATE_LIMIT_LOGIN ?? d.login,
  };
}

export interface AppDeps {
  /** Without authMode: `local` (the laptop default; app.inject comes from loopback). */
  config: AppConfig;
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
  /** A connected ioredis client: rate-limit budgets shared with other processes (REDIS_URL). */
  redis?: Redis | null;
}

/** The HTTP application: health and metrics always; the API and the web app when the role serves them. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const c = deps.config;
  const origins = c.CORS_ORIGINS ?? [];
  const app = Fastify({
    logger: loggerOptions(c),
    requestIdHeader: 'x-request-id',
    logController: new RequestLog(),
    genReqId: () => randomUUID(),
    // Graceful shutdown: stop accepting, finish what is in flight.
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: false } },
    // JSON bodies are small; routes that take more say so (uploads, GraphQL's import argument).
    bodyLimit: c.BODY_LIMIT_BYTES ?? 1_048_576,
    // A client that sends its request slowly (slowloris) is cut off after this.
    requestTimeout: c.REQUEST_TIMEOUT_MS ?? 300_000,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // On every answer (errors and 404s too): set first, before anything can answer.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  // Outside /api/v1 (health, metrics, the web app) errors take the same problem+json shape.
  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
  await securityPlugin(app, { origins });
  await app.register(cookie);
  // Who is asking, then their budget: before every other hook (docs/security.md).
  const limit = rateLimiter(rateLimitsOf(c), deps.redis ? new RedisBudgets(deps.redis) : new MemoryBudgets());
  const authenticator = deps.api ? cachingAuthenticator(deps.api.auth) : null;
  principalHook(app, { mode: c.authMode ?? 'local', authenticator, origins }, limit);

  const metrics = createMetrics({ db: deps.db, jobs: deps.jobs });
  for (const m of deps.metrics ?? []) metrics.registry.registerMetric(m);
  await app.register(metrics.plugin);
  await app.register(healthRoutes({ db: deps.db, jobs: deps.jobs }));
  if (deps.api) {
    const api = deps.api;
    await app.register(websocket, {
      options: {
        maxPayload: 64 * 1024,
        // A browser may carry its token as an `access_token.<token>` subprotocol (credentials.ts):
        // the server answers with the first other protocol offered, never echoing the token.
        handleProtocols: (protocols) => [...protocols].find((p) => !p.startsWith(TOKEN_SUBPROTOCOL)) ?? false,
      },
    });
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
    await wsRoute(app, { hub, origins });
    await registerOpenApi(app);
    await app.register(apiV1(deps.api, { origins, mode: c.authMode ?? 'local' }), { prefix: '/api/v1' });
    await app.register(graphqlPlugin(deps.api, { ...(c as GraphqlSettings), origins }));
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
