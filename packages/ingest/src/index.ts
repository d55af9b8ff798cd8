export { type ChainLink, transitionChain } from './chain.ts';
export {
  type DedupeMerge,
  type DedupeOptions,
  type DedupeProgress,
  type DedupeSummary,
  keptFirst,
  mergeManually,
  nextBatchSize,
  runDedupe,
  storedTrackParse,
} from './dedupe.ts';
export { type ImportPathOptions, importPath } from './files.ts';
export { type ImportAndDedupeOptions, importAndDedupe } from './import-and-dedupe.ts';
export { formatIssue } from './issues.ts';
export {
  type DedupeCounts,
  type ImportFileJob,
  type IngestJobDeps,
  importFileJob,
  importProgressReporter,
  serverImportOptions,
  summaryForStorage,
} from './jobs.ts';
export {
  type GraphChange,
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importItems,
} from './pipeline.ts';
export { type PrepareContext, type PreparedSet, prepareSet, setDate } from './prepare.ts';
export { shareSet } from './share.ts';
