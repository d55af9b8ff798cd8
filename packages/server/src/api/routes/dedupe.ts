// /dedupe: near-duplicate tracks for a person to decide — open candidates, merges done, and a manual
// merge, split or rejection. Merges and splits update the in-memory graph through the service.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DedupeService } from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { Id, Nullable, problems, TrackRef } from '../schemas.ts';

const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
const CandidateTrack = Type.Object({ ...TrackRef.properties, plays: Type.Integer() });

export const dedupeRoutes =
  (s: { dedupe: DedupeService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/dedupe/candidates',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Pairs that may be the same recording, most likely first',
          tags: ['dedupe'],
          querystring: PageQuery,
          response: {
            200: Type.Array(
              Type.Object({
                score: Type.Number(),
                createdAt: Type.String(),
                track: CandidateTrack,
                candidate: CandidateTrack,
              }),
            ),
            ...problems(400),
          },
        },
      },
      async (req) => s.dedupe.candidates(req.query),
    );

    app.get(
      '/dedupe/merges',
      {
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Merges done, automatic and manual, newest first',
          tags: ['dedupe'],
          querystring: PageQuery,
          response: {
            200: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kept: TrackRef,
                merged: TrackRef,
                score: Nullable(Type.Number()),
                method: Type.String(),
                actor: Nullable(Type.String()),
                createdAt: Type.String(),
                undoneAt: Nullable(Type.String()),
                entriesMoved: Type.Integer(),
              }),
            ),
            ...problems(400),
          },
        },
      },
      async (req) => s.dedupe.merges(req.query),
    );

    app.post(
      '/dedupe/merge',
      {
        config: { permission: 'merge:tracks' },
        schema: {
          summary: 'Merge one track into another',
          tags: ['dedupe'],
          body: Type.Object({ keptId: Id, mergedId: Id }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              mergeId: Type.Integer(),
              score: Type.Number(),
              entriesMoved: Type.Integer(),
              transitionsRewritten: Type.Integer(),
              selfLoopsDropped: Type.Integer(),
            }),
            ...problems(400, 404, 422),
          },
        },
      },
      async (req) => s.dedupe.merge(req.body.keptId, req.body.mergedId, req.principal, requestContext(req)),
    );

    app.post(
      '/dedupe/split',
      {
        config: { permission: 'merge:tracks' },
        schema: {
          summary: 'Undo a merge',
          tags: ['dedupe'],
          body: Type.Object({ mergeId: Id }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              mergeId: Type.Integer(),
              keptId: Type.Integer(),
              mergedId: Type.Integer(),
              entriesRestored: Type.Integer(),
              transitionsRestored: Type.Integer(),
              setsChangedSince: Type.Integer(),
            }),
            ...problems(400, 404, 422),
          },
        },
      },
      async (req) => s.dedupe.split(req.body.mergeId, req.principal, requestContext(req)),
    );

    app.post(
      '/dedupe/reject',
      {
        config: { permission: 'merge:tracks' },
        schema: {
          summary: 'Mark a candidate pair as different recordings',
          tags: ['dedupe'],
          body: Type.Object({ trackId: Id, candidateId: Id }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...problems(400, 404, 422) },
        },
      },
      async (req, reply) => {
        await s.dedupe.reject(req.body.trackId, req.body.candidateId, req.principal, requestContext(req));
        return reply.code(204).send(null);
      },
    );
  };
