// GraphQL across processes on one PostgreSQL server: two `api` roles and one `worker`. A file imported
// with the importText mutation on api A is run by the worker; its progress and the graph change reach
// a GraphQL subscriber on api B (through PostgreSQL LISTEN/NOTIFY), and api B's in-memory graph plans
// through the new transitions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { loadConfig, type Running, runRole } from '../src/index.ts';
import { CSRF } from './local-owner.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions that read it
type Json = any;

describe.runIf(engine === 'postgres' && !noServer)(
  'GraphQL: api ×2 + worker on one PostgreSQL server',
  () => {
    let t: TestDatabase;
    let dir: string;
    const roles: Running[] = [];
    beforeAll(async () => {
      t = await testDatabase();
      dir = mkdtempSync(join(tmpdir(), 'songnodes-gql-scale-'));
      const config = loadConfig({
        PORT: '0',
        NODE_ENV: 'test',
        DATABASE_URL: t.url!,
        SONGNODES_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
      });
      roles.push(await runRole('api', config));
      roles.push(await runRole('api', config));
      roles.push(await runRole('worker', config));
    });
    afterAll(async () => {
      for (const r of roles.reverse()) await r.stop().catch(() => {});
      await t?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const gql = async (url: string, query: string, variables?: Record<string, unknown>) => {
      const r = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF },
        body: JSON.stringify({ query, variables }),
      });
      return { status: r.status, body: (await r.json()) as { data: Json; errors?: Json[] } };
    };

    it('an import mutation on api A reaches a subscriber and the graph on api B', async () => {
      const [a, b, worker] = roles as [Running, Running, Running];
      const ws = new WebSocket(`${b.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      const messages: Json[] = [];
      ws.onmessage = (m) => messages.push(JSON.parse(String(m.data)));
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const waitFor = (what: string, pred: (m: Json) => boolean) =>
        new Promise<Json>((resolve, reject) => {
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
      for (const [id, query] of [
        ['jobs', 'subscription { jobProgress { id state progress } }'],
        ['graph', 'subscription { graphChanged { cause changedTransitions } }'],
      ])
        ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      await new Promise((r) => setTimeout(r, 300));

      const accepted = await gql(
        a.url,
        'mutation($text: String!) { importText(text: $text, filename: "set.txt") { jobId } }',
        { text: '01. Kay Loom - Sundial\n02. Mira Vale - Tide\n03. Ora - Drift\n' },
      );
      expect(accepted.body.errors).toBeUndefined();
      const { jobId } = accepted.body.data.importText;
      await waitFor(
        'the job completing on api B',
        (m) =>
          m.id === 'jobs' &&
          m.payload?.data?.jobProgress?.id === jobId &&
          m.payload.data.jobProgress.state === 'completed',
      );
      // Across processes a change arrives in pieces (new tracks, then the changed transitions), each
      // complete in itself.
      const pairs = await waitFor(
        'the changed transitions on api B',
        (m) => m.id === 'graph' && m.payload?.data?.graphChanged?.changedTransitions > 0,
      );
      expect(pairs.payload.data.graphChanged).toEqual({ cause: 'import', changedTransitions: 2 });
      ws.close();

      // api B's in-memory graph knows the new transitions: the planner walks them.
      const plan = `{ plan(input: { from: "Kay Loom - Sundial", to: "Ora - Drift", length: 3 }) {
      sets { observedSteps tracks { title } } } }`;
      let planned: Json = null;
      for (let i = 0; i < 100 && !planned?.sets?.length; i++) {
        const r = await gql(b.url, plan);
        planned = r.body.data?.plan ?? null;
        if (!planned?.sets?.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(planned.sets[0]).toEqual({
        observedSteps: 2,
        tracks: [{ title: 'Sundial' }, { title: 'Tide' }, { title: 'Drift' }],
      });
      // A worker serves health and metrics only: no GraphQL.
      expect((await fetch(`${worker.url}/graphql`, { method: 'POST' })).status).toBe(404);
    });
  },
);
