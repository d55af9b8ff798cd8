import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

// Every setting SongNodes reads, in one place, checked at start. A wrong value stops start-up with
// the variable named and what is allowed. README.md lists them all; keep the two in step.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SONGNODES_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SONGNODES_DEMO: bool.default(true),
  SONGNODES_DEMO_SETS: int(1, 100_000).default(400),
  SONGNODES_DEMO_SEED: int(0, 2 ** 31 - 1).default(2026),
  WORKER_CONCURRENCY: int(1, 64).default(2),
  SHUTDOWN_TIMEOUT_MS: int(1000, 120_000).default(10_000),
});

export type Config = z.infer<typeof schema> & {
  /** Absolute path of the embedded database folder (unused when DATABASE_URL is set). */
  dataDir: string;
};

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (when present) under the real environment: real variables win. */
export function readEnvFile(cwd = process.cwd()): Record<string, string> {
  const path = resolve(cwd, '.env');
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

export function loadConfig(
  env: Record<string, string | undefined> = { ...readEnvFile(), ...process.env },
): Config {
  // Empty strings mean "not set", as most shells and .env files use them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        return `${name}=${JSON.stringify(cleaned[name] ?? '')}: ${i.message}`;
      }),
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.SONGNODES_DATA_DIR) };
}

/** Names and descriptions of every variable, for `songnodes --help` and the README. */
export const CONFIG_VARIABLES: Record<keyof z.infer<typeof schema>, string> = {
  NODE_ENV: 'development | production | test (default development)',
  PORT: 'HTTP port (default 8080)',
  HOST: 'interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)',
  SONGNODES_DATA_DIR: 'folder of the embedded database (default ./data)',
  DATABASE_URL: 'postgres://… to use a PostgreSQL server instead of the embedded database',
  DATABASE_POOL_SIZE: 'connections per process to the PostgreSQL server (default 10)',
  LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent (default info)',
  SONGNODES_DEMO: 'load the demo data on first start into an empty database (default true)',
  SONGNODES_DEMO_SETS: 'how many generated sets the demo data holds (default 400)',
  SONGNODES_DEMO_SEED: 'seed of the demo data generator (default 2026)',
  WORKER_CONCURRENCY: 'jobs run at once per queue in a worker (default 2)',
  SHUTDOWN_TIMEOUT_MS: 'how long SIGTERM/SIGINT waits for requests and jobs to drain (default 10000)',
};
