// `songnodes scrape` against the local fixture sites fills the database with the same sets as
// `songnodes import` of the same pages from disk; it prints what it stored, refuses what it must.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { runCli } from '../../cli/test/run-cli.ts';
import {
  FIXTURES,
  REDDIT_ID,
  REDDIT_SECRET,
  SETLISTFM_KEY,
  type Sites,
  startSites,
  TRACKLIST_PATHS,
} from './sites.ts';

const [HARBOUR, , CHANGED] = Object.keys(TRACKLIST_PATHS) as [string, string, string];

/** The same pages as files: what `songnodes import` reads. */
const DISK = [
  '1001tracklists/tracklist-harbour.html',
  '1001tracklists/tracklist-night.html',
  'mixesdb/2022-10-14_-_Lina_Crest_@_Harbour_Club,_Ostrava.wiki',
  'mixesdb/2022-11-02_-_Oren_Dusk_-_Night_Shift_14.wiki',
  'mixesdb/2022-12-01_-_Ora_@_Tide_Sessions.html',
  'setlistfm/search-page1.json',
  'setlistfm/search-page2.json',
];

// Each CLI run starts Node and opens (and, embedded, migrates) the database: seconds each on a busy machine.
describe.skipIf(noServer)(`songnodes scrape (${engine})`, { timeout: 180_000 }, () => {
  let dir: string;
  let sites: Sites;
  let scraped: Record<string, string>;
  let imported: Record<string, string>;
  const dbs: TestDatabase[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-scrape-'));
    sites = await startSites();
    const scraperEnv = {
      SCRAPER_CONTACT_URL: 'https://songnodes.test/contact',
      SCRAPER_ALLOW_PRIVATE_HOSTS: 'true',
      SCRAPER_HTML_DELAY_MS: '0',
      SCRAPER_SETLISTFM_DELAY_MS: '0',
      SCRAPER_REDDIT_DELAY_MS: '0',
      SCRAPER_RETRIES: '1',
      SCRAPER_1001TRACKLISTS_URL: sites.tl.url,
      SCRAPER_MIXESDB_URL: sites.mixesdb.url,
      SCRAPER_SETLISTFM_URL: `${sites.setlistfm.url}/rest/1.0`,
      SCRAPER_SETLISTFM_API_KEY: SETLISTFM_KEY,
      SCRAPER_REDDIT_URL: sites.reddit.url,
      SCRAPER_REDDIT_AUTH_URL: sites.reddit.url,
      SCRAPER_REDDIT_CLIENT_ID: REDDIT_ID,
      SCRAPER_REDDIT_CLIENT_SECRET: REDDIT_SECRET,
    };
    scraped = { ...scraperEnv, SONGNODES_DATA_DIR: join(dir, 'scraped') };
    imported = { SONGNODES_DATA_DIR: join(dir, 'imported') };
    if (engine === 'postgres') {
      for (let i = 0; i < 2; i++) dbs.push(await testDatabase());
      scraped.DATABASE_URL = dbs[0]!.url!;
      imported.DATABASE_URL = dbs[1]!.url!;
    }
  });
  afterAll(async () => {
    await sites?.close();
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches a page by URL, stores its set and says so; again, it is unchanged', async () => {
    const r = await runCli(['scrape', `${sites.tl.url}${HARBOUR}`], scraped);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'stored    1001tracklists: Lina Crest & Oren Dusk @ Harbour Festival, Ostrava 2022-08-20 (6 entries)',
    );
    expect(r.stdout).toMatch(/1 pages read: 1 sets, 1 stored, 0 unchanged, 6 entries, 0 errors/);
    const again = await runCli(['scrape', `${sites.tl.url}${HARBOUR}`, '--json'], scraped);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'completed', setsStored: 0, setsUnchanged: 1 });
  });

  it('fills the graph with the same sets as importing the same pages from disk', async () => {
    for (const what of [
      '1001tracklists:dj:oren-dusk',
      'mixesdb:category:2022',
      'setlistfm:artist:The Paper Suns',
    ]) {
      const r = await runCli(['scrape', what], scraped);
      expect(r.stderr, what).toBe('');
      expect(r.code, what).toBe(0);
    }
    // The pages as files in one folder (our own fixtures), imported in one run.
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    // Under their own names: the MixesDB wikitext reader takes the mix's title from the file name.
    for (const file of DISK) copyFileSync(`${FIXTURES}${file}`, join(pages, basename(file)));
    const r = await runCli(['import', pages], imported);
    expect(r.code, r.stdout).toBe(0);
    // The one set that fails is setlist.fm's empty setlist (no songs), on both paths.
    expect(r.stdout).toMatch(/8 sets read, 7 stored, 0 unchanged, 1 failed/);
    const exported = async (what: string, env: Record<string, string>, drop: string) => {
      const r = await runCli(['export', what], env);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout
        .trim()
        .split('\n')
        .map((l) => {
          // Database ids depend on insertion order, not on content.
          const { [drop]: _, ...rest } = JSON.parse(l);
          return JSON.stringify(rest);
        })
        .sort();
    };
    const dump = async (env: Record<string, string>) => ({
      sets: await exported('sets', env, 'id'),
      entries: await exported('entries', env, 'trackId'),
    });
    const fromWeb = await dump(scraped);
    const fromDisk = await dump(imported);
    expect(fromWeb.sets).toHaveLength(7);
    expect(fromWeb.entries.length).toBeGreaterThan(20);
    expect(fromWeb).toEqual(fromDisk);
  }, 400_000);

  it('exits 1 naming the source and the missing markup when a page changed shape', async () => {
    const r = await runCli(['scrape', `${sites.tl.url}${CHANGED}`], scraped);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: 1001tracklists: cannot read .*: no tracklist rows \(div\.tlpItem\)/);
  });

  it('refuses internal addresses and unknown hosts in one line, without a stack trace', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/x',
      'https://evil.example/x',
    ]) {
      const r = await runCli(['scrape', url], scraped);
      expect(r.code, url).toBe(1);
      expect(r.stderr, url).toMatch(/^songnodes: refused /);
      expect(r.stderr, url).not.toMatch(/\n\s+at /);
    }
  });

  it('says which variable to set when no contact URL is configured', async () => {
    const r = await runCli(['scrape', 'mixesdb:recent'], { ...scraped, SCRAPER_CONTACT_URL: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^songnodes: scraping is not configured: set SCRAPER_CONTACT_URL/);
  });
});
