// The scrapers' settings: read by the server's configuration (packages/server/src/config.ts checks
// and types the SCRAPER_* variables) and handed over here as plain values. Defaults are conservative:
// one request at a time per host, seconds apart for HTML sites, the documented limits for APIs.
import { NotConfiguredError } from './errors.ts';

/** The SCRAPER_* variables, as the server's configuration types them. */
export interface ScraperConfig {
  SCRAPER_CONTACT_URL?: string;
  SCRAPER_ALLOW_PRIVATE_HOSTS: boolean;
  SCRAPER_HTML_DELAY_MS: number;
  SCRAPER_TIMEOUT_MS: number;
  SCRAPER_MAX_BYTES: number;
  SCRAPER_RETRIES: number;
  SCRAPER_CACHE_FRESH_SECONDS: number;
  SCRAPER_1001TRACKLISTS_URL: string;
  SCRAPER_MIXESDB_URL: string;
  SCRAPER_SETLISTFM_URL: string;
  SCRAPER_SETLISTFM_API_KEY?: string;
  SCRAPER_SETLISTFM_DELAY_MS: number;
  SCRAPER_SETLISTFM_DAILY_QUOTA: number;
  SCRAPER_REDDIT_URL: string;
  SCRAPER_REDDIT_AUTH_URL: string;
  SCRAPER_REDDIT_CLIENT_ID?: string;
  SCRAPER_REDDIT_CLIENT_SECRET?: string;
  SCRAPER_REDDIT_DELAY_MS: number;
}

/** The product token robots.txt groups are matched against, and the start of our User-Agent. */
export const PRODUCT_TOKEN = 'SongNodes';

export interface ScraperSettings {
  userAgent: string;
  allowPrivateHosts: boolean;
  /** Whole attempt (connect, headers, body) in milliseconds. */
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  retryBaseMs: number;
  retryCapMs: number;
  /** A Retry-After longer than this fails the request (retryable) instead of holding a worker. */
  maxRetryAfterMs: number;
  breakerThreshold: number;
  breakerCoolDownMs: number;
  /** A cached page checked this recently is used without asking the source again. */
  cacheFreshMs: number;
  htmlDelayMs: number;
  tracklists1001: { baseUrl: string };
  mixesdb: { baseUrl: string };
  setlistfm: { baseUrl: string; apiKey?: string; delayMs: number; dailyQuota: number };
  reddit: { baseUrl: string; authUrl: string; clientId?: string; clientSecret?: string; delayMs: number };
}

/**
 * Settings from the configuration. Scraping needs a contact URL in the User-Agent (site operators
 * must be able to reach whoever runs the crawler): without one this refuses, saying which variable.
 */
export function scraperSettings(c: ScraperConfig): ScraperSettings {
  if (!c.SCRAPER_CONTACT_URL)
    throw new NotConfiguredError(
      'scraping',
      'set SCRAPER_CONTACT_URL to a web page or mailto: address where site operators can reach you; it goes into the User-Agent',
    );
  return {
    userAgent: `${PRODUCT_TOKEN}/0.1 (tracklist graph; +${c.SCRAPER_CONTACT_URL})`,
    allowPrivateHosts: c.SCRAPER_ALLOW_PRIVATE_HOSTS,
    timeoutMs: c.SCRAPER_TIMEOUT_MS,
    maxBytes: c.SCRAPER_MAX_BYTES,
    retries: c.SCRAPER_RETRIES,
    retryBaseMs: 1000,
    retryCapMs: 60_000,
    maxRetryAfterMs: 10 * 60_000,
    breakerThreshold: 5,
    breakerCoolDownMs: 60_000,
    cacheFreshMs: c.SCRAPER_CACHE_FRESH_SECONDS * 1000,
    htmlDelayMs: c.SCRAPER_HTML_DELAY_MS,
    tracklists1001: { baseUrl: c.SCRAPER_1001TRACKLISTS_URL },
    mixesdb: { baseUrl: c.SCRAPER_MIXESDB_URL },
    setlistfm: {
      baseUrl: c.SCRAPER_SETLISTFM_URL,
      apiKey: c.SCRAPER_SETLISTFM_API_KEY,
      delayMs: c.SCRAPER_SETLISTFM_DELAY_MS,
      dailyQuota: c.SCRAPER_SETLISTFM_DAILY_QUOTA,
    },
    reddit: {
      baseUrl: c.SCRAPER_REDDIT_URL,
      authUrl: c.SCRAPER_REDDIT_AUTH_URL,
      clientId: c.SCRAPER_REDDIT_CLIENT_ID,
      clientSecret: c.SCRAPER_REDDIT_CLIENT_SECRET,
      delayMs: c.SCRAPER_REDDIT_DELAY_MS,
    },
  };
}
