// Builds the OpenAPI document the way a running `api` process would serve it, on an empty in-memory
// database: the checked-in copy (packages/server/openapi.json) and the web app's typed client are
// generated from it, and a test fails when either differs from what the code now says.
import { graphStore, migrate, openPglite } from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import { JobQueue } from '@songnodes/jobs';
import { LocalEventBus } from '@songnodes/services';
import { buildApp } from '../app.ts';
import { createApiServices } from './services.ts';

export const OPENAPI_FILE = new URL('../../openapi.json', import.meta.url);

export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const db = await openPglite({});
  try {
    await migrate(db);
    const graph = await GraphService.start(graphStore(db));
    const jobs = await JobQueue.start(db, { schedule: false });
    try {
      const api = createApiServices({
        db,
        bus: new LocalEventBus(),
        graph,
        jobs,
        uploadDir: '/nonexistent',
        exportDir: '/nonexistent',
      });
      const app = await buildApp({ config: { LOG_LEVEL: 'silent' }, db, jobs, api });
      await app.ready();
      const doc = app.swagger() as unknown as Record<string, unknown>;
      await app.close();
      return doc;
    } finally {
      await jobs.stop(1000);
    }
  } finally {
    await db.close();
  }
}

/** The document as it is checked in: stable key order, two-space indent, newline at the end. */
export const formatDocument = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
