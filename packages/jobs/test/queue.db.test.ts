import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { defineJob, type JobFinished, JobQueue } from '../src/index.ts';

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

describe.skipIf(noServer)('durable jobs', () => {
  let t: TestDatabase;
  let jobs: JobQueue;
  const finished: JobFinished[] = [];
  beforeAll(async () => {
    t = await testDatabase();
    jobs = await JobQueue.start(t.db);
    jobs.on('finished', (f) => finished.push(f));
  });
  afterAll(async () => {
    await jobs.stop(2000);
    await t.drop();
  });

  it('run a typed job, recording its progress and result', async () => {
    const seen: number[] = [];
    jobs.on('progress', (p) => {
      if (p.queue === 'test.sum') seen.push(Number(p.progress.done));
    });
    const sum = defineJob({
      queue: 'test.sum',
      parse: (d: unknown) => {
        const v = d as { numbers?: unknown };
        if (!Array.isArray(v?.numbers)) throw new Error('numbers must be an array');
        return { numbers: v.numbers as number[] };
      },
      async handler(p, ctx) {
        let total = 0;
        for (const [i, n] of p.numbers.entries()) {
          total += n;
          await ctx.progress({ done: i + 1, total: p.numbers.length, unit: 'numbers' });
        }
        return { total };
      },
    });
    await jobs.work(sum);
    const id = await jobs.send(sum, { numbers: [1, 2, 3] });
    const done = await until('completion', async () => {
      const p = await jobs.progressOf(id);
      return p?.state === 'completed' ? p : null;
    });
    expect(done.progress).toMatchObject({ done: 3, total: 3, result: { total: 6 } });
    expect(seen).toEqual([1, 2, 3, 3]);
    expect(finished.find((f) => f.jobId === id)).toMatchObject({ queue: 'test.sum', outcome: 'completed' });
  });

  it('refuse a payload that does not parse, before storing it', async () => {
    const strict = defineJob({
      queue: 'test.strict',
      parse: (d: unknown) => {
        if (typeof (d as { n?: unknown })?.n !== 'number') throw new Error('n must be a number');
        return d as { n: number };
      },
      handler: async () => null,
    });
    await expect(jobs.send(strict, { n: 'x' } as unknown as { n: number })).rejects.toThrow(
      'n must be a number',
    );
  });

  it('retry a failing job, then move it to its dead-letter queue', async () => {
    let attempts = 0;
    const flaky = defineJob({
      queue: 'test.flaky',
      parse: (d: unknown) => d as Record<string, never>,
      retry: { limit: 1, delaySeconds: 1, backoff: false },
      async handler() {
        attempts++;
        throw new Error(`attempt ${attempts} failed`);
      },
    });
    await jobs.work(flaky);
    const id = await jobs.send(flaky, {});
    const dead = await until(
      'dead letter',
      async () => {
        const d = await jobs.deadLetters(flaky);
        return d.length > 0 ? d : null;
      },
      40_000,
    );
    expect(dead).toEqual([expect.objectContaining({ sourceId: id, data: {} })]);
    expect(attempts).toBe(2);
    expect(await jobs.progressOf(id)).toMatchObject({
      state: 'failed',
      progress: { message: 'attempt 2 failed' },
    });
    expect(finished.filter((f) => f.queue === 'test.flaky').map((f) => f.outcome)).toEqual([
      'failed',
      'failed',
    ]);
  });

  it('retry with success on the second attempt', async () => {
    let attempts = 0;
    const second = defineJob({
      queue: 'test.second',
      parse: (d: unknown) => d as Record<string, never>,
      retry: { limit: 2, delaySeconds: 1, backoff: true },
      async handler() {
        attempts++;
        if (attempts === 1) throw new Error('first attempt fails');
        return { attempts };
      },
    });
    await jobs.work(second);
    const id = await jobs.send(second, {});
    const done = await until('completion', async () => {
      const p = await jobs.progressOf(id);
      return p?.state === 'completed' ? p : null;
    });
    expect(done.progress).toMatchObject({ result: { attempts: 2 } });
  });

  it('keep cron schedules', async () => {
    const nightly = defineJob({
      queue: 'test.nightly',
      parse: (d: unknown) => d as { at: string },
      handler: async () => null,
    });
    await jobs.schedule(nightly, '0 3 * * *', { at: 'night' });
    await expect(jobs.schedules(nightly)).resolves.toEqual([
      { cron: '0 3 * * *', data: { at: 'night' }, key: '' },
    ]);
    // A queue holds one schedule per key: a second key adds one, the same key again replaces it.
    await jobs.schedule(nightly, '30 4 * * *', { at: 'dawn' }, { key: 'dawn' });
    await jobs.schedule(nightly, '45 4 * * *', { at: 'dawn' }, { key: 'dawn' });
    const all = await jobs.schedules(nightly);
    expect(all.map((s) => [s.key, s.cron]).sort()).toEqual([
      ['', '0 3 * * *'],
      ['dawn', '45 4 * * *'],
    ]);
    await jobs.unschedule(nightly, 'dawn');
    expect((await jobs.schedules(nightly)).map((s) => s.key)).toEqual(['']);
    await expect(jobs.schedule(nightly, 'not a cron', { at: 'x' })).rejects.toThrow();
  });
});
