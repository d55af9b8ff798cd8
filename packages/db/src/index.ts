export type { AnalyticsFilter } from './repositories/analytics.ts';
export * as analytics from './repositories/analytics.ts';
export { type CopyValue, copyField, copyText } from './copy.ts';
export type { Database, Orm, PoolStats, Queryable, Row } from './database.ts';
export { DatabaseUnavailableError, redactUrl } from './database.ts';
export { DataDirLockedError, readLock } from './lock.ts';
export {
  type MigrationStatus,
  migrate,
  migrationStatus,
  SchemaNotCurrentError,
  SchemaTooNewError,
} from './migrate.ts';
export { type Listener, listen, NOTIFY_MAX_BYTES, notify } from './notify.ts';
export { type OpenOptions, openDatabase } from './open.ts';
export { openPglite, type PgliteDatabase } from './pglite.ts';
export { openPostgres, type PostgresDatabase } from './postgres.ts';
export {
  type ArtistDetail,
  findSetId,
  getArtist,
  getSet,
  getTrack,
  getTransition,
  listSets,
  listTracks,
  type Page,
  type SetDetail,
  type SetEntryDetail,
  type SetFilter,
  type SetSummary,
  type TrackDetail,
  type TrackFilter,
  type TrackRef,
  type TrackSummary,
  type TransitionSummary,
  updateTrack,
} from './repositories/catalog.ts';
export {
  type CandidateListing,
  type CandidatePair,
  type CandidateQuery,
  type CandidateTrack,
  DedupeError,
  dedupeCursor,
  dedupeWatermark,
  findCandidatePairs,
  listCandidates,
  listMerges,
  liveTrackCount,
  liveTrackIds,
  type MergeListing,
  type MergeRequest,
  type MergeResult,
  maxTrackId,
  mergeTracks,
  recomputeTransitions,
  recordCandidates,
  rejectCandidate,
  type SplitResult,
  type StoredTrack,
  setDedupeCursor,
  setDedupeWatermark,
  splitMerge,
  storedTracks,
} from './repositories/dedupe.ts';
export {
  type GraphExport,
  type GraphExportEdge,
  type GraphExportFilter,
  type GraphExportNode,
  graphExport,
  type PlaylistTrack,
  playlistTracks,
  type SetPlaylist,
  setPlaylist,
} from './repositories/export-data.ts';
export {
  csvField,
  csvLine,
  EXPORT_COLUMNS,
  EXPORT_KINDS,
  type ExportEntry,
  type ExportFormat,
  type ExportKind,
  type ExportOptions,
  type ExportSet,
  type ExportTrack,
  type ExportTransition,
  exportEntries,
  exportLines,
  exportSets,
  exportTracks,
  exportTransitions,
} from './repositories/exports.ts';
export {
  artistNames,
  findTracksByKey,
  graphStore,
  latestCommunities,
  latestLayout,
  loadGraphDelta,
  loadGraphSnapshot,
  type SnapshotLoadOptions,
  saveCommunities,
  saveLayout,
  trackNames,
  transitionEvidence,
} from './repositories/graph.ts';
export {
  getJobProgress,
  type JobProgressRecord,
  type JobState,
  saveJobProgress,
} from './repositories/job-progress.ts';
export {
  cancelScrapeTask,
  createScrapeTask,
  doneScrapeItems,
  dueScrapeTasks,
  getScrapePage,
  getScrapeTask,
  listScrapedSets,
  listScrapeTasks,
  markScrapeItemDone,
  recordScrapedSets,
  recordScrapeOutcome,
  type ScrapedSetRecord,
  type ScrapePage,
  type ScrapePriority,
  type ScrapeSourceHealth,
  type ScrapeTask,
  type ScrapeTaskState,
  type ScrapeTaskUpdate,
  saveScrapePage,
  scrapeQuotaUsed,
  scrapeSourceHealth,
  takeScrapeQuota,
  touchScrapePage,
  updateScrapeTask,
} from './repositories/scrapes.ts';
export {
  deletePlan,
  getPlan,
  insertPlan,
  listPlans,
  type PlanRecord,
  trackSummaries,
  updatePlan,
} from './repositories/plans.ts';
export { type SearchCandidates, searchCandidates } from './repositories/search.ts';
export {
  type ArtistWrite,
  analyzeEvidence,
  type BatchResult,
  type BatchWrite,
  deleteSets,
  deleteSetsOfSource,
  deleteTrack,
  type EntryWrite,
  removeSetEvidence,
  type SetWrite,
  type TrackWrite,
  writeSetBatch,
} from './repositories/set-writes.ts';
export { type GraphCounts, graphCounts } from './repositories/stats.ts';
export * as schema from './schema.ts';
export {
  type ClusterOptions,
  findPgBin,
  freePort,
  startThrowawayCluster,
  type ThrowawayCluster,
} from './throwaway-cluster.ts';
