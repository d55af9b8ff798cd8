import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// PGlite is one PostgreSQL backend in one process: two processes on the same folder would corrupt it.
// A lock file in the folder, created exclusively, names the holder so the second process can say who.

export interface LockHolder {
  role: string;
  /** Where the holder can be reached (the running server's URL), if anywhere. */
  url?: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Records where the holder can be reached, once it knows. */
  announce(url: string): void;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: LockHolder & { pid: number }) {
    const via = holder.url ? ` It serves ${holder.url}: use that, or stop it first.` : ' Stop it first.';
    super(
      `the embedded database in ${dataDir} is in use by another process (songnodes ${holder.role}, pid ${holder.pid}). ` +
        `PGlite allows one process per data folder.${via}`,
    );
    this.name = 'DataDirLockedError';
  }
}

const LOCK_FILE = 'songnodes.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): (LockHolder & { pid: number }) | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, holder: LockHolder): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const record = { ...holder, pid: process.pid, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(record));
      closeSync(fd);
      let released = false;
      return {
        path,
        announce(url) {
          writeFileSync(path, JSON.stringify({ ...record, url }));
        },
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const current = readLock(dataDir);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new DataDirLockedError(dataDir, current);
      }
      // A crashed holder left it behind (or it is unreadable): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}: the lock file ${path} keeps reappearing`);
}
