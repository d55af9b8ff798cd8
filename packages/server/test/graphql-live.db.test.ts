// GraphQL on the real `start` role (runtime, config, worker, event bus): a file imported through the
// importText mutation is run by the worker, its progress and the graph change reach a subscriber over
// WebSocket, and the imported tracks answer queries. The limits come from the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions that read it
type Json = any;

describe.skipIf(noServer)(`GraphQL on a running server (${engine})`, () => {
  let dir: string;
  let t: TestDatabase | undefined;
  let running: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'songnodes-gql-live-'));
    if (engine === 'postgres') t = await testDatabase({ migrate: false });
    running = await runRole(
      'start',
      loadConfig({
        PORT: '0',
        NODE_ENV: 'test',
        SONGNODES_DATA_DIR: dir,
        SONGNODES_DEMO: 'false',
        LOG_LEVEL: 'silent',
        GRAPHQL_DEPTH_LIMIT: '6',
        GRAPHQL_COMPLEXITY_LIMIT: '50',
        ...(t ? { DATABASE_URL: t.url } : {}),
      }),
    );
  });
  afterAll(async () => {
    await running?.stop();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const r = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({ query, variables }),
    });
    return { status: r.status, body: (await r.json()) as { data: Json; errors?: Json[] } };
  };

  it('imports through a mutation and reports the job and the graph change to a subscriber', async () => {
    const ws = new WebSocket(`${running.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: { id?: string; type: string; payload?: Json }[] = [];
    ws.onmessage = (m) => messages.push(JSON.parse(String(m.data)));
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const waitFor = (what: string, pred: (m: (typeof messages)[number]) => boolean) =>
      new Promise<(typeof messages)[number]>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${what} in ${JSON.stringify(messages).slice(0, 2000)}`)),
          30_000,
        );
        const poll = setInterval(() => {
          const m = messages.find(pred);
          if (m) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(m);
          }
        }, 25);
      });
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await waitFor('ack', (m) => m.type === 'connection_ack');
    const subscribe = (id: string, query: string) =>
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    subscribe('jobs', 'subscription { jobProgress { id queue state progress } }');
    subscribe('graph', 'subscription { graphChanged { cause changedTracks changedTransitions } }');
    await new Promise((r) => setTimeout(r, 200));

    const accepted = await gql(
      'mutation($text: String!) { importText(text: $text, filename: "friday.txt", source: "upload") { jobId } }',
      { text: '01. Kay Loom - Sundial\n02. Mira Vale - Tide (Tom Ash Remix)\n03. Ora - Drift\n' },
    );
    expect(accepted.body.errors).toBeUndefined();
    const { jobId } = accepted.body.data.importText;
    const done = await waitFor(
      'completed job',
      (m) =>
        m.id === 'jobs' &&
        m.payload?.data?.jobProgress?.id === jobId &&
        m.payload.data.jobProgress.state === 'completed',
    );
    expect(done.payload.data.jobProgress.progress).toMatchObject({ setsStored: 1, entries: 3 });
    const change = await waitFor('graph change', (m) => m.id === 'graph' && m.type === 'next');
    expect(change.payload.data.graphChanged).toMatchObject({ cause: 'import', changedTransitions: 2 });
    ws.close();

    const found = await gql(
      '{ search(q: "sundial", first: 1) { tracks { title transitionsOut { to { title } } } } }',
    );
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.search.tracks).toEqual([
      { title: 'Sundial', transitionsOut: [{ to: { title: 'Tide' } }] },
    ]);
  });

  it('takes its depth and complexity limits from the environment', async () => {
    const deep = await gql(
      '{ tracks(first: 1) { items { transitionsOut(first: 1) { to { sets(first: 1) { performers { name } } } } } } }',
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 7, limit: 6 });
    const wide = await gql('{ tracks(first: 30) { items { artists { role } } } }');
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 50 });
    expect((await gql('{ tracks(first: 10) { items { title } } }')).body.errors).toBeUndefined();
    // Not in development: no GraphiQL.
    expect(await (await fetch(`${running.url}/graphiql`)).text()).not.toContain('<title>GraphiQL</title>');
  });
});
