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
  // Fixture servers on loopback are for tests; a production server must never reach private addresses.
  if (parsed.data.SCRAPER_ALLOW_PRIVATE_HOSTS && parsed.data.NODE_ENV === 'production')
    throw new ConfigError([
      'SCRAPER_ALLOW_PRIVATE_HOSTS=true: refused when NODE_ENV=production (it lets scrapers reach private and loopback addresses; tests only)',
    ]);
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
};
