// Every adapter against its local fixture site: discovery (with paging), fetching, parsing with the
// importers' readers, and a clear parse error when a page has changed shape.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readSets } from '@songnodes/importers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotConfiguredError, ParseError, QuotaExhaustedError } from '../src/errors.ts';
import type { PoliteClient } from '../src/http-client.ts';
import { createClient, createSources, type Sources } from '../src/sources/index.ts';
import { tracklistLines } from '../src/sources/reddit.ts';
import type { Discovered } from '../src/sources/source.ts';
import { startFixtureServer } from './fixture-server.ts';
import { FIXTURES, fixture, type Sites, startSites } from './sites.ts';

const collect = async (it: AsyncIterable<Discovered>) => {
  const out: Discovered[] = [];
  for await (const d of it) out.push(d);
  return out;
};

/** The sets the file importer reads from the same fixture on disk. */
async function fromDisk(path: string) {
  const out = [];
  for await (const item of readSets(`${FIXTURES}${path}`)) if (!('unreadable' in item)) out.push(item);
  return out;
}

/** A set without where it was read from (file names differ between disk and web). */
const content = (s: { location?: unknown; issues: unknown[] }) => ({ ...s, location: undefined, issues: [] });

describe('source adapters', () => {
  let sites: Sites;
  let client: PoliteClient;
  let sources: Sources;
  const quota = new Map<string, number>();
  let quotaLimit = 1440;
  beforeAll(async () => {
    sites = await startSites();
    const settings = sites.settings();
    client = createClient(settings);
    sources = createSources(settings, client, async (source, day) => {
      const k = `${source}/${day}`;
      const used = quota.get(k) ?? 0;
      if (used >= quotaLimit) return false;
      quota.set(k, used + 1);
      return true;
    });
  });
  afterAll(async () => {
    await client.close();
    await sites.close();
  });

  describe('1001tracklists', () => {
    it('discovers the tracklists of a DJ page and its next page, once each', async () => {
      const found = await collect(sources['1001tracklists'].discover('dj:oren-dusk'));
      expect(found.map((d) => new URL(d.url).pathname)).toEqual([
        '/tracklist/2hx8k1p9/lina-crest-oren-dusk-harbour-festival-2022-08-20.html',
        '/tracklist/7qw2m4zz/oren-dusk-night-shift-12-2022-09-03.html',
      ]);
      expect(found.every((d) => d.url.startsWith(sites.tl.url))).toBe(true);
    });

    it('reads a tracklist page into the same set as the file importer does from disk', async () => {
      const a = sources['1001tracklists'];
      const item = a.itemUrl(
        new URL(`${sites.tl.url}/tracklist/2hx8k1p9/lina-crest-oren-dusk-harbour-festival-2022-08-20.html`),
      )!;
      const { sets } = await a.parse(await a.fetch(item));
      const disk = await fromDisk('1001tracklists/tracklist-harbour.html');
      expect(sets.map(content)).toEqual(disk.map(content));
      expect(sets[0]).toMatchObject({
        source: '1001tracklists',
        externalId: '2hx8k1p9',
        performers: ['Lina Crest', 'Oren Dusk'],
        date: '2022-08-20',
      });
      expect(sets[0]!.entries.map((e) => e.withPrevious ?? false)).toEqual([
        false,
        false,
        true,
        false,
        false,
        true,
      ]);
    });

    it('names the source and what is missing when the page layout changed', async () => {
      const a = sources['1001tracklists'];
      const page = await a.fetch(`${sites.tl.url}/tracklist/9zz9zz9z/ora-tide-sessions-004.html`);
      await expect(a.parse(page)).rejects.toThrow(ParseError);
      await expect(a.parse(page)).rejects.toThrow(
        /^1001tracklists: cannot read http:\/\/127\.0\.0\.1:\d+\/tracklist\/9zz9zz9z\/ora-tide-sessions-004\.html: no tracklist rows \(div\.tlpItem\)/,
      );
    });

    const real = '../../../../shared/data/1001tl-html-fixtures/';
    const realDir = new URL(real, import.meta.url).pathname;
    it.skipIf(!existsSync(realDir))(
      'reads the saved real pages served over HTTP like from disk',
      async () => {
        const s = await startFixtureServer();
        s.route('/robots.txt', (_q, res) => void res.writeHead(404).end());
        const files = readdirSync(realDir).filter((f) => f.endsWith('.html'));
        for (const f of files)
          s.route(`/tracklist/real/${f}`, (_q, res) => void res.end(readFileSync(`${realDir}${f}`)));
        const c = createClient(sites.settings({ tracklists1001: { baseUrl: s.url } }));
        const src = createSources(
          sites.settings({ tracklists1001: { baseUrl: s.url } }),
          c,
          async () => true,
        );
        try {
          for (const f of files) {
            const { sets } = await src['1001tracklists'].parse(
              await src['1001tracklists'].fetch(`${s.url}/tracklist/real/${f}`),
            );
            const disk = [];
            for await (const item of readSets(`${realDir}${f}`)) if (!('unreadable' in item)) disk.push(item);
            expect(sets.length).toBe(1);
            expect(sets[0]!.entries.length).toBeGreaterThan(0);
            expect(sets.map(content)).toEqual(disk.map(content));
          }
        } finally {
          await c.close();
          await s.close();
        }
      },
    );
  });

  describe('MixesDB', () => {
    it('pages through a category with the API continue token, keeping mix pages only', async () => {
      const found = await collect(sources.mixesdb.discover('category:2022'));
      expect(found.map((d) => decodeURIComponent(new URL(d.url).pathname))).toEqual([
        '/w/2022-10-14_-_Lina_Crest_@_Harbour_Club,_Ostrava',
        '/w/2022-11-02_-_Oren_Dusk_-_Night_Shift_14',
        '/w/2022-12-01_-_Ora_@_Tide_Sessions',
      ]);
      const api = sites.mixesdb.log.filter((r) => r.path.startsWith('/api.php'));
      expect(api).toHaveLength(2);
      expect(new URL(api[1]!.path, 'http://x').searchParams.get('cmcontinue')).toBe('page|32303232|4711');
    });

    it('reads a mix from its raw wikitext, same as the .wiki file from disk', async () => {
      const a = sources.mixesdb;
      const name = '2022-10-14_-_Lina_Crest_@_Harbour_Club,_Ostrava';
      const page = await a.fetch(a.itemUrl(new URL(`https://www.mixesdb.com/w/${name}`))!);
      expect(page.format).toBe('mixesdb');
      expect(new URL(sites.mixesdb.log.at(-1)!.path, 'http://x').searchParams.get('action')).toBe('raw');
      const { sets } = await a.parse(page);
      expect(sets.map(content)).toEqual((await fromDisk(`mixesdb/${name}.wiki`)).map(content));
      expect(sets[0]).toMatchObject({ externalId: name, performers: ['Lina Crest'], date: '2022-10-14' });
    });

    it('falls back to the HTML page when the raw text is not available', async () => {
      const a = sources.mixesdb;
      const { sets } = await a.parse(
        await a.fetch(`${sites.mixesdb.url}/w/2022-12-01_-_Ora_@_Tide_Sessions`),
      );
      expect(sets.map(content)).toEqual(
        (await fromDisk('mixesdb/2022-12-01_-_Ora_@_Tide_Sessions.html')).map(content),
      );
      expect(sets[0]!.entries).toHaveLength(3);
    });

    it('refuses category, special and other non-mix pages as items', () => {
      expect(sources.mixesdb.itemUrl(new URL('https://www.mixesdb.com/w/Category:2022'))).toBeNull();
      expect(sources.mixesdb.itemUrl(new URL('https://www.mixesdb.com/w/Special:Random'))).toBeNull();
    });
  });

  describe('setlist.fm', () => {
    it('pages through a search with the API key, skipping setlists without songs', async () => {
      const a = sources.setlistfm;
      const found = await collect(a.discover('artist:The Paper Suns'));
      expect(found.map((d) => new URL(d.url).searchParams.get('p'))).toEqual(['1', '2']);
      expect(found[0]!.page).toBeDefined();
      const first = await a.parse(found[0]!.page!);
      const second = await a.parse(await a.fetch(found[1]!.url));
      expect(first.sets.map((s) => s.externalId)).toEqual(['7bd2a61c']);
      expect(first.skipped[0]!.message).toMatch(/3bd2a65f has no songs/);
      expect(second.sets.map((s) => s.externalId)).toEqual(['1bd2a6e0']);
      expect(first.sets[0]).toMatchObject({
        performers: ['The Paper Suns'],
        date: '2023-06-14',
        kind: 'concert',
      });
      for (const r of sites.setlistfm.log) {
        expect(r.headers['x-api-key']).toBe('fixture-key-0b1c');
        expect(r.headers.accept).toBe('application/json');
      }
    });

    it('reads a page like the JSON file importer does', async () => {
      const a = sources.setlistfm;
      const page = await a.fetch(
        `${sites.setlistfm.url}/rest/1.0/search/setlists?artistName=The+Paper+Suns&p=2`,
      );
      expect((await a.parse(page)).sets.map(content)).toEqual(
        (await fromDisk('setlistfm/search-page2.json')).map(content),
      );
    });

    it('maps a setlist.fm web URL to the API without fetching the web page', () => {
      expect(
        sources.setlistfm.itemUrl(
          new URL(
            'https://www.setlist.fm/setlist/the-paper-suns/2023/harbour-hall-ostrava-czechia-7bd2a61c.html',
          ),
        ),
      ).toBe(`${sites.setlistfm.url}/rest/1.0/setlist/7bd2a61c`);
    });

    it('stops with the quota named when the daily quota is spent', async () => {
      quotaLimit = 0;
      try {
        const before = sites.setlistfm.log.length;
        const e = await sources.setlistfm
          .fetch(`${sites.setlistfm.url}/rest/1.0/setlist/7bd2a61c`)
          .catch((x) => x);
        expect(e).toBeInstanceOf(QuotaExhaustedError);
        expect(e.message).toMatch(
          /setlistfm: daily quota of 1440 requests is spent; resumes after \d{4}-\d{2}-\d{2}T00:00:00\.000Z/,
        );
        expect(sites.setlistfm.log.length).toBe(before);
      } finally {
        quotaLimit = 1440;
      }
    });

    it('says which variable to set when there is no API key', async () => {
      const s = sites.settings({ setlistfm: { ...sites.settings().setlistfm, apiKey: undefined } });
      const src = createSources(s, client, async () => true);
      await expect(src.setlistfm.fetch(`${sites.setlistfm.url}/rest/1.0/setlist/x`)).rejects.toThrow(
        NotConfiguredError,
      );
      await expect(src.setlistfm.fetch(`${sites.setlistfm.url}/rest/1.0/setlist/x`)).rejects.toThrow(
        /SCRAPER_SETLISTFM_API_KEY/,
      );
    });

    it('names the source when the answer is not setlist JSON', async () => {
      const page = {
        ...(await sources.setlistfm.fetch(
          `${sites.setlistfm.url}/rest/1.0/search/setlists?artistName=The+Paper+Suns&p=1`,
        )),
      };
      page.body = new TextEncoder().encode('{"results":[]}');
      await expect(sources.setlistfm.parse(page)).rejects.toThrow(
        /^setlistfm: cannot read .*: neither a "setlist" array/,
      );
    });
  });

  describe('Reddit', () => {
    it('gets an app-only token, lists a subreddit and reads tracklists out of posts and comments', async () => {
      const a = sources.reddit;
      const found = await collect(a.discover('r/Techno'));
      expect(found.map((d) => new URL(d.url).pathname)).toEqual(['/comments/1abcde', '/comments/1fghij']);
      const { sets } = await a.parse(await a.fetch(found[0]!.url));
      expect(sets.map((s) => s.externalId)).toEqual(['t3_1abcde', 't1_k1aa02']);
      expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
        '1. Glass Heron - Slow Tide',
        '2. Marlow Finch & Tessa Vane - Copper Rain',
        '3. ID - ID',
        '4. Ora - Drift (Sable Reed Remix)',
      ]);
      expect(sets[1]!.entries).toHaveLength(3);
      expect(sets[0]).toMatchObject({
        source: 'reddit',
        url: 'https://www.reddit.com/r/Techno/comments/1abcde/oren_dusk_closing_set_at_harbour_club_last_night/',
        title: 'Oren Dusk closing set at Harbour Club last night - tracklist inside',
      });
      expect(a.confidence).toBeLessThan(1);
      const tokenCalls = sites.reddit.log.filter((r) => r.path === '/api/v1/access_token');
      expect(tokenCalls).toHaveLength(1);
      const empty = await a.parse(await a.fetch(found[1]!.url));
      expect(empty.sets).toEqual([]);
    });

    it('keeps only lines that read like tracks', () => {
      expect(
        tracklistLines(
          'Great set!\n01. A - B\n> 02) C – D\nsee https://x.org - link\n[12:00] E - F (G Remix)',
        ),
      ).toEqual(['01. A - B', '02) C – D', '[12:00] E - F (G Remix)']);
    });

    it('names what is missing when the thread JSON changed shape', async () => {
      const page = await sources.reddit.fetch(`${sites.reddit.url}/comments/1abcde?raw_json=1&limit=500`);
      await expect(
        sources.reddit.parse({ ...page, body: new TextEncoder().encode('{"data":{}}') }),
      ).rejects.toThrow(/^reddit: cannot read .*: expected \[post listing, comment listing\]/);
    });
  });

  it('serves fixtures that exist', () => {
    expect(fixture('reddit/token.json').length).toBeGreaterThan(0);
  });
});
