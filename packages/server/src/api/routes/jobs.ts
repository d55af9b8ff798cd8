// /jobs: the progress of any durable job (imports, layouts, communities).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { JobService } from '@songnodes/services';
import { Type } from 'typebox';
import { nextUrl } from '../pagination.ts';
import { Nullable, problems } from '../schemas.ts';

const JobState = Type.Union([
  Type.Literal('queued'),
  Type.Literal('active'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('retrying'),
  Type.Literal('cancelled'),
]);
const Job = Type.Object({
  jobId: Type.String(),
  queue: Type.String(),
  state: JobState,
  progress: Type.Object({}, { additionalProperties: true }),
  updatedAt: Type.String(),
});
const JobId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const jobRoutes =
  (s: { jobs: JobService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/jobs',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Jobs, most recently changed first',
          tags: ['jobs'],
          querystring: Type.Object(
            {
              queue: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
              state: Type.Optional(JobState),
              after: Type.Optional(
                Type.Integer({
                  minimum: 0,
                  maximum: 1_000_000,
                  description: 'cursor: `next` of the previous page',
                }),
              ),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(Job),
              next: Nullable(Type.Integer()),
              nextUrl: Nullable(Type.String()),
            }),
            ...problems(400),
          },
        },
      },
      async (req) => {
        const offset = req.query.after ?? 0;
        const rows = await s.jobs.list({ ...req.query, offset, limit: req.query.limit + 1 }, req.principal);
        const next = rows.length > req.query.limit ? offset + req.query.limit : null;
        return { items: rows.slice(0, req.query.limit), next, nextUrl: nextUrl(req, next) };
      },
    );

    for (const action of ['cancel', 'retry'] as const)
      app.post(
        `/jobs/:id/${action}`,
        {
          config: { permission: 'run:jobs' },
          schema: {
            summary:
              action === 'cancel' ? 'Cancel a queued or running job' : 'Run a failed or cancelled job again',
            tags: ['jobs'],
            params: JobId,
            response: { 200: Job, ...problems(400, 404, 409) },
          },
        },
        async (req) =>
          action === 'cancel'
            ? s.jobs.cancel(req.params.id, req.principal)
            : s.jobs.retry(req.params.id, req.principal),
      );

    app.get(
      '/jobs/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'A job’s state and progress',
          tags: ['jobs'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
          response: {
            200: Type.Object({
              jobId: Type.String(),
              queue: Type.String(),
              state: Type.String(),
              progress: Type.Object({}, { additionalProperties: true }),
              updatedAt: Type.String(),
            }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.jobs.progress(req.params.id, req.principal),
    );
  };
