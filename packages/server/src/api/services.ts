// The composition root of the API: one set of services per process, built from what the role has.
import { randomBytes } from 'node:crypto';
import type { Database } from '@songnodes/db';
import type { GraphService } from '@songnodes/graph';
import { importFileJob } from '@songnodes/ingest';
import type { JobQueue } from '@songnodes/jobs';
import type { Orchestrator } from '@songnodes/scrapers';
import {
  AnalyticsService,
  ApiKeyService,
  ArtistService,
  AuditService,
  AuthService,
  CatalogService,
  DedupeService,
  type EventBus,
  ExploreService,
  ExportService,
  exportFileJob,
  ImportService,
  JobService,
  LoginThrottle,
  PlanService,
  ScrapeService,
  SearchService,
  SetService,
  type ThrottleStore,
  TokenSigner,
  UserService,
} from '@songnodes/services';
import { graphJobs } from '../graph-jobs.ts';
import type { ApiServices } from './plugin.ts';

export interface ApiServiceDeps {
  db: Database;
  bus: EventBus;
  graph?: GraphService;
  jobs?: JobQueue;
  /** Scrape tasks (null: scraping not configured; the routes say how to configure it). */
  scrapes?: Orchestrator | null;
  /** Where uploads wait for their import job (with `jobs`, enables POST /imports). */
  uploadDir?: string;
  /** Where export jobs write their files (with `jobs`, enables /exports). */
  exportDir?: string;
  /**
   * Keys signing access tokens (the first signs, all verify). Absent: a random key of this process
   * (tests; runtime.ts passes the configured or generated ones).
   */
  jwtSecrets?: readonly string[];
  /** Where sign-in failures are counted (Redis with REDIS_URL: shared by every process). */
  throttleStore?: ThrottleStore;
}

export function createApiServices(d: ApiServiceDeps): ApiServices {
  const { db, bus, graph, jobs } = d;
  const catalog = new CatalogService({ db, bus });
  const audit = new AuditService({ db });
  const apiKeys = new ApiKeyService({ db, audit });
  const signer = new TokenSigner(d.jwtSecrets ?? [randomBytes(32).toString('base64url')]);
  return {
    db,
    bus,
    catalog,
    auth: new AuthService({ db, signer, audit, apiKeys, throttle: new LoginThrottle(d.throttleStore) }),
    users: new UserService({ db, audit, onAccountChange: () => apiKeys.forget() }),
    apiKeys,
    audit,
    artists: new ArtistService({ db, bus, audit }),
    sets: new SetService({ db, bus, catalog, audit }),
    search: new SearchService({ db }),
    plans: new PlanService({ db }),
    analytics: new AnalyticsService({ db }),
    scrapes: new ScrapeService(d.scrapes ?? null, db),
    dedupe: new DedupeService({ db, bus }),
    explore: graph ? new ExploreService(graph) : undefined,
    jobs:
      jobs && graph
        ? new JobService({ jobs, graphJobs: graphJobs({ graph: async () => graph }) })
        : undefined,
    imports:
      jobs && d.uploadDir
        ? new ImportService({ jobs, uploadDir: d.uploadDir, importJob: importFileJob({ db }) })
        : undefined,
    exports:
      jobs && d.exportDir
        ? new ExportService({ db, jobs, dir: d.exportDir, job: exportFileJob({ db }), audit })
        : undefined,
  };
}
