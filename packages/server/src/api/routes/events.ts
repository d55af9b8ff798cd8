// /events (WebSocket): a JSON message per event — job progress and graph changes — from whichever
// process produced it, through the event bus. `?job=<id>` narrows it to one job's progress.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import type { DomainEvent, EventBus } from '@songnodes/services';
import { Type } from 'typebox';

export type WireEvent =
  | { type: 'job.progress'; job: unknown }
  | { type: 'graph.changed'; newTracks: number; changedTransitions: number; cause: string };

export function wireEvent(e: DomainEvent): WireEvent {
  if (e.type === 'job.progress') return e;
  return {
    type: 'graph.changed',
    newTracks: e.newTrackIds.length,
    changedTransitions: e.changedPairs.length,
    cause: e.cause,
  };
}

export const eventRoutes =
  (s: { bus: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(websocket);
    app.get(
      '/events',
      {
        websocket: true,
        config: { permission: 'read:graph' },
        schema: {
          summary: 'Job progress and graph changes (WebSocket)',
          tags: ['events'],
          querystring: Type.Object(
            { job: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
            { additionalProperties: false },
          ),
        },
      },
      (socket, req) => {
        const only = req.query.job;
        const unsubscribe = s.bus.subscribe((e) => {
          if (only && (e.type !== 'job.progress' || e.job.jobId !== only)) return;
          socket.send(JSON.stringify(wireEvent(e)));
        });
        socket.on('close', unsubscribe);
      },
    );
  };
