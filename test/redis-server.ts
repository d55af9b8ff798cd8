// A real, throwaway redis-server for tests of what SongNodes shares through Redis (event bus, rate
// limits, login back-off): started on a free loopback port with no persistence, killed afterwards.
// Tests skip when the binary is absent (`apt-get install redis-server`; .ci/run installs it).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const CANDIDATES = [process.env.REDIS_SERVER_BIN, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
export const redisBinary = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts redis-server (optionally with a password) and resolves once it accepts connections. */
export async function startRedis(o: { password?: string } = {}): Promise<TestRedis> {
  if (!redisBinary) throw new Error('redis-server is not installed');
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (o.password) args.push('--requirepass', o.password);
  const child: ChildProcess = spawn(redisBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${out}`));
    });
  });
  const auth = o.password ? `:${encodeURIComponent(o.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
