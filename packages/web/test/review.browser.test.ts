// Pages that read what the server computed, in a real browser against a real `songnodes start`
// with the demo data: an artist's communities (first honestly absent, then computed from the page
// and checked against the API's membership), and the near-duplicate review on the import page as
// the local owner (a candidate listed, merged, the merge listed, then undone).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

const CSRF = { 'x-songnodes-csrf': '1' };

async function waitForJob(url: string, jobId: string) {
  for (const deadline = Date.now() + 60_000; ; ) {
    const job = (await (await fetch(`${url}/api/v1/jobs/${jobId}`)).json()) as { state: string };
    if (job.state === 'completed') return;
    if (job.state === 'failed' || Date.now() > deadline) throw new Error(`job ${jobId} ${job.state}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe.skipIf(!hasBrowser)('artist communities and the near-duplicate review', () => {
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

  it("artist page: says communities are not computed, computes them, then lists the artist's", async () => {
    // The artist of the most played track.
    const top = (await (await fetch(`${server.url}/api/v1/graph/rankings/most-played?limit=1`)).json()) as {
      ranked: { trackId: number }[];
    };
    const track = (await (await fetch(`${server.url}/api/v1/tracks/${top.ranked[0]!.trackId}`)).json()) as {
      artists: { id: number }[];
    };
    const artistId = track.artists[0]!.id;
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/artist/${artistId}`);
    await page.waitForSelector('.artist-page [data-state="no-communities"]');
    expect(await page.textContent('[data-state="no-communities"]')).toContain(
      'Communities are not computed yet.',
    );
    // No community is made up meanwhile.
    expect(await page.$$('.artist-communities li')).toEqual([]);

    await page.click('text=Compute communities now');
    await page.waitForSelector('.artist-communities li, [data-state="none-placed"]', { timeout: 60_000 });

    // What the page lists is what the API's membership says of this artist's tracks.
    const artist = (await (await fetch(`${server.url}/api/v1/artists/${artistId}`)).json()) as {
      tracks: { id: number }[];
    };
    const stored = (await (await fetch(`${server.url}/api/v1/graph/communities?members=true`)).json()) as {
      trackIds: number[];
      membership: number[];
    };
    const of = new Map(stored.trackIds.map((id, i) => [id, stored.membership[i]!]));
    const expected = new Map<number, number>();
    for (const t of artist.tracks) {
      const m = of.get(t.id);
      if (m !== undefined && m >= 0) expected.set(m, (expected.get(m) ?? 0) + 1);
    }
    const listed = await page.$$eval('.artist-communities li', (lis) =>
      lis.map((li) => Number(li.getAttribute('data-community'))),
    );
    expect(new Set(listed)).toEqual(new Set(expected.keys()));
    expect(listed.length).toBeGreaterThan(0);
    // Most of the artist's tracks first.
    const counts = listed.map((c) => expected.get(c)!);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const unplaced = artist.tracks.length - [...expected.values()].reduce((a, b) => a + b, 0);
    const note = await page.getAttribute('[data-unplaced]', 'data-unplaced').catch(() => null);
    expect(Number(note ?? 0)).toBe(unplaced);
    await shot(page, 'artist-communities');
    expect(errors).toEqual([]);
  });

  it('import page: a near-duplicate pair is listed, merged, the merge listed and undone (split)', async () => {
    // Two sets whose tracks differ by one letter (a pair core scores for review, below automatic merging).
    for (const [name, title, filler] of [
      ['review-a.txt', 'Polaris', 'Quiet Harbour'],
      ['review-b.txt', 'Polaros', 'Ember Field'],
    ] as const) {
      const res = await fetch(`${server.url}/api/v1/imports?filename=${name}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', ...CSRF },
        body: `01. Kay Loom - ${title}\n02. Web Review Filler - ${filler}\n`,
      });
      expect(res.status).toBe(202);
      await waitForJob(server.url, ((await res.json()) as { jobId: string }).jobId);
    }
    const candidates = (await (await fetch(`${server.url}/api/v1/dedupe/candidates?limit=50`)).json()) as {
      track: { id: number; title: string };
      candidate: { id: number; title: string };
    }[];
    const pair = candidates.find(
      (c) => [c.track.title, c.candidate.title].sort().join() === 'Polaris,Polaros',
    );
    expect(pair, 'Polaris / Polaros listed by the API for review').toBeDefined();
    const key = `${pair!.track.id}-${pair!.candidate.id}`;

    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/import`);
    const row = `.dedupe li[data-pair="${key}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(row)).toMatch(
      /Kay Loom – (Polaris|Polaros).*and.*Kay Loom – (Polaris|Polaros)/,
    );
    await shot(page, 'dedupe-candidates');

    // Same recording: keep the first; the second is merged into it.
    await page.click(`${row} button:has-text("Same: keep the first")`);
    await page.waitForSelector(`${row} .pill:has-text("merged")`);
    const merge = `.merges li:has(a[href="#/track/${pair!.candidate.id}"]):has(a[href="#/track/${pair!.track.id}"])`;
    await page.waitForSelector(`${merge}[data-undone="false"]`);
    expect(await page.textContent(merge)).toContain('merged into');
    // The API has it too: the merged track is gone into the kept one.
    const merges = (await (await fetch(`${server.url}/api/v1/dedupe/merges?limit=5`)).json()) as {
      id: number;
      kept: { id: number };
      merged: { id: number };
      undoneAt: string | null;
    }[];
    const done = merges.find((m) => m.kept.id === pair!.track.id && m.merged.id === pair!.candidate.id);
    expect(done?.undoneAt).toBeNull();
    await shot(page, 'dedupe-merged');

    // Undo it: the split is reported and the merge is listed as undone.
    await page.click(`${merge} button:has-text("Undo (split)")`);
    await page.waitForSelector(`${merge} [role="status"]:has-text("undone:")`);
    expect(await page.textContent(`${merge} [role="status"]`)).toMatch(
      /undone: \d+ entr(y|ies) and \d+ transitions? restored/,
    );
    const after = (await (await fetch(`${server.url}/api/v1/dedupe/merges?limit=5`)).json()) as typeof merges;
    expect(after.find((m) => m.id === done!.id)?.undoneAt).not.toBeNull();
    // The merged track is back.
    expect((await fetch(`${server.url}/api/v1/tracks/${pair!.candidate.id}`)).status).toBe(200);
    await shot(page, 'dedupe-split');
    expect(errors).toEqual([]);
  });
});
