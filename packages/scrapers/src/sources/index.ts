// The four sources, built from the settings over one polite client, and the client itself with each
// host's limits: HTML sites one request at a time seconds apart, APIs at their documented rate.
import { type PageCache, PoliteClient, type RequestRecord } from '../http-client.ts';
import { PRODUCT_TOKEN, type ScraperSettings } from '../settings.ts';
import { mixesdb } from './mixesdb.ts';
import { reddit } from './reddit.ts';
import { setlistfm } from './setlistfm.ts';
import type { SourceAdapter, SourceName } from './source.ts';
import { tracklists1001 } from './tracklists1001.ts';

export type Sources = Record<SourceName, SourceAdapter>;

const hostOf = (url: string) => new URL(url).hostname;
const serverOf = (url: string) => new URL(url).host;

export function createClient(
  s: ScraperSettings,
  extra: { cache?: PageCache; onRequest?: (r: RequestRecord) => void } = {},
): PoliteClient {
  const apiDelays = new Map([
    [serverOf(s.setlistfm.baseUrl), s.setlistfm.delayMs],
    [serverOf(s.reddit.baseUrl), s.reddit.delayMs],
    [serverOf(s.reddit.authUrl), s.reddit.delayMs],
  ]);
  const hosts = new Set([
    hostOf(s.tracklists1001.baseUrl),
    hostOf(s.mixesdb.baseUrl),
    hostOf(s.setlistfm.baseUrl),
    hostOf(s.reddit.baseUrl),
    hostOf(s.reddit.authUrl),
  ]);
  return new PoliteClient({
    userAgent: s.userAgent,
    productToken: PRODUCT_TOKEN,
    hosts,
    allowPrivateHosts: s.allowPrivateHosts,
    limitsFor: (host) => ({ concurrency: 1, minIntervalMs: apiDelays.get(host) ?? s.htmlDelayMs }),
    timeoutMs: s.timeoutMs,
    maxBytes: s.maxBytes,
    retries: s.retries,
    retryBaseMs: s.retryBaseMs,
    retryCapMs: s.retryCapMs,
    maxRetryAfterMs: s.maxRetryAfterMs,
    breakerThreshold: s.breakerThreshold,
    breakerCoolDownMs: s.breakerCoolDownMs,
    cache: extra.cache,
    cacheFreshMs: s.cacheFreshMs,
    onRequest: extra.onRequest,
  });
}

export function createSources(
  s: ScraperSettings,
  client: PoliteClient,
  takeQuota: (source: string, day: string, limit: number) => Promise<boolean>,
): Sources {
  return {
    '1001tracklists': tracklists1001(s.tracklists1001.baseUrl, client),
    mixesdb: mixesdb(s.mixesdb.baseUrl, client),
    setlistfm: setlistfm({ ...s.setlistfm, takeQuota }, client),
    reddit: reddit(s.reddit, client),
  };
}
