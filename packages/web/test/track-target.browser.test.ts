// "Add as target track" on a track page, in a real browser against a real `songnodes start` (local
// mode: the laptop's owner may import): the track goes on the owner's target tracks by its id, as the
// API records it; a second click says it is already a target; the note links to the Sources view,
// whose Target tracks section lists it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

const CSRF = { 'x-songnodes-csrf': '1', 'content-type': 'application/json' };

describe.skipIf(!hasBrowser)('Add as target track on the track page', () => {
  let server: Server;
  let browser: Browser;
  let trackId: number;

  beforeAll(async () => {
    server = await startServer({ SONGNODES_DEMO: 'false' });
    const made = await fetch(`${server.url}/api/v1/sets`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({
        title: 'Harbour Warm-up',
        performers: ['DJ One'],
        entries: [{ raw: 'Sable Reed - Lantern' }, { raw: 'Kay Loom - Sundial' }],
      }),
    });
    const body = await made.json();
    expect(made.status, JSON.stringify(body)).toBe(201);
    trackId = body.entries[0].track.id;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds the track by id, says when it is already a target, and the Sources view lists it', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/track/${trackId}`);
    const button = page.getByRole('button', { name: 'Add as target track' });
    await button.click();
    const note = page.locator('[data-add-target-result]');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'Added Sable Reed - Lantern to your target tracks. Search for it in Sources',
    );
    await shot(page, 'track-add-target');
    // What the API recorded: this track, by id.
    const listed = await (await fetch(`${server.url}/api/v1/scrapes/targets`)).json();
    expect(listed.items).toMatchObject([{ trackId, artist: 'Sable Reed', title: 'Lantern' }]);

    await button.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-add-target-result]')?.textContent?.includes('already'),
    );
    expect(await note.textContent()).toBe(
      'Sable Reed - Lantern is already a target. Search for it in Sources',
    );
    expect((await (await fetch(`${server.url}/api/v1/scrapes/targets`)).json()).items).toHaveLength(1);

    await note.getByRole('link', { name: 'Search for it in Sources' }).click();
    const row = page.locator('[data-targets] tr[data-target]');
    await row.first().waitFor();
    expect(await row.locator('th').textContent()).toBe('Sable Reed - Lantern');
    expect(errors).toEqual([]);
  });
});
