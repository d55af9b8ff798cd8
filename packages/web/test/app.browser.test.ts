// The web app in a real browser (Debian's Chromium driven by playwright-core, WebGL 2 through
// SwiftShader) against a real `songnodes start`: the demo data, an empty database, and a server
// that goes away. Each test saves screenshots of what it saw under test-results/screenshots/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, type Server, SHOTS, shot, startServer } from './browser-harness.ts';

/** Writes in local mode need the header the web app sends (docs/security.md: CSRF). */
const CSRF = { 'x-songnodes-csrf': '1' };

describe.skipIf(!hasBrowser)('web app on the demo data', () => {
  let server: Server;
  let browser: Browser;
  /** Two of the most played tracks, to search for and plan between. */
  let route: { trackId: number; title: string }[] = [];

  beforeAll(async () => {
    server = await startServer({ SONGNODES_DEMO_SETS: '30' });
    browser = await launch();
    // The demo loads as a job after start-up: wait until its sets are in.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const stats = (await (await fetch(`${server.url}/api/v1/stats`)).json()) as { sets: number };
      if (stats.sets >= 30) break;
      if (Date.now() > deadline) throw new Error('the demo data did not load within 60 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    // A start and an end the planner can join in 6 tracks on this small demo (the test is about the
    // app's flow; whether a plan exists depends on the data, so the harness finds a pair that has one).
    const ranked = (await (
      await fetch(`${server.url}/api/v1/graph/rankings/most-played?limit=8`)
    ).json()) as {
      ranked: { trackId: number }[];
      tracks: Record<string, { title: string }>;
    };
    const ids = ranked.ranked.map((r) => r.trackId);
    search: for (const from of ids)
      for (const to of ids) {
        if (from === to) continue;
        const res = await fetch(`${server.url}/api/v1/plan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...CSRF },
          body: JSON.stringify({ from, to, length: 6 }),
        });
        if (res.ok && ((await res.json()) as { sets: unknown[] }).sets.length > 0) {
          route = [from, to].map((trackId) => ({ trackId, title: ranked.tracks[trackId]!.title }));
          break search;
        }
      }
    if (route.length === 0)
      throw new Error('no two of the most played demo tracks can be planned in 6 tracks');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('home: live counts, the most played tracks and the health checks', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await expect(page.title()).resolves.toBe('SongNodes');
    await page.waitForFunction(() => document.querySelector('[data-stat="sets"] dd')?.textContent === '30');
    await page.waitForSelector('.track-list tbody tr');
    await page.waitForSelector('.checks[data-status="ready"]');
    // Local mode: this laptop's owner, no sign-in asked, every action offered (Admin included).
    await page.waitForSelector('.account-menu[data-principal="local"][data-mode="local"]');
    expect(await page.textContent('.account-menu')).toContain('local owner');
    expect(await page.$('.app-header a:text-is("Admin")')).not.toBeNull();
    await shot(page, 'home');
    expect(errors).toEqual([]);
  });

  it('the header fits a tablet and a phone: each view on one line, a usable search box, no sideways page', async () => {
    const { page, errors } = await openPage(browser);
    for (const [width, height] of [
      [1400, 900],
      [1000, 800],
      [768, 1024],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(server.url);
      await page.waitForSelector('.account-menu[data-principal="local"]');
      const m = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLElement>('.app-header nav a')];
        const input = document.querySelector<HTMLElement>('.app-header .search input');
        return {
          // A label that wraps is taller than one that does not.
          linkHeights: [...new Set(links.map((a) => a.getBoundingClientRect().height))],
          searchWidth: input?.getBoundingClientRect().width ?? 0,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(m.linkHeights, `${width} px: nav link heights`).toHaveLength(1);
      expect(m.searchWidth, `${width} px: search box width`).toBeGreaterThanOrEqual(
        Math.min(240, width - 60),
      );
      expect(m.pageOverflow, `${width} px: page wider than the window`).toBeLessThanOrEqual(0);
      await shot(page, `header-${width}`);
    }
    expect(errors).toEqual([]);
  });

  it('search → track page → played after with its sets → planner', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('[data-stat="sets"]');
    // "/" focuses the search box from anywhere on the page.
    await page.keyboard.press('/');
    await page.keyboard.type(route[0]!.title);
    await page.waitForSelector('[role="option"]');
    await shot(page, 'search');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.track-page[data-track]`);
    const trackId = Number(await page.getAttribute('.track-page', 'data-track'));
    await page.waitForSelector('.played[data-direction="after"] > li');
    // Open the strongest "played after" transition: the sets it happened in, with DJ and date.
    await page.click('.played[data-direction="after"] > li:first-child summary');
    await page.waitForSelector(
      '.played[data-direction="after"] > li:first-child .evidence li a[href^="#/set/"]',
    );
    const evidence = await page.textContent('.played[data-direction="after"] > li:first-child .evidence');
    expect(evidence).toMatch(/track \d+/);
    // BPM and key are shown as they are, "unknown" when unknown, never invented.
    expect(await page.textContent('[data-fact="bpm"]')).toMatch(/^(\d+(\.\d)?|unknown)$/);
    await page.waitForSelector('.track-graph .sigma-container[data-ready="true"]');
    await shot(page, 'track');

    await page.click('text=Plan a set from here');
    await page.waitForSelector('.planner');
    expect(page.url()).toContain(`from=${trackId}`);
    await page.getByLabel('Tracks in the set').fill('6');
    await page.waitForFunction(() => window.location.hash.includes('length=6'));
    await page.fill('.track-pick input[aria-label^="Last track"]', route[1]!.title);
    await page.waitForSelector('[role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash.includes('to='));
    await page.waitForSelector(
      '.plan-column[data-alternative="0"] .plan-steps li, .planner-result [data-state]',
    );
    // Neither an error nor "no set fits": a plan between two well-played tracks exists.
    expect(await page.$$eval('.planner-result [data-state]', (els) => els.map((e) => e.textContent))).toEqual(
      [],
    );
    const steps = await page.$$eval(
      '.plan-column[data-alternative="0"] .plan-steps > li',
      (lis) => lis.length,
    );
    expect(steps).toBe(6);
    // Every step after the first says how it is supported.
    const grades = await page.$$eval('.plan-column[data-alternative="0"] .grade', (g) =>
      g.map((x) => x.textContent),
    );
    expect(grades).toHaveLength(5);
    for (const g of grades) expect(['strong', 'seen', 'bridge']).toContain(g);
    await shot(page, 'planner');

    // Export the best set to Rekordbox XML and read the file back: the playlist holds the planned
    // tracks in the planned order.
    const planned = await page.$$eval('.plan-column[data-alternative="0"] .plan-track a', (as) =>
      as.map((a) => Number(a.getAttribute('href')!.replace('#/track/', ''))),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.plan-column[data-alternative="0"] button:has-text("Rekordbox XML")'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<DJ_PLAYLISTS');
    const playlist = xml.slice(xml.indexOf('<PLAYLISTS>'));
    const keys = [...playlist.matchAll(/<TRACK Key="(\d+)"/g)].map((m) => Number(m[1]));
    expect(keys).toEqual(planned);
    expect(await page.textContent('[data-export-status]')).toContain('completed');

    // Save it: it is listed among the saved sets.
    await page.fill('.plan-column[data-alternative="0"] .save-set input', 'Browser test set');
    await page.click('.plan-column[data-alternative="0"] .save-set button');
    await page.waitForSelector('.saved-sets li:has-text("Browser test set")');
    expect(await page.textContent('.saved-sets li:has-text("Browser test set")')).toContain('6 tracks');

    // The swap list of a step offers what could follow the track before it, or says nothing fits.
    const second = '.plan-column[data-alternative="0"] .plan-steps > li:nth-child(2)';
    await page.click(`${second} button:has-text("swap")`);
    await page.waitForSelector(
      `${second} .swap-list li button, ${second} .swap-list span:has-text("Nothing else")`,
    );
    // Pin the second track: it becomes a waypoint of the request, and the set is planned again
    // through it — or the designed "no set fits" state says so (the planner decides; on this small
    // demo a plan through a waypoint is not always found).
    const kept = (await page.textContent(`${second} .plan-track a`))!.trim();
    await page.click(`${second} button:has-text("pin")`);
    await page.waitForFunction(() => window.location.hash.includes('via='));
    await page.waitForSelector(`.track-pick:has-text("Waypoint 1") a:has-text("${kept}")`);
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('.plan-column[data-alternative="0"] .plan-track a')].some(
          (a) => a.textContent?.trim() === name,
        ) || document.querySelector('.planner-result [data-state="empty"]') !== null,
      kept,
    );
    expect(await page.$$('.planner-result [data-state="error"]')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('set and artist pages, reached from a track', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/track/${route[0]!.trackId}`);
    await page.click('.played[data-direction="after"] > li:first-child summary');
    await page.click('.played[data-direction="after"] > li:first-child .evidence a[href^="#/set/"]');
    await page.waitForSelector('.set-page table.tracklist tbody tr');
    // The set lists every entry in order; the track we came from is one of them.
    expect(await page.$(`.set-page a[href="#/track/${route[0]!.trackId}"]`)).not.toBeNull();
    await shot(page, 'set');
    await page.click('.set-page a[href^="#/track/"]');
    await page.waitForSelector('.track-page .artists a[href^="#/artist/"]');
    await page.click('.track-page .artists a[href^="#/artist/"]');
    await page.waitForSelector('.artist-page .track-list tbody tr');
    await shot(page, 'artist');
    expect(errors).toEqual([]);
  });

  it('overview: the stored layout on cosmos.gl, after running the layout job from the page', async () => {
    const { page, errors } = await openPage(browser, 'dark');
    await page.goto(`${server.url}/#/overview`);
    await page.click('text=Compute the layout');
    await page.waitForSelector('.cosmos-container[data-ready="true"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('.cosmos-container', 'data-nodes'))).toBeGreaterThan(0);
    await page.waitForSelector('.cosmos-labels span');
    await shot(page, 'overview');
    expect(errors).toEqual([]);
  });

  it('explore: filters and colours kept in the URL survive a reload', async () => {
    const { page, errors } = await openPage(browser, 'dark');
    await page.goto(`${server.url}/#/explore?bpmMin=100&bpmMax=140&colour=genre&size=100`);
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    const check = async () => {
      expect(await page.inputValue('input[placeholder="any"] >> nth=0')).toBe('100');
      expect(await page.textContent('.legend figcaption')).toBe('Colour: genre');
      expect(await page.textContent('.graph-caption')).toContain('BPM 100–140');
    };
    await check();
    // Moving the evidence slider goes into the URL too.
    await page.fill('input[type="range"]', '2');
    await page.waitForFunction(() => window.location.hash.includes('minCount=2'));
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    await page.reload();
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    await check();
    expect(await page.textContent('.graph-caption')).toContain('played together at least 2×');
    const nodes = Number(await page.getAttribute('.sigma-container', 'data-nodes'));
    const rows = await page.$$eval('.graph-table table:first-child tbody tr', (r) => r.length);
    // The text alternative lists exactly what the graph draws.
    expect(rows).toBe(nodes);
    await shot(page, 'explore');
    // The view saves as a PNG (what the canvas shows, on the page's background).
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=Save view as PNG')]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    // And as an SVG built from the graph model: a circle per track in view, an arrowhead per transition drawn.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('text=Save view as SVG')]);
    expect(svgFile.suggestedFilename()).toBe('songnodes-graph.svg');
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    writeFileSync(join(SHOTS, 'explore.svg'), svg);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    const circles = svg.match(/<circle /g)?.length ?? 0;
    expect(circles).toBeGreaterThan(0);
    expect(circles).toBeLessThanOrEqual(nodes);
    expect(svg.match(/<polygon /g)?.length ?? 0).toBeGreaterThan(0);
    expect(svg).toMatch(/<text [^>]+>[^<]+<\/text>/);
    expect(errors).toEqual([]);
  });

  it('analytics charts and the jobs list', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/analytics?minCount=1`);
    await page.waitForSelector('.bar-chart tbody tr');
    await page.waitForSelector('.activity svg rect');
    await shot(page, 'analytics');
    await page.goto(`${server.url}/#/jobs`);
    // The demo data was loaded by a job: it is listed, finished.
    await page.waitForSelector('.job-table tr[data-state="completed"]');
    expect(await page.textContent('.job-table')).toContain('ingest.demo');
    await shot(page, 'jobs');
    expect(errors).toEqual([]);
  });

  it('import: a pasted tracklist with live job progress, then the report', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/import`);
    await page.fill(
      'textarea',
      [
        '01. Web Test Artist - First Light (Browser Remix)',
        '02. Web Test Artist feat. Chromium - Second Wind',
        '03. ID - ID',
        '04. Another Tester - Third Eye',
      ].join('\n'),
    );
    await page.click('text=Import this tracklist');
    await page.waitForSelector('.import-run[data-job-state="completed"] [data-report]', { timeout: 45_000 });
    expect(await page.textContent('[data-fact="setsStored"]')).toBe('1');
    expect(await page.textContent('.import-run')).toMatch(/live via (websocket|polling)/);
    await shot(page, 'import');
    // The imported tracks are searchable right away.
    await page.keyboard.press('/');
    await page.keyboard.type('Second Wind');
    await page.waitForSelector('[role="option"]:has-text("Second Wind")');
    expect(errors).toEqual([]);
  });
  it('import: a Rekordbox XML library dropped on the page', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/import`);
    // A small library written for this test: one playlist of three tracks.
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<DJ_PLAYLISTS Version="1.0.0">',
      '  <PRODUCT Name="rekordbox" Version="6.8.0" Company="AlphaTheta"/>',
      '  <COLLECTION Entries="3">',
      '    <TRACK TrackID="1" Name="Dropped Lantern" Artist="Browser Drop" AverageBpm="122.00" Tonality="8A"/>',
      '    <TRACK TrackID="2" Name="Second Harbour" Artist="Browser Drop" AverageBpm="123.00" Tonality="9A"/>',
      '    <TRACK TrackID="3" Name="Third Signal" Artist="Canvas Test" AverageBpm="0.00" Tonality=""/>',
      '  </COLLECTION>',
      '  <PLAYLISTS>',
      '    <NODE Type="0" Name="ROOT" Count="1">',
      '      <NODE Name="Drop Test" Type="1" KeyType="0" Entries="3">',
      '        <TRACK Key="1"/>',
      '        <TRACK Key="2"/>',
      '        <TRACK Key="3"/>',
      '      </NODE>',
      '    </NODE>',
      '  </PLAYLISTS>',
      '</DJ_PLAYLISTS>',
    ].join('\n');
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'library.xml', { type: 'text/xml' }));
      return dt;
    }, xml);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await page.waitForSelector('.import-run[data-job-state="completed"] [data-report]', { timeout: 45_000 });
    expect(await page.textContent('.import-run h3')).toBe('library.xml');
    expect(Number(await page.textContent('[data-fact="setsStored"]'))).toBeGreaterThanOrEqual(1);
    await page.keyboard.press('/');
    await page.keyboard.type('Dropped Lantern');
    await page.waitForSelector('[role="option"]:has-text("Dropped Lantern")');
    expect(errors).toEqual([]);
  });

  it('HTML in a set title, a DJ name and a track line is shown as text and never runs', async () => {
    const title = '<img src=x onerror="window.pwned = 1"> Live';
    const res = await fetch(`${server.url}/api/v1/sets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({
        title,
        performers: ['<b>DJ Markup</b>'],
        entries: [
          { raw: '<script>window.pwned = 2</script> - Harbour Lights' },
          { raw: 'Ora - <i>Drift</i>' },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/set/${id}`);
    await page.waitForSelector('.set-page table.tracklist tbody tr');
    expect(await page.textContent('.set-page h1')).toBe(title);
    expect(await page.textContent('.set-page .artists')).toContain('<b>DJ Markup</b>');
    expect(await page.textContent('.set-page table.tracklist')).toContain(
      '<script>window.pwned = 2</script>',
    );
    // Nothing of it became markup, and nothing ran.
    expect(await page.$$('.set-page img, .set-page script, .set-page b, .set-page i')).toEqual([]);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await shot(page, 'set-markup-as-text');
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasBrowser)('web app on an empty database, then with the server gone', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ SONGNODES_DEMO: 'false' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sources: without SCRAPER_CONTACT_URL, says how to configure scraping and shows why a submit is refused', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sources' }).click();
    await page.waitForSelector('[data-state="not-configured"]');
    expect(await page.textContent('[data-state="not-configured"]')).toContain('SCRAPER_CONTACT_URL=');
    await page.waitForSelector('[data-state="tasks-unavailable"]');

    // The server's own refusal, asked directly, is what the page must show.
    const refusal = await fetch(`${server.url}/api/v1/scrapes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({ input: 'mixesdb:category:2022' }),
    });
    expect(refusal.status).toBeGreaterThanOrEqual(400);
    const { detail } = (await refusal.json()) as { detail: string };
    await page.getByLabel('A page URL, or source:query').fill('mixesdb:category:2022');
    await page.getByRole('button', { name: 'Fetch' }).click();
    await page.waitForSelector('[data-submit-result]');
    expect(await page.textContent('[data-submit-result]')).toBe(detail);
    await shot(page, 'sources-not-configured');
    expect(errors).toEqual([]);
  });

  it('shows the empty state with a way in, then the error state once the server is down', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('[data-state="empty"]');
    expect(await page.textContent('[data-state="empty"]')).toContain('No sets yet');
    await shot(page, 'empty');

    await server.stop();
    await page.goto(`${server.url}/#/track/1`).catch(() => {});
    // The page is already loaded: a hash change navigates inside the app, whose request now fails.
    await page.evaluate(() => {
      window.location.hash = '#/track/2';
    });
    await page.waitForSelector('[data-state="error"]');
    expect(await page.textContent('[data-state="error"]')).toContain('The server is not answering');
    await shot(page, 'server-down');
    expect(errors).toEqual([]);
  });
});
