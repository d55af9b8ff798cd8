// Conditional reads. Every successful GET answers with an ETag; a request whose If-None-Match matches
// gets 304 and no body. Graph reads (routes with `config.graphCache`) depend only on the graph
// version and the URL: their ETag is known before the handler runs, so a matching request costs
// nothing, and their answers are kept per graph version (a bounded cache emptied whenever an import,
// merge or correction moves the version on). Other reads hash the body they send.
//
// A kept answer is its encoded bytes and its ETag: a hit sends them as they are, with no
// serialisation, no UTF-8 encoding of a 10 KB string and no hashing (each of which cost more than
// the rest of the request did; docs/benchmarks.md).
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

const JSON_TYPE = 'application/json; charset=utf-8';

const matches = (header: string | undefined, etag: string) =>
  header?.split(',').some((t) => t.trim() === etag || t.trim() === '*') === true;

interface Kept {
  body: Buffer;
  etag: string;
}

/** The ETag of a graph read: the graph version and the URL, `-b` for the binary form. */
export const graphTag = (url: string, version: number, binary: boolean) =>
  `"g${version}-${createHash('sha1').update(url).digest('base64url').slice(0, 16)}${binary ? '-b' : ''}"`;

/**
 * `graphVersion`: the in-memory graph's version, read on every graph read (so it must be cheap), or
 * null when this process holds no graph.
 */
export function conditionalReads(app: FastifyInstance, graphVersion: () => number | null): void {
  let cacheVersion: number | null = null;
  const cache = new Map<string, Kept>();

  app.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (req.method !== 'GET' || !req.routeOptions.config?.graphCache) return done();
    const version = graphVersion();
    if (version === null) return done();
    if (cacheVersion !== version) {
      cache.clear();
      cacheVersion = version;
    }
    reply.header('vary', 'accept');
    // The binary form of a route (Accept: application/octet-stream) is another representation, not kept.
    if (req.headers.accept?.includes('application/octet-stream')) {
      const etag = graphTag(req.url, version, true);
      reply.header('etag', etag);
      if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
      return done();
    }
    const hit = cache.get(req.url);
    const etag = hit?.etag ?? graphTag(req.url, version, false);
    reply.header('etag', etag);
    if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
    if (hit === undefined) return done();
    // Answered here, before validation and the handler: the door's check (plugin.ts) ran first.
    reply.type(JSON_TYPE).header('x-cache', 'hit').send(hit.body);
  });

  app.addHook(
    'onSend',
    (req: FastifyRequest, reply: FastifyReply, payload: unknown, done: (e: null, p: unknown) => void) => {
      if (req.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string')
        return done(null, payload);
      if (req.routeOptions.config?.graphCache) {
        const version = graphVersion();
        const etag = reply.getHeader('etag');
        // Kept only if the graph did not move while the answer was computed: its ETag names the
        // version the request started on.
        if (
          version !== null &&
          version === cacheVersion &&
          typeof etag === 'string' &&
          etag.startsWith(`"g${version}-`)
        ) {
          if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
          const body = Buffer.from(payload);
          cache.set(req.url, { body, etag });
          // The same bytes go out now, encoded once.
          return done(null, body);
        }
        return done(null, payload);
      }
      const etag = `"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag);
      if (matches(req.headers['if-none-match'], etag)) {
        reply.code(304);
        return done(null, '');
      }
      return done(null, payload);
    },
  );
}
