import type { LoggerOptions } from 'pino';
import type { Config } from './config.ts';

/** Structured JSON logs (pino). Fastify adds the request id (`reqId`) to every request's log lines. */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: 'songnodes', pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}
