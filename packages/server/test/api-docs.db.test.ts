// Runs every example of docs/api.md against a running `start`, in order: each curl line's answer must
// have the status written after it (`# → 200`), and the WebSocket messages must each be acknowledged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

const DOC = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');

/** Shell words of one line: '…', "…", $'…' (with \n), and bare words; stops at a # comment. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    if (line[i] === '#') break;
    let word = '';
    while (i < line.length && !/\s/.test(line[i]!)) {
      if (line.startsWith("$'", i)) {
        const end = line.indexOf("'", i + 2);
        word += line
          .slice(i + 2, end)
          .replace(/\\n/g, '\n')
          .replace(/\\t/g, '\t');
        i = end + 1;
      } else if (line[i] === "'" || line[i] === '"') {
        const q = line[i]!;
        const end = line.indexOf(q, i + 1);
        word += line.slice(i + 1, end);
        i = end + 1;
      } else word += line[i++];
    }
    words.push(word);
  }
  return words;
}

interface Example {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
  line: string;
}

export function curlExamples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g))
    for (const line of block[1]!.split('\n').filter((l) => l.trim().startsWith('curl'))) {
      const status = /# → (\d{3})\s*$/.exec(line);
      if (!status) throw new Error(`no "# → status" after: ${line}`);
      const w = shellWords(line);
      const e: Example = { method: 'GET', url: '', headers: {}, status: Number(status[1]), line };
      for (let i = 1; i < w.length; i++) {
        if (w[i] === '-s') continue;
        if (w[i] === '-X') e.method = w[++i]!;
        else if (w[i] === '-H') {
          const [k, ...v] = w[++i]!.split(':');
          e.headers[k!.trim()] = v.join(':').trim();
        } else if (w[i] === '-d' || w[i] === '--data-binary') e.body = w[++i];
        else e.url = w[i]!;
      }
      out.push(e);
    }
  return out;
}

describe('docs/api.md examples', () => {
  it('are all read: a method, a URL and an expected status each', () => {
    const all = curlExamples(DOC);
    expect(all.length).toBeGreaterThan(15);
    for (const e of all) expect(e.url, e.line).toMatch(/^\$API\//);
  });
});

describe.skipIf(noServer)(`docs/api.md against a running server (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let running: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-docs-'));
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
    // Through the API, so the running graph hears of it as it would of any import.
    const seeded = await running.app.inject({
      method: 'POST',
      headers: CSRF,
      url: '/api/v1/sets',
      payload: {
        title: 'Doc night',
        performers: ['DJ One'],
        entries: ['Kay Loom - Sundial', 'Mira Vale - Tide', 'Ora - Drift'].map((raw, i) => ({
          raw,
          bpm: 122 + i,
          key: '8A',
        })),
      },
    });
    expect(seeded.statusCode).toBe(201);
  });
  afterAll(async () => {
    await running?.stop();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every curl example with its documented status', async () => {
    const failures: string[] = [];
    for (const e of curlExamples(DOC)) {
      const url = e.url.replace('$API', `${running.url}/api/v1`);
      const res = await fetch(url, { method: e.method, headers: e.headers, body: e.body });
      const text = await res.text();
      if (res.status !== e.status) failures.push(`${e.line}\n  → ${res.status} ${text.slice(0, 300)}`);
      if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(failures).toEqual([]);
  });

  it('acknowledges each WebSocket example message', async () => {
    const block = /```json\n([\s\S]*?)```/.exec(DOC.slice(DOC.indexOf('## WebSocket')))![1]!;
    const messages = block
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/ws`);
    const got: { type: string; id?: number }[] = [];
    ws.onmessage = (m) => got.push(JSON.parse(String(m.data)));
    await new Promise((r, j) => {
      ws.onopen = r;
      ws.onerror = j;
    });
    for (const m of messages) ws.send(JSON.stringify(m));
    const end = Date.now() + 10_000;
    while (Date.now() < end && !messages.every((m) => got.some((g) => g.id === m.id)))
      await new Promise((r) => setTimeout(r, 20));
    for (const m of messages) expect(got.find((g) => g.id === m.id)?.type, JSON.stringify(m)).toBe('ack');
    expect(got.some((g) => g.type === 'session.update')).toBe(true);
    ws.close();
  });
});
