import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FORMAT_IDS, type FormatId } from '@songnodes/importers';
import { type IngestJobDeps, importFileJob } from '@songnodes/ingest';
import type { JobQueue } from '@songnodes/jobs';
import type { FastifyInstance } from 'fastify';

/** The largest upload accepted; bigger libraries import from the command line. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/**
 * `POST /api/v1/imports?format=&source=&filename=`: the request body is the file, stored in the
 * uploads folder and imported by a durable job. Answers 202 with the job id; progress is at
 * `GET /api/v1/jobs/:id` and on the `/api/v1/events` WebSocket.
 */
export function importRoutes(opts: { jobs: JobQueue; uploadDir: string; ingest: IngestJobDeps }) {
  const job = importFileJob(opts.ingest);
  return async (app: FastifyInstance) => {
    // Any content type: the bytes are streamed to disk as they are; importers detect the format.
    app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    app.post<{ Querystring: { format?: FormatId; source?: string; filename?: string } }>(
      '/imports',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          querystring: {
            type: 'object',
            properties: {
              format: { type: 'string', enum: [...FORMAT_IDS] },
              source: { type: 'string', minLength: 1, maxLength: 100 },
              filename: { type: 'string', minLength: 1, maxLength: 200 },
            },
            additionalProperties: false,
          },
        },
      },
      async (req, reply) => {
        if (!req.body)
          return reply
            .code(400)
            .send({ error: 'bad_request', message: 'the request has no body: send the file as the body' });
        await mkdir(opts.uploadDir, { recursive: true });
        const name = basename(req.query.filename ?? 'upload').replace(/[^\w.-]+/g, '_');
        const path = join(opts.uploadDir, `${randomUUID()}-${name}`);
        try {
          await pipeline(req.body as Readable, createWriteStream(path));
        } catch (e) {
          await rm(path, { force: true });
          throw e;
        }
        const id = await opts.jobs.send(job, {
          path,
          format: req.query.format,
          source: req.query.source,
          removeAfter: true,
        });
        return reply
          .code(202)
          .send({ jobId: id, progress: `/api/v1/jobs/${id}`, events: `/api/v1/events?job=${id}` });
      },
    );
  };
}
