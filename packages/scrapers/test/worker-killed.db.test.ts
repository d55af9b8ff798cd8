// A worker killed in the middle of a scrape (SIGKILL: no drain, no goodbye) loses nothing and stores
// nothing twice: real `songnodes worker` processes against PostgreSQL and the local fixture sites.
// The task is a MixesDB category of three mix pages; the fixture site answers the first page and
// holds every later one, so the first worker is killed with one set stored and a page in flight. Its
// job's heartbeat goes stale, a second worker takes the job up again, skips the page the first one
// finished (it is never asked for again) and stores the other two: three sets, each once.
// PGlite is one process's database, so there is no second process to run the worker on it: skipped.
import { type ChildProcess, spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getScrapeTask, type ScrapeTask } from '@songnodes/db';
import { JobQueue } from '@songnodes/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { cliEnv, exitOf, MAIN, until } from '../../cli/test/run-cli.ts';
import { createOrchestrator, createScrapeRuntime } from '../src/orchestrator.ts';
import { type Sites, startSites } from './sites.ts';

/** The job queue made with a retry a second after the failure: the test waits for the heartbeat, not the back-off. */
const FAST_RETRY = { retry: { limit: 2, delaySeconds: 1, backoff: false } };

describe.skipIf(noServer || engine !== 'postgres')('a scrape worker killed mid-job (real processes)', () => {
  let t: TestDatabase;
  let sites: Sites;
  const workers: Worker[] = [];
  /** Mix pages asked for, in order (a page may be asked for twice: wikitext, then HTML). */
  const pagesAsked: string[] = [];
  let holding = true;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    t = await testDatabase();
    sites = await startSites();
    const serveMixesdb = sites.mixesdb.fallback!;
    sites.mixesdb.fallback = (req: IncomingMessage, res: ServerResponse, body: string) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const page =
        u.pathname === '/index.php' ? u.searchParams.get('title') : /^\/w\/(.+)$/.exec(u.pathname)?.[1];
      if (!page) return serveMixesdb(req, res, body);
      const name = decodeURIComponent(page);
      pagesAsked.push(name);
      // The first page is answered; the others wait (a slow site) until the test lets them go.
      if (holding && new Set(pagesAsked).size > 1) {
        held.push(() => void serveMixesdb(req, res, body));
        return;
      }
      return serveMixesdb(req, res, body);
    };
  });
  afterAll(async () => {
    // A killed child has a signal code and no exit code; only those still running are waited for.
    const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    for (const w of running) w.child.kill('SIGKILL');
    for (const w of running) await exitOf(w.child);
    await sites?.close();
    await t?.drop();
  });

  const env = () => ({
    DATABASE_URL: t.url!,
    SONGNODES_DEMO: 'false',
    SCRAPER_CONTACT_URL: 'https://songnodes.test/contact',
    SCRAPER_ALLOW_PRIVATE_HOSTS: 'true',
    SCRAPER_HTML_DELAY_MS: '0',
    SCRAPER_CACHE_FRESH_SECONDS: '0',
    SCRAPER_TIMEOUT_MS: '120000',
    SCRAPER_1001TRACKLISTS_URL: sites.tl.url,
    SCRAPER_MIXESDB_URL: sites.mixesdb.url,
  });
  const mixesdbSets = async () =>
    (
      await t.db.query<{ n: number; ids: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT s.external_id)::int AS ids
           FROM sets s JOIN sources src ON src.id = s.source_id WHERE src.name = 'mixesdb'`,
      )
    )[0]!;

  it('is taken up again by another worker, which skips the finished page and stores every set once', async () => {
    // Queued from here before any worker runs, as the API would queue it.
    const settings = sites.settings();
    const rt = createScrapeRuntime(t.db, settings, { metrics: false });
    const jobs = await JobQueue.start(t.db, { schedule: false });
    const { task } = await createOrchestrator(jobs, rt, settings, FAST_RETRY).submit('mixesdb:category:2022');
    await jobs.stop(1000);
    await rt.close();

    workers.push(startWorker(env()));
    const first = workers[0]!;
    // Killed with the first page stored and the second one in flight.
    await until(
      'the first page stored and the next one asked for',
      async () => {
        if (first.child.exitCode !== null) throw new Error(`the worker exited:\n${first.stderr()}`);
        const { n } = await mixesdbSets();
        return n === 1 && held.length > 0;
      },
      60_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${first.stderr()}`);
    });
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    const killed = (await getScrapeTask(t.db, task.id))!;
    expect(killed.state).toBe('running');
    expect(await mixesdbSets()).toEqual({ n: 1, ids: 1 });
    const firstPage = pagesAsked[0]!;

    // The site is quick again; the held answers go to a dead socket.
    holding = false;
    for (const release of held.splice(0)) release();
    const restarted = Date.now();
    workers.push(startWorker(env()));
    const done = await until(
      'the task to end',
      async () => {
        const x = (await getScrapeTask(t.db, task.id)) as ScrapeTask;
        return ['completed', 'failed', 'cancelled'].includes(x.state) ? x : null;
      },
      150_000,
    );
    const takenUpS = (Date.now() - restarted) / 1000;
    expect(done.state, `${JSON.stringify(done)}\n${workers[1]!.stderr()}`).toBe('completed');
    // The same job (pg-boss id), retried: not a second task.
    expect(done.jobId).toBe(killed.jobId);
    const [job] = await t.db.query<{ retry_count: number }>(
      'SELECT retry_count FROM pgboss.job WHERE id = $1::uuid',
      [done.jobId],
    );
    expect(job!.retry_count).toBeGreaterThanOrEqual(1);
    expect(done.result).toMatchObject({ pagesSkipped: 1, pages: 2, setsStored: 2 });
    expect(await mixesdbSets()).toEqual({ n: 3, ids: 3 });
    // The finished page was not fetched again by the second worker.
    expect(pagesAsked.filter((p) => p === firstPage)).toHaveLength(1);
    const [items] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM scrape_task_items WHERE task_id = $1',
      [task.id],
    );
    expect(items!.n).toBe(3);
    process.stderr.write(
      `worker killed mid-scrape: task ${task.id} done ${takenUpS.toFixed(1)} s after restart\n`,
    );
  }, 240_000);
});

interface Worker {
  child: ChildProcess;
  stderr: () => string;
}

/** A `songnodes worker` process (it prints no "is up" line: the test watches the database instead). */
function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [MAIN, 'worker'], { env: cliEnv({ PORT: '0', ...env }) });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', () => {});
  return { child, stderr: () => stderr };
}
