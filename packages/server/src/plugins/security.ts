// Headers that tell a browser how little to trust what it gets, CORS from CORS_ORIGINS, and the JSON
// parser's depth limit. Registered at the root, before any route, by app.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { CSRF_HEADER } from '../api/auth/csrf.ts';

/**
 * The web app's policy. Scripts only from our own origin: the built app has no inline script (Vite
 * emits module files), so an injected `<script>` or `onerror=` never runs. Styles allow
 * 'unsafe-inline' because React's `style={…}` props (node colours, positions, progress bars) are
 * inline styles; CSS cannot run code, so this costs little. Workers may be `blob:` URLs (the layout
 * worker of graphology's ForceAtlas2 is built from a function as a Blob). Images may be data:/blob:
 * (canvas snapshots, the SVG export). No plugins, no framing by anyone, forms post only to us.
 */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The API reference (/api/docs, Scalar) and GraphiQL (development only) are third-party pages that
 * start themselves with an inline script, and GraphiQL loads its code from unpkg.com; they show only
 * our own API description, never user data.
 */
const TOOL_CSP = {
  ...APP_CSP,
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  fontSrc: ["'self'", 'data:', 'https://fonts.scalar.com'],
};
const TOOL_PAGES = /^\/(api\/docs|graphiql)(\/|$)/;

/** The deepest nesting a JSON body may have; deeper is a 400 before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a JSON text, counted without parsing it (brackets outside strings). */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

export interface SecuritySettings {
  /** CORS_ORIGINS: other origins whose pages may call the API. */
  origins: readonly string[];
}

/** Helmet's settings for the web app; the tool pages differ only in their CSP. */
const HELMET: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
  // Set per request below, only over TLS: on plain HTTP it would be ignored, and on a laptop's
  // http://localhost it must not pin anything.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  // Cross-origin isolation would block the web app's own blob: workers in some browsers; not needed.
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets for a policy, worked out once. Every directive is a constant, so the
 * headers are the same for every request; @fastify/helmet rebuilt the whole middleware (parsing
 * each CSP directive again) on every request, about a tenth of a cached graph read's time.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (e?: unknown) => {
    if (e) throw e;
  });
  return headers;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the third-party tool pages (TOOL_PAGES): they get TOOL_CSP. */
    toolPage?: boolean;
  }
}

export async function securityPlugin(app: FastifyInstance, s: SecuritySettings): Promise<void> {
  const appHeaders = helmetHeaders(HELMET);
  const toolHeaders = helmetHeaders({
    ...HELMET,
    contentSecurityPolicy: { useDefaults: false, directives: TOOL_CSP },
  });
  app.addHook('onRoute', (route) => {
    if (TOOL_PAGES.test(route.url ?? '')) route.config = { ...route.config, toolPage: true };
  });
  // On every answer, errors and 404s included: set before anything else can answer.
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.routeOptions.config?.toolPage ? toolHeaders : appHeaders);
    if (req.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });
  await app.register(cors, {
    // No origin listed: no CORS headers at all (same-origin only).
    origin: s.origins.length > 0 ? [...s.origins] : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'x-api-key',
      CSRF_HEADER,
      'x-request-id',
      'if-none-match',
    ],
    exposedHeaders: [
      'x-request-id',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'retry-after',
      'etag',
      'location',
    ],
    maxAge: 600,
  });
  // JSON bodies: refused when nested deeper than MAX_JSON_DEPTH (no handler, validator or walker of
  // ours then meets a body that could exhaust its stack), then parsed by Fastify's own parser, which
  // also refuses __proto__ and constructor.prototype keys.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      const e = Object.assign(new Error(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), {
        statusCode: 400,
      });
      done(e, undefined);
      return;
    }
    parse(req, text, done);
  });
}
