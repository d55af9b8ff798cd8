// /imports: upload a file (the request body, any content type); a job imports it.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FORMAT_IDS } from '@songnodes/importers';
import type { ImportService } from '@songnodes/services';
import { Type } from 'typebox';
import { problems } from '../schemas.ts';

/** The largest upload accepted; bigger libraries import from the command line. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const importRoutes =
  (s: { imports: ImportService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Any content type: the bytes are streamed to disk as they are; importers detect the format.
    app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    // But not a form: its boundaries and part headers would be stored with the file and read as
    // tracklist lines (`curl -F file=@sets.ndjson` imported one set of garbage).
    app.addContentTypeParser('multipart/form-data', (_req, payload, done) => {
      const refused = Object.assign(
        new Error(
          'send the file itself as the request body, not a multipart form: e.g. curl --data-binary @sets.ndjson "…/api/v1/imports?filename=sets.ndjson"',
        ),
        { statusCode: 415, name: 'Unsupported media type' },
      );
      // Read the form to its end first: a client still sending it would otherwise meet a closed
      // connection (EPIPE) instead of this answer. Past the upload limit, the connection is cut.
      let bytes = 0;
      let answered = false;
      const answer = () => {
        if (!answered) done(refused, undefined);
        answered = true;
      };
      payload.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_UPLOAD_BYTES) {
          answer();
          payload.destroy();
        }
      });
      payload.on('error', answer);
      payload.on('end', answer);
    });
    app.post(
      '/imports',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        config: { permission: 'import' },
        schema: {
          summary: 'Import a file: the request body is the file',
          tags: ['imports'],
          querystring: Type.Object(
            {
              format: Type.Optional(Type.Union(FORMAT_IDS.map((f) => Type.Literal(f)))),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
              filename: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              visibility: Type.Optional(
                Type.Union([Type.Literal('public'), Type.Literal('private')], {
                  description:
                    "a signed-in user's upload is 'private' (theirs alone) unless 'public' shares it; without an account, uploads are public",
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            202: Type.Object({ jobId: Type.String(), progress: Type.String(), events: Type.String() }),
            ...problems(400, 413, 415, 422),
          },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send(await s.imports.upload(req.body as Readable | undefined, req.query, req.principal)),
    );
  };
