// Request budgets, per caller and per minute: a signed-in user or an API key
// has its own budget by role, everyone without credentials shares their IP address's, the laptop's
// owner in local mode has none. Expensive routes (the planner, imports, exports, graph jobs, scrapes)
// draw on a smaller budget of their own, and sign-in on a per-address one. Counted in memory, or in
// Redis when REDIS_URL is set so that every API process draws on the same budget (budgets.ts).
//
// The limiter runs inside the principal hook (principal.ts), right after the caller is known and
// before any other hook: a cached answer, a refused credential or a 404 is counted like any request.

import { ServiceError } from '@songnodes/services';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BudgetStore, Spent } from './budgets.ts';
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

interface Bucket {
  max: (req: FastifyRequest) => number;
  key: (req: FastifyRequest) => string;
  /** Whose budget, in the refusal's words. */
  who: string;
}

/**
 * The check the principal hook runs: sets the X-RateLimit headers and throws the 429 (with its
 * Retry-After) when the budget is spent. Synchronous with the in-memory store; with Redis it returns
 * a promise, and an unreachable Redis lets requests pass uncounted (an outage must not take the API
 * down with it).
 */
export function rateLimiter(limits: RateLimits, store: BudgetStore): Limiter {
  const byRole = (req: FastifyRequest) => {
    const role = req.principal?.role ?? 'guest';
    return role === 'guest' ? limits.guest : limits[role];
  };
  const buckets: Record<'general' | 'expensive' | 'login', Bucket> = {
    general: { max: byRole, key: budgetKey, who: 'for this caller' },
    expensive: {
      max: () => limits.expensive,
      key: (req) => `expensive:${budgetKey(req)}`,
      who: 'to the expensive routes (planner, imports, exports, graph jobs) for this caller',
    },
    login: {
      max: () => limits.login,
      key: (req) => `login:ip:${req.ip}`,
      who: 'to sign in from this address',
    },
  };
  const charge = (reply: FastifyReply, max: number, who: string, spent: Spent) => {
    const resetSeconds = Math.max(1, Math.ceil(spent.resetMs / 1000));
    reply
      .header('x-ratelimit-limit', max)
      .header('x-ratelimit-remaining', Math.max(0, max - spent.count))
      .header('x-ratelimit-reset', resetSeconds);
    if (spent.count > max)
      throw new ServiceError(
        'too_many',
        `too many requests: ${max} per minute ${who}; try again in ${resetSeconds} s`,
        { details: { retryAfterSeconds: resetSeconds } },
      );
  };
  return (req, reply) => {
    if (req.principal?.kind === 'local' || req.principal?.kind === 'system') return undefined;
    if (!LIMITED.test(req.url)) return undefined;
    const bucket = buckets[ROUTE_BUCKETS[`${req.method} ${req.routeOptions.url}`] ?? 'general'];
    const max = bucket.max(req);
    const spent = store.spend(bucket.key(req), WINDOW_MS);
    if (!(spent instanceof Promise)) {
      charge(reply, max, bucket.who, spent);
      return undefined;
    }
    return spent.then(
      (s) => charge(reply, max, bucket.who, s),
      () => undefined,
    );
  };
}
