import { join } from 'node:path';
import {
  type Database,
  graphStore,
  migrate,
  migrationStatus,
  openDatabase,
  type PgliteDatabase,
  SchemaTooNewError,
} from '@songnodes/db';
import { GraphService } from '@songnodes/graph';
import type { GraphChange } from '@songnodes/ingest';
import { JobQueue } from '@songnodes/jobs';
import {
  createOrchestrator,
  createScrapeRuntime,
  registerScrapeWorkers,
  scraperSettings,
} from '@songnodes/scrapers';
import { type EventBus, followChanges, openEventBus } from '@songnodes/services';
import type { FastifyInstance } from 'fastify';
import { RedisThrottleStore } from './api/auth/redis-throttle-store.ts';
import { createApiServices } from './api/services.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { enqueueDemoIfEmpty } from './demo.ts';
import { connectRedisFor, jwtSecretsFor, redisConfigError } from './secrets.ts';
import { registerWorkers } from './workers.ts';

/**
 * The roles SongNodes runs as. `start` is everything in one process on the embedded database;
 * `api` and `worker` split the same modules one role per process for scaling out.
 */
export type Role = 'start' | 'api' | 'worker';

export interface Running {
  role: Role;
  app: FastifyInstance;
  db: Database;
  jobs: JobQueue;
  /** The address the HTTP server listens on. */
  url: string;
  /** Drains requests and jobs, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Opens the database of a server role and checks (or, for `start` and `migrate`, brings up to date)
 * its schema. CLI tools open theirs with packages/cli/src/database.ts, which does not load the server.
 */
export async function openForRole(config: Config, role: Role | 'migrate'): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: {
      role,
      url:
        role === 'start' || role === 'api' ? `http://${displayHost(config.HOST)}:${config.PORT}` : undefined,
    },
    poolSize: config.DATABASE_POOL_SIZE,
    // The embedded engine's statements must not hold up health checks and in-memory reads.
    pgliteThread: 'worker',
  });
  try {
    // `start` owns its database; on a shared server only `start` and `songnodes migrate` change the
    // schema, and `api`/`worker` report pending migrations in /health/ready instead.
    if (role === 'start' || role === 'migrate') {
      await migrate(db);
    } else {
      const s = await migrationStatus(db);
      if (s.unknownApplied > 0)
        throw new SchemaTooNewError(db.location, s.applied + s.unknownApplied, s.known);
    }
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

const displayHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host);

