// Uploads: the bytes go to the uploads folder as they arrive, then a durable job imports them (the
// ingest pipeline; the upload is removed once the job has stored it). Answering before the import
// runs keeps a large library from holding a request open for minutes.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SetOwner } from '@songnodes/db';
import type { FormatId } from '@songnodes/importers';
import type { JobDefinition, JobQueue } from '@songnodes/jobs';
import type { Principal } from './auth/access.ts';
import { invalid } from './errors.ts';
import { ownerOf, type Visibility } from './visibility.ts';

export interface ImportPayload {
  path: string;
  format?: FormatId;
  source?: string;
  removeAfter?: boolean;
  owner?: SetOwner;
}

/** A file name safe to put in a path: the base name only, no traversal, no odd characters. */
export function safeUploadName(name: string | undefined): string {
  const base = basename((name ?? 'upload').replace(/\\/g, '/'))
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '');
  return base === '' ? 'upload' : base.slice(0, 100);
}

export class ImportService {
  private readonly deps: { jobs: JobQueue; uploadDir: string; importJob: JobDefinition<ImportPayload> };

  constructor(deps: { jobs: JobQueue; uploadDir: string; importJob: JobDefinition<ImportPayload> }) {
    this.deps = deps;
  }

  async upload(
    body: Readable | undefined,
    o: { format?: FormatId; source?: string; filename?: string; visibility?: Visibility },
    viewer: Principal,
  ): Promise<{ jobId: string; progress: string; events: string }> {
    const owner = ownerOf(viewer, o.visibility);
    if (!body) throw invalid('body', 'the request has no body: send the file as the body');
    await mkdir(this.deps.uploadDir, { recursive: true });
    const path = join(this.deps.uploadDir, `${randomUUID()}-${safeUploadName(o.filename)}`);
    try {
      await pipeline(body, createWriteStream(path));
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    const jobId = await this.deps.jobs.send(this.deps.importJob, {
      path,
      format: o.format,
      source: o.source,
      removeAfter: true,
      owner,
    });
    return { jobId, progress: `/api/v1/jobs/${jobId}`, events: `/api/v1/events?job=${jobId}` };
  }
}
