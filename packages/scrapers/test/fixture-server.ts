// A local HTTP server for the scraper tests: routes answer like the real sites (fixture pages written
// by us), and every request is logged with its time and headers so tests can check politeness.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FixtureServer {
  url: string;
  host: string;
  port: number;
  log: LoggedRequest[];
  /** Routes by path (query included when the key has one), or a function of the URL. */
  route(path: string, handler: Handler): void;
  fallback: Handler | null;
  requestsTo(path: string): LoggedRequest[];
  close(): Promise<void>;
}

export async function startFixtureServer(host = '127.0.0.1'): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const log: LoggedRequest[] = [];
  const self: FixtureServer = {
    url: '',
    host,
    port: 0,
    log,
    fallback: null,
    route: (path, handler) => routes.set(path, handler),
    requestsTo: (path) => log.filter((r) => r.path === path || r.path.split('?')[0] === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const path = req.url ?? '/';
    log.push({ method: req.method ?? 'GET', path, headers: req.headers, at: Date.now(), body });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0]!) ?? self.fallback;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    await handler(req, res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  self.port = (server.address() as AddressInfo).port;
  self.url = `http://${host}:${self.port}`;
  return self;
}

/** Answers with a body and headers. */
export const send =
  (body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };

/** Answers each call with the next handler of the list (the last one repeats). */
export const sequence = (...handlers: Handler[]): Handler => {
  let i = 0;
  return (req, res, body) => handlers[Math.min(i++, handlers.length - 1)]!(req, res, body);
};
