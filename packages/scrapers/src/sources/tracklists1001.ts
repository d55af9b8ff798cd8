// 1001tracklists: tracklist pages (read by the importers' 1001tracklists reader), discovered from DJ
// pages, track pages and search results, which all link to tracklists as /tracklist/<id>/<slug>.html.
// HTML site: robots.txt obeyed, one request at a time, seconds apart.
import type { PoliteClient } from '../http-client.ts';
import { nextPageLink, pageLinks } from '../links.ts';
import { type Discovered, readPage, type SourceAdapter, type SourcePage, text } from './source.ts';

const TRACKLIST_PATH = /^\/tracklist\/[^/]+\/[^/]+\.html$/;
/** Listing pages go on to their next pages up to this many (a DJ with hundreds of sets is many requests). */
const MAX_LISTING_PAGES = 20;

export function tracklists1001(baseUrl: string, client: PoliteClient): SourceAdapter {
  const base = new URL(baseUrl);
  // Pages link absolutely to the real site; a mirror (or a test server) serves the same paths.
  const onSite = (u: URL) => u.host === base.host || /(^|\.)1001tracklists\.com$/.test(u.hostname);
  const rebase = (u: URL) => new URL(u.pathname, base).href;

  async function get(url: string, signal?: AbortSignal): Promise<SourcePage> {
    const page = await client.get(url, { signal, source: '1001tracklists' });
    return { ...page, item: url, format: '1001tracklists', file: url };
  }

  /** Tracklist links of a listing page and of its next pages. */
  async function* linksFrom(start: string, signal?: AbortSignal): AsyncIterable<Discovered> {
    const seen = new Set<string>();
    let url: string | null = start;
    for (let n = 0; url && n < MAX_LISTING_PAGES; n++) {
      const html = text(await get(url, signal));
      for (const link of pageLinks(html, url)) {
        if (!onSite(link) || !TRACKLIST_PATH.test(link.pathname)) continue;
        const item = rebase(link);
        if (seen.has(item)) continue;
        seen.add(item);
        yield { url: item };
      }
      const next = nextPageLink(html, url);
      url = next && onSite(next) ? rebase(next) : null;
    }
  }

  return {
    name: '1001tracklists',
    confidence: 1,
    queries: ['dj:<slug>', 'track:<path>', 'search:<text>'],
    hosts: () => [base.hostname],
    itemUrl: (u) => (onSite(u) && TRACKLIST_PATH.test(u.pathname) ? rebase(u) : null),
    listing: (u) =>
      onSite(u) && /^\/(dj|track|search)\//.test(u.pathname)
        ? linksFrom(new URL(u.pathname + u.search, base).href)
        : null,
    discover(query, signal) {
      const [kind, ...rest] = query.split(':');
      const value = rest.join(':').trim();
      if (!value)
        throw new Error(`1001tracklists query "${query}" has no value; use ${this.queries.join(', ')}`);
      if (kind === 'dj')
        return linksFrom(new URL(`/dj/${encodeURIComponent(value)}/index.html`, base).href, signal);
      if (kind === 'track')
        return linksFrom(new URL(value.startsWith('/') ? value : `/track/${value}`, base).href, signal);
      if (kind === 'search')
        return linksFrom(
          new URL(`/search/result.php?main_search=${encodeURIComponent(value)}&search_selection=9`, base)
            .href,
          signal,
        );
      throw new Error(`1001tracklists does not know the query "${kind}:"; use ${this.queries.join(', ')}`);
    },
    fetch: get,
    // The importer's own message names the missing markup (div.tlpItem rows, span.trackValue).
    parse: (page) => readPage('1001tracklists', page),
  };
}
