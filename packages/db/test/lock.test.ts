import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, readLock } from '../src/lock.ts';

describe('data folder lock', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const folder = () => {
    const d = mkdtempSync(join(tmpdir(), 'songnodes-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const c of children.splice(0)) c.kill();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is held until released, naming its holder', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir, { role: 'start', url: 'http://localhost:8080' });
    expect(readLock(dir)).toMatchObject({ role: 'start', url: 'http://localhost:8080', pid: process.pid });
    lock.release();
    expect(readLock(dir)).toBeNull();
  });

  it('refuses a second process while the first lives, saying who holds it and where', () => {
    const dir = folder();
    const other = spawn('sleep', ['30']);
    children.push(other);
    writeFileSync(
      join(dir, 'songnodes.lock'),
      JSON.stringify({ role: 'start', url: 'http://localhost:9999', pid: other.pid }),
    );
    expect(() => acquireDataDirLock(dir, { role: 'migrate' })).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, { role: 'migrate' })).toThrow(
      new RegExp(`songnodes start, pid ${other.pid}\\).*http://localhost:9999`),
    );
  });

  it('takes over a lock left behind by a process that is gone', async () => {
    const dir = folder();
    const gone = spawn('true');
    await new Promise((r) => gone.once('exit', r));
    writeFileSync(join(dir, 'songnodes.lock'), JSON.stringify({ role: 'start', pid: gone.pid }));
    const lock = acquireDataDirLock(dir, { role: 'start' });
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });
});
