export { AnalyticsService } from './analytics-service.ts';
export { type ArtistMerge, ArtistService, MAX_ALIASES } from './artist-service.ts';
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
export {
  API_KEY_PREFIX,
  ApiKeyService,
  type ApiKeyView,
  hashApiKey,
  looksLikeApiKey,
  type NewApiKey,
} from './auth/api-key-service.ts';
export {
  type Actor,
  AUDIT_ACTIONS,
  type AuditAction,
  AuditService,
  NO_REQUEST,
  type RequestContext,
} from './auth/audit-service.ts';
export {
  AuthService,
  type Credentials,
  LOGIN_FAILED,
  REFRESH_TOKEN_DAYS,
  type Session,
} from './auth/auth-service.ts';
export {
  backoffMs,
  type LoginAttempt,
  LoginThrottle,
  MemoryThrottleStore,
  type ThrottleRecord,
  type ThrottleStore,
} from './auth/login-throttle.ts';
export {
  checkPassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './auth/passwords.ts';
export {
  ACCESS_TOKEN_SECONDS,
  keyId,
  parseJwtSecrets,
  type SignedToken,
  TOKEN_ISSUER,
  TokenSigner,
  type TokenSubject,
} from './auth/token-signer.ts';
export { type NewUserInput, type UserChange, UserService } from './auth/user-service.ts';
export { normaliseEmail, type UserView } from './auth/user-view.ts';
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
export { type Accepted, type GraphJobDefinitions, JobService, jobVisibleTo } from './job-service.ts';
export { openEventBus } from './open-event-bus.ts';
export { MAX_PLAN_TRACKS, type PlanInput, PlanService } from './plan-service.ts';
export { chunkEvent, EVENT_CHANNEL, PostgresEventBus } from './postgres-event-bus.ts';
export { connectRedis, RedisUnavailableError, redisShown } from './redis-connect.ts';
export { RedisEventBus } from './redis-event-bus.ts';
export { ScrapeService } from './scrape-service.ts';
export {
  facetsOf,
  querySpans,
  type SearchFacets,
  type SearchResult,
  SearchService,
} from './search-service.ts';
export { type NewSet, SetService } from './set-service.ts';
export { ownerOf, type Visibility, viewerOf } from './visibility.ts';
