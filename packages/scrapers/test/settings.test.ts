import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.ts';
import { scraperSettings } from '../src/settings.ts';

describe('scraper settings', () => {
  it('have conservative defaults and the real sources as base URLs', () => {
    const s = scraperSettings(loadConfig({ SCRAPER_CONTACT_URL: 'https://example.org/songnodes' }));
    expect(s.userAgent).toBe('SongNodes/0.1 (tracklist graph; +https://example.org/songnodes)');
    expect(s).toMatchObject({ htmlDelayMs: 5000, allowPrivateHosts: false, retries: 3 });
    expect(s.tracklists1001.baseUrl).toBe('https://www.1001tracklists.com');
    expect(s.setlistfm).toMatchObject({
      baseUrl: 'https://api.setlist.fm/rest/1.0',
      delayMs: 500,
      dailyQuota: 1440,
    });
  });

  it('refuse to scrape without a contact URL, naming the variable', () => {
    expect(() => scraperSettings(loadConfig({}))).toThrow(/SCRAPER_CONTACT_URL/);
  });

  it('take base URLs without their trailing slash and refuse non-http ones', () => {
    const c = loadConfig({
      SCRAPER_MIXESDB_URL: 'http://127.0.0.1:4000/',
      SCRAPER_CONTACT_URL: 'mailto:a@b.c',
    });
    expect(c.SCRAPER_MIXESDB_URL).toBe('http://127.0.0.1:4000');
    expect(() => loadConfig({ SCRAPER_MIXESDB_URL: 'ftp://x' })).toThrow(
      /SCRAPER_MIXESDB_URL="ftp:\/\/x": must be an http/,
    );
  });

  it('refuse SCRAPER_ALLOW_PRIVATE_HOSTS=true in production', () => {
    expect(() => loadConfig({ SCRAPER_ALLOW_PRIVATE_HOSTS: 'true', NODE_ENV: 'production' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ SCRAPER_ALLOW_PRIVATE_HOSTS: 'true', NODE_ENV: 'production' })).toThrow(
      /SCRAPER_ALLOW_PRIVATE_HOSTS=true: refused when NODE_ENV=production/,
    );
    expect(
      loadConfig({ SCRAPER_ALLOW_PRIVATE_HOSTS: 'true', NODE_ENV: 'test' }).SCRAPER_ALLOW_PRIVATE_HOSTS,
    ).toBe(true);
  });
});
