import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built web app at `/`; unknown non-API paths get index.html so client routes work. */
export async function webPlugin(app: FastifyInstance) {
  if (!existsSync(WEB_DIST)) {
    app.log.warn({ dir: WEB_DIST }, 'web app not built: run `npm run build:web` (npm install does it)');
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain').send('The web app is not built. Run `npm run build:web`.'),
    );
    return;
  }
  // The build writes .br/.gz beside each asset (packages/web/vite.config.ts): sent when accepted.
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, preCompressed: true });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && !/^\/(api|health|metrics)(\/|$)/.test(path) && !path.includes('.')) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'https://songnodes.dev/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: `no route ${req.method} ${path}`,
        requestId: req.id,
      });
  });
}
