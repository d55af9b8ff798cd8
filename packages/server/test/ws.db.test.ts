// The versioned WebSocket protocol at /ws against a running `start`: every message acknowledged or
// answered with an error naming the field; rooms for a job, an import, the graph and a shared session;
// a client that does not read is disconnected before its buffer passes the limit; dead peers dropped.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

type Message = { v: number; type: string; id?: string | number; room?: string } & Record<string, unknown>;

/** A protocol client: sends, collects, and waits for a message matching a predicate. */
async function client(url: string) {
  const ws = new WebSocket(url);
  const got: Message[] = [];
  ws.onmessage = (m) => got.push(JSON.parse(String(m.data)));
  await new Promise((r, j) => {
    ws.onopen = r;
    ws.onerror = j;
  });
  const waitFor = async (pred: (m: Message) => boolean, ms = 20_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const m = got.find(pred);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching message in ${JSON.stringify(got).slice(0, 2000)}`);
  };
  const request = async (m: Record<string, unknown>) => {
    ws.send(JSON.stringify({ v: 1, ...m }));
    return waitFor((x) => x.id === m.id && (x.type === 'ack' || x.type === 'error'));
  };
  return { ws, got, waitFor, request };
}

describe.skipIf(noServer)(`WebSocket protocol v1 at /ws (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let running: Running;
  let wsUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-ws-'));
    if (engine === 'postgres') t = await testDatabase({ migrate: false });
    running = await runRole(
      'start',
      loadConfig({
        PORT: '0',
        SONGNODES_DATA_DIR: dir,
        SONGNODES_DEMO: 'false',
        LOG_LEVEL: 'silent',
        WS_MAX_BUFFER_BYTES: '4096',
        WS_HEARTBEAT_MS: '1000',
        ...(t ? { DATABASE_URL: t.url } : {}),
      }),
    );
    wsUrl = `${running.url.replace('http', 'ws')}/ws`;
  });
  afterAll(async () => {
    await running?.stop();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges every message and names what is wrong with a bad one', async () => {
    const c = await client(wsUrl);
    expect(await c.request({ id: 1, type: 'ping' })).toMatchObject({ type: 'ack', id: 1 });
    expect(await c.request({ id: 2, type: 'subscribe', room: 'nowhere' })).toMatchObject({
      type: 'error',
      id: 2,
      error: { field: 'room' },
    });
    c.ws.send(JSON.stringify({ v: 2, id: 3, type: 'ping' }));
    expect(await c.waitFor((m) => m.id === 3)).toMatchObject({ type: 'error', error: { field: 'v' } });
    c.ws.send('not json');
    expect(await c.waitFor((m) => m.type === 'error' && m.id === undefined)).toMatchObject({
      error: { detail: 'not JSON' },
    });
    expect(await c.request({ id: 4, type: 'fly', room: 'graph' })).toMatchObject({
      type: 'error',
      error: { field: 'type' },
    });
    c.ws.close();
  });

  it('follows an import in its job and import rooms, and the graph change in the graph room', async () => {
    const c = await client(wsUrl);
    const graph = await c.request({ id: 'g', type: 'subscribe', room: 'graph', since: 0 });
    expect(graph).toMatchObject({ type: 'ack', room: 'graph' });
    expect(typeof graph.version).toBe('number');
    const res = await fetch(`${running.url}/api/v1/imports?filename=set.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...CSRF },
      body: '01. Kay Loom - Sundial\n02. Mira Vale - Tide\n',
    });
    const { jobId } = (await res.json()) as { jobId: string };
    await c.request({ id: 'j', type: 'subscribe', room: `job:${jobId}` });
    await c.request({ id: 'i', type: 'subscribe', room: `import:${jobId}` });
    const done = await c.waitFor(
      (m) =>
        m.type === 'job.progress' &&
        m.room === `import:${jobId}` &&
        (m.job as { state: string }).state === 'completed',
    );
    expect(done.v).toBe(1);
    const changed = await c.waitFor((m) => m.type === 'graph.changed');
    expect(changed).toMatchObject({ room: 'graph', cause: 'import', changedTransitions: 1 });
    expect((changed.pairs as unknown[]).length).toBe(1);
    c.ws.close();
  });

  it('shares a session between clients, last writer wins per field, a late joiner gets the state', async () => {
    const a = await client(wsUrl);
    const b = await client(wsUrl);
    await a.request({ id: 1, type: 'subscribe', room: 'session:s1' });
    await b.request({ id: 1, type: 'subscribe', room: 'session:s1' });
    await a.request({ id: 2, type: 'session.update', room: 'session:s1', fields: { selection: [1, 2] } });
    await b.waitFor(
      (m) => m.type === 'session.update' && (m.fields as { selection?: unknown }).selection !== undefined,
    );
    await b.request({
      id: 3,
      type: 'session.update',
      room: 'session:s1',
      fields: { selection: [3], plan: [7, 8] },
    });
    await a.waitFor(
      (m) => m.type === 'session.update' && (m.fields as { plan?: unknown }).plan !== undefined,
    );
    const late = await client(wsUrl);
    const ack = await late.request({ id: 1, type: 'subscribe', room: 'session:s1' });
    expect(ack.state).toEqual({ selection: [3], plan: [7, 8] });
    for (const c of [a, b, late]) c.ws.close();
  });

  const dropped = async (reason: string) => {
    const text = await (await fetch(`${running.url}/metrics`)).text();
    return Number(new RegExp(`songnodes_ws_dropped\\{reason="${reason}"\\} (\\d+)`).exec(text)?.[1] ?? 'NaN');
  };

  /** A WebSocket client on a bare TCP socket: it never reads unless resumed and never answers pings. */
  const rawClient = async () => {
    const u = new URL(wsUrl);
    const socket = connect(Number(u.port), u.hostname);
    await new Promise((r) => socket.once('connect', r));
    socket.write(
      `GET /ws HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    await new Promise((r) => socket.once('data', r));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    return { socket, closed };
  };
  /** A masked client text frame (clients must mask), for messages sent from the raw socket. */
  const frame = (text: string) => {
    const body = Buffer.from(text);
    const mask = randomBytes(4);
    const head =
      body.length < 126
        ? Buffer.from([0x81, 0x80 | body.length])
        : Buffer.from([0x81, 0xfe, body.length >> 8, body.length & 0xff]);
    return Buffer.concat([head, mask, body.map((b, i) => b ^ mask[i % 4]!)]);
  };

  it('disconnects a client that does not read before its buffer passes the limit', async () => {
    const before = await dropped('slow');
    const slow = await rawClient();
    slow.socket.write(frame(JSON.stringify({ v: 1, id: 1, type: 'subscribe', room: 'session:flood' })));
    await new Promise((r) => setTimeout(r, 100));
    slow.socket.pause();
    const sender = await client(wsUrl);
    const big = 'x'.repeat(50_000);
    // 200 × 50 KB = 10 MB, more than the loopback socket buffers hold: the server's own buffer must grow.
    for (let i = 0; i < 200; i++)
      sender.ws.send(
        JSON.stringify({
          v: 1,
          id: i,
          type: 'session.update',
          room: 'session:flood',
          fields: { [`f${i % 5}`]: `${i}${big}` },
        }),
      );
    await sender.waitFor((m) => m.id === 199);
    expect(await dropped('slow')).toBe(before + 1);
    slow.socket.resume();
    await slow.closed;
    sender.ws.close();
  });

  it('drops a peer that stops answering pings', async () => {
    const before = await dropped('dead');
    const dead = await rawClient();
    // Heartbeat is 1 s here: unanswered pings drop it within two beats.
    await Promise.race([
      dead.closed,
      new Promise((_, j) => setTimeout(() => j(new Error('not dropped')), 5000)),
    ]);
    expect(await dropped('dead')).toBeGreaterThan(before);
  });
});
