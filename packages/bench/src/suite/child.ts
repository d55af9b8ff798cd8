// Runs a script of the suite in a child process and reads the one JSON line it prints last.
import { fileURLToPath } from 'node:url';
import { spawnTracked, stopChild } from './resources.ts';

/** Runs `node <script> …args` (a file next to this one); rejects with the end of its stderr when it fails. */
export async function runJsonChild<T>(
  script: string,
  args: string[],
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawnTracked(process.execPath, [path, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err = (err + d).slice(-4000);
  });
  const timer = opts.timeoutMs ? setTimeout(() => void stopChild(child), opts.timeoutMs) : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${code}): ${err.trim()}`);
  const last = out.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${script} printed no JSON result; stdout ended with: ${last.slice(0, 200)}`);
  }
}
