// The embedded database in a worker thread behaves as on the main thread: results, PostgreSQL's error
// fields, transactions that commit or roll back, COPY, notifications, and a main thread left free while
// a long statement runs. PGlite only: skipped in the PostgreSQL suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../../test/db.ts';
import { openPglite, type PgliteDatabase } from '../src/index.ts';

describe.skipIf(engine !== 'pglite')('PGlite in a worker thread', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openPglite({ thread: 'worker' });
    await db.exec('CREATE TABLE t (n int PRIMARY KEY, s text, at timestamptz, b bytea)');
  });
  afterAll(() => db?.close());

  it('answers queries with the values PGlite parses (numbers, text, dates, bytes)', async () => {
    expect(db.thread).toBe('worker');
    await db.query('INSERT INTO t VALUES ($1, $2, $3, $4)', [
      1,
      'one',
      '2024-05-01T22:10:00Z',
      new Uint8Array([1, 2]),
    ]);
    const [r] = await db.query<{ n: number; s: string; at: Date; b: Uint8Array }>(
      'SELECT * FROM t WHERE n = 1',
    );
    expect(r).toEqual({ n: 1, s: 'one', at: new Date('2024-05-01T22:10:00Z'), b: new Uint8Array([1, 2]) });
  });

  it("keeps PostgreSQL's error fields (code, constraint) on errors", async () => {
    const e = await db.query('INSERT INTO t (n) VALUES (1)').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((e as Error).message).toMatch(/duplicate key/);
  });

  it('commits a transaction, and rolls one back when its function throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (n) VALUES (2)');
      await tx.copyRows(
        't',
        ['n', 's'],
        [
          [3, 4],
          ['three', 'tab\there'],
        ],
      );
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (n) VALUES (5)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A failed statement aborts the transaction: nothing of it stays.
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (n) VALUES (6)');
        await tx.query('INSERT INTO t (n) VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const rows = await db.query<{ n: number; s: string | null }>('SELECT n, s FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(rows.find((r) => r.n === 4)?.s).toBe('tab\there');
  });

  it('runs a query outside a transaction only after the transaction under way ends', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction(async (q) => {
      await q.query('INSERT INTO t (n) VALUES (7)');
      await held;
      order.push('commit');
    });
    await new Promise((r) => setTimeout(r, 20));
    const read = db.query<{ c: number }>('SELECT count(*)::int AS c FROM t').then((r) => {
      order.push('read');
      return r[0]!.c;
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await tx;
    expect(await read).toBe(5);
    expect(order).toEqual(['commit', 'read']);
  });

  it('delivers notifications to listeners, for pg-boss', async () => {
    const got: string[] = [];
    const stop = await db.pglite.listen('songs', (p) => got.push(p));
    await db.query("SELECT pg_notify('songs', 'hello')");
    await new Promise((r) => setTimeout(r, 50));
    await stop();
    await db.query("SELECT pg_notify('songs', 'after')");
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['hello']);
  });

  it('leaves the main thread free while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await db.query('SELECT pg_sleep(0.5)');
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    // On the main thread the timer could not fire at all during the statement.
    expect(ticks).toBeGreaterThan(10);
  });

  it('keeps what it stored in a data folder, and refuses calls once closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-thread-'));
    try {
      const a = await openPglite({ dataDir: dir, thread: 'worker' });
      await a.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await a.close();
      const b = await openPglite({ dataDir: dir, thread: 'worker' });
      expect(await b.query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
      await b.close();
      await expect(b.query('SELECT 1')).rejects.toThrow(/closed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
