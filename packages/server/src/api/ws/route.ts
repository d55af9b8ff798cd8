// GET /ws: the versioned WebSocket protocol (ws/protocol.ts) over the process's hub. The upgrade is a
// request like any other: the principal hook has read its credential (a browser sends it as
// `?access_token=` or an `access_token.<token>` subprotocol), and it is refused with 401/403 before
// the socket opens when the credential is bad or lacks `read:graph`.
import type { FastifyInstance } from 'fastify';
import { enforce } from '../auth/enforce.ts';
import { type HubOptions, SocketHub } from './hub.ts';

export async function wsRoute(
  app: FastifyInstance,
  o: { hub: SocketHub; origins: readonly string[] },
): Promise<void> {
  app.get(
    '/ws',
    {
      websocket: true,
      config: { permission: 'read:graph' },
      schema: { hide: true },
      onRequest: async (req) => enforce(req, 'read:graph', o.origins),
    },
    (socket, req) => o.hub.attach(socket, req.principal),
  );
  app.addHook('onClose', async () => o.hub.close());
}

export { type HubOptions, SocketHub };
