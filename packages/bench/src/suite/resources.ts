// Every process and temp folder the suite starts is registered here and removed at the end, also when
// a section fails or the run is interrupted: a benchmark must leave the shared machine as it found it.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
const folders = new Set<string>();

export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `songnodes-bench-${prefix}-`));
  folders.add(dir);
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/**
 * Spawns a child in its own process group, so that stopping it also stops whatever it started
 * (runuser → postgres, node → PGlite workers).
 */
export function spawnTracked(command: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...opts, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || exited(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Asks the child (and its group) to stop, then kills it if it has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000) {
  if (child.pid === undefined || exited(child)) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, signal);
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/** Stops every child still running and removes every temp folder still there. */
export async function releaseAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c, 'SIGTERM', 5000)));
  for (const dir of folders) removeFolder(dir);
}

/** Synchronous last resort for process exit: SIGKILL the groups, remove the folders. */
function releaseNow(): void {
  for (const c of children) signalGroup(c, 'SIGKILL');
  for (const dir of folders) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder still held open by a dying child; nothing more can be done synchronously.
    }
  }
}

/** On Ctrl-C, SIGTERM or an unexpected exit, clean up before leaving. */
export function releaseOnExit(): void {
  process.once('exit', releaseNow);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\nbench: ${sig}, stopping children and removing temp folders`);
      void releaseAll().finally(() => process.exit(130));
    });
  }
}
