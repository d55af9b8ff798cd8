// /events (WebSocket): the simple feed — a JSON message per job progress or graph change, from
// whichever process produced it. `?job=<id>` narrows it to one job. The versioned protocol with rooms,
// acknowledgements and shared sessions is /ws (api/ws); this feed stays for simple scripts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type DomainEvent, type EventBus, jobVisibleTo } from '@songnodes/services';
import { Type } from 'typebox';

export type WireEvent =
  | { type: 'job.progress'; job: unknown }
  | { type: 'graph.changed'; newTracks: number; changedTransitions: number; cause: string };

export function wireEvent(e: DomainEvent): WireEvent | null {
  if (e.type === 'session.update') return null;
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
          // Another user's private upload (its file name, its counts) is not this listener's to hear
          // of: the same rule as /ws rooms and GraphQL subscriptions (services' jobVisibleTo).
          if (e.type === 'job.progress' && !jobVisibleTo(e.job, req.principal)) return;
          const wire = wireEvent(e);
          if (wire) socket.send(JSON.stringify(wire));
        });
        socket.on('close', unsubscribe);
      },
    );
  };
