// Public API of the scrapers: the polite client, the source adapters, and scrape tasks as jobs with
// an orchestrator (submit, list, cancel, health, schedules). See docs/scrapers.md.
export { type AddressCheck, checkUrl, isBlockedAddress } from './address-guard.ts';
export { type CrawlProgress, type CrawlResult, crawl, type ScrapeRuntime, setHasTrack } from './crawl.ts';
export {
  CircuitOpenError,
  HttpStatusError,
  NetworkError,
  NotConfiguredError,
  ParseError,
  QuotaExhaustedError,
  RefusedUrlError,
  RobotsDisallowedError,
  ScrapeError,
  TooLargeError,
} from './errors.ts';
export { type FetchedPage, type PageCache, PoliteClient } from './http-client.ts';
export { type ScraperMetrics, scraperMetrics } from './metrics.ts';
export {
  createOrchestrator,
  createScrapeRuntime,
  type Orchestrator,
  registerScrapeWorkers,
  SCRAPE_RESUME_QUEUE,
  SCRAPE_TASK_QUEUE,
  type ScrapeJobOptions,
  type SourceHealth,
  scrapeTargetsJob,
  scrapeTaskJob,
} from './orchestrator.ts';
export { databasePageCache } from './page-cache.ts';
export { PRODUCT_TOKEN, type ScraperConfig, type ScraperSettings, scraperSettings } from './settings.ts';
export { createClient, createSources, type Sources } from './sources/index.ts';
export { SOURCE_NAMES, type SourceAdapter, type SourceName } from './sources/source.ts';
export { SCRAPE_TARGETS_QUEUE, TARGET_REFRESH_DAYS, type TargetSearch } from './targets.ts';
export { PRIORITIES, parseTaskInput, type TaskSpec, TaskSpecError, taskIdentity } from './tasks.ts';
