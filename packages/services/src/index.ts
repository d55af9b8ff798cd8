export { AnalyticsService } from './analytics-service.ts';
export {
  can,
  GUEST,
  isPermission,
  isRole,
  LOCAL_OWNER,
  PERMISSIONS,
  type Permission,
  type Principal,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  SYSTEM,
} from './auth/access.ts';
export { CatalogService, type TrackChange } from './catalog-service.ts';
export { DedupeService } from './dedupe-service.ts';
export { invalid, notFound, ServiceError, type ServiceErrorKind } from './errors.ts';
export { type DomainEvent, type EventBus, LocalEventBus } from './events.ts';
export { ExploreService, type TrackRefInput } from './explore-service.ts';
export { type ExportJob, type ExportResult, exportFileJob } from './exports/export-job.ts';
export {
  type ExportRequest,
  ExportService,
  type ExportStatus,
  MAX_EXPORT_TRACKS,
} from './exports/export-service.ts';
export { EXPORT_FORMATS, EXPORT_KINDS, GRAPH_FORMATS, PLAYLIST_FORMATS } from './exports/formats.ts';
export { followChanges } from './graph-follower.ts';
export { type ImportPayload, ImportService, safeUploadName } from './import-service.ts';
export { type Accepted, type GraphJobDefinitions, JobService } from './job-service.ts';
export { MAX_PLAN_TRACKS, type PlanInput, PlanService } from './plan-service.ts';
export { chunkEvent, EVENT_CHANNEL, PostgresEventBus } from './postgres-event-bus.ts';
export { ScrapeService } from './scrape-service.ts';
export {
  facetsOf,
  querySpans,
  type SearchFacets,
  type SearchResult,
  SearchService,
} from './search-service.ts';
export { type NewSet, SetService } from './set-service.ts';
export { trigramSimilarity } from './trigrams.ts';
