import { type Database, migrationStatus } from '@songnodes/db';
import type { JobQueue } from '@songnodes/jobs';
import type { FastifyInstance } from 'fastify';

export interface ReadyCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/** Readiness: the database answers, its schema is current, the job queue runs. */
export async function readiness(db: Database, jobs: JobQueue | undefined): Promise<ReadyCheck[]> {
  const checks: ReadyCheck[] = [];
  try {
    await withTimeout(db.query('SELECT 1'), 'the database');
    checks.push({ name: 'database', ok: true, detail: db.kind });
    const m = await withTimeout(migrationStatus(db), 'the migration check');
    const ok = m.pending === 0 && m.unknownApplied === 0;
    const detail = ok
      ? `${m.applied} applied`
      : m.unknownApplied > 0
        ? `the database is from a newer SongNodes (${m.unknownApplied} unknown migrations)`
        : `${m.pending} pending: run songnodes migrate`;
    checks.push({ name: 'migrations', ok, detail });
  } catch (e) {
    checks.push({ name: 'database', ok: false, detail: e instanceof Error ? e.message : String(e) });
  }
  if (jobs) checks.push({ name: 'jobs', ok: jobs.isRunning, detail: jobs.isRunning ? 'running' : 'stopped' });
  return checks;
}

export function healthRoutes(opts: { db: Database; jobs?: JobQueue }) {
  return async (app: FastifyInstance) => {
    app.get('/health/live', async () => ({ status: 'live' }));
    app.get('/health/ready', async (_req, reply) => {
      const checks = await readiness(opts.db, opts.jobs);
      const ready = checks.every((c) => c.ok);
      reply.code(ready ? 200 : 503);
      return { status: ready ? 'ready' : 'not_ready', checks };
    });
  };
}
