// Near-duplicate review over HTTP: open candidates, merges (list, merge, split). Scoring and the
// merge itself live in @songnodes/ingest and @songnodes/db; this plugin only validates and maps errors.
import { type Database, DedupeError, listCandidates, listMerges, splitMerge } from '@songnodes/db';
import { mergeManually } from '@songnodes/ingest';
import type { FastifyInstance, FastifyReply } from 'fastify';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const page = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
  additionalProperties: false,
} as const;
const nullableString = { type: ['string', 'null'] } as const;
const trackRef = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    artist: { type: 'string' },
    title: { type: 'string' },
    version: nullableString,
  },
  required: ['id', 'artist', 'title', 'version'],
} as const;
const candidateTrack = {
  ...trackRef,
  properties: { ...trackRef.properties, plays: { type: 'integer' } },
  required: [...trackRef.required, 'plays'],
} as const;
const error = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

/** A refused merge or split: 404 when something named does not exist, 400 when the request makes no sense. */
function refused(reply: FastifyReply, e: unknown) {
  if (!(e instanceof DedupeError)) throw e;
  return reply.code(e.code === 'not_found' ? 404 : 400).send({ error: e.code, message: e.message });
}

export function dedupeRoutes(opts: { db: Database }) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: { limit: number; offset: number } }>(
      '/dedupe/candidates',
      {
        schema: {
          querystring: page,
          response: {
            200: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  score: { type: 'number' },
                  createdAt: { type: 'string' },
                  track: candidateTrack,
                  candidate: candidateTrack,
                },
                required: ['score', 'track', 'candidate'],
              },
            },
          },
        },
      },
      (req) => listCandidates(opts.db, req.query),
    );

    app.get<{ Querystring: { limit: number; offset: number } }>(
      '/dedupe/merges',
      {
        schema: {
          querystring: page,
          response: {
            200: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'integer' },
                  kept: trackRef,
                  merged: trackRef,
                  score: { type: ['number', 'null'] },
                  method: { type: 'string' },
                  actor: nullableString,
                  createdAt: { type: 'string' },
                  undoneAt: nullableString,
                  entriesMoved: { type: 'integer' },
                },
                required: ['id', 'kept', 'merged', 'method', 'createdAt', 'undoneAt', 'entriesMoved'],
              },
            },
          },
        },
      },
      (req) => listMerges(opts.db, req.query),
    );

    app.post<{ Body: { keptId: number; mergedId: number } }>(
      '/dedupe/merge',
      {
        schema: {
          body: {
            type: 'object',
            properties: { keptId: id, mergedId: id },
            required: ['keptId', 'mergedId'],
            additionalProperties: false,
          },
          response: {
            200: {
              type: 'object',
              properties: {
                mergeId: { type: 'integer' },
                score: { type: 'number' },
                entriesMoved: { type: 'integer' },
                transitionsRewritten: { type: 'integer' },
                selfLoopsDropped: { type: 'integer' },
              },
              required: ['mergeId', 'score', 'entriesMoved'],
            },
            400: error,
            404: error,
          },
        },
      },
      async (req, reply) => {
        try {
          return await mergeManually(opts.db, req.body.keptId, req.body.mergedId, `api:${req.ip}`);
        } catch (e) {
          return refused(reply, e);
        }
      },
    );

    app.post<{ Body: { mergeId: number } }>(
      '/dedupe/split',
      {
        schema: {
          body: {
            type: 'object',
            properties: { mergeId: id },
            required: ['mergeId'],
            additionalProperties: false,
          },
          response: {
            200: {
              type: 'object',
              properties: {
                mergeId: { type: 'integer' },
                keptId: { type: 'integer' },
                mergedId: { type: 'integer' },
                entriesRestored: { type: 'integer' },
                transitionsRestored: { type: 'integer' },
                setsChangedSince: { type: 'integer' },
              },
              required: ['mergeId', 'keptId', 'mergedId', 'entriesRestored'],
            },
            400: error,
            404: error,
          },
        },
      },
      async (req, reply) => {
        try {
          return await splitMerge(opts.db, req.body.mergeId, `api:${req.ip}`);
        } catch (e) {
          return refused(reply, e);
        }
      },
    );
  };
}
