// The polite HTTP client every adapter fetches through. Per request: the URL policy (SSRF), the page
// cache (fresh copy used as is, else a conditional request), robots.txt, the host's circuit breaker,
// the host's rate limit and concurrency, then one attempt with a whole-attempt timeout and a size
// limit; 429, 5xx, timeouts and connection errors are retried with back-off (or Retry-After).
// Redirects are followed hop by hop, each hop checked like a new request.
import type { LookupFunction } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import {
  type AddressCheck,
  checkUrl,
  guardedConnector,
  isBlockedAddress,
  type UrlPolicy,
} from './address-guard.ts';
import { backoffDelay, parseRetryAfter } from './backoff.ts';
import { type BreakerState, CircuitBreaker } from './breaker.ts';
import {
  CircuitOpenError,
  HttpStatusError,
  NetworkError,
  RobotsDisallowedError,
  ScrapeError,
  TooLargeError,
} from './errors.ts';
import { HostGate, type HostLimits, sleep } from './host-gate.ts';
import { type RobotsRules, rulesForStatus } from './robots.ts';

export interface CachedPage {
  url: string;
  status: number;
  etag?: string | null;
  lastModified?: string | null;
  contentType?: string | null;
  body: Uint8Array;
  fetchedAt: Date;
  checkedAt: Date;
}

/** Where fetched pages are kept between runs (the database, see packages/db scrapes.ts). */
export interface PageCache {
  get(url: string): Promise<CachedPage | null>;
  put(page: CachedPage): Promise<void>;
  /** The source confirmed the cached copy (304). */
  touch(url: string, at: Date): Promise<void>;
}

export interface RequestRecord {
  source?: string;
  /** robots.txt requests are counted apart: their 404 is an answer, not a failure. */
  robots: boolean;
  host: string;
  /** HTTP status, or 0 when no answer came. */
  status: number;
  bytes: number;
  seconds: number;
  error?: string;
}

export interface ClientOptions {
  userAgent: string;
  /** Token robots.txt groups are matched against. */
  productToken: string;
  hosts: ReadonlySet<string>;
  allowPrivateHosts: boolean;
  /** Address check override for tests of the guard (default: from allowPrivateHosts). */
  blocked?: AddressCheck;
  /** DNS resolution override for tests of the guard. */
  resolve?: LookupFunction;
  /** Limits of a host (URL.host: name and port); the client keeps one gate per host. */
  limitsFor(host: string): HostLimits;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  retryBaseMs: number;
  retryCapMs: number;
  maxRetryAfterMs: number;
  breakerThreshold: number;
  breakerCoolDownMs: number;
  cache?: PageCache;
  cacheFreshMs: number;
  /** Called after every attempt that reached the network (metrics, health). */
  onRequest?: (r: RequestRecord) => void;
}

export interface FetchOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Obey robots.txt (default true; official APIs used with a key turn it off). */
  robots?: boolean;
  /** Use and fill the page cache (default true when the client has one). */
  cache?: boolean;
  /** Source name for metrics and quota. */
  source?: string;
  /** Runs before each request that goes to the network (daily quotas count there). */
  beforeRequest?: () => Promise<void>;
  /** This request fetches robots.txt (for metrics). */
  robotsTxt?: boolean;
  /** Reads response headers of each answer (rate-limit headers of APIs). */
  onHeaders?: (headers: Record<string, string>) => void;
  method?: 'GET' | 'POST';
  body?: string;
}

export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  contentType?: string;
  body: Uint8Array;
  /** 'fresh': not asked again; 'revalidated': the source said 304; false: fetched now. */
  fromCache: 'fresh' | 'revalidated' | false;
}

