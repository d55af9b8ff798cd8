// Target tracks in the Sources view, in a real browser against a real `songnodes start` whose
// scrapers read the local fixture sites (packages/scrapers/test/sites.ts): add a track, search for it,
// see what the search found and added, follow a found set to its page, and remove the target.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REDDIT_ID,
  REDDIT_SECRET,
  SETLISTFM_KEY,
  type Sites,
  startSites,
} from '../../scrapers/test/sites.ts';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

describe.skipIf(!hasBrowser)('target tracks in the Sources view', () => {
  let sites: Sites;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    sites = await startSites();
    server = await startServer({
      SONGNODES_DEMO: 'false',
      SCRAPER_CONTACT_URL: 'https://songnodes.test/contact',
      SCRAPER_ALLOW_PRIVATE_HOSTS: 'true',
      SCRAPER_HTML_DELAY_MS: '0',
      SCRAPER_CACHE_FRESH_SECONDS: '0',
      SCRAPER_1001TRACKLISTS_URL: sites.tl.url,
      SCRAPER_MIXESDB_URL: sites.mixesdb.url,
      SCRAPER_SETLISTFM_URL: `${sites.setlistfm.url}/rest/1.0`,
      SCRAPER_SETLISTFM_API_KEY: SETLISTFM_KEY,
      SCRAPER_SETLISTFM_DELAY_MS: '0',
      SCRAPER_REDDIT_URL: sites.reddit.url,
      SCRAPER_REDDIT_AUTH_URL: sites.reddit.url,
      SCRAPER_REDDIT_CLIENT_ID: REDDIT_ID,
      SCRAPER_REDDIT_CLIENT_SECRET: REDDIT_SECRET,
      SCRAPER_REDDIT_DELAY_MS: '0',
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sites?.close();
  });

  it('adds a target, searches for it, shows what was found and added, and removes it', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sources' }).click();
    const targets = page.locator('[data-targets]');
    await targets.getByText('No target tracks yet.').waitFor();
    await targets.getByLabel('Artist').fill('Sable Reed');
    await targets.getByLabel('Title').fill('Lantern');
    await targets.getByRole('button', { name: 'Add target' }).click();
    await page.waitForSelector('[data-target-result]');
    expect(await page.textContent('[data-target-result]')).toBe('Added Sable Reed - Lantern.');
    const row = targets.locator('tr[data-target]');
    expect(await row.locator('th').textContent()).toBe('Sable Reed - Lantern');
    expect(await row.locator('[data-found]').textContent()).toBe('not searched yet');

    await targets.getByRole('button', { name: 'Search all now' }).click();
    // The view refreshes itself while the search runs.
    await page.waitForFunction(
      () => document.querySelector('tr[data-target] [data-found]')?.textContent?.includes('found'),
      null,
      { timeout: 60_000 },
    );
    const found = (await row.locator('[data-found]').textContent()) ?? '';
    // The server's own record of the search, asked directly, is what the page must show.
    const api = (await (await fetch(`${server.url}/api/v1/scrapes/targets`)).json()) as {
      items: {
        lastResult: { taskId: number; found: number; added: number; sets: { setId: number | null }[] };
      }[];
    };
    const r = api.items[0]!.lastResult;
    expect(r).toMatchObject({ found: 4, added: 4 });
    expect(found).toContain('4 sets found · 4 added to the graph');
    expect(await row.locator('.found-sets li').count()).toBe(4);
    // The search's task is listed with the other scrape tasks.
    const task = page.locator(`.scrape-table tr[data-task="${r.taskId}"]`);
    await task.waitFor();
    expect(await task.textContent()).toContain('target: Sable Reed - Lantern');
    await shot(page, 'sources-target-tracks');

    // A found set opens on its page.
    const first = row.locator('.found-sets a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.includes(t), title);
    expect(page.url()).toContain(`#/set/${r.sets[0]!.setId}`);

    await page.goBack();
    await targets.getByRole('button', { name: 'Remove' }).click();
    await targets.getByText('No target tracks yet.').waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
