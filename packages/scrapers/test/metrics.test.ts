import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scraperMetrics } from '../src/metrics.ts';
import { testClient } from './client.ts';
import { type FixtureServer, send, startFixtureServer } from './fixture-server.ts';

describe('scraper metrics', () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer();
    s.route('/robots.txt', send('', {}, 404));
    s.route('/page', send('x'.repeat(1234)));
    s.route('/gone', send('', {}, 410));
  });
  afterAll(() => s.close());

  it('count requests, errors, bytes and latency per source, registered by the caller', async () => {
    const m = scraperMetrics();
    expect(scraperMetrics()).toBe(m);
    const registry = new Registry();
    for (const metric of m.metrics) registry.registerMetric(metric);
    const client = testClient(['127.0.0.1'], { onRequest: m.onRequest });
    try {
      await client.get(`${s.url}/page`, { source: 'mixesdb' });
      await client.get(`${s.url}/gone`, { source: 'mixesdb' }).catch(() => {});
    } finally {
      await client.close();
    }
    m.onItem('mixesdb', { setsStored: 2, setsUnchanged: 1 });
    m.onFailedItem('mixesdb');
    const text = await registry.metrics();
    expect(text).toContain('songnodes_scraper_requests_total{source="mixesdb",status="200"} 1');
    expect(text).toContain('songnodes_scraper_requests_total{source="mixesdb",status="410"} 1');
    expect(text).toContain('songnodes_scraper_errors_total{source="mixesdb"} 1');
    // robots.txt (404: no rules), the page, the gone page: three requests, one failure.
    expect(text).toContain('songnodes_scraper_bytes_total{source="mixesdb"} 1234');
    expect(text).toMatch(/songnodes_scraper_request_seconds_count\{source="mixesdb"\} 3/);
    expect(text).toContain('songnodes_scraper_sets_total{source="mixesdb",outcome="stored"} 2');
    expect(text).toContain('songnodes_scraper_items_total{source="mixesdb",outcome="failed"} 1');
  });
});