const MAX_REDIRECTS = 5;
/** RFC 9309 2.5: crawlers must parse at least 500 KiB of robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_TTL_MS = 24 * 3600 * 1000;
const ROBOTS_UNREACHABLE_TTL_MS = 10 * 60 * 1000;

type Attempt =
  | { kind: 'ok'; status: number; headers: Record<string, string>; body: Uint8Array }
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'retry'; status: number; retryAfterMs: number | null; why: string }
  | { kind: 'fail'; error: ScrapeError };

const headerMap = (h: Record<string, string | string[] | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v as string)]),
  );

export class PoliteClient {
  private readonly opts: ClientOptions;
  private readonly agent: Agent;
  private readonly policy: UrlPolicy;
  private readonly gates = new Map<string, HostGate>();
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly robots = new Map<string, { rules: RobotsRules; until: number }>();
  private readonly robotsPending = new Map<string, Promise<{ rules: RobotsRules; until: number }>>();

  constructor(opts: ClientOptions) {
    this.opts = opts;
    const check: AddressCheck = opts.blocked ?? (opts.allowPrivateHosts ? () => false : isBlockedAddress);
    this.policy = { hosts: opts.hosts, anyPort: opts.allowPrivateHosts, blocked: check };
    this.agent = new Agent({
      connect: guardedConnector({ blocked: check, timeoutMs: opts.timeoutMs, resolve: opts.resolve }),
      connections: 4,
    });
  }

  /** Throws RefusedUrlError when the URL may not be fetched (user-submitted URLs are checked with it). */
  checkUrl(url: string): URL {
    return checkUrl(url, this.policy);
  }

  /** Nothing goes to `host` before `at` (epoch ms): APIs' rate-limit headers say when a window resets. */
  holdHost(host: string, at: number): void {
    this.gate(host).holdUntil(at);
  }

  breakerState(host: string): BreakerState {
    return this.breakers.get(host)?.state ?? 'closed';
  }

  private gate(host: string): HostGate {
    let g = this.gates.get(host);
    if (!g) {
      g = new HostGate({ ...this.opts.limitsFor(host) });
      this.gates.set(host, g);
    }
    return g;
  }

  private breaker(host: string): CircuitBreaker {
    let b = this.breakers.get(host);
    if (!b) {
      b = new CircuitBreaker(this.opts.breakerThreshold, this.opts.breakerCoolDownMs);
      this.breakers.set(host, b);
    }
    return b;
  }

  async get(url: string, o: FetchOptions = {}): Promise<FetchedPage> {
    const useCache = o.cache !== false && this.opts.cache !== undefined && (o.method ?? 'GET') === 'GET';
    const cached = useCache ? await this.opts.cache!.get(url) : null;
    if (cached && Date.now() - cached.checkedAt.getTime() < this.opts.cacheFreshMs)
      return this.fromCached(url, cached, 'fresh');
    const conditional: Record<string, string> = {};
    if (cached?.etag) conditional['if-none-match'] = cached.etag;
    if (cached?.lastModified) conditional['if-modified-since'] = cached.lastModified;

    let current = this.checkUrl(url);
    for (let hop = 0; ; hop++) {
      if (o.robots !== false) await this.checkRobots(current, o);
      const r = await this.withRetries(current, {
        ...o,
        headers: { ...o.headers, ...(hop === 0 ? conditional : {}) },
      });
      if (r.kind === 'redirect') {
        if (hop >= MAX_REDIRECTS) throw new ScrapeError(`${url}: more than ${MAX_REDIRECTS} redirects`);
        current = this.checkUrl(new URL(r.location, current).href);
        continue;
      }
      if (r.status === 304 && cached) {
        await this.opts.cache!.touch(url, new Date());
        return this.fromCached(url, cached, 'revalidated');
      }
      const page: FetchedPage = {
        url,
        finalUrl: current.href,
        status: r.status,
        contentType: r.headers['content-type'],
        body: r.body,
        fromCache: false,
      };
      if (useCache) {
        const now = new Date();
        await this.opts.cache!.put({
          url,
          status: r.status,
          etag: r.headers.etag ?? null,
          lastModified: r.headers['last-modified'] ?? null,
          contentType: page.contentType ?? null,
          body: r.body,
          fetchedAt: now,
          checkedAt: now,
        });
      }
      return page;
    }
  }

  private fromCached(url: string, c: CachedPage, how: 'fresh' | 'revalidated'): FetchedPage {
    return {
      url,
      finalUrl: c.url,
      status: c.status,
      contentType: c.contentType ?? undefined,
      body: c.body,
      fromCache: how,
    };
  }

  /** robots.txt of the URL's origin, fetched once a day through the same gate, then obeyed. */
  private async checkRobots(url: URL, o: FetchOptions): Promise<void> {
    let entry = this.robots.get(url.origin);
    if (!entry || entry.until < Date.now()) {
      // One robots.txt request per origin even when several requests start at once.
      let pending = this.robotsPending.get(url.origin);
      if (!pending) {
        pending = this.loadRobots(url, o).finally(() => this.robotsPending.delete(url.origin));
        this.robotsPending.set(url.origin, pending);
      }
      entry = await pending;
    }
    if (!entry.rules.isAllowed(url.pathname + url.search)) throw new RobotsDisallowedError(url.href);
  }

  private async loadRobots(url: URL, o: FetchOptions): Promise<{ rules: RobotsRules; until: number }> {
    const status = await this.fetchRobots(url, o);
    const rules = rulesForStatus(status.status, status.text, this.opts.productToken);
    // "Unreachable" (5xx) means disallow everything, but only until it is readable again: ask soon.
    const ttl = status.status >= 500 ? ROBOTS_UNREACHABLE_TTL_MS : ROBOTS_TTL_MS;
    const entry = { rules, until: Date.now() + ttl };
    this.robots.set(url.origin, entry);
    const gate = this.gate(url.host);
    gate.limits.minIntervalMs = Math.max(
      this.opts.limitsFor(url.host).minIntervalMs,
      (rules.crawlDelaySeconds ?? 0) * 1000,
    );
    return entry;
  }

  /** The robots.txt answer (following up to five redirects, RFC 9309 2.3.1.2) as status and text. */
  private async fetchRobots(url: URL, o: FetchOptions): Promise<{ status: number; text: string }> {
    let at = new URL('/robots.txt', url.origin);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      try {
        const r = await this.withRetries(
          at,
          { signal: o.signal, source: o.source, robotsTxt: true },
          ROBOTS_MAX_BYTES,
        );
        if (r.kind === 'ok') return { status: r.status, text: new TextDecoder().decode(r.body) };
        at = this.checkUrl(new URL(r.location, at).href);
      } catch (e) {
        if (e instanceof HttpStatusError) return { status: e.status, text: '' };
        throw e;
      }
    }
    // Too many redirects: RFC 9309 treats robots.txt as unavailable (4xx).
    return { status: 404, text: '' };
  }

  /** One request with its retries; returns the final answer (2xx, 304, 3xx) or throws. */
  private async withRetries(
    url: URL,
    o: FetchOptions,
    maxBytes = this.opts.maxBytes,
  ): Promise<Extract<Attempt, { kind: 'ok' | 'redirect' }>> {
    // Politeness is per server: host and port (URL.host).
    const host = url.host;
    const breaker = this.breaker(host);
    const gate = this.gate(host);
    for (let attempt = 0; ; attempt++) {
      if (!breaker.tryPass()) throw new CircuitOpenError(host, new Date(breaker.retryAt));
      await gate.acquire(o.signal);
      let r: Attempt;
      try {
        await o.beforeRequest?.();
        r = await this.attempt(url, o, maxBytes);
      } catch (e) {
        breaker.success(); // our own refusal (quota, abort), not the host's failure
        throw e;
      } finally {
        gate.release();
      }
      if (r.kind === 'ok' || r.kind === 'redirect') {
        breaker.success();
        if (r.kind === 'ok' && r.status >= 400) throw new HttpStatusError(url.href, r.status, false);
        return r;
      }
      if (r.kind === 'fail') {
        breaker.success();
        throw r.error;
      }
      // 429 is the host asking us to slow down, not failing: it does not count towards the breaker.
      if (r.status !== 429) breaker.failure();
      else breaker.success();
      if (attempt >= this.opts.retries) {
        if (r.status === 0) throw new NetworkError(url.href, `${r.why} (after ${attempt + 1} attempts)`);
        throw new HttpStatusError(url.href, r.status, true, `after ${attempt + 1} attempts`);
      }
      if (r.retryAfterMs !== null && r.retryAfterMs > this.opts.maxRetryAfterMs)
        throw new HttpStatusError(
          url.href,
          r.status,
          true,
          `asks to retry after ${Math.round(r.retryAfterMs / 1000)} s`,
        );
      const delay = r.retryAfterMs ?? backoffDelay(attempt, this.opts.retryBaseMs, this.opts.retryCapMs);
      // The whole host waits, not only this request: other requests to it would get the same answer.
      if (r.retryAfterMs !== null) gate.holdUntil(Date.now() + delay);
      else await sleep(delay, o.signal);
    }
  }

  private async attempt(url: URL, o: FetchOptions, maxBytes: number): Promise<Attempt> {
    const started = performance.now();
    const record = (status: number, bytes: number, error?: string) =>
      this.opts.onRequest?.({
        source: o.source,
        robots: o.robotsTxt === true,
        host: url.host,
        status,
        bytes,
        seconds: (performance.now() - started) / 1000,
        error,
      });
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
    try {
      const res = await request(url, {
        dispatcher: this.agent,
        method: o.method ?? 'GET',
        body: o.body,
        signal,
        headers: {
          'user-agent': this.opts.userAgent,
          'accept-encoding': 'gzip, deflate, br',
          ...o.headers,
        },
      });
      const headers = headerMap(res.headers);
      o.onHeaders?.(headers);
      const status = res.statusCode;
      if (status >= 300 && status < 400 && status !== 304) {
        await res.body.dump();
        record(status, 0);
        const location = headers.location;
        if (!location)
          return {
            kind: 'fail',
            error: new HttpStatusError(url.href, status, false, 'redirect without Location'),
          };
        return { kind: 'redirect', location, status };
      }
      if (status === 429 || status >= 500) {
        await res.body.dump();
        record(status, 0);
        return {
          kind: 'retry',
          status,
          retryAfterMs: parseRetryAfter(headers['retry-after']),
          why: `HTTP ${status}`,
        };
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        record(status, 0, 'too large');
        return { kind: 'fail', error: new TooLargeError(url.href, maxBytes) };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += chunk.length;
        if (size > maxBytes) {
          res.body.destroy();
          record(status, size, 'too large');
          return { kind: 'fail', error: new TooLargeError(url.href, maxBytes) };
        }
        chunks.push(chunk as Buffer);
      }
      const body = decompress(Buffer.concat(chunks), headers['content-encoding'], maxBytes, url.href);
      record(status, size);
      return { kind: 'ok', status, headers, body };
    } catch (e) {
      if (e instanceof ScrapeError && !(e instanceof NetworkError)) {
        record(0, 0, e.message);
        return { kind: 'fail', error: e };
      }
      if (o.signal?.aborted) throw o.signal.reason;
      const refused = findRefusal(e);
      if (refused) {
        record(0, 0, refused.message);
        return { kind: 'fail', error: refused };
      }
      const why = timeout.aborted ? `no complete answer within ${this.opts.timeoutMs} ms` : describe(e);
      record(0, 0, why);
      return { kind: 'retry', status: 0, retryAfterMs: null, why };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** The guard's refusal may arrive wrapped in undici's connect error. */
function findRefusal(e: unknown): ScrapeError | null {
  for (let x: unknown = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++)
    if (x instanceof ScrapeError) return x;
  return null;
}

function describe(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.code ?? err.cause?.message ?? err.message ?? String(e);
}

function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(raw, { maxOutputLength: maxBytes });
    if (enc === 'deflate') return inflateSync(raw, { maxOutputLength: maxBytes });
    if (enc === 'br') return brotliDecompressSync(raw, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLargeError(url, maxBytes);
    throw new ScrapeError(`${url}: cannot undo ${enc} encoding: ${(e as Error).message}`);
  }
  return raw;
}
