// /graphql (Mercurius): queries, mutations and subscriptions over the same services as /api/v1.
// Registered in its own encapsulated context: Mercurius sets an error handler, which must answer
// GraphQL requests only and leave the problem+json handler of the rest of the server alone.
// Subscriptions use the server's @fastify/websocket (registered once, at the root, by app.ts): a
// second copy would dispatch every WebSocket upgrade twice.
import type { FastifyPluginAsync } from 'fastify';
import mercurius from 'mercurius';
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
import { checkPermissionsDeclared } from './permissions.ts';
import { resolvers } from './resolvers.ts';
import { schema } from './schema.ts';

export type GraphqlSettings = Partial<
  Pick<Config, 'NODE_ENV' | 'GRAPHQL_DEPTH_LIMIT' | 'GRAPHQL_COMPLEXITY_LIMIT'>
>;

/** The largest request body: imports arrive as a string argument (bigger files: POST /api/v1/imports). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const graphqlPlugin =
  (api: ApiServices, settings: GraphqlSettings = {}): FastifyPluginAsync =>
  async (app) => {
    const limits: Limits = {
      depth: settings.GRAPHQL_DEPTH_LIMIT ?? DEFAULT_DEPTH_LIMIT,
      complexity: settings.GRAPHQL_COMPLEXITY_LIMIT ?? DEFAULT_COMPLEXITY_LIMIT,
    };
    app.addHook('preHandler', async (req) => checkHttpRequest(req));
    await app.register(mercurius, {
      schema,
      resolvers: resolvers(api),
      path: '/graphql',
      // GraphiQL loads its code from a CDN and invites exploration: development only.
      graphiql: settings.NODE_ENV === 'development',
      // Every request gets its own batched loads: nothing cached crosses requests or users.
      context: () => ({ loads: new Loads(api.db) }),
      subscription: { context: () => ({ loads: new Loads(api.db) }) },
      errorFormatter: formatErrors as never,
      // No csrfPrevention: Mercurius applies it to the WebSocket upgrade too, which carries no content
      // type, so subscriptions would be refused. Cross-site forms cannot reach a mutation anyway: a
      // POST is read only as application/json or application/graphql (both need a CORS preflight),
      // and a GET runs queries only.
      additionalRouteOptions: { bodyLimit: MAX_BODY_BYTES },
    });
    checkPermissionsDeclared(app.graphql.schema);
    app.graphql.addHook('preExecution', async (s, document, _ctx, variables) => {
      checkRequest(s, document, variables, limits);
    });
    app.graphql.addHook('preSubscriptionExecution', async (s, document) => {
      checkRequest(s, document, undefined, limits);
    });
  };
