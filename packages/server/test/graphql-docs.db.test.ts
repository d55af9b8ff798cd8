// The examples of docs/graphql.md, run in order against the real server on a small catalogue: every
// query and mutation block must answer without errors, and the documented error answers must be what
// the server says. Subscription blocks are shown for their shape; graphql.db.test.ts runs
// subscriptions over WebSocket.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { importItems } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import { LocalEventBus } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { createApiServices } from '../src/api/services.ts';
import { buildApp } from '../src/app.ts';
import { asLocalOwner } from './local-owner.ts';

const doc = readFileSync(new URL('../../../docs/graphql.md', import.meta.url), 'utf8');
const blocks = (lang: string) =>
  [...doc.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);

describe.skipIf(noServer)('docs/graphql.md examples', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let uploads: string;
  beforeAll(async () => {
    t = await testDatabase();
    uploads = mkdtempSync(join(tmpdir(), 'songnodes-gql-docs-'));
    // Imported first, so the ids the examples use (track 1, artist 1, set 1) name these.
    await importItems(t.db, [
      testSet('a', ['Daft Punk - Around the World', 'Röyksopp - Eple', 'ID - ID', 'Kay Loom - Sundial'], {
        performers: ['DJ One'],
        title: 'Warehouse Night',
        entry: (raw, i) => (raw.startsWith('ID') ? {} : { bpm: 120 + i, key: '8A' }),
      }),
      testSet('b', ['Daft Punk - Around the World', 'Röyksopp - Eple', 'Kay Loom - Sundial (Nox Remix)'], {
        performers: ['DJ Two'],
        title: 'Sunrise Session',
        entry: (_raw, i) => ({ bpm: 120 + i, key: '8A' }),
      }),
    ]);
    const graph = await GraphService.start(graphStore(t.db));
    jobs = await JobQueue.start(t.db, { schedule: false });
    const api = createApiServices({ db: t.db, bus: new LocalEventBus(), graph, jobs, uploadDir: uploads });
    app = asLocalOwner(await buildApp({ config: { LOG_LEVEL: 'silent' }, db: t.db, jobs, api }));
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop(1000);
    await t?.drop();
    rmSync(uploads, { recursive: true, force: true });
  });

  const run = async (query: string) => {
    const r = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    return { status: r.statusCode, body: r.json() as { data: unknown; errors?: unknown[] } };
  };

  it('answers every query and mutation example without errors, in order', async () => {
    const examples = blocks('graphql').filter((b) => !b.trimStart().startsWith('subscription'));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const query of examples) {
      const r = await run(query);
      expect(r.body.errors, query).toBeUndefined();
      expect(r.status).toBe(200);
      // Each example returns something, not only nulls and empty lists.
      expect(JSON.stringify(r.body.data), query).toMatch(/"(title|name|jobId|version|count)":"?[\w\d]/);
    }
  });

  it('documents the error answers the server really gives', async () => {
    const [notFound, tooComplex] = blocks('json').map((b) => JSON.parse(b));
    expect((await run('{ track(id: "999999") { title } }')).body).toEqual(notFound);
    const wide = await run(
      '{ tracks(first: 500) { items { transitionsOut(first: 500) { to { title } } } } }',
    );
    expect(wide.status).toBe(400);
    expect(wide.body).toEqual(tooComplex);
  });
});
