import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { ServerEvent, ServerEvents } from '../events.ts';

/**
 * `GET /api/v1/events` (WebSocket): a JSON message per event — job progress (imports, layouts…)
 * and graph changes. `?job=<id>` narrows it to one job's progress.
 */
export function eventRoutes(opts: { events: ServerEvents }) {
  return async (app: FastifyInstance) => {
    await app.register(websocket);
    app.get<{ Querystring: { job?: string } }>(
      '/events',
      {
        websocket: true,
        schema: { querystring: { type: 'object', properties: { job: { type: 'string', maxLength: 100 } } } },
      },
      (socket, req) => {
        const only = req.query.job;
        const send = (e: ServerEvent) => {
          if (only && (e.type !== 'job.progress' || e.job.jobId !== only)) return;
          socket.send(JSON.stringify(e));
        };
        opts.events.on('event', send);
        socket.on('close', () => opts.events.off('event', send));
      },
    );
  };
}
