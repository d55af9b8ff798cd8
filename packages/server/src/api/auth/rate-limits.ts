// Request budgets (@fastify/rate-limit), per caller and per minute: a signed-in user or an API key
// has its own budget by role, everyone without credentials shares their IP address's, the laptop's
// owner in local mode has none. Expensive routes (the planner, imports, exports, graph jobs, scrapes)
// draw on a smaller budget of their own, and sign-in on a per-address one. Counted in memory, or in
// Redis when REDIS_URL is set so that every API process draws on the same budget.
//
// The limiter runs inside the principal hook (principal.ts), right after the caller is known and
// before any other hook: a cached answer, a refused credential or a 404 is counted like any request.

import rateLimit from '@fastify/rate-limit';
import { ServiceError } from '@songnodes/services';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Limiter } from './principal.ts';

export interface RateLimits {
  guest: number;
  user: number;
  premium: number;
  admin: number;
  /** Expensive routes, per caller. */
  expensive: number;
  /** Sign-in, setup and refresh, per IP address. */
  login: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  guest: 60,
  user: 200,
  premium: 1000,
  admin: 1000,
  expensive: 20,
  login: 10,
};

/** Routes with a budget of their own (`METHOD url` as registered). */
export const ROUTE_BUCKETS: Record<string, 'expensive' | 'login'> = {
  'POST /api/v1/plan': 'expensive',
  'POST /api/v1/imports': 'expensive',
  'POST /api/v1/exports': 'expensive',
  'POST /api/v1/graph/layout': 'expensive',
  'POST /api/v1/graph/communities': 'expensive',
  'POST /api/v1/scrapes': 'expensive',
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/setup': 'login',
  'POST /api/v1/auth/refresh': 'login',
};

/** The paths that spend a budget: the API's doors. Health, metrics and the web app's files do not. */
const LIMITED = /^\/(api|graphql|ws)(\/|\?|$)/;

const WINDOW_MS = 60_000;

/** Whose budget a request spends. */
export function budgetKey(req: FastifyRequest): string {
  const p = req.principal;
  if (p?.kind === 'user') return `user:${p.userId}`;
  if (p?.kind === 'api_key') return `key:${p.apiKeyId}`;
  return `ip:${req.ip}`;
}

type Check = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Registers the plugin (without its per-route hooks) and returns the check the principal hook runs.
 * `redis`: a connected ioredis client shared by every process (null: this process counts alone).
 */
export async function rateLimiter(
  app: FastifyInstance,
  limits: RateLimits,
  redis: Redis | null,
): Promise<Limiter> {
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'songnodes-rate-' } : {}),
    // A Redis outage must not take the API down with it: requests pass uncounted meanwhile.
    skipOnError: true,
  });
  const refused = (who: string) => (_req: FastifyRequest, ctx: { max: number; ttl: number }) => {
    const retryAfterSeconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
    return new ServiceError(
      'too_many',
      `too many requests: ${ctx.max} per minute ${who}; try again in ${retryAfterSeconds} s`,
      { details: { retryAfterSeconds } },
    );
  };
  const byRole = (req: FastifyRequest) => {
    const role = req.principal?.role ?? 'guest';
    return role === 'guest' ? limits.guest : limits[role];
  };
  const make = (o: {
    max: number | ((req: FastifyRequest) => number);
    key: (req: FastifyRequest) => string;
    who: string;
  }) =>
    app.rateLimit({
      max: o.max as number,
      timeWindow: WINDOW_MS,
      keyGenerator: o.key,
      errorResponseBuilder: refused(o.who) as never,
    }) as unknown as Check;
  const buckets = {
    general: make({ max: byRole, key: budgetKey, who: 'for this caller' }),
    expensive: make({
      max: limits.expensive,
      key: (req) => `expensive:${budgetKey(req)}`,
      who: 'to the expensive routes (planner, imports, exports, graph jobs) for this caller',
    }),
    login: make({
      max: limits.login,
      key: (req) => `login:ip:${req.ip}`,
      who: 'to sign in from this address',
    }),
  };
  return (req, reply) => {
    if (req.principal?.kind === 'local' || req.principal?.kind === 'system') return undefined;
    if (!LIMITED.test(req.url)) return undefined;
    const bucket = ROUTE_BUCKETS[`${req.method} ${req.routeOptions.url}`] ?? 'general';
    return buckets[bucket](req, reply);
  };
}
