// The product as a user meets it: `songnodes start` on the embedded database (db-pglite suite)
// or on a PostgreSQL server via DATABASE_URL (db-postgres suite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openPglite } from '@songnodes/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { exitOf, runCli, type Served, serve, until } from './run-cli.ts';

describe.skipIf(noServer)(`songnodes start (${engine})`, () => {
  let dataDir: string;
  let t: TestDatabase | undefined;
  let env: Record<string, string>;
  let served: Served;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'songnodes-start-'));
    env = { SONGNODES_DATA_DIR: dataDir, SONGNODES_DEMO_SETS: '40' };
    if (engine === 'postgres') {
      t = await testDatabase({ migrate: false });
      env.DATABASE_URL = t.url!;
    }
    served = await serve('start', env);
  });
  afterAll(async () => {
    served?.child.kill('SIGKILL');
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready within 30 s and serves the web app', async () => {
    const ready = await until('ready', async () => {
      const r = await fetch(`${served.url}/health/ready`);
      return r.status === 200 ? r.json() : null;
    });
    expect(ready).toMatchObject({ status: 'ready' });
    expect(served.upAfterMs).toBeLessThan(30_000);
    const home = await fetch(`${served.url}/`);
    expect(await home.text()).toContain('<div id="root">');
  });

  it('loads the demo data into the empty database', async () => {
    const stats = await until('demo data', async () => {
      const s = (await (await fetch(`${served.url}/api/v1/stats`)).json()) as { sets: number };
      return s.sets === 40 ? s : null;
    });
    expect(stats).toMatchObject({ sets: 40 });
    expect((stats as unknown as { setEntries: number }).setEntries).toBeGreaterThan(400);
  });

  it.runIf(engine === 'pglite')(
    'makes a second process on the same folder refuse, saying who holds it',
    async () => {
      const r = await runCli(['migrate'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/in use by another process \(songnodes start, pid \d+\)/);
      expect(r.stderr).toContain(served.url.replace('127.0.0.1', '127.0.0.1'));
    },
  );

  it('drains and exits cleanly on SIGTERM within 10 s', async () => {
    served.child.kill('SIGTERM');
    const { code, afterMs } = await exitOf(served.child);
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(10_000);
  });
});

describe.skipIf(noServer || engine !== 'pglite')('songnodes start refuses', () => {
  it('a data folder written by a newer SongNodes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'songnodes-newer-'));
    try {
      const db = await openPglite({ dataDir });
      await migrate(db);
      await db.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [
        'future',
        Date.now() + 10 ** 10,
      ]);
      await db.close();
      const r = await runCli(['start'], { SONGNODES_DATA_DIR: dataDir, PORT: '0' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/newer than this SongNodes knows.*never downgrading/s);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a database that cannot be reached, naming the URL and why', async () => {
    const r = await runCli(['start'], {
      DATABASE_URL: 'postgres://songnodes:secret@127.0.0.1:1/nowhere',
      PORT: '0',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cannot reach the database at postgres:\/\/songnodes:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
    expect(r.stderr).not.toContain('secret');
  });

  it('a wrong setting, naming the variable', async () => {
    const r = await runCli(['start'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT="eighty": must be a whole number');
  });
});
