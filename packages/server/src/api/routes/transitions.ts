// /transitions: the evidence that B was played right after A — counts, DJs, dates and the sets.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from '@songnodes/services';
import { Type } from 'typebox';
import { EvidenceSet, Id, Nullable, problems, TrackRef } from '../schemas.ts';

export const transitionRoutes =
  (s: { catalog: CatalogService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/transitions',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'The evidence of one transition',
          tags: ['graph'],
          querystring: Type.Object(
            {
              from: Id,
              to: Id,
              sets: Type.Integer({
                minimum: 0,
                maximum: 200,
                default: 20,
                description: 'sets listed, most recent first',
              }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              from: TrackRef,
              to: TrackRef,
              count: Type.Integer(),
              sets: Type.Integer(),
              djs: Type.Integer(),
              firstDate: Nullable(Type.String()),
              lastDate: Nullable(Type.String()),
              evidence: Type.Array(EvidenceSet),
            }),
            ...problems(400, 404),
          },
        },
      },
      async (req) => s.catalog.getTransition(req.query.from, req.query.to, req.query.sets),
    );
  };
