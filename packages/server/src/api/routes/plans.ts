// /plans: saved plans — a planned set's tracks in order with the constraints that made it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlanService } from '@songnodes/services';
import { Type } from 'typebox';
import { nextUrl } from '../pagination.ts';
import { Id, IdParams, Nullable, Page, PageQuery, problems, TrackSummary } from '../schemas.ts';

const Plan = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  trackIds: Type.Array(Type.Integer()),
  constraints: Type.Record(Type.String(), Type.Unknown(), { description: 'what the planner was asked' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const Tracks = Type.Array(Id, { minItems: 1, maxItems: 500 });
const Constraints = Type.Record(Type.String(), Type.Unknown(), { maxProperties: 50 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const planRoutes =
  (s: { plans: PlanService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/plans',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary: 'Save a plan',
          tags: ['planner'],
          body: Type.Object(
            { name: Name, tracks: Tracks, constraints: Type.Optional(Constraints) },
            { additionalProperties: false },
          ),
          response: { 201: Plan, ...problems(400, 422) },
        },
      },
      async (req, reply) => {
        const p = await s.plans.create(req.body);
        return reply.code(201).header('location', `/api/v1/plans/${p.id}`).send(p);
      },
    );
    app.get(
      '/plans',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Saved plans',
          tags: ['planner'],
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(Plan), ...problems(400) },
        },
      },
      async (req) => {
        const page = await s.plans.list(req.query);
        return { ...page, nextUrl: nextUrl(req, page.next) };
      },
    );
    app.get(
      '/plans/:id',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'A saved plan with its tracks (null where a track was merged or deleted since)',
          tags: ['planner'],
          params: IdParams,
          response: {
            200: Type.Object({ ...Plan.properties, tracks: Type.Array(Nullable(TrackSummary)) }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.plans.get(req.params.id),
    );
    app.patch(
      '/plans/:id',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary: 'Rename a plan, reorder or swap its tracks, or change its constraints',
          tags: ['planner'],
          params: IdParams,
          body: Type.Object(
            {
              name: Type.Optional(Name),
              tracks: Type.Optional(Tracks),
              constraints: Type.Optional(Constraints),
            },
            { additionalProperties: false },
          ),
          response: { 200: Plan, ...problems(400, 404, 422) },
        },
      },
      async (req) => s.plans.update(req.params.id, req.body),
    );
    app.delete(
      '/plans/:id',
      {
        config: { permission: 'write:sets' },
        schema: {
          summary: 'Delete a plan',
          tags: ['planner'],
          params: IdParams,
          response: { 204: Type.Null(), ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        await s.plans.delete(req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
