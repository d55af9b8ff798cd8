// The scrapers' tables on both engines: page cache with conditional requests, task de-duplication and
// cancellation, the daily quota, health counters.
import {
  cancelScrapeTask,
  createScrapeTask,
  recordScrapeOutcome,
  scrapeQuotaUsed,
  scrapeSourceHealth,
  takeScrapeQuota,
  updateScrapeTask,
} from '@songnodes/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { databasePageCache } from '../src/page-cache.ts';
import { testClient } from './client.ts';
import { startFixtureServer } from './fixture-server.ts';

describe.skipIf(noServer)(`scrape store (${engine})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('keeps pages with their validators and revalidates them with conditional requests', async () => {
    const s = await startFixtureServer();
    s.route('/robots.txt', (_q, res) => void res.writeHead(404).end());
    let version = 'v1';
    s.route('/page', (req, res) => {
      if (req.headers['if-none-match'] === `"${version}"`) return void res.writeHead(304).end();
      res
        .writeHead(200, { etag: `"${version}"`, 'content-type': 'text/html' })
        .end(Buffer.from([0, 1, 2, 255]));
    });
    const cache = databasePageCache(t.db);
    const client = testClient(['127.0.0.1'], { cache });
    try {
      expect((await client.get(`${s.url}/page`)).fromCache).toBe(false);
      const again = await client.get(`${s.url}/page`);
      expect(again.fromCache).toBe('revalidated');
      expect([...again.body]).toEqual([0, 1, 2, 255]);
      version = 'v2';
      expect((await client.get(`${s.url}/page`)).fromCache).toBe(false);
      expect((await cache.get(`${s.url}/page`))?.etag).toBe('"v2"');
      expect(s.requestsTo('/page').map((r) => r.headers['if-none-match'] ?? null)).toEqual([
        null,
        '"v1"',
        '"v1"',
      ]);
    } finally {
      await client.close();
      await s.close();
    }
  });

  it('de-duplicates identical open tasks, and accepts the same request again once finished', async () => {
    const spec = { kind: 'url', url: 'https://x.test/a' };
    const a = await createScrapeTask(t.db, {
      key: 'k1',
      source: 'mixesdb',
      kind: 'url',
      spec,
      priority: 'normal',
    });
    const b = await createScrapeTask(t.db, {
      key: 'k1',
      source: 'mixesdb',
      kind: 'url',
      spec,
      priority: 'high',
    });
    expect(a.duplicate).toBe(false);
    expect(b).toMatchObject({ duplicate: true, task: { id: a.task.id } });
    await updateScrapeTask(t.db, a.task.id, { state: 'completed', result: { setsStored: 1 } });
    const c = await createScrapeTask(t.db, {
      key: 'k1',
      source: 'mixesdb',
      kind: 'url',
      spec,
      priority: 'normal',
    });
    expect(c.duplicate).toBe(false);
    expect(c.task.id).not.toBe(a.task.id);
  });

  it('cancels an open task for good: later updates do not revive it', async () => {
    const { task } = await createScrapeTask(t.db, {
      key: 'k2',
      source: 'mixesdb',
      kind: 'query',
      spec: {},
      priority: 'low',
    });
    expect(await cancelScrapeTask(t.db, task.id)).toBe(true);
    expect(await cancelScrapeTask(t.db, task.id)).toBe(false);
    expect(await updateScrapeTask(t.db, task.id, { state: 'completed' })).toBeNull();
  });

  it('spends a daily quota exactly, never beyond it, even when asked concurrently', async () => {
    const takes = await Promise.all(
      Array.from({ length: 8 }, () => takeScrapeQuota(t.db, 'setlistfm', '2026-11-30', 5)),
    );
    expect(takes.filter(Boolean)).toHaveLength(5);
    expect(await scrapeQuotaUsed(t.db, 'setlistfm', '2026-11-30')).toBe(5);
    expect(await takeScrapeQuota(t.db, 'setlistfm', '2026-12-01', 5)).toBe(true);
  });

  it('counts outcomes per source with the last error', async () => {
    await recordScrapeOutcome(t.db, 'reddit', { ok: true });
    await recordScrapeOutcome(t.db, 'reddit', { ok: false, error: 'HTTP 503' });
    const [h] = (await scrapeSourceHealth(t.db)).filter((x) => x.source === 'reddit');
    expect(h).toMatchObject({ successes: 1, failures: 1, lastError: 'HTTP 503' });
  });
});
