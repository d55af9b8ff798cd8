// The /api/v1 shell: one error handler and one not-found handler (both RFC 9457 problem+json), the
// permission every route must declare and its enforcement (auth/enforce.ts: 401/403, CSRF), and the
// resource routes, each file holding its routes with their schemas. Routes are thin: they validate through
// their schemas and call a service; services check, write, publish events and enqueue jobs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '@songnodes/db';
import {
  type AnalyticsService,
  type ApiKeyService,
  type ArtistService,
  type AuditService,
  type AuthService,
  type CatalogService,
  type DedupeService,
  type EventBus,
  type ExploreService,
  type ExportService,
  type ImportService,
  invalid,
  type JobService,
  type PlanService,
  type ScrapeService,
  type SearchService,
  type SetService,
  type UserService,
} from '@songnodes/services';
import { enforce } from './auth/enforce.ts';
import { conditionalReads } from './caching.ts';
import { PERMISSIONS } from './permissions.ts';
import { sendProblem } from './problem.ts';
import { accountRoutes } from './routes/account.ts';
import { adminRoutes } from './routes/admin.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { artistRoutes } from './routes/artists.ts';
import { authRoutes } from './routes/auth.ts';
import { dedupeRoutes } from './routes/dedupe.ts';
import { eventRoutes } from './routes/events.ts';
import { exportRoutes } from './routes/exports.ts';
import { graphRoutes } from './routes/graph.ts';
import { importRoutes } from './routes/imports.ts';
import { jobRoutes } from './routes/jobs.ts';
import { planRoutes } from './routes/plans.ts';
import { scrapeTargetRoutes } from './routes/scrape-targets.ts';
import { scrapeRoutes } from './routes/scrapes.ts';
import { searchRoutes } from './routes/search.ts';
import { setRoutes } from './routes/sets.ts';
import { statsRoutes } from './routes/stats.ts';
import { trackRoutes } from './routes/tracks.ts';
import { transitionRoutes } from './routes/transitions.ts';

export interface ApiServices {
  db: Database;
  bus: EventBus;
  catalog: CatalogService;
  artists: ArtistService;
  search: SearchService;
  plans: PlanService;
  analytics: AnalyticsService;
  scrapes: ScrapeService;
  sets: SetService;
  dedupe: DedupeService;
  /** Present in processes that hold the in-memory graph (`start`, `api`). */
  explore?: ExploreService;
  /** Present in processes that can enqueue jobs. */
  jobs?: JobService;
  imports?: ImportService;
  /** Present with jobs and an export folder. */
  exports?: ExportService;
  /** Accounts: sign-in and credentials, users, API keys, the audit log. */
  auth: AuthService;
  users: UserService;
  apiKeys: ApiKeyService;
  audit: AuditService;
}

export interface ApiSettings {
  /** CORS_ORIGINS (for the CSRF origin check). */
  origins: readonly string[];
  mode: 'local' | 'required';
}

/** The path of the first string holding U+0000 in a parsed query, params or JSON body; null if none. */
export function nulAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  // Parsed JSON and query strings only: an upload's body is a stream (or bytes), read by its importer.
  if (typeof (value as { pipe?: unknown }).pipe === 'function' || ArrayBuffer.isView(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nulAt(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const apiV1 =
  (s: ApiServices, settings: ApiSettings = { origins: [], mode: 'local' }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('onRoute', (route) => {
      const permission = route.config?.permission;
      if (!permission || !PERMISSIONS.includes(permission))
        throw new Error(`route ${route.method} ${route.url} declares no permission (config.permission)`);
      // Listed in the OpenAPI document per operation.
      route.schema = { ...route.schema, 'x-permission': permission } as typeof route.schema;
    });
    app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
    // First of the API's hooks: nothing (not even a cached answer) reaches a caller without the right.
    app.addHook('onRequest', (req, _reply, done) => {
      const permission = req.routeOptions.config?.permission;
      try {
        // Unknown routes (404) declare none: a bad credential is still refused.
        if (permission) enforce(req, permission, settings.origins);
        else if (req.authError) throw req.authError;
      } catch (e) {
        return done(e as Error);
      }
      done();
    });
    const explore = s.explore;
    conditionalReads(app, explore ? () => explore.version() : () => null);
    // PostgreSQL text cannot hold U+0000: refuse it at the door, naming the parameter, instead of
    // letting the database fail the query later.
    app.addHook('preValidation', (req, _reply, done) => {
      const where = { query: req.query, params: req.params, body: req.body };
      for (const [part, value] of Object.entries(where)) {
        const at = nulAt(value);
        if (at !== null)
          return done(
            invalid(at || part, `${part} ${at} contains a NUL character (U+0000)`.replace('  ', ' ')),
          );
      }
      done();
    });
    app.setNotFoundHandler((req, reply) =>
      reply
        .code(404)
        .type('application/problem+json')
        .send({
          type: 'https://songnodes.dev/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: `no route ${req.method} ${req.url.split('?')[0]}`,
          requestId: req.id,
        }),
    );

    await app.register(authRoutes(s, settings));
    await app.register(accountRoutes(s));
    await app.register(adminRoutes(s));
    await app.register(statsRoutes(s));
    await app.register(trackRoutes(s));
    await app.register(artistRoutes(s));
    await app.register(setRoutes(s));
    await app.register(transitionRoutes(s));
    await app.register(searchRoutes(s));
    await app.register(dedupeRoutes(s));
    await app.register(planRoutes(s));
    await app.register(analyticsRoutes(s));
    await app.register(scrapeRoutes(s));
    await app.register(scrapeTargetRoutes(s));
    if (s.explore) await app.register(graphRoutes({ explore: s.explore, jobs: s.jobs }));
    if (s.jobs) await app.register(jobRoutes({ jobs: s.jobs }));
    if (s.imports) await app.register(importRoutes({ imports: s.imports }));
    if (s.exports) await app.register(exportRoutes({ exports: s.exports }));
    await app.register(eventRoutes({ bus: s.bus }));
  };
