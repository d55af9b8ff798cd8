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

/** Base URL of a scraped source: http(s), no trailing slash (mirrors and local fixture servers in tests). */
const sourceUrl = (fallback: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .default(fallback);

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
  WS_HEARTBEAT_MS: int(1000, 600_000).default(30_000),
  WS_MAX_BUFFER_BYTES: int(1024, 1_000_000_000).default(1_048_576),
  GRAPHQL_DEPTH_LIMIT: int(1, 1000).default(15),
  GRAPHQL_COMPLEXITY_LIMIT: int(1, 100_000_000).default(1000),
  SCRAPER_CONTACT_URL: z
    .string()
    .regex(/^(https?:\/\/|mailto:)\S+$/, 'must be an http(s):// or mailto: address')
    .optional(),
  SCRAPER_ALLOW_PRIVATE_HOSTS: bool.default(false),
  SCRAPER_HTML_DELAY_MS: int(0, 600_000).default(5000),
  SCRAPER_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  SCRAPER_MAX_BYTES: int(1024, 1_000_000_000).default(10_000_000),
  SCRAPER_RETRIES: int(0, 10).default(3),
  SCRAPER_CACHE_FRESH_SECONDS: int(0, 30 * 86_400).default(3600),
  SCRAPER_1001TRACKLISTS_URL: sourceUrl('https://www.1001tracklists.com'),
  SCRAPER_MIXESDB_URL: sourceUrl('https://www.mixesdb.com'),
  SCRAPER_SETLISTFM_URL: sourceUrl('https://api.setlist.fm/rest/1.0'),
  SCRAPER_SETLISTFM_API_KEY: z.string().min(1).optional(),
  SCRAPER_SETLISTFM_DELAY_MS: int(0, 600_000).default(500),
  SCRAPER_SETLISTFM_DAILY_QUOTA: int(0, 10_000_000).default(1440),
  SCRAPER_REDDIT_URL: sourceUrl('https://oauth.reddit.com'),
  SCRAPER_REDDIT_AUTH_URL: sourceUrl('https://www.reddit.com'),
  SCRAPER_REDDIT_CLIENT_ID: z.string().min(1).optional(),
  SCRAPER_REDDIT_CLIENT_SECRET: z.string().min(1).optional(),
  SCRAPER_REDDIT_DELAY_MS: int(0, 600_000).default(1000),
  SONGNODES_AUTH: z.enum(['local', 'required']).optional(),
  SONGNODES_JWT_SECRET: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_PASSWORD: z.string().min(1).optional(),
  DATABASE_PASSWORD: z.string().min(1).optional(),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[^/\s?#]+$/,
            'each origin must be scheme://host[:port] with no path (e.g. https://songnodes.example.org)',
          ),
      ),
    )
    .default([]),
  RATE_LIMIT_GUEST: int(1, 1_000_000_000).default(60),
  RATE_LIMIT_USER: int(1, 1_000_000_000).default(200),
  RATE_LIMIT_PREMIUM: int(1, 1_000_000_000).default(1000),
  RATE_LIMIT_ADMIN: int(1, 1_000_000_000).default(1000),
  RATE_LIMIT_EXPENSIVE: int(1, 1_000_000_000).default(20),
  RATE_LIMIT_LOGIN: int(1, 1_000_000_000).default(10),
  BODY_LIMIT_BYTES: int(1024, 1_000_000_000).default(1_048_576),
  REQUEST_TIMEOUT_MS: int(1000, 3_600_000).default(300_000),
});

/**
 * Secrets may come from a file instead (`<NAME>_FILE`, as container secrets are mounted): the file's
 * content, without its final newline, is the value. Never both at once.
 */
export const SECRET_VARIABLES = [
  'SONGNODES_JWT_SECRET',
  'REDIS_PASSWORD',
  'DATABASE_URL',
  'DATABASE_PASSWORD',
  'SCRAPER_SETLISTFM_API_KEY',
  'SCRAPER_REDDIT_CLIENT_SECRET',
] as const;
const SECRETS = new Set<string>(SECRET_VARIABLES);

