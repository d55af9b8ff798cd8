import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  HttpStatusError,
  NetworkError,
  RefusedUrlError,
  RobotsDisallowedError,
  TooLargeError,
} from '../src/errors.ts';
import type { CachedPage, PageCache, PoliteClient } from '../src/http-client.ts';
import { TEST_USER_AGENT, testClient } from './client.ts';
import { type FixtureServer, send, sequence, startFixtureServer } from './fixture-server.ts';

describe('polite HTTP client', () => {
  let s: FixtureServer;
  let client: PoliteClient | undefined;
  beforeEach(async () => {
    s = await startFixtureServer();
    s.route('/robots.txt', send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }));
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await s.close();
  });

  it('sends a descriptive User-Agent with the contact URL and reads the page', async () => {
    s.route('/page', send('<html>hello</html>'));
    client = testClient(['127.0.0.1']);
    const page = await client.get(`${s.url}/page`);
    expect(new TextDecoder().decode(page.body)).toBe('<html>hello</html>');
    expect(s.requestsTo('/page')[0]!.headers['user-agent']).toBe(TEST_USER_AGENT);
    expect(TEST_USER_AGENT).toMatch(/\+https:\/\/songnodes\.test\/contact/);
  });

  it('obeys robots.txt: a disallowed path is refused and never requested', async () => {
    s.route('/private/set.html', send('secret'));
    client = testClient(['127.0.0.1']);
    await expect(client.get(`${s.url}/private/set.html`)).rejects.toThrow(RobotsDisallowedError);
    expect(s.requestsTo('/private/set.html')).toHaveLength(0);
    expect(s.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('prefers the group naming our product token, with the longest rule winning', async () => {
    s.route(
      '/robots.txt',
      send('User-agent: *\nDisallow: /\n\nUser-agent: songnodes\nDisallow: /a/\nAllow: /a/open\n', {
        'content-type': 'text/plain',
      }),
    );
    s.fallback = send('ok');
    client = testClient(['127.0.0.1']);
    await expect(client.get(`${s.url}/a/open/1`)).resolves.toMatchObject({ status: 200 });
    await expect(client.get(`${s.url}/a/closed`)).rejects.toThrow(RobotsDisallowedError);
    await expect(client.get(`${s.url}/b`)).resolves.toMatchObject({ status: 200 });
  });

  it('keeps Crawl-delay between requests to the host', async () => {
    s.route('/robots.txt', send('User-agent: *\nCrawl-delay: 0.4\n', { 'content-type': 'text/plain' }));
    s.fallback = send('ok');
    client = testClient(['127.0.0.1']);
    for (const p of ['/1', '/2', '/3']) await client.get(`${s.url}${p}`);
    const at = s.log.filter((r) => r.path !== '/robots.txt').map((r) => r.at);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(350);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(350);
  });

  it('runs one request at a time per host, its configured interval apart', async () => {
    let inFlight = 0;
    let most = 0;
    s.fallback = async (_q, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      res.end('ok');
    };
    client = testClient(['127.0.0.1'], { limitsFor: () => ({ concurrency: 1, minIntervalMs: 150 }) });
    await Promise.all(['/1', '/2', '/3', '/4'].map((p) => client!.get(`${s.url}${p}`)));
    expect(most).toBe(1);
    expect(s.requestsTo('/robots.txt')).toHaveLength(1);
    const at = s.log.filter((r) => r.path !== '/robots.txt').map((r) => r.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(140);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    s.route('/busy', sequence(send('slow down', { 'retry-after': '1' }, 429), send('ok')));
    client = testClient(['127.0.0.1']);
    const page = await client.get(`${s.url}/busy`);
    expect(page.status).toBe(200);
    const [first, second] = s.requestsTo('/busy');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('retries a 500 with back-off and returns the success that follows', async () => {
    s.route('/flaky', sequence(send('oops', {}, 500), send('oops', {}, 503), send('fine')));
    client = testClient(['127.0.0.1']);
    const page = await client.get(`${s.url}/flaky`);
    expect(new TextDecoder().decode(page.body)).toBe('fine');
    expect(s.requestsTo('/flaky')).toHaveLength(3);
  });

  it('gives up after the configured retries with the status named', async () => {
    s.route('/down', send('down', {}, 502));
    client = testClient(['127.0.0.1'], { retries: 2 });
    await expect(client.get(`${s.url}/down`)).rejects.toThrow(/HTTP 502 \(after 3 attempts\)/);
    expect(s.requestsTo('/down')).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    client = testClient(['127.0.0.1']);
    const e = await client.get(`${s.url}/missing`).catch((x) => x);
    expect(e).toBeInstanceOf(HttpStatusError);
    expect(e.retryable).toBe(false);
    expect(s.requestsTo('/missing')).toHaveLength(1);
  });

  it('times out an answer that never completes, retries, then fails naming the timeout', async () => {
    s.route('/hang', (_q, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    client = testClient(['127.0.0.1'], { timeoutMs: 300, retries: 1 });
    const e = await client.get(`${s.url}/hang`).catch((x) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toMatch(/no complete answer within 300 ms \(after 2 attempts\)/);
  });

  it('follows redirects on a configured host, refuses one to another host', async () => {
    s.route('/old', send('', { location: '/new' }, 301));
    s.route('/new', send('moved here'));
    s.route('/away', send('', { location: 'https://elsewhere.example/x' }, 302));
    client = testClient(['127.0.0.1']);
    const page = await client.get(`${s.url}/old`);
    expect(page.finalUrl).toBe(`${s.url}/new`);
    expect(new TextDecoder().decode(page.body)).toBe('moved here');
    await expect(client.get(`${s.url}/away`)).rejects.toThrow(
      /host elsewhere\.example is not a configured source/,
    );
  });

  it('refuses answers over the size limit, declared or streamed, and gzip bombs', async () => {
    s.route('/big', send('x'.repeat(5000)));
    s.route('/chunked', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    });
    s.route('/bomb', send(gzipSync(Buffer.alloc(100_000)), { 'content-encoding': 'gzip' }));
    s.route('/small-gzip', send(gzipSync('<p>zipped</p>'), { 'content-encoding': 'gzip' }));
    client = testClient(['127.0.0.1'], { maxBytes: 4000 });
    await expect(client.get(`${s.url}/big`)).rejects.toThrow(TooLargeError);
    await expect(client.get(`${s.url}/chunked`)).rejects.toThrow(TooLargeError);
    await expect(client.get(`${s.url}/bomb`)).rejects.toThrow(TooLargeError);
    const ok = await client.get(`${s.url}/small-gzip`);
    expect(new TextDecoder().decode(ok.body)).toBe('<p>zipped</p>');
  });

  it('opens the circuit breaker after repeated failures and stops calling the host', async () => {
    s.route('/broken', send('no', {}, 500));
    client = testClient(['127.0.0.1'], { retries: 0, breakerThreshold: 2, breakerCoolDownMs: 60_000 });
    await expect(client.get(`${s.url}/broken`)).rejects.toThrow(HttpStatusError);
    await expect(client.get(`${s.url}/broken`)).rejects.toThrow(HttpStatusError);
    expect(client.breakerState(new URL(s.url).host)).toBe('open');
    await expect(client.get(`${s.url}/broken`)).rejects.toThrow(CircuitOpenError);
    expect(s.requestsTo('/broken')).toHaveLength(2);
  });

  it('lets one trial through after the cool-down and closes on success', async () => {
    s.route('/recovering', sequence(send('no', {}, 500), send('no', {}, 500), send('back')));
    client = testClient(['127.0.0.1'], { retries: 0, breakerThreshold: 2, breakerCoolDownMs: 200 });
    await client.get(`${s.url}/recovering`).catch(() => {});
    await client.get(`${s.url}/recovering`).catch(() => {});
    expect(client.breakerState(new URL(s.url).host)).toBe('open');
    await new Promise((r) => setTimeout(r, 250));
    expect(client.breakerState(new URL(s.url).host)).toBe('half-open');
    await expect(client.get(`${s.url}/recovering`)).resolves.toMatchObject({ status: 200 });
    expect(client.breakerState(new URL(s.url).host)).toBe('closed');
  });

  it('asks conditionally for a cached page and uses the cached copy on 304', async () => {
    const store = new Map<string, CachedPage>();
    const cache: PageCache = {
      get: async (u) => store.get(u) ?? null,
      put: async (p) => void store.set(p.url, p),
      touch: async (u, at) => {
        const p = store.get(u);
        if (p) p.checkedAt = at;
      },
    };
    s.route('/set', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' })
        .end('<p>set</p>');
    });
    client = testClient(['127.0.0.1'], { cache });
    const first = await client.get(`${s.url}/set`);
    expect(first.fromCache).toBe(false);
    const second = await client.get(`${s.url}/set`);
    expect(second.fromCache).toBe('revalidated');
    expect(new TextDecoder().decode(second.body)).toBe('<p>set</p>');
    const [, again] = s.requestsTo('/set');
    expect(again!.headers['if-none-match']).toBe('"v1"');
    expect(again!.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
    await client.close();
    client = testClient(['127.0.0.1'], { cache, cacheFreshMs: 60_000 });
    const third = await client.get(`${s.url}/set`);
    expect(third.fromCache).toBe('fresh');
    expect(s.requestsTo('/set')).toHaveLength(2);
  });

  it('refuses URLs outside the configured hosts before any request', async () => {
    client = testClient(['127.0.0.1']);
    await expect(client.get('http://other.example/x')).rejects.toThrow(RefusedUrlError);
    expect(s.log).toHaveLength(0);
  });
});
