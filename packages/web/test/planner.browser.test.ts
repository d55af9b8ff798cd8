// The planner's edits in a real browser against a real `songnodes start` with the demo data: drag a
// track to another place (the steps are graded again from what DJs played, checked against the
// API), export the edited order, go back to the planner's order, swap a track in place, pin one
// (the set is planned again through it) and unpin it.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

const CSRF = { 'x-songnodes-csrf': '1' };
const COLUMN = '.plan-column[data-alternative="0"]';

const order = (page: Page) =>
  page.$$eval(`${COLUMN} .plan-steps > li`, (lis) => lis.map((li) => Number(li.getAttribute('data-track'))));

/** What the API says of a pair: how many DJs played it, or null when nobody did. */
async function djsOf(url: string, from: number, to: number): Promise<number | null> {
  const res = await fetch(`${url}/api/v1/transitions?from=${from}&to=${to}&sets=0`);
  if (res.status === 404) return null;
  return ((await res.json()) as { djs: number }).djs;
}

describe.skipIf(!hasBrowser)('planner edits on the demo data', () => {
  let server: Server;
  let browser: Browser;
  let from = 0;
  let to = 0;

  beforeAll(async () => {
    server = await startServer({ SONGNODES_DEMO_SETS: '30' });
    browser = await launch();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const stats = (await (await fetch(`${server.url}/api/v1/stats`)).json()) as { sets: number };
      if (stats.sets >= 30) break;
      if (Date.now() > deadline) throw new Error('the demo data did not load within 60 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    // Two well-played tracks the planner can join in 6 (whether a plan exists depends on the data).
    const ranked = (await (
      await fetch(`${server.url}/api/v1/graph/rankings/most-played?limit=8`)
    ).json()) as { ranked: { trackId: number }[] };
    const ids = ranked.ranked.map((r) => r.trackId);
    search: for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        const res = await fetch(`${server.url}/api/v1/plan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...CSRF },
          body: JSON.stringify({ from: a, to: b, length: 6 }),
        });
        if (res.ok && ((await res.json()) as { sets: unknown[] }).sets.length > 0) {
          from = a;
          to = b;
          break search;
        }
      }
    if (from === 0) throw new Error('no two of the most played demo tracks can be planned in 6 tracks');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('drag to reorder (re-graded, exported as edited), back, swap in place, pin and unpin', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/plan?from=${from}&to=${to}&length=6`);
    await page.waitForSelector(`${COLUMN} .plan-steps > li:nth-child(6)`);
    const planned = await order(page);
    expect(planned).toHaveLength(6);

    // The ends are locked: only the tracks between them can be dragged.
    const draggable = await page.$$eval(`${COLUMN} .plan-steps > li`, (lis) =>
      lis.map((li) => li.getAttribute('draggable')),
    );
    expect(draggable).toEqual(['false', 'true', 'true', 'true', 'true', 'false']);

    // Drag the 2nd track onto the 4th place.
    await page.dragAndDrop(
      `${COLUMN} .plan-steps > li:nth-child(2)`,
      `${COLUMN} .plan-steps > li:nth-child(4)`,
    );
    const edited = [planned[0], planned[2], planned[3], planned[1], planned[4], planned[5]];
    await page.waitForFunction(
      ([sel, want]) =>
        [...document.querySelectorAll(`${sel} .plan-steps > li`)]
          .map((li) => li.getAttribute('data-track'))
          .join() === want,
      [COLUMN, edited.join()] as const,
    );
    expect(await page.getAttribute(COLUMN, 'data-edited')).toBe('true');
    expect(await page.textContent(`${COLUMN} h2`)).toContain('your order');
    // Every step is graded once the evidence of the new pairs is in, and each grade is what the
    // API says of that pair (a pair the planner chose keeps the planner's grade, which is the same).
    await page.waitForFunction(
      (sel) => !document.querySelector(`${sel}`)?.textContent?.includes('checking what DJs played'),
      COLUMN,
    );
    const grades = await page.$$eval(`${COLUMN} .grade`, (g) => g.map((x) => x.textContent));
    expect(grades).toHaveLength(5);
    for (const [i, grade] of grades.entries()) {
      const djs = await djsOf(server.url, edited[i]!, edited[i + 1]!);
      const want = djs === null ? ['unseen', 'bridge'] : djs >= 2 ? ['strong'] : ['seen'];
      expect(want, `step ${i + 1}: ${edited[i]} → ${edited[i + 1]}`).toContain(grade);
    }
    await shot(page, 'planner-edited');

    // The edited order is in the URL: a reload (or the link) shows it again, graded the same.
    expect(page.url()).toContain(`order0=${edited.join('%2C')}`);
    await page.reload();
    await page.waitForSelector(`${COLUMN}[data-edited="true"] .plan-steps > li:nth-child(6)`);
    expect(await order(page)).toEqual(edited);
    await page.waitForFunction(
      (sel) => !document.querySelector(`${sel}`)?.textContent?.includes('checking what DJs played'),
      COLUMN,
    );
    expect(await page.$$eval(`${COLUMN} .grade`, (g) => g.map((x) => x.textContent))).toEqual(grades);

    // The edited order is what is exported.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`${COLUMN} button:has-text("Rekordbox XML")`),
    ]);
    const xml = readFileSync((await download.path())!, 'utf8');
    const playlist = xml.slice(xml.indexOf('<PLAYLISTS>'));
    expect([...playlist.matchAll(/<TRACK Key="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(edited);

    // The keyboard way: ↑ moves the track back one place; then back to the planner's order.
    await page.click(`${COLUMN} .plan-steps > li:nth-child(4) button[aria-label$="earlier"]`);
    expect(await order(page)).toEqual([
      planned[0],
      planned[2],
      planned[1],
      planned[3],
      planned[4],
      planned[5],
    ]);
    await page.click(`${COLUMN} button:has-text("back to the planner's order")`);
    expect(await order(page)).toEqual(planned);
    expect(await page.getAttribute(COLUMN, 'data-edited')).toBeNull();

    // Swap a track in place for one that could follow the track before it: the first position
    // whose swap list offers something (the demo decides which).
    let swapped = false;
    for (const position of [2, 3, 4, 5]) {
      const row = `${COLUMN} .plan-steps > li:nth-child(${position})`;
      await page.click(`${row} button:has-text("swap")`);
      await page.waitForSelector(
        `${row} .swap-list li button, ${row} .swap-list span:has-text("Nothing else")`,
      );
      const option = await page.$(`${row} .swap-list li button`);
      if (!option) {
        await page.click(`${row} button:has-text("swap")`);
        continue;
      }
      const name = (await option.textContent())!.trim();
      await option.click();
      await page.waitForSelector(`${COLUMN}[data-edited="true"]`);
      const now = await order(page);
      expect(now).toHaveLength(6);
      expect(now.filter((t, i) => t !== planned[i])).toHaveLength(1);
      expect(now[position - 1]).not.toBe(planned[position - 1]);
      // The step into the swapped track is the swap list's own (an observed or bridge step);
      // the step out of it is graded from the evidence.
      await page.waitForFunction(
        (sel) => !document.querySelector(`${sel}`)?.textContent?.includes('checking what DJs played'),
        COLUMN,
      );
      expect(await page.$$eval(`${COLUMN} .grade`, (g) => g.length)).toBe(5);
      // The swapped-in track is read from its track page: its name, BPM and key as stored.
      const stored = (await (await fetch(`${server.url}/api/v1/tracks/${now[position - 1]}`)).json()) as {
        bpm: number | null;
      };
      await page.waitForFunction(
        ([sel, title]) => document.querySelector(`${sel} .plan-track a`)?.textContent === title,
        [row, name] as const,
      );
      const bpm = stored.bpm === null ? 'unknown BPM' : `${Math.round(stored.bpm * 10) / 10} BPM`;
      await page.waitForFunction(
        ([sel, want]) => document.querySelector(`${sel} .plan-track .muted`)?.textContent?.startsWith(want),
        [row, bpm] as const,
      );
      swapped = true;
      break;
    }
    expect(swapped, 'no step of the planned set had anything to swap in').toBe(true);
    await shot(page, 'planner-swapped');

    // Pin the 3rd track: it becomes a waypoint and the set is planned again through it (or the
    // designed "no set fits" state says so: the planner decides).
    const third = (await order(page))[2]!;
    await page.click(`${COLUMN} .plan-steps > li:nth-child(3) button:has-text("pin")`);
    await page.waitForFunction((t) => window.location.hash.includes(`via=${t}`), third);
    // The swapped column is an edited one; the plan made again through the pin is not.
    const replanned = `${COLUMN}:not([data-edited]) .plan-steps > li[data-track="${third}"]`;
    await page.waitForSelector(`${replanned} .pill:has-text("pinned"), .planner-result [data-state="empty"]`);
    if (await page.$(replanned)) {
      await page.click(`${replanned} button:has-text("unpin")`);
      await page.waitForFunction(() => !window.location.hash.includes('via='));
    }
    expect(await page.$$('.planner-result [data-state="error"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
