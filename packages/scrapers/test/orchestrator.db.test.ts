// Scrape tasks as jobs on both engines, against the local fixture sites: storing through ingest (a
// re-scrape is a no-op), de-duplication, cancellation mid-crawl, a daily quota that parks a task and
// its resumption, a changed layout, an attempt that dies mid-crawl and its retry, SSRF at submission,
// health and schedules.
import { getSet, listScrapedSets, type ScrapeTask } from '@songnodes/db';
import { type JobContext, type JobProgress, JobQueue } from '@songnodes/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { RefusedUrlError } from '../src/errors.ts';
import {
  createOrchestrator,
  createScrapeRuntime,
  type Orchestrator,
  registerScrapeWorkers,
  scrapeResumeJob,
  scrapeTaskJob,
} from '../src/orchestrator.ts';
import { fixture, type Sites, startSites, TRACKLIST_PATHS } from './sites.ts';

const HARBOUR = Object.keys(TRACKLIST_PATHS)[0]!;
const NIGHT = Object.keys(TRACKLIST_PATHS)[1]!;
const CHANGED = Object.keys(TRACKLIST_PATHS)[2]!;

async function until<T>(
  what: string,
  f: () => Promise<T | null | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One retry a second later, so a task's dead letter is reached within the test. */
const FAST_RETRY = { retry: { limit: 1, delaySeconds: 1, backoff: false } };

/** What the queue hands a handler, for attempts the test runs itself. */
const jobContext = (
  jobId: string,
  signal = new AbortController().signal,
  progress = async (_p: JobProgress) => {},
) => ({ jobId, signal, progress, finalAttempt: false }) as JobContext;

describe.skipIf(noServer)(`scrape orchestration (${engine})`, () => {
  let t: TestDatabase;
  let sites: Sites;
  let jobs: JobQueue;
  let rt: ReturnType<typeof createScrapeRuntime>;
  let orch: Orchestrator;
  const finished = (id: number) =>
    until(`task ${id} to finish`, async () => {
      const task = await orch.get(id);
      return task && ['completed', 'failed', 'cancelled', 'waiting_quota'].includes(task.state) ? task : null;
    });
  const setCount = async (source: string) =>
    Number(
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM sets s JOIN sources src ON src.id = s.source_id WHERE src.name = $1',
          [source],
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await testDatabase();
    sites = await startSites();
    const settings = sites.settings();
    rt = createScrapeRuntime(t.db, settings, { metrics: false });
    jobs = await JobQueue.start(t.db);
    orch = createOrchestrator(jobs, rt, settings, FAST_RETRY);
  });
  afterAll(async () => {
    await jobs?.stop(2000);
    await rt?.close();
    await sites?.close();
    await t?.drop();
  });

  it('refuses URLs that are not pages of a configured source, before anything is stored', async () => {
    await expect(orch.submit('http://169.254.169.254/latest/meta-data/')).rejects.toThrow(RefusedUrlError);
    await expect(orch.submit('https://evil.example/tracklist/x/y.html')).rejects.toThrow(
      /not a page of a configured source/,
    );
    await expect(orch.submit('gopher://x')).rejects.toThrow(/scheme gopher:/);
    await expect(orch.submit('nosuch:query')).rejects.toThrow(/is not a URL, "<source>:<query>"/);
    expect(await orch.list()).toEqual([]);
  });

  it('de-duplicates an identical task while it is open', async () => {
    // No worker yet: the first task stays queued.
    const a = await orch.submit(`${sites.tl.url}${HARBOUR}`);
    const b = await orch.submit(`${sites.tl.url}${HARBOUR}#tlp_101`, { priority: 'high' });
    expect(a.duplicate).toBe(false);
    expect(b).toMatchObject({ duplicate: true, task: { id: a.task.id } });
    expect((await orch.list()).filter((x) => x.state === 'queued')).toHaveLength(1);
    await registerScrapeWorkers(jobs, rt, FAST_RETRY);
    const done = await finished(a.task.id);
    expect(done).toMatchObject({ state: 'completed', result: { pages: 1, setsStored: 1 } });
    expect(await setCount('1001tracklists')).toBe(1);
  });

  it('stores a re-scrape of the same page as a no-op', async () => {
    const again = await orch.submit(`${sites.tl.url}${HARBOUR}`);
    expect(again.duplicate).toBe(false);
    const done = await finished(again.task.id);
    expect(done.result).toMatchObject({ setsStored: 0, setsUnchanged: 1 });
    expect(await setCount('1001tracklists')).toBe(1);
  });

  it('fails a page whose layout changed with the source and the missing part named', async () => {
    const { task } = await orch.submit(`${sites.tl.url}${CHANGED}`);
    const done = await finished(task.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(
      /^1001tracklists: cannot read .*ora-tide-sessions-004\.html: no tracklist rows \(div\.tlpItem\)/,
    );
  });

  it('cancels a crawl in the middle: the next page is never fetched', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The first tracklist of the DJ page waits until the test has cancelled the task.
    sites.tl.route(HARBOUR, async (_q, res) => {
      await held;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>slow</body></html>');
    });
    const before = sites.tl.requestsTo(NIGHT).length;
    const { task } = await orch.submit('1001tracklists:dj:oren-dusk');
    await until('the first page to be requested', async () => (await orch.get(task.id))?.state === 'running');
    await until('the slow page', async () => sites.tl.requestsTo(HARBOUR).length >= 3);
    expect(await orch.cancel(task.id)).toBe(true);
    release();
    const done = await finished(task.id);
    expect(done.state).toBe('cancelled');
    expect(sites.tl.requestsTo(NIGHT).length).toBe(before);
    expect(await orch.cancel(task.id)).toBe(false);
    sites.tl.route(
      HARBOUR,
      (_q, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end(fixture(TRACKLIST_PATHS[HARBOUR]!)),
    );
  });

  it('retries an attempt that died mid-crawl without storing anything twice', async () => {
    // An attempt killed after its first page (as when a worker dies), then the retry the queue makes.
    const rt2 = createScrapeRuntime(t.db, sites.settings(), { metrics: false });
    const job = scrapeTaskJob(rt2);
    // The attempts run here, not on the queue's worker, so the test decides when one dies.
    const kill = new AbortController();
    let pages = 0;
    const first = job
      .handler(
        { spec: { kind: 'query', source: 'mixesdb', query: 'category:2022' } },
        jobContext('attempt-1', kill.signal, async (p) => {
          pages = Number(p.done);
          if (pages === 1) kill.abort(new Error('worker killed'));
        }),
      )
      .catch((e: Error) => e);
    expect(await first).toBeInstanceOf(Error);
    expect(await setCount('mixesdb')).toBe(1);
    const open = (await orch.list({ source: 'mixesdb' })).find((x) => x.state === 'queued')!;
    const result = (await job.handler({ taskId: open.id }, jobContext('attempt-2'))) as {
      pagesSkipped: number;
      pages: number;
      setsStored: number;
    };
    expect(result).toMatchObject({ pagesSkipped: 1, pages: 2, setsStored: 2 });
    expect(await setCount('mixesdb')).toBe(3);
    await rt2.close();
  });

  it('parks a task when the daily quota is spent and resumes it on the next day, skipping done pages', async () => {
    const tight = createScrapeRuntime(
      t.db,
      sites.settings({ setlistfm: { ...sites.settings().setlistfm, dailyQuota: 1 } }),
      { metrics: false },
    );
    const job = scrapeTaskJob(tight);
    const ctx = jobContext('q1');
    await job.handler({ spec: { kind: 'query', source: 'setlistfm', query: 'artist:The Paper Suns' } }, ctx);
    const [parked] = (await orch.list({ source: 'setlistfm' })) as ScrapeTask[];
    expect(parked).toMatchObject({ state: 'waiting_quota', result: { pages: 1, setsStored: 1 } });
    expect(new Date(parked!.resumeAt!).getUTCHours()).toBe(0);
    const health = (await orch.health()).find((h) => h.source === 'setlistfm')!;
    expect(health.quotaLeft).toBe(1440 - 1);
    // The next day: the resume time has come and the quota is fresh (a larger limit stands in for a new day).
    await tight.close();
    await t.db.query(`UPDATE scrape_tasks SET resume_at = now() - interval '1 minute' WHERE id = $1`, [
      parked!.id,
    ]);
    const resume = scrapeResumeJob(t.db, jobs, rt);
    expect(await resume.handler({}, ctx)).toEqual({ resumed: [parked!.id] });
    const done = await finished(parked!.id);
    expect(done).toMatchObject({ state: 'completed', result: { pagesSkipped: 1, pages: 1, setsStored: 1 } });
    expect(await setCount('setlistfm')).toBe(2);
  });

  it('stores Reddit tracklists with their lower confidence', async () => {
    const { task } = await orch.submit('reddit:r/Techno');
    const done = await finished(task.id);
    expect(done).toMatchObject({ state: 'completed', result: { pages: 2, setsStored: 2 } });
    const scraped = await listScrapedSets(t.db, { source: 'reddit' });
    expect(scraped.map((s) => [s.externalId, s.confidence, s.setId !== null]).sort()).toEqual([
      ['t1_k1aa02', 0.5, true],
      ['t3_1abcde', 0.5, true],
    ]);
    // The set page says so: every entry of the set is a reading of free text.
    for (const s of scraped) expect((await getSet(t.db, s.setId!, null))?.confidence).toBe(0.5);
  });

  it('finds the sets holding a target track and reports them', async () => {
    const { task } = await orch.submit({ kind: 'target', artist: 'Sable Reed', title: 'Lantern' });
    const done = await finished(task.id);
    expect(done.state).toBe('completed');
    const result = done.result as { found: { source: string; url?: string }[]; errors: { source: string }[] };
    // setlist.fm answers a search without results with 404: nothing found there, not an error.
    expect(result.found.map((f) => [f.source, f.url?.replace(/^https?:\/\/[^/]+/, '')])).toEqual([
      ['1001tracklists', '/tracklist/7qw2m4zz/oren-dusk-night-shift-12-2022-09-03.html'],
      ['mixesdb', undefined],
      ['mixesdb', '/w/2022-12-01_-_Ora_@_Tide_Sessions'],
      ['reddit', '/r/Techno/comments/1abcde/oren_dusk_closing_set_at_harbour_club_last_night/k1aa02/'],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reports per-source health and keeps named refresh schedules', async () => {
    const health = await orch.health();
    const tl = health.find((h) => h.source === '1001tracklists')!;
    expect(tl.successes).toBeGreaterThanOrEqual(2);
    expect(tl.failures).toBeGreaterThanOrEqual(1);
    expect(tl.lastError).toMatch(/div\.tlpItem/);
    expect(tl.successRate).toBeGreaterThan(0);
    expect(tl.breaker).toBe('closed');
    expect(health.map((h) => h.source)).toEqual(['1001tracklists', 'mixesdb', 'setlistfm', 'reddit']);
    await orch.schedule('nightly-mixesdb', '0 3 * * *', 'mixesdb:category:2022');
    await orch.schedule('weekly-dj', '0 4 * * 1', '1001tracklists:dj:oren-dusk');
    expect((await orch.schedules()).map((s) => [s.name, s.cron, s.spec.kind]).sort()).toEqual([
      ['nightly-mixesdb', '0 3 * * *', 'query'],
      ['weekly-dj', '0 4 * * 1', 'query'],
    ]);
    await orch.unschedule('weekly-dj');
    expect((await orch.schedules()).map((s) => s.name)).toEqual(['nightly-mixesdb']);
    await expect(orch.schedule('bad', '0 3 * * *', 'https://evil.example/x')).rejects.toThrow(
      RefusedUrlError,
    );
  });

  it('retries a task whose site keeps failing until its breaker opens, then parks it as a dead letter', async () => {
    const down = '/tracklist/d0wn0000/always-503.html';
    sites.tl.route(down, (_q, res) => void res.writeHead(503, { 'retry-after': '0' }).end('maintenance'));
    const { task } = await orch.submit(`${sites.tl.url}${down}`);
    const failed = await until('the task to fail for good', async () => {
      const t = await orch.get(task.id);
      return t?.state === 'failed' ? t : null;
    });
    // The first attempt makes the client's 3 tries; in the retry, the 5th failure in a row opens the
    // host's circuit breaker, which ends the attempt without a 6th request.
    expect(failed.error).toMatch(/^127\.0\.0\.1:\d+ failed repeatedly; its circuit breaker is open until /);
    expect(sites.tl.requestsTo(down)).toHaveLength(5);
    expect((await orch.health()).find((h) => h.source === '1001tracklists')?.breaker).toBe('open');
    const dead = await until('the dead letter', async () => {
      const d = await orch.deadLetters();
      return d.some((x) => x.taskId === task.id) ? d : null;
    });
    expect(dead.find((x) => x.taskId === task.id)?.jobId).toBe(failed.jobId);
  });
});
