// /sources and /scrapes: the health of each data source, scrape tasks (submit, follow, cancel) and
// refresh schedules. The crawling runs as jobs in worker processes; see docs/scrapers.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScrapeService } from '@songnodes/services';
import { Type } from 'typebox';
import { IdParams, Nullable, problems } from '../schemas.ts';

export const Priority = Type.Union([Type.Literal('high'), Type.Literal('normal'), Type.Literal('low')]);
const TaskState = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('waiting_quota'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export const Task = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  kind: Type.String(),
  spec: Type.Record(Type.String(), Type.Unknown()),
  priority: Type.String(),
  state: Type.String(),
  jobId: Nullable(Type.String()),
  progress: Type.Record(Type.String(), Type.Unknown()),
  result: Nullable(Type.Record(Type.String(), Type.Unknown())),
  error: Nullable(Type.String()),
  resumeAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Input = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'a URL of a configured source, "source:query" (mixesdb:Solomun) or "target:Artist - Title"',
});

export const scrapeRoutes =
  (s: { scrapes: ScrapeService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/sources',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Each data source: success rate, last error, circuit breaker, quota left',
          tags: ['scrapes'],
          response: {
            200: Type.Object({
              configured: Type.Boolean({ description: 'false until SCRAPER_CONTACT_URL is set' }),
              sources: Type.Array(
                Type.Object({
                  source: Type.String(),
                  successes: Type.Integer(),
                  failures: Type.Integer(),
                  successRate: Nullable(Type.Number()),
                  lastError: Nullable(Type.String()),
                  lastErrorAt: Nullable(Type.String()),
                  lastSuccessAt: Nullable(Type.String()),
                  breaker: Type.String(),
                  quotaLeft: Nullable(Type.Integer()),
                  configured: Type.Boolean(),
                }),
              ),
            }),
          },
        },
      },
      async () => s.scrapes.health(),
    );

    app.post(
      '/scrapes',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Submit a scrape; the same open request again returns the task already queued',
          tags: ['scrapes'],
          body: Type.Object(
            { input: Input, priority: Type.Optional(Priority) },
            { additionalProperties: false },
          ),
          response: {
            202: Type.Object({ task: Task, duplicate: Type.Boolean() }),
            ...problems(400, 422, 503),
          },
        },
      },
      async (req, reply) => reply.code(202).send(await s.scrapes.submit(req.body.input, req.body.priority)),
    );

    app.get(
      '/scrapes',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Scrape tasks, newest first',
          tags: ['scrapes'],
          querystring: Type.Object(
            {
              limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
              state: Type.Optional(TaskState),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(Task) }), ...problems(400, 503) },
        },
      },
      async (req) => ({ items: await s.scrapes.list(req.query) }),
    );

    app.get(
      '/scrapes/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'One scrape task with its progress and result',
          tags: ['scrapes'],
          params: IdParams,
          response: { 200: Task, ...problems(400, 404, 503) },
        },
      },
      async (req) => s.scrapes.get(req.params.id),
    );

    app.post(
      '/scrapes/:id/cancel',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Cancel a scrape task (it stops between pages)',
          tags: ['scrapes'],
          params: IdParams,
          response: { 200: Task, ...problems(400, 404, 409, 503) },
        },
      },
      async (req) => s.scrapes.cancel(req.params.id),
    );

    app.get(
      '/scrapes/schedules',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Refresh schedules',
          tags: ['scrapes'],
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  name: Type.String(),
                  cron: Type.String(),
                  spec: Type.Record(Type.String(), Type.Unknown()),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: await s.scrapes.schedules() }),
    );

    app.put(
      '/scrapes/schedules/:name',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Create or replace a refresh schedule (cron, UTC)',
          tags: ['scrapes'],
          params: Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }) }),
          body: Type.Object(
            {
              cron: Type.String({ minLength: 9, maxLength: 100, description: '5 fields, UTC: "0 4 * * *"' }),
              input: Input,
              priority: Type.Optional(Priority),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...problems(400, 422, 503) },
        },
      },
      async (req, reply) => {
        await s.scrapes.schedule(req.params.name, req.body.cron, req.body.input, req.body.priority);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/scrapes/schedules/:name',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Remove a refresh schedule',
          tags: ['scrapes'],
          params: Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }) }),
          response: { 204: Type.Null(), ...problems(400, 503) },
        },
      },
      async (req, reply) => {
        await s.scrapes.unschedule(req.params.name);
        return reply.code(204).send(null);
      },
    );
  };
