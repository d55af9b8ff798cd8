import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Config } from './config.ts';

/** A URL as logged: a token in the query (a browser's WebSocket carries one there) is masked. */
export const loggedUrl = (url: string | undefined) =>
  url?.replace(/([?&](?:access_token|token|refreshToken|key)=)[^&#]*/gi, '$1***');

/**
 * Structured JSON logs (pino). Fastify adds the request id (`reqId`) to every request's log lines.
 * Nothing secret is logged: credentials travel in headers (not logged) or, for WebSockets, the
 * query (masked here); bodies are never logged.
 */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: 'songnodes', pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    serializers: {
      req: (req: {
        method?: string;
        url?: string;
        host?: string;
        ip?: string;
        socket?: { remoteAddress?: string; remotePort?: number };
      }) => ({
        method: req.method,
        url: loggedUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}

/**
 * Fastify's per-request lines ("incoming request", "request completed") at debug level instead of
 * info: at info they were a quarter of a cached read's time (docs/benchmarks.md). /metrics counts
 * requests by route, status and latency; a failed request is still logged at error level (here and
 * by the error handler, problem.ts). `LOG_LEVEL=debug` shows every request again.
 */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) super.requestCompleted(error, request, reply);
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
