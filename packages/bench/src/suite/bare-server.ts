// The HTTP baseline: a bare Fastify route answering with fixed bytes (the body and content type that
// /api/v1/stats returned), no database, no plugins. Prints {"url": …} once listening; runs until killed.
//   node bare-server.ts --body-file FILE --content-type TYPE
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';

const { values } = parseArgs({
  options: { 'body-file': { type: 'string' }, 'content-type': { type: 'string' } },
});
if (!values['body-file'] || !values['content-type'])
  throw new Error('--body-file and --content-type are required');
const body = readFileSync(values['body-file']);
const type = values['content-type'];
const app = Fastify({ logger: false });
app.get('/api/v1/stats', (_req, reply) => {
  reply.type(type).send(body);
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url })}\n`);
