// GET /ws: the versioned WebSocket protocol (ws/protocol.ts) over the process's hub. Authentication
// hangs here (the accounts issue checks the same tokens as HTTP before `attach`).
import type { FastifyInstance } from 'fastify';
import { type HubOptions, SocketHub } from './hub.ts';

export async function wsRoute(app: FastifyInstance, o: { hub: SocketHub }): Promise<void> {
  app.get(
    '/ws',
    { websocket: true, config: { permission: 'read:graph' }, schema: { hide: true } },
    (socket) => o.hub.attach(socket),
  );
  app.addHook('onClose', async () => o.hub.close());
}

export { type HubOptions, SocketHub };
