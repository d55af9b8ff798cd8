// The four sources as local HTTP servers serving our fixtures the way the real sites and APIs answer
// (paths, query parameters, paging, API keys and tokens), plus settings pointing the scrapers at them.
import { readFileSync } from 'node:fs';
import type { ScraperSettings } from '../src/settings.ts';
import { type FixtureServer, type Handler, startFixtureServer } from './fixture-server.ts';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
export const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`);

export const SETLISTFM_KEY = 'fixture-key-0b1c';
export const REDDIT_ID = 'fixture-client';
export const REDDIT_SECRET = 'fixture-secret';

export const TRACKLIST_PATHS: Record<string, string> = {
  '/tracklist/2hx8k1p9/lina-crest-oren-dusk-harbour-festival-2022-08-20.html':
    '1001tracklists/tracklist-harbour.html',
  '/tracklist/7qw2m4zz/oren-dusk-night-shift-12-2022-09-03.html': '1001tracklists/tracklist-night.html',
  '/tracklist/9zz9zz9z/ora-tide-sessions-004.html': '1001tracklists/tracklist-changed.html',
};

export const MIXESDB_WIKI = [
  '2022-10-14_-_Lina_Crest_@_Harbour_Club,_Ostrava',
  '2022-11-02_-_Oren_Dusk_-_Night_Shift_14',
];
export const MIXESDB_HTML_ONLY = '2022-12-01_-_Ora_@_Tide_Sessions';

export interface Sites {
  tl: FixtureServer;
  mixesdb: FixtureServer;
  setlistfm: FixtureServer;
  reddit: FixtureServer;
  settings(overrides?: Partial<ScraperSettings>): ScraperSettings;
  close(): Promise<void>;
}

const html =
  (body: Buffer | string): Handler =>
  (_q, res) =>
    void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const json =
  (body: Buffer | string, status = 200): Handler =>
  (_q, res) =>
    void res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(body);
const text =
  (body: string, status = 200): Handler =>
  (_q, res) =>
    void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);

export async function startSites(): Promise<Sites> {
  const tl = await startFixtureServer();
  tl.route('/robots.txt', text('User-agent: *\nDisallow: /forum/\nDisallow: /ajax/\n'));
  for (const [path, file] of Object.entries(TRACKLIST_PATHS)) tl.route(path, html(fixture(file)));
  tl.route('/dj/oren-dusk/index.html', html(fixture('1001tracklists/dj-oren-dusk.html')));
  tl.route('/dj/oren-dusk/index2.html', html(fixture('1001tracklists/dj-oren-dusk-2.html')));
  tl.route('/search/result.php', html(fixture('1001tracklists/search-sable-reed.html')));

  const mixesdb = await startFixtureServer();
  mixesdb.route('/robots.txt', text('User-agent: *\nDisallow: /w/Special:\n'));
  mixesdb.fallback = (req, res, body) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/api.php') {
      if (u.searchParams.get('list') === 'search')
        return json(fixture('mixesdb/search-sable-reed.json'))(req, res, body);
      if (
        u.searchParams.get('list') !== 'categorymembers' ||
        u.searchParams.get('cmtitle') !== 'Category:2022'
      )
        return json('{"error":{"code":"badquery"}}', 400)(req, res, body);
      const second = u.searchParams.get('cmcontinue') === 'page|32303232|4711';
      return json(fixture(`mixesdb/category-2022-page${second ? 2 : 1}.json`))(req, res, body);
    }
    if (u.pathname === '/index.php' && u.searchParams.get('action') === 'raw') {
      const title = u.searchParams.get('title') ?? '';
      if (MIXESDB_WIKI.includes(title))
        return text(fixture(`mixesdb/${title}.wiki`).toString('utf8'))(req, res, body);
      return text('', 404)(req, res, body);
    }
    const page = /^\/w\/(.+)$/.exec(u.pathname);
    if (page && decodeURIComponent(page[1]!) === MIXESDB_HTML_ONLY)
      return html(fixture(`mixesdb/${MIXESDB_HTML_ONLY}.html`))(req, res, body);
    return text('not found', 404)(req, res, body);
  };

  const setlistfm = await startFixtureServer();
  setlistfm.fallback = (req, res, body) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (req.headers['x-api-key'] !== SETLISTFM_KEY)
      return json('{"code":403,"message":"Forbidden"}', 403)(req, res, body);
    if (u.pathname === '/rest/1.0/search/setlists' && u.searchParams.get('artistName') === 'The Paper Suns') {
      const p = u.searchParams.get('p') ?? '1';
      if (p === '1' || p === '2') return json(fixture(`setlistfm/search-page${p}.json`))(req, res, body);
    }
    return json('{"code":404,"status":"Not Found","message":"not found"}', 404)(req, res, body);
  };

  const reddit = await startFixtureServer();
  const bearer = 'bearer fixture-token-7f3a';
  reddit.fallback = (req, res, body) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/api/v1/access_token') {
      const basic = `Basic ${Buffer.from(`${REDDIT_ID}:${REDDIT_SECRET}`).toString('base64')}`;
      if (
        req.method !== 'POST' ||
        req.headers.authorization !== basic ||
        body !== 'grant_type=client_credentials'
      )
        return json('{"error":"invalid_grant"}', 401)(req, res, body);
      return json(fixture('reddit/token.json'))(req, res, body);
    }
    if (req.headers.authorization !== bearer) return json('{"error":401}', 401)(req, res, body);
    res.setHeader('x-ratelimit-used', '1');
    res.setHeader('x-ratelimit-remaining', '99');
    res.setHeader('x-ratelimit-reset', '300');
    if (u.pathname === '/r/Techno/new' || u.pathname === '/search')
      return json(fixture('reddit/listing.json'))(req, res, body);
    if (u.pathname === '/comments/1abcde') return json(fixture('reddit/thread-1abcde.json'))(req, res, body);
    if (u.pathname === '/comments/1fghij')
      return json(
        '[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"1fghij","title":"Best venues in Ostrava?","permalink":"/r/Techno/comments/1fghij/best_venues_in_ostrava/","selftext":"Asking for a friend."}}]}},{"kind":"Listing","data":{"children":[]}}]',
      )(req, res, body);
    return json('{"error":404}', 404)(req, res, body);
  };

  return {
    tl,
    mixesdb,
    setlistfm,
    reddit,
    settings: (o = {}) => ({
      userAgent: 'SongNodes/0.1 (tracklist graph; +https://songnodes.test/contact)',
      allowPrivateHosts: true,
      timeoutMs: 5000,
      maxBytes: 5_000_000,
      retries: 2,
      retryBaseMs: 20,
      retryCapMs: 200,
      maxRetryAfterMs: 5000,
      breakerThreshold: 5,
      breakerCoolDownMs: 60_000,
      cacheFreshMs: 0,
      htmlDelayMs: 0,
      tracklists1001: { baseUrl: tl.url },
      mixesdb: { baseUrl: mixesdb.url },
      setlistfm: {
        baseUrl: `${setlistfm.url}/rest/1.0`,
        apiKey: SETLISTFM_KEY,
        delayMs: 0,
        dailyQuota: 1440,
      },
      reddit: {
        baseUrl: reddit.url,
        authUrl: reddit.url,
        clientId: REDDIT_ID,
        clientSecret: REDDIT_SECRET,
        delayMs: 0,
      },
      ...o,
    }),
    close: async () => {
      await Promise.all([tl.close(), mixesdb.close(), setlistfm.close(), reddit.close()]);
    },
  };
}