export async function runRole(role: Role, config: Config): Promise<Running> {
  const warnings: string[] = [];
  // Before anything opens: production without a signing key stops here, saying how to make one.
  const jwtSecrets = role === 'worker' ? undefined : jwtSecretsFor(config, (m) => warnings.push(m));
  const db = await openForRole(config, role);
  let jobs: JobQueue | undefined;
  let app: FastifyInstance | undefined;
  // The graph index: built before serving in the roles that answer graph queries, on first use in a
  // bare worker; patched in place by the change events of imports run in this process.
  let graphLoad: Promise<GraphService> | undefined;
  const log = {
    info: (o: object, msg: string) => app?.log.info(o, msg),
    warn: (o: object, msg: string) => app?.log.warn(o, msg),
  };
  const graph = () => {
    graphLoad ??= GraphService.start(graphStore(db), { log });
    return graphLoad;
  };
  // Every change any service or job makes is published here; the graph index patches itself from it.
  // The bus crosses processes (Redis with REDIS_URL, else LISTEN/NOTIFY on a PostgreSQL server): an
  // import run by a worker reaches the graph and the sockets of every api process.
  let bus: EventBus;
  try {
    bus = await openEventBus({
      db,
      redisUrl: config.REDIS_URL,
      redisPassword: config.REDIS_PASSWORD,
      onError: (e) => app?.log.warn({ err: e }, 'event bus'),
    });
  } catch (e) {
    await db.close();
    if (!config.REDIS_URL) throw e;
    throw redisConfigError(config.REDIS_URL, e);
  }
  followChanges(bus, () => graphLoad);
  const onGraphChange = (c: GraphChange) =>
    bus.publish({
      type: 'graph.changed',
      newTrackIds: c.newTrackIds,
      changedPairs: c.changedPairs,
      cause: 'import',
    });
  let scrapeRuntime: ReturnType<typeof createScrapeRuntime> | null = null;
  let redis: Awaited<ReturnType<typeof connectRedisFor>> = null;
  try {
    // Shared budgets (rate limits, sign-in back-off) for the roles that answer requests.
    if (role !== 'worker') redis = await connectRedisFor(config);
    jobs = await JobQueue.start(db, { schedule: role !== 'api' });
    const service = role === 'worker' ? undefined : await graph();
    const queue = jobs;
    queue.on('progress', (job) => bus.publish({ type: 'job.progress', job }));
    // Scraping runs only with a contact URL for site operators (it goes into the User-Agent); without
    // one the /scrapes routes answer 503 saying how to configure it.
    scrapeRuntime = config.SCRAPER_CONTACT_URL
      ? createScrapeRuntime(db, scraperSettings(config), { onChange: onGraphChange })
      : null;
    const api = service
      ? createApiServices({
          db,
          bus,
          graph: service,
          jobs: queue,
          uploadDir: join(config.dataDir, 'uploads'),
          exportDir: join(config.dataDir, 'exports'),
          scrapes: scrapeRuntime ? createOrchestrator(queue, scrapeRuntime, scraperSettings(config)) : null,
          jwtSecrets,
          throttleStore: redis ? new RedisThrottleStore(redis) : undefined,
        })
      : undefined;
    app = await buildApp({
      config,
      db,
      jobs,
      api,
      ws: { heartbeatMs: config.WS_HEARTBEAT_MS, maxBufferedBytes: config.WS_MAX_BUFFER_BYTES },
      metrics: scrapeRuntime?.metrics?.metrics,
      redis,
    });
    for (const w of warnings) app.log.warn(w);
    if (service) app.log.info(service.status(), 'graph index built');
    jobs.on('error', (e) => app?.log.error({ err: e }, 'job queue error'));
    if (role !== 'api')
      await registerWorkers(jobs, { db, concurrency: config.WORKER_CONCURRENCY, onGraphChange, graph });
    if (role !== 'api' && scrapeRuntime) await registerScrapeWorkers(jobs, scrapeRuntime);
    if (role === 'start' && config.SONGNODES_DEMO) {
      const queued = await enqueueDemoIfEmpty(db, jobs, {
        sets: config.SONGNODES_DEMO_SETS,
        seed: config.SONGNODES_DEMO_SEED,
      });
      if (queued) app.log.info({ sets: config.SONGNODES_DEMO_SETS }, 'empty database: loading the demo data');
    }
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    await app?.close().catch(() => {});
    await jobs?.stop(1000).catch(() => {});
    await scrapeRuntime?.close().catch(() => {});
    redis?.disconnect();
    await bus.close().catch(() => {});
    await db.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${displayHost(config.HOST)}:${port}`;
  // With PORT=0 the address is known only now: tell a second process where to find this one.
  if (db.kind === 'pglite') (db as PgliteDatabase).announce(url);
  app.log.info({ role, url, database: db.location }, `songnodes ${role} ready`);

  let stopping: Promise<void> | undefined;
  const runningApp = app;
  const runningJobs = jobs;
  const runningRedis = redis;
  const stop = () => {
    stopping ??= (async () => {
      // Order matters: stop taking requests, let jobs finish, then close the database they use.
      await runningApp.close();
      await runningRedis?.quit().catch(() => {});
      await runningJobs.stop(Math.max(1000, config.SHUTDOWN_TIMEOUT_MS - 2000));
      await graphLoad?.then((g) => g.idle()).catch(() => {});
      await scrapeRuntime?.close().catch(() => {});
      await bus.close();
      await db.close();
    })();
    return stopping;
  };
  return { role, app: runningApp, db, jobs: runningJobs, url, stop };
}
