// /scrapes/targets: the signed-in user's target tracks (the local owner's in local mode): tracks they
// want sets for. Searching them queues target scrape tasks; what each search found and added to the
// graph is kept on the target. See docs/scrapers.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScrapeService } from '@songnodes/services';
import { Type } from 'typebox';
import { Id, IdParams, Nullable, problems } from '../schemas.ts';
import { Priority, Task } from './scrapes.ts';

const Name = Type.String({ minLength: 1, maxLength: 300 });
const Target = Type.Object({
  id: Type.Integer(),
  trackId: Nullable(Type.Integer({ description: 'the graph track it was picked from' })),
  artist: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  lastSearchedAt: Nullable(Type.String()),
  task: Nullable(
    Type.Object(
      { id: Type.Integer(), state: Type.String() },
      { description: 'the scrape task of the last search, with its state now' },
    ),
  ),
  lastResult: Nullable(
    Type.Object(
      {
        taskId: Type.Integer(),
        state: Type.String({ description: 'completed, failed, cancelled or waiting_quota' }),
        finishedAt: Type.String(),
        found: Type.Integer({ description: 'sets found that contain the track' }),
        added: Type.Integer({ description: 'of those, sets new to the graph' }),
        unchanged: Type.Integer({ description: 'of those, sets the graph already had' }),
        errors: Type.Integer(),
        error: Nullable(Type.String()),
        sets: Type.Array(
          Type.Object({
            source: Type.String(),
            title: Nullable(Type.String()),
            url: Nullable(Type.String()),
            setId: Nullable(Type.Integer({ description: 'the stored set, when the graph has it' })),
          }),
        ),
      },
      { description: 'what the last finished search found and added' },
    ),
  ),
});

export const scrapeTargetRoutes =
  (s: { scrapes: ScrapeService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/scrapes/targets',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Your target tracks with what their last search found and added',
          tags: ['scrapes'],
          response: { 200: Type.Object({ items: Type.Array(Target) }), ...problems(403) },
        },
      },
      async (req) => ({ items: await s.scrapes.targets(req.principal) }),
    );

    app.post(
      '/scrapes/targets',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Add a target track (a track of the graph, or an artist and a title)',
          description: 'The same track again returns the entry already listed, with duplicate: true.',
          tags: ['scrapes'],
          body: Type.Object(
            { trackId: Type.Optional(Id), artist: Type.Optional(Name), title: Type.Optional(Name) },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({ target: Target, duplicate: Type.Boolean() }),
            ...problems(400, 403, 404, 409, 422),
          },
        },
      },
      async (req, reply) => reply.code(201).send(await s.scrapes.addTarget(req.principal, req.body)),
    );

    app.delete(
      '/scrapes/targets/:id',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Remove a target track from your list',
          tags: ['scrapes'],
          params: IdParams,
          response: { 204: Type.Null(), ...problems(400, 403, 404) },
        },
      },
      async (req, reply) => {
        await s.scrapes.removeTarget(req.principal, req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/scrapes/targets/search',
      {
        config: { permission: 'import' },
        schema: {
          summary: 'Search the sources now for sets holding your target tracks (all, or those named)',
          description:
            'One target scrape task per track; a task already open for the same track is shared (duplicate: true).',
          tags: ['scrapes'],
          body: Type.Object(
            {
              ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200 })),
              priority: Type.Optional(Priority),
            },
            { additionalProperties: false },
          ),
          response: {
            202: Type.Object({
              items: Type.Array(
                Type.Object({ targetId: Type.Integer(), task: Task, duplicate: Type.Boolean() }),
              ),
            }),
            ...problems(400, 403, 404, 422, 503),
          },
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send({ items: await s.scrapes.searchTargets(req.principal, req.body.ids, req.body.priority) }),
    );
  };
