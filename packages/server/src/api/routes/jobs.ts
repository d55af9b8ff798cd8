// /jobs: the progress of any durable job (imports, layouts, communities).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { JobService } from '@songnodes/services';
import { Type } from 'typebox';
import { problems } from '../schemas.ts';

export const jobRoutes =
  (s: { jobs: JobService }): FastifyPluginAsyncTypebox =>
  async (app) => {
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
      async (req) => s.jobs.progress(req.params.id),
    );
  };
