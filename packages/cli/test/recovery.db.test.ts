// A server killed in the middle of an import (SIGKILL: no drain, no goodbye) loses nothing and
// duplicates nothing: its upload waits on disk, the job's heartbeat goes stale, the next start takes
// the job up again within a minute and finishes it; sets stored before the kill are content-hash
// no-ops the second time. Real processes, killed for real, on PGlite and on PostgreSQL.
// The job is queued as POST /imports queues it (the file in the uploads folder, removeAfter), but
// from this process before the server starts: what is tested is recovery, not the upload route.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@songnodes/db';
import { importFileJob } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { exitOf, runCli, type Served, serve, until } from './run-cli.ts';

interface JobRecord {
  state: string;
  progress: Record<string, unknown> & { setsStored?: number; setsUnchanged?: number; setsRead?: number };
  updatedAt: string;
}

const SETS = 600;

describe.skipIf(noServer)(`an import survives the death of its server (${engine})`, () => {
  let dataDir: string;
  let t: TestDatabase | undefined;
  let env: Record<string, string>;
  let served: Served | undefined;
  let file: string;
  let second: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'songnodes-recovery-'));
    env = { SONGNODES_DATA_DIR: dataDir, SONGNODES_DEMO: 'false' };
    if (engine === 'postgres') {
      t = await testDatabase({ migrate: false });
      env.DATABASE_URL = t.url!;
    }
    file = join(dataDir, 'sets.ndjson');
    second = join(dataDir, 'more-sets.ndjson');
    for (const [out, seed] of [
      [file, '11'],
      [second, '12'],
    ] as const) {
      const g = await runCli(['generate', '--sets', String(SETS), '--seed', seed, '--out', out], {});
      expect(g.code, g.stderr).toBe(0);
    }
  }, 60_000);
  afterAll(async () => {
    served?.child.kill('SIGKILL');
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const seen: string[] = [];
  const job = async (url: string, id: string) => {
    const j = (await (await fetch(`${url}/api/v1/jobs/${id}`)).json()) as JobRecord;
    const line = `${j.state} ${j.updatedAt} ${JSON.stringify(j.progress).slice(0, 120)}`;
    if (!seen.at(-1)?.endsWith(line)) seen.push(`${new Date().toISOString()} ${line}`);
    return j;
  };

  /** Queues the import of `from` as an upload would, before any server runs on the database. */
  async function queueUpload(from = file): Promise<string> {
    const uploads = join(dataDir, 'uploads');
    mkdirSync(uploads, { recursive: true });
    const path = join(uploads, `upload-${Date.now()}.ndjson`);
    copyFileSync(from, path);
    const db = await openDatabase(t ? { databaseUrl: t.url } : { dataDir });
    try {
      await migrate(db);
      const jobs = await JobQueue.start(db, { schedule: false });
      const id = await jobs.send(importFileJob({ db }), { path, removeAfter: true });
      await jobs.stop(1000);
      return id;
    } finally {
      await db.close();
    }
  }

  it('is taken up again within a minute of the next start and stores every set once', async () => {
    const jobId = await queueUpload();
    served = await serve('start', env);
    const url = served.url;
    // Killed once part of the file is stored, before the end.
    const before = await until(
      'a first stored batch',
      async () => {
        const j = await job(url, jobId);
        expect(j.state).not.toBe('completed');
        return (j.progress.setsStored ?? 0) > 0 ? j : null;
      },
      120_000,
    );
    served.child.kill('SIGKILL');
    await exitOf(served.child);
    served = undefined;
    expect(before.progress.setsStored).toBeLessThan(SETS);
    // The upload is kept for the retry.
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);

    const restartedAt = Date.now();
    served = await serve('start', env);
    // From the moment the new worker runs.
    const restarted = performance.now();
    const again = served.url;
    // Taken up = written to by the new process (the record of the killed one says 'active' too).
    const resumed = await until(
      'the job to be taken up again',
      async () => {
        const j = await job(again, jobId);
        return new Date(j.updatedAt).getTime() > restartedAt && j.state !== 'retrying' ? j : null;
      },
      90_000,
    );
    const takenUpAfterS = (performance.now() - restarted) / 1000;
    expect(resumed.state).toMatch(/active|completed/);
    expect(takenUpAfterS, seen.join('\n')).toBeLessThan(60);
    const done = await until(
      'the job to end',
      async () => {
        const j = await job(again, jobId);
        return j.state === 'completed' || j.state === 'failed' ? j : null;
      },
      300_000,
    );
    expect(done.state, seen.join('\n')).toBe('completed');
    // The second attempt found the sets of the first already stored: nothing twice.
    expect((done.progress.setsStored ?? 0) + (done.progress.setsUnchanged ?? 0)).toBe(SETS);
    expect(done.progress.setsUnchanged).toBeGreaterThan(0);
    const stats = (await (await fetch(`${again}/api/v1/stats`)).json()) as { sets: number };
    expect(stats.sets).toBe(SETS);
    // The upload is gone once its job ended.
    const uploads = join(dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    process.stderr.write(
      `recovery (${engine}): job taken up again ${takenUpAfterS.toFixed(1)} s after restart\n`,
    );
  }, 400_000);

  it('stops at SIGTERM within the shutdown timeout, and the next start finishes the job', async () => {
    let setsBefore = 0;
    if (served) {
      setsBefore = ((await (await fetch(`${served.url}/api/v1/stats`)).json()) as { sets: number }).sets;
      // The server of the test before holds the embedded database: stopped first.
      served.child.kill('SIGTERM');
      await exitOf(served.child);
      served = undefined;
    }
    const jobId = await queueUpload(second);
    served = await serve('start', { ...env, SHUTDOWN_TIMEOUT_MS: '10000' });
    const url = served.url;
    await until(
      'a first stored batch',
      async () => {
        const j = await job(url, jobId);
        return (j.progress.setsStored ?? 0) > 0 ? j : null;
      },
      120_000,
    );
    served.child.kill('SIGTERM');
    const exit = await exitOf(served.child);
    served = undefined;
    expect(exit.code, seen.join('\n')).toBe(0);
    expect(exit.afterMs).toBeLessThan(10_000);

    served = await serve('start', env);
    const again = served.url;
    // The stopped attempt is retried by the next worker, which skips what the first one stored.
    const done = await until(
      'the job to end',
      async () => {
        const j = await job(again, jobId);
        return j.state === 'completed' || j.state === 'failed' ? j : null;
      },
      300_000,
    );
    expect(done.state, seen.join('\n')).toBe('completed');
    expect((done.progress.setsStored ?? 0) + (done.progress.setsUnchanged ?? 0)).toBe(SETS);
    const stats = (await (await fetch(`${again}/api/v1/stats`)).json()) as { sets: number };
    expect(stats.sets).toBe(setsBefore + SETS);
  }, 400_000);
});
