// A real `songnodes start` process at LOG_LEVEL=trace, in required mode: the first admin is set up,
// signs in, refreshes, fails a sign-in, makes an API key, and opens WebSockets with a token in the
// query and in a subprotocol (a bad one is refused before the socket opens). Then its whole output is
// searched for the JWT key, the passwords, the refresh and access tokens and the API key: none may
// appear. The embedded database only: the process is the laptop's `start` role.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { engine } from '../../../test/db.ts';

const CLI = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const SECRET = 'log-test-jwt-key-3b1f0c9e7d5a4f2e8c6b0a9d7e5f3c1a';
const PASSWORD = 'admin password 9c41e7';
const WRONG = 'wrong guess 5d20aa';

describe.runIf(engine === 'pglite')('nothing secret reaches the logs', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let output = '';
  const secrets: Record<string, string> = { 'JWT key': SECRET, password: PASSWORD, 'wrong password': WRONG };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-logs-'));
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(SONGNODES_|DATABASE_URL|PORT|REDIS_)/.test(k)),
    );
    child = spawn(process.execPath, [CLI, 'start'], {
      env: {
        ...env,
        PORT: '0',
        SONGNODES_DATA_DIR: dir,
        SONGNODES_DEMO: 'false',
        SONGNODES_AUTH: 'required',
        SONGNODES_JWT_SECRET: SECRET,
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
      child.stderr?.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /is up: (http:\/\/\S+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 90_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  /** Opens a socket; resolves with its subprotocol, or the HTTP status that refused it. */
  const socket = (address: string, protocols?: string[]) =>
    new Promise<{ protocol?: string; status?: number }>((resolve, reject) => {
      const ws = new WebSocket(address, protocols);
      ws.once('open', () => {
        const protocol = ws.protocol;
        ws.close();
        resolve({ protocol });
      });
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
      ws.once('error', reject);
    });

  it('signs in, refreshes, fails, makes a key and opens sockets with tokens', async () => {
    const setup = await post('/auth/setup', { email: 'owner@example.org', password: PASSWORD });
    expect(setup.status).toBe(200);
    const cookie = setup.headers.get('set-cookie') ?? '';
    secrets['refresh cookie'] = /songnodes_refresh=([^;]+)/.exec(cookie)?.[1] ?? 'missing';
    const login = await post('/auth/login?cookie=false', { email: 'owner@example.org', password: PASSWORD });
    const session = (await login.json()) as { accessToken: string; refreshToken: string };
    secrets['refresh token'] = session.refreshToken;
    const refreshed = await post('/auth/refresh?cookie=false', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { accessToken: string; refreshToken: string };
    secrets['rotated refresh token'] = next.refreshToken;
    secrets['access token'] = next.accessToken;
    expect((await post('/auth/login', { email: 'owner@example.org', password: WRONG })).status).toBe(401);
    const key = await post(
      '/account/api-keys',
      { name: 'logs', permissions: ['read:graph'] },
      { authorization: `Bearer ${next.accessToken}` },
    );
    expect(key.status).toBe(201);
    secrets['API key'] = ((await key.json()) as { key: string }).key;
    const read = await fetch(`${url}/api/v1/stats`, {
      headers: { 'x-api-key': secrets['API key'] as string },
    });
    expect(read.status).toBe(200);

    const ws = url.replace(/^http/, 'ws');
    expect(await socket(`${ws}/ws?access_token=${next.accessToken}`)).toEqual({ protocol: '' });
    // The subprotocol way: the server answers with the other protocol, never echoing the token.
    expect(await socket(`${ws}/ws`, ['songnodes', `access_token.${next.accessToken}`])).toEqual({
      protocol: 'songnodes',
    });
    expect(await socket(`${ws}/ws?access_token=not-a-token`)).toEqual({ status: 401 });
    expect(await socket(`${ws}/ws`, ['songnodes', 'access_token.not-a-token'])).toEqual({ status: 401 });
    // GraphQL subscriptions upgrade through the same check.
    expect(
      await socket(`${ws}/graphql`, ['graphql-transport-ws', `access_token.${next.accessToken}`]),
    ).toEqual({
      protocol: 'graphql-transport-ws',
    });
    expect(await socket(`${ws}/graphql?access_token=not-a-token`, ['graphql-transport-ws'])).toEqual({
      status: 401,
    });
  });

  it('logged all of it, and none of the secrets', async () => {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    // The logs are there (trace level: every request), so the search below searched something.
    expect(output).toMatch(/"url":"\/api\/v1\/auth\/login/);
    expect(output).toMatch(/"url":"\/ws\?access_token=\*\*\*"/);
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThan(8);
      expect(output.includes(value), `${what} appears in the logs`).toBe(false);
    }
  });
});
