// The process's signing keys and its Redis connection, resolved at start of a server role.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectRedis, RedisUnavailableError, redisShown } from '@songnodes/services';
import type { Redis } from 'ioredis';
import { type Config, ConfigError, MIN_JWT_SECRET_BYTES, requireJwtSecrets } from './config.ts';

/**
 * SONGNODES_JWT_SECRET when set (production requires it). Otherwise, on the embedded database, one
 * generated on first start and kept in `<dataDir>/jwt-secret` (mode 0600) so sign-ins survive a
 * restart; on PostgreSQL, where several processes would each make their own, one per process with a
 * warning (its tokens fail on the others and on restart). The key itself is never logged.
 */
export function jwtSecretsFor(
  config: Pick<Config, 'NODE_ENV' | 'jwtSecrets' | 'DATABASE_URL' | 'dataDir'>,
  warn: (msg: string) => void,
): string[] {
  const configured = requireJwtSecrets(config);
  if (configured) return configured;
  if (config.DATABASE_URL) {
    warn(
      'SONGNODES_JWT_SECRET is not set: this process signs with a key of its own, so its access tokens fail on other processes and after a restart; set SONGNODES_JWT_SECRET',
    );
    return [randomBytes(48).toString('base64url')];
  }
  const file = join(config.dataDir, 'jwt-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(kept) >= MIN_JWT_SECRET_BYTES) return [kept];
    throw new ConfigError([`${file}: the kept JWT key is too short; delete the file to make a new one`]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // 'wx': if another process made it first, this write fails and its key is read instead.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return [secret];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return [readFileSync(file, 'utf8').trim()];
  }
}

/** Connects to REDIS_URL or stops start-up saying why (never with the password). */
export async function connectRedisFor(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_PASSWORD'>,
): Promise<Redis | null> {
  if (!config.REDIS_URL) return null;
  try {
    // A request waits at most one reconnection; the rate limiter lets requests pass uncounted meanwhile.
    return await connectRedis(config.REDIS_URL, { password: config.REDIS_PASSWORD, maxRetriesPerRequest: 1 });
  } catch (e) {
    throw redisConfigError(config.REDIS_URL, e);
  }
}

/** REDIS_URL named, the reason Redis gave, never the password. */
export function redisConfigError(url: string, e: unknown): ConfigError {
  const why = e instanceof RedisUnavailableError ? e.reason : (e as Error).message;
  return new ConfigError([`REDIS_URL=${redisShown(url)}: cannot use it (${why})`]);
}
