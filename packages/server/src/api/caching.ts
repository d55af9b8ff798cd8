// Conditional reads. Every successful GET answers with an ETag; a request whose If-None-Match matches
// gets 304 and no body. Graph reads (routes with `config.graphCache`) depend only on the graph
// version and the URL: their ETag is known before the handler runs, so a matching request costs
// nothing, and their answers are kept per graph version (a bounded cache emptied whenever an import,
// merge or correction moves the version on). Other reads hash the body they send.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer depends only on the in-memory graph's version and the URL. */
    graphCache?: boolean;
  }
}

/** Answers kept per graph version, at most (each a serialised body; the demo's are ~10 KB). */
const CACHE_ENTRIES = 500;

const matches = (header: string | undefined, etag: string) =>
  header?.split(',').some((t) => t.trim() === etag || t.trim() === '*');

export function conditionalReads(app: FastifyInstance, graphVersion: () => number | null): void {
  let cacheVersion: number | null = null;
  const cache = new Map<string, string>();
  const graphTag = (req: FastifyRequest, version: number, binary: boolean) =>
    `"g${version}-${createHash('sha1').update(req.url).digest('base64url').slice(0, 16)}${binary ? '-b' : ''}"`;

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' || !req.routeOptions.config?.graphCache) return;
    const version = graphVersion();
    if (version === null) return;
    // The binary form of a route (Accept: application/octet-stream) is another representation.
    const binary = /application\/octet-stream/.test(req.headers.accept ?? '');
    const etag = graphTag(req, version, binary);
    reply.header('etag', etag).header('vary', 'accept');
    if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
    if (binary) return;
    if (cacheVersion !== version) {
      cache.clear();
      cacheVersion = version;
    }
    const hit = cache.get(req.url);
    if (hit !== undefined)
      return reply.type('application/json; charset=utf-8').header('x-cache', 'hit').send(hit);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (req.routeOptions.config?.graphCache) {
      const version = graphVersion();
      // Kept only if the graph did not move while the answer was computed.
      if (version !== null && version === cacheVersion && reply.getHeader('x-cache') !== 'hit') {
        if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
        cache.set(req.url, payload);
      }
      return payload;
    }
    const etag = `"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (matches(req.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
