// The client's page cache kept in the database (scrape_pages), so that a re-crawl after a restart
// still sends conditional requests instead of fetching every page again.
import { type Database, getScrapePage, saveScrapePage, touchScrapePage } from '@songnodes/db';
import type { PageCache } from './http-client.ts';

export function databasePageCache(db: Database): PageCache {
  return {
    get: (url) => getScrapePage(db, url),
    put: (p) =>
      saveScrapePage(db, {
        url: p.url,
        status: p.status,
        etag: p.etag ?? null,
        lastModified: p.lastModified ?? null,
        contentType: p.contentType ?? null,
        body: p.body,
        fetchedAt: p.fetchedAt,
        checkedAt: p.checkedAt,
      }),
    touch: (url, at) => touchScrapePage(db, url, at),
  };
}
