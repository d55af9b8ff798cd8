export {
  ARTIST_SIMILARITY,
  type DedupeMerge,
  type DedupeOptions,
  type DedupeSummary,
  keptFirst,
  mergeManually,
  runDedupe,
  storedTrackParse,
  TITLE_SIMILARITY,
} from './dedupe.ts';
export { DEMO_SOURCE, importDemo } from './demo.ts';
export { type ImportPathOptions, importPath } from './files.ts';
export { type DemoJob, demoJob, type ImportFileJob, type IngestJobDeps, importFileJob } from './jobs.ts';
export {
  type GraphChange,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importItems,
} from './pipeline.ts';
export { type PrepareContext, type PreparedSet, prepareSet, setDate } from './prepare.ts';
