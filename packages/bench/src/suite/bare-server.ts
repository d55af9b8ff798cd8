// The HTTP baseline: bare Fastify routes answering with fixed bytes (the bodies and content types the
// SongNodes routes returned), no database, no plugins. Prints {"url": …} once listening; runs until killed.
//   node bare-server.ts --routes-file FILE    (a JSON list of { method, path, bodyFile, contentType })
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';

const { values } = parseArgs({ options: { 'routes-file': { type: 'string' } } });
if (!values['routes-file']) throw new Error('--routes-file is required');
const routes = JSON.parse(readFileSync(values['routes-file'], 'utf8')) as {
  method: 'GET' | 'POST';
  path: string;
  bodyFile: string;
  contentType: string;
}[];
const app = Fastify({ logger: false });
for (const r of routes) {
  const body = readFileSync(r.bodyFile);
  app.route({
    method: r.method,
    url: r.path,
    handler: (_req, reply) => reply.type(r.contentType).send(body),
  });
}
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url })}\n`);
