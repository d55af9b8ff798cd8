// Scraping through the API of a running `start`, against local fixture sites (packages/scrapers/test):
// a submitted tracklist page is fetched, parsed and stored by a job, and its set becomes searchable;
// source health counts it; a URL outside the configured sources is refused naming the field; without
// a contact URL the routes say how to configure scraping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { type Sites, startSites, TRACKLIST_PATHS } from '../../scrapers/test/sites.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

const start = async (dir: string, t: TestDatabase | undefined, env: Record<string, string>) =>
  runRole(
    'start',
    loadConfig({
      PORT: '0',
      SONGNODES_DATA_DIR: dir,
      SONGNODES_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...(t ? { DATABASE_URL: t.url } : {}),
      ...env,
    }),
  );

describe.skipIf(noServer)(`scraping through the API (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let sites: Sites;
  let running: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-scrape-api-'));
    if (engine === 'postgres') t = await testDatabase({ migrate: false });
    sites = await startSites();
    running = await start(dir, t, {
      SCRAPER_CONTACT_URL: 'https://songnodes.test/contact',
      SCRAPER_ALLOW_PRIVATE_HOSTS: 'true',
      SCRAPER_HTML_DELAY_MS: '0',
      SCRAPER_CACHE_FRESH_SECONDS: '0',
      SCRAPER_1001TRACKLISTS_URL: sites.tl.url,
      SCRAPER_MIXESDB_URL: sites.mixesdb.url,
    });
  });
  afterAll(async () => {
    await running?.stop();
    await sites?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${running.url}/api/v1${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json', ...CSRF } : CSRF,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads several shapes of answer
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };

  it('scrapes a submitted tracklist page into the graph; the same request again is the same task', async () => {
    const url = `${sites.tl.url}${Object.keys(TRACKLIST_PATHS)[1]}`;
    const submitted = await api('POST', '/scrapes', { input: url, priority: 'high' });
    expect(submitted.status).toBe(202);
    const id = submitted.body.task.id;
    let task = submitted.body.task;
    for (let i = 0; i < 300 && !['completed', 'failed'].includes(task.state); i++) {
      await new Promise((r) => setTimeout(r, 100));
      task = (await api('GET', `/scrapes/${id}`)).body;
    }
    expect(task).toMatchObject({ state: 'completed', source: '1001tracklists' });
    const sets = await api('GET', '/sets?source=1001tracklists');
    expect(sets.body.items.length).toBe(1);
    const health = await api('GET', '/sources');
    expect(health.body.configured).toBe(true);
    expect(
      health.body.sources.find((s: { source: string }) => s.source === '1001tracklists').successes,
    ).toBeGreaterThan(0);
    expect((await api('GET', '/scrapes')).body.items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await api('POST', `/scrapes/${id}/cancel`)).status).toBe(409);
  });

  it('refuses URLs of hosts that are not a configured source, naming the field', async () => {
    for (const input of [
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'https://example.org/x',
    ]) {
      const r = await api('POST', '/scrapes', { input });
      expect(r.status, `${input}: ${JSON.stringify(r.body)}`).toBe(422);
      expect(r.body.field).toBe('input');
    }
    expect(
      (await api('PUT', '/scrapes/schedules/nightly', { cron: 'not a cron', input: 'mixesdb:Oren' })).status,
    ).toBe(422);
  });
});

describe.skipIf(noServer)(`scraping not configured (${engine})`, () => {
  it('says how to configure it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-noscrape-'));
    const t = engine === 'postgres' ? await testDatabase({ migrate: false }) : undefined;
    const running = await start(dir, t, {});
    try {
      const health = await (await fetch(`${running.url}/api/v1/sources`)).json();
      expect(health).toEqual({ configured: false, sources: [] });
      const r = await fetch(`${running.url}/api/v1/scrapes`, {
        method: 'POST',
        body: JSON.stringify({ input: 'mixesdb:Oren' }),
        headers: { 'content-type': 'application/json', ...CSRF },
      });
      expect(r.status).toBe(503);
      expect(((await r.json()) as { detail: string }).detail).toMatch(/SCRAPER_CONTACT_URL/);
    } finally {
      await running.stop();
      await t?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