export type Config = z.infer<typeof schema> & {
  /** Absolute path of the embedded database folder (unused when DATABASE_URL is set). */
  dataDir: string;
  /** SONGNODES_AUTH, its default resolved: `local` on a loopback HOST outside production. */
  authMode: 'local' | 'required';
  /** SONGNODES_JWT_SECRET split for rotation (the first signs); null when not set. */
  jwtSecrets: string[] | null;
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
  const problems = readSecretFiles(cleaned);
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        // A secret's value is never repeated back, not even a wrong one.
        const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(cleaned[name] ?? '');
        return `${name}=${shown}: ${i.message}`;
      }),
    );
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const c = parsed.data;
  // Fixture servers on loopback are for tests; a production server must never reach private addresses.
  if (c.SCRAPER_ALLOW_PRIVATE_HOSTS && c.NODE_ENV === 'production')
    problems.push(
      'SCRAPER_ALLOW_PRIVATE_HOSTS=true: refused when NODE_ENV=production (it lets scrapers reach private and loopback addresses; tests only)',
    );
  const jwtSecrets = c.SONGNODES_JWT_SECRET ? splitJwtSecrets(c.SONGNODES_JWT_SECRET, problems) : null;
  const loopback = isLoopbackHost(c.HOST);
  // Local mode (no sign-in for the laptop's owner) is the default only where nobody else can connect.
  const authMode = c.SONGNODES_AUTH ?? (loopback && c.NODE_ENV !== 'production' ? 'local' : 'required');
  if (authMode === 'local' && !loopback)
    problems.push(
      `SONGNODES_AUTH=local: refused with HOST=${c.HOST} (local mode makes every request without credentials from this machine the owner; it needs a loopback HOST such as 127.0.0.1; use SONGNODES_AUTH=required to serve a network)`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...c,
    DATABASE_URL: c.DATABASE_URL && withPassword(c.DATABASE_URL, c.DATABASE_PASSWORD),
    dataDir: resolve(c.SONGNODES_DATA_DIR),
    authMode,
    jwtSecrets,
  };
}

