// /exports: files for Gephi, DJ software and spreadsheets, made by a durable job. POST answers 202 at
// once with the job; GET gives its status and, when ready, the download link; the download streams the
// file with its type and name. Formats and what each carries: docs/exports.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportService, MAX_EXPORT_TRACKS } from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { Id, MAX_ID, problems } from '../schemas.ts';

const TrackIds = Type.Array(Id, {
  minItems: 1,
  maxItems: MAX_EXPORT_TRACKS,
  description: 'track ids, in order',
});
const Name = Type.String({ minLength: 1, maxLength: 200 });

const GraphFilters = Type.Object(
  {
    minCount: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
    minDjs: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ID })),
    bpmMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    bpmMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    keys: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 3 }), { maxItems: 24, description: 'Camelot keys' }),
    ),
    genres: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
    yearFrom: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    yearTo: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    maxEdges: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'the strongest edges only' }),
    ),
  },
  { additionalProperties: false, description: 'graph exports: which transitions and tracks' },
);

const ExportRequest = Type.Object(
  {
    kind: Type.Union(EXPORT_KINDS.map((k) => Type.Literal(k))),
    format: Type.Union(
      EXPORT_FORMATS.map((f) => Type.Literal(f)),
      {
        description:
          'graph: gexf, graphml, json, csv; set, plan, tracks: m3u8, rekordbox, traktor, csv, json',
      },
    ),
    tracks: Type.Optional(TrackIds),
    name: Type.Optional(Name),
    setId: Type.Optional(Id),
    planId: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'a saved plan (POST /plans)' }),
    ),
    plan: Type.Optional(
      Type.Object(
        { tracks: TrackIds, name: Type.Optional(Name) },
        { additionalProperties: false, description: 'a plan not saved: its tracks in order and a name' },
      ),
    ),
    filters: Type.Optional(GraphFilters),
  },
  { additionalProperties: false },
);

const ExportStatus = Type.Object({
  jobId: Type.String(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('active'),
    Type.Literal('completed'),
    Type.Literal('failed'),
    Type.Literal('retrying'),
    Type.Literal('cancelled'),
    Type.Literal('expired'),
  ]),
  download: Type.Union([Type.String(), Type.Null()], { description: 'the file, once it is ready' }),
  file: Type.Optional(
    Type.Object({
      filename: Type.String(),
      contentType: Type.String(),
      bytes: Type.Integer(),
      tracks: Type.Optional(Type.Integer()),
      nodes: Type.Optional(Type.Integer()),
      edges: Type.Optional(Type.Integer()),
      unknownEntriesLeftOut: Type.Optional(
        Type.Integer({ description: 'set entries nobody identified, not in the playlist' }),
      ),
      missingTrackIds: Type.Optional(Type.Array(Type.Integer())),
    }),
  ),
  message: Type.Optional(Type.String({ description: 'why it failed' })),
});

const JobParams = Type.Object({
  jobId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$', description: 'the id POST /exports answered' }),
});

/** `attachment; filename="…"` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export const exportRoutes =
  (s: { exports: ExportService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/exports',
      {
        config: { permission: 'export' },
        schema: {
          summary: 'Export the graph, a set, a plan or a list of tracks as a file (made by a job)',
          tags: ['exports'],
          body: ExportRequest,
          response: {
            202: Type.Object({
              jobId: Type.String(),
              status: Type.Literal('queued'),
              download: Type.String({ description: 'the file, once ready (503 until then)' }),
              self: Type.String({ description: 'the export’s status' }),
            }),
            ...problems(400, 404, 422),
          },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await s.exports.create(req.body, req.principal, requestContext(req))),
    );

    app.get(
      '/exports/:jobId',
      {
        config: { permission: 'export' },
        schema: {
          summary: 'An export’s status, with its download link once ready',
          tags: ['exports'],
          params: JobParams,
          response: { 200: ExportStatus, ...problems(400, 404) },
        },
      },
      async (req) => s.exports.status(req.params.jobId, req.principal),
    );

    app.get(
      '/exports/:jobId/download',
      {
        config: { permission: 'export' },
        schema: {
          summary: 'The exported file',
          tags: ['exports'],
          params: JobParams,
          response: {
            200: {
              description: 'the file, named in Content-Disposition',
              content: Object.fromEntries(
                ['application/gexf+xml', 'application/graphml+xml', 'application/json', 'text/csv']
                  .concat(['audio/x-mpegurl', 'application/xml'])
                  .map((t) => [t, { schema: Type.String({ format: 'binary' }) }]),
              ),
            },
            ...problems(400, 404, 409, 503),
          },
        },
      },
      async (req, reply) => {
        const f = await s.exports.file(req.params.jobId, req.principal);
        return (
          reply
            .type(f.contentType)
            .header('content-disposition', contentDisposition(f.filename))
            .header('content-length', f.bytes)
            // The schema documents the body as binary (a string to the type provider); a stream is sent as is.
            .send(f.stream as unknown as string)
        );
      },
    );
  };
