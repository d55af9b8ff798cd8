// /graphql (Mercurius): queries, mutations and subscriptions over the same services as /api/v1.
// Registered in its own encapsulated context: Mercurius sets an error handler, which must answer
// GraphQL requests only and leave the problem+json handler of the rest of the server alone.
// Subscriptions use the server's @fastify/websocket (registered once, at the root, by app.ts): a
// second copy would dispatch every WebSocket upgrade twice.
import { type Principal, viewerOf } from '@songnodes/services';
import type { FastifyPluginAsync } from 'fastify';
import mercurius from 'mercurius';
import { checkCsrf, isUnsafeMethod } from '../api/auth/csrf.ts';
import type { ApiServices } from '../api/plugin.ts';
import type { Config } from '../config.ts';
import { formatErrors } from './errors.ts';
import {
  checkHttpRequest,
  checkRequest,
  DEFAULT_COMPLEXITY_LIMIT,
  DEFAULT_DEPTH_LIMIT,
  type Limits,
} from './guards.ts';
import { Loads } from './loads.ts';
import { checkFieldPermissions, checkPermissionsDeclared } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { schema } from './schema.ts';

declare module 'mercurius' {
  interface MercuriusContext {
    /** Who is asking: the request's (or the subscription's upgrade request's) principal. */
    principal: Principal;
  }
}

export type GraphqlSettings = Partial<
  Pick<Config, 'NODE_ENV' | 'GRAPHQL_DEPTH_LIMIT' | 'GRAPHQL_COMPLEXITY_LIMIT'>
> & {
  /** CORS_ORIGINS (for the CSRF origin check). */
  origins?: readonly string[];
};

/** The largest request body: imports arrive as a string argument (bigger files: POST /api/v1/imports). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const graphqlPlugin =
  (api: ApiServices, settings: GraphqlSettings = {}): FastifyPluginAsync =>
  async (app) => {
    const limits: Limits = {
      depth: settings.GRAPHQL_DEPTH_LIMIT ?? DEFAULT_DEPTH_LIMIT,
      complexity: settings.GRAPHQL_COMPLEXITY_LIMIT ?? DEFAULT_COMPLEXITY_LIMIT,
    };
    // The request's principal (set by the root hook): a bad credential is 401 before anything runs,
    // and a POST riding on local mode needs the CSRF header like any REST write. Each root field's
    // permission is checked per operation below, against the same principal.
    app.addHook('onRequest', async (req) => {
      if (req.authError) throw req.authError;
      if (req.authVia === 'local' && isUnsafeMethod(req.method)) checkCsrf(req, settings.origins ?? []);
    });
    app.addHook('preHandler', async (req) => checkHttpRequest(req));
    await app.register(mercurius, {
      schema,
      resolvers: resolvers(api),
      path: '/graphql',
      // GraphiQL loads its code from a CDN and invites exploration: development only.
      graphiql: settings.NODE_ENV === 'development',
      // Every request gets its own batched loads: nothing cached crosses requests or users.
      context: (req) => ({ loads: new Loads(api.db, viewerOf(req.principal)), principal: req.principal }),
      subscription: {
        // The upgrade request went through the root hook and the onRequest check above.
        context: (_socket, req) => ({
          loads: new Loads(api.db, viewerOf(req.principal)),
          principal: req.principal,
        }),
      },
      errorFormatter: formatErrors as never,
      // No csrfPrevention: Mercurius applies it to the WebSocket upgrade too, which carries no content
      // type, so subscriptions would be refused. Cross-site forms cannot reach a mutation anyway: a
      // POST is read only as application/json or application/graphql (both need a CORS preflight),
      // and a GET runs queries only.
      additionalRouteOptions: { bodyLimit: MAX_BODY_BYTES },
    });
    checkPermissionsDeclared(app.graphql.schema);
    app.graphql.addHook('preExecution', async (s, document, ctx, variables) => {
      checkRequest(s, document, variables, limits);
      checkFieldPermissions(s, document, ctx.principal);
    });
    app.graphql.addHook('preSubscriptionExecution', async (s, document, ctx) => {
      checkRequest(s, document, undefined, limits);
      checkFieldPermissions(s, document, ctx.principal);
    });
  };
