// setlist.fm through its official REST API (x-api-key, JSON), read by the importers' setlist.fm reader.
// Pages of results (`page`, `itemsPerPage`, `total`) are followed; every request counts against the
// daily quota, which is tracked in the database so a long crawl stops cleanly when it is spent and
// resumes the next UTC day. Requests are spaced by SCRAPER_SETLISTFM_DELAY_MS (2 per second by default).
import { HttpStatusError, NotConfiguredError, ParseError, QuotaExhaustedError } from '../errors.ts';
import type { PoliteClient } from '../http-client.ts';
import { type Discovered, readPage, type SourceAdapter, type SourcePage, text } from './source.ts';

/** Result pages a query follows at most. */
const MAX_PAGES = 50;

export interface SetlistFmOptions {
  baseUrl: string;
  apiKey?: string;
  dailyQuota: number;
  /** Takes one request from the source's quota for the UTC day; false when it is spent. */
  takeQuota(source: string, day: string, limit: number): Promise<boolean>;
}

/** The next UTC midnight: when a daily quota starts again. */
export const nextUtcDay = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

export function setlistfm(o: SetlistFmOptions, client: PoliteClient): SourceAdapter {
  const base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);
  const api = (path: string) => new URL(path.replace(/^\//, ''), base);

  async function get(url: string, signal?: AbortSignal): Promise<SourcePage> {
    if (!o.apiKey)
      throw new NotConfiguredError(
        'setlistfm',
        'set SCRAPER_SETLISTFM_API_KEY (apply at https://www.setlist.fm/settings/api)',
      );
    const page = await client.get(url, {
      signal,
      source: 'setlistfm',
      robots: false, // the official API, used with our key under its terms
      headers: { 'x-api-key': o.apiKey, accept: 'application/json' },
      beforeRequest: async () => {
        const now = new Date();
        if (!(await o.takeQuota('setlistfm', now.toISOString().slice(0, 10), o.dailyQuota)))
          throw new QuotaExhaustedError('setlistfm', o.dailyQuota, nextUtcDay(now));
      },
    });
    return { ...page, item: url, format: 'setlistfm', file: url };
  }

  /** Every page of a paged search: the first fetched here, the rest as URLs (a resumed task skips done ones). */
  async function* pages(first: URL, signal?: AbortSignal): AsyncIterable<Discovered> {
    first.searchParams.set('p', '1');
    let page: SourcePage;
    try {
      page = await get(first.href, signal);
    } catch (e) {
      // setlist.fm answers a search without results with 404.
      if (e instanceof HttpStatusError && e.status === 404) return;
      throw e;
    }
    const body = json(page);
    const total = Number(body.total);
    const per = Number(body.itemsPerPage);
    if (!Number.isFinite(total) || !Number.isFinite(per) || per <= 0)
      throw new ParseError('setlistfm', first.href, 'no "total" and "itemsPerPage" in the result page');
    yield { url: first.href, page };
    const count = Math.min(Math.ceil(total / per), MAX_PAGES);
    for (let p = 2; p <= count; p++) {
      const next = new URL(first);
      next.searchParams.set('p', String(p));
      yield { url: next.href };
    }
  }

  return {
    name: 'setlistfm',
    confidence: 1,
    queries: ['artist:<name>', 'mbid:<MusicBrainz id>', 'setlist:<id>'],
    hosts: () => [base.hostname],
    itemUrl(u) {
      // A setlist on the API host, or a setlist.fm web page (its id is the last part of the file name).
      if (u.host === base.host && /\/setlist\/[0-9a-f]+$/i.test(u.pathname)) return u.href;
      const web =
        /^(www\.)?setlist\.fm$/.test(u.hostname) && /\/setlist\/.+-([0-9a-f]+)\.html$/i.exec(u.pathname);
      return web ? api(`setlist/${web[1]}`).href : null;
    },
    discover(query, signal) {
      const [kind, ...rest] = query.split(':');
      const value = rest.join(':').trim();
      if (!value) throw new Error(`setlist.fm query "${query}" has no value; use ${this.queries.join(', ')}`);
      if (kind === 'artist') {
        const u = api('search/setlists');
        u.searchParams.set('artistName', value);
        return pages(u, signal);
      }
      if (kind === 'mbid') return pages(api(`artist/${encodeURIComponent(value)}/setlists`), signal);
      if (kind === 'setlist')
        return (async function* () {
          yield { url: api(`setlist/${encodeURIComponent(value)}`).href };
        })();
      throw new Error(`setlist.fm does not know the query "${kind}:"; use ${this.queries.join(', ')}`);
    },
    fetch: get,
    async parse(page) {
      const body = json(page);
      if (!Array.isArray(body.setlist) && (typeof body.artist !== 'object' || body.artist === null))
        throw new ParseError('setlistfm', page.item, 'neither a "setlist" array nor a setlist with "artist"');
      // Setlists nobody filled in (no songs) are skipped, not a layout problem.
      return readPage('setlistfm', page, { allowEmpty: true });
    },
  };
}

function json(page: SourcePage): Record<string, unknown> {
  try {
    const v = JSON.parse(text(page)) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ParseError('setlistfm', page.item, 'the answer is not a JSON object');
}
