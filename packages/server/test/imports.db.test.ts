import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

describe.skipIf(noServer)(`imports over HTTP with progress on the WebSocket (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let running: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-upload-'));
    if (engine === 'postgres') t = await testDatabase({ migrate: false });
    running = await runRole(
      'start',
      loadConfig({
        PORT: '0',
        SONGNODES_DATA_DIR: dir,
        SONGNODES_DEMO: 'false',
        LOG_LEVEL: 'silent',
        ...(t ? { DATABASE_URL: t.url } : {}),
      }),
    );
  });
  afterAll(async () => {
    await running?.stop();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the upload, imports it as a job and reports progress until done', async () => {
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/api/v1/events`);
    const messages: {
      type: string;
      job?: { jobId: string; state: string; progress: Record<string, unknown> };
    }[] = [];
    ws.onmessage = (m) => messages.push(JSON.parse(String(m.data)));
    await new Promise((r, j) => {
      ws.onopen = r;
      ws.onerror = j;
    });

    const body = '01. Kay Loom - Sundial\n02. Mira Vale - Tide (Tom Ash Remix)\n03. Ora - Drift\n';
    const res = await fetch(`${running.url}/api/v1/imports?filename=my%20set.txt&source=upload`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...CSRF },
      body,
    });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };

    const done = await new Promise<(typeof messages)[number]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no completion in ${JSON.stringify(messages)}`)),
        30_000,
      );
      const check = setInterval(() => {
        const m = messages.find((x) => x.job?.jobId === jobId && x.job.state === 'completed');
        if (m) {
          clearInterval(check);
          clearTimeout(timer);
          resolve(m);
        }
      }, 50);
    });
    ws.close();
    expect(done.job!.progress).toMatchObject({ setsStored: 1, entries: 3 });
    expect(messages.some((m) => m.type === 'graph.changed')).toBe(true);

    const job = await (await fetch(`${running.url}/api/v1/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ state: 'completed' });
    const stats = await (await fetch(`${running.url}/api/v1/stats`)).json();
    expect(stats).toMatchObject({ sets: 1, setEntries: 3, transitions: 2 });
    // The upload is gone once imported.
    const uploads = join(dir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('refuses an unknown format and an empty body, saying what is wrong', async () => {
    const bad = await fetch(`${running.url}/api/v1/imports?format=word`, {
      method: 'POST',
      headers: CSRF,
      body: 'x',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('format');
    const empty = await fetch(`${running.url}/api/v1/imports`, { method: 'POST', headers: CSRF });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { field: string }).field).toBe('body');
    // A form upload would store its boundaries with the file: refused, saying how to send it.
    const form = new FormData();
    form.append('file', new Blob(['Kay Loom - Horizon\n']), 'set.txt');
    const multipart = await fetch(`${running.url}/api/v1/imports`, {
      method: 'POST',
      headers: CSRF,
      body: form,
    });
    expect(multipart.status).toBe(415);
    expect(multipart.headers.get('content-type')).toContain('application/problem+json');
    expect(((await multipart.json()) as { detail: string }).detail).toContain('--data-binary');
  });
});
