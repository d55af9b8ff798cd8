// The OpenAPI 3.1 document, generated from the route schemas (one source: the TypeBox shapes), served
// at /api/openapi.json, with an interactive reference at /api/docs. The document is also checked in
// (packages/server/openapi.json) and the web app's typed client is generated from it.
import swagger from '@fastify/swagger';
import reference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

export const OPENAPI_INFO = {
  title: 'SongNodes API',
  version: '1',
  description:
    'DJ tracklists and setlists as a graph of music. Errors are RFC 9457 problem+json; lists are cursor-paginated; every operation names the permission it needs in `x-permission`.',
};

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: OPENAPI_INFO },
    // Only the API: health, metrics and the web app are not part of it.
    hideUntagged: true,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(reference, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });
}
