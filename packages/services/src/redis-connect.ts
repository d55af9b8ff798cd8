// Connecting to Redis, once for the whole project: the event bus (services) and the shared rate-limit
// and sign-in budgets (server) both open connections this way. ioredis reports why a connection fails
// (a refused password, nothing listening) as an 'error' event and rejects connect() with only
// "Connection is closed", so the first reason is kept to say it; the address is said without its
// password.
import { Redis } from 'ioredis';

/** The address without its password, for messages and logs. */
export const redisShown = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/** Redis could not be used: the address (without its password) and the reason Redis gave. */
export class RedisUnavailableError extends Error {
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`cannot use Redis at ${redisShown(url)}: ${reason}`);
    this.name = 'RedisUnavailableError';
    this.reason = reason;
  }
}

/**
 * A connected client, or RedisUnavailableError. `maxRetriesPerRequest` bounds how long a command waits
 * through a reconnection; `onError` hears every later connection error (the client reconnects itself).
 */
export async function connectRedis(
  url: string,
  o: { password?: string; maxRetriesPerRequest?: number; onError?: (e: Error) => void } = {},
): Promise<Redis> {
  // lazyConnect: a wrong address fails here with its reason instead of retrying in the background.
  const redis = new Redis(url, {
    lazyConnect: true,
    password: o.password,
    maxRetriesPerRequest: o.maxRetriesPerRequest ?? 3,
  });
  let reason: Error | null = null;
  redis.on('error', (e: Error) => {
    reason ??= e;
    o.onError?.(e);
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    throw new RedisUnavailableError(url, (reason as Error | null)?.message ?? (e as Error).message);
  }
  return redis;
}
