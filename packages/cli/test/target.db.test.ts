// `songnodes target …` as a user runs it, on a PGlite data folder and on the test server's database:
// the local owner's list (user id null) kept through the API's ScrapeService; a track added by id or
// as "Artist - Title", a duplicate said so; `target search` queues target tasks (an open one shared)
// that a job worker then runs against the local fixture sites, after which `target list` shows what
// each search found. Bad ids are usage errors (exit 2, usage line), refusals one line (exit 1).
import { type Database, listScrapeTargets } from '@songnodes/db';
import { JobQueue } from '@songnodes/jobs';
import { createScrapeRuntime, registerScrapeWorkers } from '@songnodes/scrapers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import {
  REDDIT_ID,
  REDDIT_SECRET,
  SETLISTFM_KEY,
  type Sites,
  startSites,
} from '../../scrapers/test/sites.ts';
import { cliDatabase } from './cli-database.ts';
import { runCli, until } from './run-cli.ts';

const SETS = [testSet('a', ['Sable Reed - Lantern', 'Kay Loom - Sundial'], { performers: ['DJ One'] })];

// Each run starts Node and opens (embedded: migrates) the database: seconds each on a busy machine.
describe.skipIf(noServer)(`songnodes target (${engine})`, { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let scraping: Record<string, string>;
  let sites: Sites;
  let open: () => Promise<{ db: Database; close: () => Promise<void> }>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    sites = await startSites();
    ({ env, open, cleanup } = await cliDatabase('target', SETS));
    scraping = {
      ...env,
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
  });
  afterAll(async () => {
    await sites?.close();
    await cleanup?.();
  });

  const songnodes = (...args: string[]) => runCli(args, env);
  const noStack = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at /);
  let lantern: number;
  let sundial: number;

  it('adds by track id and by "Artist - Title", says when a track is listed already, and lists them', async () => {
    const empty = await songnodes('target', 'list');
    expect(empty).toMatchObject({ code: 0, stdout: expect.stringContaining('no target tracks') });

    const { db, close } = await open();
    let trackId: number;
    try {
      const [row] = await db.query<{ id: number }>(`SELECT id FROM tracks WHERE title = 'Lantern'`);
      trackId = row!.id;
    } finally {
      await close();
    }
    const byId = await songnodes('target', 'add', String(trackId));
    expect(byId.code, byId.stderr).toBe(0);
    const m = /^added target #(\d+): Sable Reed - Lantern\n$/.exec(byId.stdout);
    expect(m, byId.stdout).not.toBeNull();
    lantern = Number(m![1]);

    // The same track as text, spelt differently: the entry already there, nothing added.
    const again = await songnodes('target', 'add', 'sable reed - LANTERN');
    expect(again).toMatchObject({ code: 0, stdout: `already a target: #${lantern} Sable Reed - Lantern\n` });

    // Unquoted words are one "Artist - Title".
    const text = await songnodes('target', 'add', 'Kay', 'Loom', '-', 'Sundial');
    expect(text.code, text.stderr).toBe(0);
    sundial = Number(/^added target #(\d+): Kay Loom - Sundial\n$/.exec(text.stdout)?.[1]);
    expect(sundial).toBeGreaterThan(lantern);

    const list = await songnodes('target', 'list');
    expect(list.stdout).toBe(
      `#${sundial} Kay Loom - Sundial\n  never searched\n` +
        `#${lantern} Sable Reed - Lantern (track ${trackId})\n  never searched\n`,
    );
    const json = await songnodes('target', 'list', '--json');
    const items = JSON.parse(json.stdout) as { id: number; userId: number | null; trackId: number | null }[];
    // The CLI keeps the local owner's list.
    expect(items).toMatchObject([
      { id: sundial, userId: null, trackId: null },
      { id: lantern, userId: null, trackId },
    ]);
  });

  it('refuses bad ids as usage errors and what the service refuses in one line, without a stack', async () => {
    const notATarget = await songnodes('target', 'add', 'just a title');
    expect(notATarget.code).toBe(2);
    expect(notATarget.stderr).toBe(
      'songnodes: give a track id or "Artist - Title", got "just a title"\n' +
        'usage: songnodes target add [options] <track...>\n',
    );
    const badId = await songnodes('target', 'remove', 'x');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('id must be a positive whole number, got "x"');
    expect(badId.stderr).toContain('usage: songnodes target remove [options] <id>');
    const badPriority = await songnodes('target', 'search', '--priority', 'urgent');
    expect(badPriority.code).toBe(2);

    const noTrack = await songnodes('target', 'add', '99999');
    expect(noTrack).toMatchObject({ code: 1, stderr: 'songnodes: no track 99999\n' });
    const noTarget = await songnodes('target', 'remove', '99999');
    expect(noTarget).toMatchObject({ code: 1, stderr: 'songnodes: no target track 99999 in your list\n' });
    const tooLong = await songnodes('target', 'add', `A - ${'x'.repeat(301)}`);
    expect(tooLong).toMatchObject({ code: 1, stderr: 'songnodes: at most 300 characters\n' });
    // Without a contact URL nothing can be searched, and the command says what to set.
    const unconfigured = await songnodes('target', 'search');
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toMatch(/^songnodes: scraping is not configured: set SCRAPER_CONTACT_URL/);
    for (const r of [notATarget, badId, badPriority, noTrack, noTarget, tooLong, unconfigured]) noStack(r);
  });

  it('queues the searches (an open one shared), which a worker runs; the list then shows what they found', async () => {
    const missing = await runCli(['target', 'search', String(lantern), '99999'], scraping);
    expect(missing).toMatchObject({ code: 1, stderr: 'songnodes: no target track 99999 in your list\n' });

    const queued = await runCli(['target', 'search'], scraping);
    expect(queued.code, queued.stderr).toBe(0);
    const tasks = [...queued.stdout.matchAll(/^#(\d+) .+: task #(\d+) queued$/gm)].map((x) => ({
      target: Number(x[1]),
      task: Number(x[2]),
    }));
    expect(tasks.map((x) => x.target)).toEqual([sundial, lantern]);
    expect(queued.stdout).toContain('2 searches queued for the job worker');
    // The same tracks again while their tasks are open: the same tasks, not new crawls.
    const again = await runCli(['target', 'search', String(lantern), '--json'], scraping);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject([
      { targetId: lantern, duplicate: true, task: { id: tasks[1]!.task, state: 'queued' } },
    ]);
    const listed = await songnodes('target', 'list');
    expect(listed.stdout).toContain(`#${lantern} Sable Reed - Lantern`);
    expect(listed.stdout).toContain(`  search: task #${tasks[1]!.task} queued\n`);

    // A job worker (as `songnodes start` runs one) takes the queued tasks up.
    const { db, close } = await open();
    const jobs = await JobQueue.start(db, { schedule: false });
    const rt = createScrapeRuntime(db, sites.settings(), { metrics: false });
    try {
      await registerScrapeWorkers(jobs, rt);
      await until(
        'the searches to end',
        async () => {
          const list = await listScrapeTargets(db, null);
          return list.every((x) => x.lastResult && x.lastResult.taskId === x.task?.id);
        },
        120_000,
      );
    } finally {
      await jobs.stop(2000);
      await rt.close();
      await close();
    }
    const after = await songnodes('target', 'list');
    expect(after.code, after.stderr).toBe(0);
    // The fixtures hold Lantern in a 1001tracklists set, two MixesDB pages and a Reddit comment.
    expect(after.stdout).toMatch(
      new RegExp(
        `#${lantern} Sable Reed - Lantern \\(track \\d+\\)\\n  last search [\\d-]+ [\\d:]+ UTC, completed: 4 sets found, 4 new to the graph, 0 already stored`,
      ),
    );
    expect(after.stdout).toMatch(/^ {4}1001tracklists: .+ \(set \d+\)$/m);
    expect(after.stdout).not.toContain('  search: task');
  });

  it('removes a target', async () => {
    const r = await songnodes('target', 'remove', String(sundial));
    expect(r).toMatchObject({ code: 0, stdout: `removed target #${sundial}\n` });
    const list = JSON.parse((await songnodes('target', 'list', '--json')).stdout) as { id: number }[];
    expect(list.map((t) => t.id)).toEqual([lantern]);
  });
});
