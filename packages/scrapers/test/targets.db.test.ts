// Target tracks as a stored list, on both engines, against the local fixture sites: each user's own
// list (one entry per track, a cap, no reach into another user's list), a search that shares one task
// between users listing the same track and writes what it found and added to each of their targets,
// a search again that finds the same sets already stored, the nightly search of stale targets, and a
// last attempt that fails recorded as such.
import {
  addScrapeTarget,
  listScrapeTargets,
  removeScrapeTarget,
  type ScrapeTarget,
  targetTrackName,
} from '@songnodes/db';
import { type JobContext, JobQueue } from '@songnodes/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import {
  createOrchestrator,
  createScrapeRuntime,
  type Orchestrator,
  registerScrapeWorkers,
  scrapeTargetsJob,
  scrapeTaskJob,
} from '../src/orchestrator.ts';
import { type Sites, startSites } from './sites.ts';

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const FAST_RETRY = { retry: { limit: 1, delaySeconds: 1, backoff: false } };
const LANTERN = { artist: 'Sable Reed', title: 'Lantern' };

describe.skipIf(noServer)(`target tracks (${engine})`, () => {
  let t: TestDatabase;
  let sites: Sites;
  let jobs: JobQueue;
  let rt: ReturnType<typeof createScrapeRuntime>;
  let orch: Orchestrator;
  let alice: number;
  let bob: number;

  /** The targets once their last search has a result. */
  const searched = (user: number | null) =>
    until(`user ${user}'s targets to be searched`, async () => {
      const list = await listScrapeTargets(t.db, user);
      return list.every((x) => x.lastResult && x.lastResult.taskId === x.task?.id) ? list : null;
    });

  beforeAll(async () => {
    t = await testDatabase();
    sites = await startSites();
    const settings = sites.settings();
    rt = createScrapeRuntime(t.db, settings, { metrics: false });
    jobs = await JobQueue.start(t.db);
    orch = createOrchestrator(jobs, rt, settings, FAST_RETRY);
    const users = await t.db.query<{ id: number }>(
      `INSERT INTO users (email, role) VALUES ('alice@example.org', 'user'), ('bob@example.org', 'user')
       RETURNING id`,
    );
    [alice, bob] = users.map((u) => u.id) as [number, number];
  });
  afterAll(async () => {
    await jobs?.stop(2000);
    await rt?.close();
    await sites?.close();
    await t?.drop();
  });

  it("keeps each user's own list: one entry per track, a cap, and no reach into another's", async () => {
    const a = await addScrapeTarget(t.db, { userId: alice, trackId: null, ...LANTERN }, 3);
    expect(a).toMatchObject({ duplicate: false, target: { userId: alice, ...LANTERN, task: null } });
    // The same track again, spelt differently: the entry already there.
    const again = await addScrapeTarget(
      t.db,
      { userId: alice, trackId: null, artist: ' sable reed', title: 'LANTERN ' },
      3,
    );
    expect(again).toMatchObject({ duplicate: true, target: { id: a!.target.id } });
    // The local owner (null) has a list of its own.
    const local = await addScrapeTarget(t.db, { userId: null, trackId: null, ...LANTERN }, 3);
    expect(local?.target.id).not.toBe(a!.target.id);
    // Bob cannot remove Alice's target, nor see it.
    expect(await removeScrapeTarget(t.db, bob, a!.target.id)).toBe(false);
    expect(await listScrapeTargets(t.db, bob)).toEqual([]);
    expect((await listScrapeTargets(t.db, alice)).map((x) => x.id)).toEqual([a!.target.id]);
    // The cap: a user with 3 targets gets no fourth.
    for (const title of ['One', 'Two', 'Three'])
      expect(
        await addScrapeTarget(t.db, { userId: bob, trackId: null, artist: 'X', title }, 3),
      ).not.toBeNull();
    expect(
      await addScrapeTarget(t.db, { userId: bob, trackId: null, artist: 'X', title: 'Four' }, 3),
    ).toBeNull();
    for (const x of await listScrapeTargets(t.db, bob))
      expect(await removeScrapeTarget(t.db, bob, x.id)).toBe(true);
    expect(await listScrapeTargets(t.db, bob)).toEqual([]);
  });

  it('searches the sources once for users listing the same track, and tells each what was found and added', async () => {
    const [mine] = await listScrapeTargets(t.db, alice);
    const [local] = await listScrapeTargets(t.db, null);
    const first = await orch.searchTargets([mine!]);
    const second = await orch.searchTargets([local!]);
    expect(first[0]!.duplicate).toBe(false);
    // The same track while the first task is open: that task, not another crawl.
    expect(second[0]).toMatchObject({ duplicate: true, task: { id: first[0]!.task.id } });
    await registerScrapeWorkers(jobs, rt, FAST_RETRY);
    const [a] = await searched(alice);
    const [l] = await searched(null);
    expect(a!.task).toEqual({ id: first[0]!.task.id, state: 'completed' });
    expect(a!.lastSearchedAt).not.toBeNull();
    const r = a!.lastResult!;
    // The fixtures hold the track in a 1001tracklists set, two MixesDB pages and a Reddit comment.
    expect(r).toMatchObject({ state: 'completed', found: 4, added: 4, unchanged: 0 });
    expect(r.sets.map((s) => s.source)).toEqual(['1001tracklists', 'mixesdb', 'mixesdb', 'reddit']);
    // Every found set links to the stored set, which holds the track.
    for (const s of r.sets) {
      expect(s.setId).not.toBeNull();
      const [hit] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM set_entries e JOIN tracks k ON k.id = e.track_id
          WHERE e.set_id = $1 AND k.title = 'Lantern'`,
        [s.setId],
      );
      expect(hit!.n).toBeGreaterThan(0);
    }
    expect(l!.lastResult).toMatchObject({ taskId: r.taskId, found: 4, added: 4 });
  });

  it('searches again with a new task: the same sets are found and nothing is added twice', async () => {
    const [mine] = await listScrapeTargets(t.db, alice);
    const before = mine!.lastResult!.taskId;
    const [again] = await orch.searchTargets([mine!]);
    expect(again!.duplicate).toBe(false);
    expect(again!.task.id).not.toBe(before);
    const [a] = await searched(alice);
    expect(a!.lastResult).toMatchObject({ taskId: again!.task.id, found: 4, added: 0, unchanged: 4 });
    // The local owner's target was not part of this search: its result is still the first one.
    const [l] = await listScrapeTargets(t.db, null);
    expect(l!.lastResult!.taskId).toBe(before);
  });

  it('adds a target from a track of the graph, by its artist and title', async () => {
    const [track] = await t.db.query<{ id: number }>(`SELECT id FROM tracks WHERE title = 'Lantern' LIMIT 1`);
    expect(await targetTrackName(t.db, track!.id, bob)).toEqual(LANTERN);
    expect(await targetTrackName(t.db, 999_999, bob)).toBeNull();
    const made = await addScrapeTarget(t.db, { userId: bob, trackId: track!.id, ...LANTERN }, 10);
    expect(made?.target).toMatchObject({ trackId: track!.id, ...LANTERN });
  });

  it('searches, each night, the targets whose last search is a week old', async () => {
    // Bob's target was never searched; Alice's was searched 8 days ago; the local owner's just now.
    await t.db.query(
      `UPDATE scrape_targets SET last_searched_at = now() - interval '8 days' WHERE user_id = $1`,
      [alice],
    );
    const job = scrapeTargetsJob(jobs, rt, FAST_RETRY);
    const ran = await job.handler({}, { jobId: 'nightly' } as JobContext);
    // Alice's and Bob's targets name the same track: one task for both.
    expect(ran).toEqual({ targets: 2, tasks: 1 });
    const [a] = await searched(alice);
    const [b] = await searched(bob);
    expect(b!.lastResult).toMatchObject({ found: 4, added: 0, unchanged: 4 });
    expect(a!.task!.id).toBe(b!.task!.id);
  });

  it('records a target whose last attempt failed as failed, with the reason', async () => {
    const made = await addScrapeTarget(
      t.db,
      { userId: alice, trackId: null, artist: 'Ora', title: 'Tide' },
      10,
    );
    // No worker takes it: the test runs its last attempt itself, on a worker that is stopping.
    const quiet = createScrapeRuntime(t.db, sites.settings(), { metrics: false });
    const idle = createOrchestrator(
      { send: async () => 'job-x' } as unknown as JobQueue,
      quiet,
      sites.settings(),
    );
    const [s] = await idle.searchTargets([made!.target]);
    const stopping = new AbortController();
    stopping.abort(new Error('the worker is stopping'));
    const attempt = scrapeTaskJob(quiet).handler(
      { taskId: s!.task.id },
      {
        jobId: 'job-x',
        signal: stopping.signal,
        progress: async () => {},
        finalAttempt: true,
        previous: null,
      },
    );
    await expect(attempt).rejects.toThrow('the worker is stopping');
    const target = (await listScrapeTargets(t.db, alice)).find(
      (x) => x.id === made!.target.id,
    ) as ScrapeTarget;
    expect(target.task).toEqual({ id: s!.task.id, state: 'failed' });
    expect(target.lastResult).toMatchObject({ state: 'failed', found: 0, error: 'the worker is stopping' });
    await quiet.close();
  });

  it('records a search cancelled before any worker took it, and one whose job the queue gave up on', async () => {
    const quiet = createScrapeRuntime(t.db, sites.settings(), { metrics: false });
    // A queue that takes jobs and never runs them: the tasks stay queued.
    let n = 0;
    const idle = createOrchestrator(
      { send: async () => `idle-${++n}`, cancel: async () => {} } as unknown as JobQueue,
      quiet,
      sites.settings(),
    );
    const a = await addScrapeTarget(
      t.db,
      { userId: bob, trackId: null, artist: 'Kay Loom', title: 'Drift' },
      10,
    );
    const b = await addScrapeTarget(
      t.db,
      { userId: bob, trackId: null, artist: 'Kay Loom', title: 'Shore' },
      10,
    );
    const [sa, sb] = await idle.searchTargets([a!.target, b!.target]);
    expect(await idle.cancel(sa!.task.id)).toBe(true);
    // The queue gave up on b's job (every attempt failed) without the worker writing anything.
    await t.db.query(
      `INSERT INTO job_progress (job_id, queue, state, progress, updated_at) VALUES ($1, 'scrape.task', 'failed', '{}', now())`,
      [sb!.task.jobId],
    );
    expect((await idle.get(sb!.task.id))?.state).toBe('failed');
    const byId = new Map((await listScrapeTargets(t.db, bob)).map((x) => [x.id, x]));
    expect(byId.get(a!.target.id)).toMatchObject({
      task: { id: sa!.task.id, state: 'cancelled' },
      lastResult: { taskId: sa!.task.id, state: 'cancelled', found: 0 },
    });
    expect(byId.get(b!.target.id)).toMatchObject({
      task: { id: sb!.task.id, state: 'failed' },
      lastResult: { taskId: sb!.task.id, state: 'failed', error: 'the job failed on every attempt' },
    });
    // A result the worker wrote is not overwritten by a cancellation seen afterwards.
    await t.db.query(`UPDATE scrape_tasks SET state = 'running' WHERE id = $1`, [sb!.task.id]);
    expect(await idle.cancel(sb!.task.id)).toBe(true);
    const [again] = await listScrapeTargets(t.db, bob, [b!.target.id]);
    expect(again!.lastResult).toMatchObject({ state: 'failed' });
    await quiet.close();
  });
});
