// MixesDB, a MediaWiki: a mix page is read from its wikitext (`index.php?title=…&action=raw`), with the
// rendered HTML page as the fallback when the raw text is refused (robots.txt, an error status); both
// go through the importers' MixesDB reader. Discovery uses the MediaWiki API (categories, search,
// recent changes), following its `continue` paging.
import { ParseError, RobotsDisallowedError, ScrapeError } from '../errors.ts';
import type { PoliteClient } from '../http-client.ts';
import { type Discovered, readPage, type SourceAdapter, text } from './source.ts';

/** Items a discovery query yields at most (each is a page request, seconds apart). */
const MAX_ITEMS = 500;

type ApiResult = { continue?: Record<string, string>; query?: Record<string, unknown> };

export function mixesdb(baseUrl: string, client: PoliteClient): SourceAdapter {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const onSite = (u: URL) => u.host === base.host || /(^|\.)mixesdb\.com$/.test(u.hostname);
  const pageUrl = (title: string) => new URL(`w/${encodeURIComponent(title.replace(/ /g, '_'))}`, base).href;

  /** The page name of a MixesDB URL: /w/<Name> or index.php?title=<Name>. */
  function pageName(u: URL): string | null {
    const m = /\/w\/(.+)$/.exec(u.pathname);
    const name = m ? decodeURIComponent(m[1]!) : u.searchParams.get('title');
    if (!name || /^(Category|Special|File|Template|User|MixesDB|Help|Talk)( talk)?:/i.test(name)) return null;
    return name.replace(/ /g, '_');
  }

  async function* api(
    params: Record<string, string>,
    list: string,
    signal?: AbortSignal,
  ): AsyncIterable<Discovered> {
    let cont: Record<string, string> = { continue: '' };
    let count = 0;
    for (;;) {
      const url = new URL('api.php', base);
      for (const [k, v] of Object.entries({ action: 'query', format: 'json', list, ...params, ...cont }))
        url.searchParams.set(k, v);
      const page = await client.get(url.href, { signal, source: 'mixesdb', cache: false });
      let body: ApiResult;
      try {
        body = JSON.parse(text(page)) as ApiResult;
      } catch {
        throw new ParseError('mixesdb', url.href, 'the MediaWiki API did not answer with JSON');
      }
      const items = body.query?.[list];
      if (!Array.isArray(items))
        throw new ParseError('mixesdb', url.href, `no "query.${list}" list in the MediaWiki API answer`);
      for (const it of items as { title?: string; ns?: number }[]) {
        if (typeof it.title !== 'string' || (it.ns !== undefined && it.ns !== 0)) continue;
        yield { url: pageUrl(it.title) };
        if (++count >= MAX_ITEMS) return;
      }
      if (!body.continue) return;
      cont = body.continue;
    }
  }

  return {
    name: 'mixesdb',
    confidence: 1,
    queries: ['category:<name>', 'search:<text>', 'recent'],
    hosts: () => [base.hostname],
    itemUrl(u) {
      if (!onSite(u)) return null;
      const name = pageName(u);
      return name ? pageUrl(name) : null;
    },
    discover(query, signal) {
      const [kind, ...rest] = query.split(':');
      const value = rest.join(':').trim();
      if (kind === 'recent')
        return api({ rcnamespace: '0', rclimit: '100', rctype: 'new|edit' }, 'recentchanges', signal);
      if (!value) throw new Error(`MixesDB query "${query}" has no value; use ${this.queries.join(', ')}`);
      if (kind === 'category')
        return api(
          { cmtitle: `Category:${value.replace(/^Category:/i, '')}`, cmlimit: '500', cmnamespace: '0' },
          'categorymembers',
          signal,
        );
      if (kind === 'search')
        return api({ srsearch: value, srlimit: '50', srnamespace: '0' }, 'search', signal);
      throw new Error(`MixesDB does not know the query "${kind}:"; use ${this.queries.join(', ')}`);
    },
    async fetch(item, signal) {
      const name = pageName(new URL(item));
      if (!name) throw new ScrapeError(`${item} is not a MixesDB mix page`);
      const raw = new URL('index.php', base);
      raw.searchParams.set('title', name);
      raw.searchParams.set('action', 'raw');
      try {
        const page = await client.get(raw.href, { signal, source: 'mixesdb' });
        // A wiki answers a missing page's raw text with an HTML error page on some setups.
        if (!/^\s*</.test(text(page))) return { ...page, item, format: 'mixesdb', file: name };
      } catch (e) {
        if (!(e instanceof RobotsDisallowedError) && !(e instanceof ScrapeError && !e.retryable)) throw e;
      }
      const html = await client.get(pageUrl(name), { signal, source: 'mixesdb' });
      return { ...html, item, format: 'mixesdb', file: item };
    },
    parse: (page) => readPage('mixesdb', page),
  };
}