/** Replaces each `<NAME>_FILE` of a secret by `<NAME>` holding the file's content; returns the problems. */
function readSecretFiles(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (file === undefined) continue;
    delete env[`${name}_FILE`];
    if (env[name] !== undefined) {
      problems.push(`${name} and ${name}_FILE are both set: set one`);
      continue;
    }
    try {
      const value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      if (value === '') problems.push(`${name}_FILE=${JSON.stringify(file)}: the file is empty`);
      else env[name] = value;
    } catch (e) {
      problems.push(
        `${name}_FILE=${JSON.stringify(file)}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return problems;
}

/** The minimum length of a JWT signing key: 256 bits, as HS256 needs. */
export const MIN_JWT_SECRET_BYTES = 32;

/** `a,b,c`: the first signs, all verify (rotation). Each at least 32 bytes; the values are never shown. */
function splitJwtSecrets(value: string, problems: string[]): string[] {
  const keys = value.split(',').map((k) => k.trim());
  keys.forEach((k, i) => {
    const bytes = Buffer.byteLength(k);
    if (bytes < MIN_JWT_SECRET_BYTES)
      problems.push(
        `SONGNODES_JWT_SECRET (or its _FILE): key ${i + 1} of ${keys.length} is ${bytes} bytes; each must be at least ${MIN_JWT_SECRET_BYTES} (make one with: openssl rand -base64 48)`,
      );
  });
  return keys;
}

/** DATABASE_PASSWORD (or its _FILE) goes into a DATABASE_URL that has none. */
function withPassword(url: string, password: string | undefined): string {
  if (!password) return url;
  const u = new URL(url);
  if (u.password) return url;
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** 127.0.0.0/8, ::1 and localhost (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * A server role needs its signing keys: production without SONGNODES_JWT_SECRET stops here, saying
 * how to make one. Elsewhere null means "generate one" (runtime.ts keeps it beside the embedded
 * database, or per process on PostgreSQL). The CLI's tools (migrate, user create) need no key.
 */
export function requireJwtSecrets(config: Pick<Config, 'NODE_ENV' | 'jwtSecrets'>): string[] | null {
  if (config.jwtSecrets || config.NODE_ENV !== 'production') return config.jwtSecrets;
  throw new ConfigError([
    'SONGNODES_JWT_SECRET is not set: NODE_ENV=production needs it to sign access tokens. Set SONGNODES_JWT_SECRET to a random string of at least 32 bytes (openssl rand -base64 48), or SONGNODES_JWT_SECRET_FILE to a file holding one; several, comma-separated, rotate keys (the first signs)',
  ]);
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
  WS_HEARTBEAT_MS: 'WebSocket ping interval; a client that misses one is dropped (default 30000)',
  WS_MAX_BUFFER_BYTES:
    'a WebSocket client whose unsent data would pass this is disconnected (default 1048576)',
  GRAPHQL_DEPTH_LIMIT: 'deepest nesting a GraphQL query may have (default 15)',
  GRAPHQL_COMPLEXITY_LIMIT: 'most objects a GraphQL query may ask for, counted before it runs (default 1000)',
  SCRAPER_CONTACT_URL: 'web page or mailto: for site operators, put in the User-Agent (required to scrape)',
  SCRAPER_ALLOW_PRIVATE_HOSTS:
    'tests only: scrapers may reach loopback/private hosts on any port (default false)',
  SCRAPER_HTML_DELAY_MS:
    'milliseconds between requests to an HTML site (default 5000; Crawl-delay may raise it)',
  SCRAPER_TIMEOUT_MS: 'milliseconds one request may take, body included (default 30000)',
  SCRAPER_MAX_BYTES: 'largest response accepted, after decompression (default 10000000)',
  SCRAPER_RETRIES: 'retries of a request on 429, 5xx and timeouts (default 3)',
  SCRAPER_CACHE_FRESH_SECONDS: 'a page fetched this recently is not asked for again (default 3600)',
  SCRAPER_1001TRACKLISTS_URL: 'base URL of 1001tracklists (default https://www.1001tracklists.com)',
  SCRAPER_MIXESDB_URL: 'base URL of MixesDB (default https://www.mixesdb.com)',
  SCRAPER_SETLISTFM_URL: 'base URL of the setlist.fm API (default https://api.setlist.fm/rest/1.0)',
  SCRAPER_SETLISTFM_API_KEY: 'setlist.fm API key (sent as x-api-key)',
  SCRAPER_SETLISTFM_DELAY_MS: 'milliseconds between setlist.fm requests (default 500: 2 per second)',
  SCRAPER_SETLISTFM_DAILY_QUOTA: 'setlist.fm requests per UTC day (default 1440)',
  SCRAPER_REDDIT_URL: 'base URL of the Reddit API (default https://oauth.reddit.com)',
  SCRAPER_REDDIT_AUTH_URL: "base URL of Reddit's token endpoint (default https://www.reddit.com)",
  SCRAPER_REDDIT_CLIENT_ID: 'Reddit app client id (app-only OAuth)',
  SCRAPER_REDDIT_CLIENT_SECRET: 'Reddit app client secret',
  SCRAPER_REDDIT_DELAY_MS:
    'milliseconds between Reddit requests (default 1000; rate-limit headers may slow it)',
  SONGNODES_AUTH:
    'local | required: local lets requests from this machine without credentials act as the owner (default local on a loopback HOST outside production, else required)',
  SONGNODES_JWT_SECRET:
    'keys signing access tokens, comma-separated (the first signs, all verify), each ≥32 bytes; required in production (or SONGNODES_JWT_SECRET_FILE)',
  REDIS_URL: 'redis://… to share rate-limit and login back-off budgets between API processes',
  REDIS_PASSWORD: 'password for REDIS_URL (or REDIS_PASSWORD_FILE)',
  DATABASE_PASSWORD: 'password put into DATABASE_URL when it has none (or DATABASE_PASSWORD_FILE)',
  CORS_ORIGINS: 'other origins allowed to call the API from a browser, comma-separated (default none)',
  RATE_LIMIT_GUEST: 'requests per minute without credentials, per IP address (default 60)',
  RATE_LIMIT_USER: 'requests per minute per user or API key with the user role (default 200)',
  RATE_LIMIT_PREMIUM: 'requests per minute per premium user or key (default 1000)',
  RATE_LIMIT_ADMIN: 'requests per minute per admin or admin key (default 1000)',
  RATE_LIMIT_EXPENSIVE:
    'requests per minute to an expensive route (planner, imports, exports, graph jobs) per caller (default 20)',
  RATE_LIMIT_LOGIN: 'sign-in, setup and refresh attempts per minute per IP address (default 10)',
  BODY_LIMIT_BYTES: 'largest JSON request body (default 1048576; uploads to /imports have their own limit)',
  REQUEST_TIMEOUT_MS: 'how long a client may take to send a whole request, uploads included (default 300000)',
};
