// The graph views in a real browser (Debian's Chromium, WebGL 2 through SwiftShader) against a real
// `songnodes start` with the demo data: labels in the detailed view neither overlap nor run off the
// canvas, at the first frame, zoomed in and with a neighbourhood highlighted; the overview opens the
// region zoomed into, and a picked track, in the detailed view.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphElement } from '../src/graph/SigmaGraph.tsx';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

interface Drawn {
  key: string;
  label: string;
  x: number;
  y: number;
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Writes in local mode need the header the web app sends (docs/security.md: CSRF). */
const CSRF = { 'x-songnodes-csrf': '1' };

/** What sigma draws once the labels have settled: each label with the box its shader puts it in. */
async function drawnLabels(
  page: Page,
): Promise<{ labels: Drawn[]; width: number; height: number; legend: Drawn['box'] | null }> {
  // Placement waits for the camera to rest (120 ms), then sigma draws on the next frame.
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const el = document.querySelector('.sigma-container') as GraphElement;
    // The legend lies over the canvas: a label under it would be hidden.
    const at = el.getBoundingClientRect();
    const l = el.parentElement?.querySelector('.legend')?.getBoundingClientRect();
    return {
      labels: el.songnodesGraph!.drawnLabels(),
      width: el.clientWidth,
      height: el.clientHeight,
      legend: l
        ? { minX: l.left - at.left, minY: l.top - at.top, maxX: l.right - at.left, maxY: l.bottom - at.top }
        : null,
    };
  });
}

/** Every pair of labels that overlap, every label not wholly inside the canvas, every label under the legend. */
function problems({ labels, width, height, legend }: Awaited<ReturnType<typeof drawnLabels>>): string[] {
  const out: string[] = [];
  // Half a pixel of tolerance for the shader's rounding.
  const e = 0.5;
  for (const [i, a] of labels.entries()) {
    const b = a.box;
    if (b.minX < -e || b.minY < -e || b.maxX > width + e || b.maxY > height + e)
      out.push(`"${a.label}" is cut off: ${JSON.stringify(b)} in ${width}×${height}`);
    if (
      legend &&
      b.minX < legend.maxX - e &&
      legend.minX < b.maxX - e &&
      b.minY < legend.maxY - e &&
      legend.minY < b.maxY - e
    )
      out.push(`"${a.label}" is under the legend`);
    for (const c of labels.slice(i + 1)) {
      const o = c.box;
      if (b.minX < o.maxX - e && o.minX < b.maxX - e && b.minY < o.maxY - e && o.minY < b.maxY - e)
        out.push(`"${a.label}" overlaps "${c.label}"`);
    }
  }
  return out;
}

describe.skipIf(!hasBrowser)('graph views on the demo data', () => {
  let server: Server;
  let browser: Browser;

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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explore: labels never overlap, are never cut off at the edges nor hidden under the legend, however the view moves', async () => {
    const { page, errors } = await openPage(browser);
    // A narrow window: more labels compete for the space and more reach the right edge.
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.url}/#/explore?size=300`);
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    const first = await drawnLabels(page);
    expect(first.labels.length).toBeGreaterThan(3);
    expect(problems(first)).toEqual([]);
    await shot(page, 'explore-labels');

    // Zoomed in around the right part of the canvas: more labels, nodes near the right edge.
    const box = (await page.locator('.sigma-container').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(150);
    }
    const zoomed = await drawnLabels(page);
    expect(zoomed.labels.length).toBeGreaterThan(3);
    expect(problems(zoomed)).toEqual([]);
    await shot(page, 'explore-labels-zoomed');

    // Panned so that part of the graph runs off the right edge.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    const panned = await drawnLabels(page);
    expect(problems(panned)).toEqual([]);

    // Hovering a labelled track: its neighbourhood's labels (its own included), still without overlaps.
    const target = (panned.labels.length > 0 ? panned : zoomed).labels[0]!;
    await page.mouse.move(box.x + target.x, box.y + target.y);
    const hovered = await drawnLabels(page);
    expect(hovered.labels.map((l) => l.key)).toContain(target.key);
    expect(problems(hovered)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('overview: zooming into a region opens it in the detailed view; a picked track opens its neighbourhood', async () => {
    // The overview draws the stored layout: compute it first (a job).
    const started = await fetch(`${server.url}/api/v1/graph/layout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: '{}',
    });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    for (const deadline = Date.now() + 60_000; ; ) {
      const job = (await (await fetch(`${server.url}/api/v1/jobs/${jobId}`)).json()) as { state: string };
      if (job.state === 'completed') break;
      if (job.state === 'failed' || Date.now() > deadline) throw new Error(`layout job ${job.state}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('.cosmos-container[data-ready="true"]');
    const total = Number(await page.getAttribute('.cosmos-container', 'data-nodes'));
    // The whole graph is in view at first: the page says how to pick a region.
    await page.waitForSelector('.region-offer:has-text("Zoom into a region")');

    // Zoom in on the middle of the map until a region small enough for the detailed view is on screen.
    const stage = (await page.locator('.cosmos-container').boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    const offer = page.locator('.region-offer a');
    for (let i = 0; i < 12 && !(await offer.count()); i++) {
      await page.mouse.wheel(0, -250);
      await page.waitForTimeout(500);
    }
    const inView = Number(await page.getAttribute('.region-offer', 'data-in-view'));
    expect(inView).toBeGreaterThan(0);
    expect(inView).toBeLessThan(total);
    expect(await offer.textContent()).toBe(
      `Open the ${inView.toLocaleString('en')} tracks in view in the detailed view`,
    );
    await shot(page, 'overview-region');
    await offer.click();

    // The detailed view draws exactly the tracks that were on screen, at their layout positions.
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    expect(page.url()).toMatch(/#\/explore\?.*region=[-\d.]+(%2C|,)[-\d.]+(%2C|,)[-\d.]+(%2C|,)[-\d.]+/);
    expect(Number(await page.getAttribute('.sigma-container', 'data-nodes'))).toBe(inView);
    expect(await page.textContent('.graph-caption')).toContain(
      `The ${inView} strongest tracks in a region of the overview`,
    );
    expect(await page.textContent('.explore-controls')).toContain('a region of the overview is shown');
    expect(problems(await drawnLabels(page))).toEqual([]);
    await shot(page, 'explore-region');

    // Back on the overview, fly to a track by search, then click it: its neighbourhood opens.
    const top = (await (await fetch(`${server.url}/api/v1/graph/rankings/most-played?limit=1`)).json()) as {
      ranked: { trackId: number }[];
      tracks: Record<string, { title: string }>;
    };
    const id = top.ranked[0]!.trackId;
    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('.cosmos-container[data-ready="true"]');
    await page.getByLabel('Fly to a track').fill(top.tracks[id]!.title);
    await page.waitForSelector('[role="option"]');
    await page.keyboard.press('Enter');
    // The flight takes 700 ms and ends with the track in the middle of the canvas.
    await page.waitForTimeout(1500);
    expect(await page.$('.overview .problems')).toBeNull();
    await page.mouse.click(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.waitForFunction((t) => window.location.hash.includes(`track=${t}`), id);
    await page.waitForSelector('.sigma-container[data-ready="true"]');
    expect(await page.textContent('.graph-caption')).toMatch(/tracks within 1 hop of/);
    expect(errors).toEqual([]);
  });
});
