export {
  DEFAULT_HEARTBEAT_SECONDS,
  DEFAULT_RETRY,
  deadLetterQueue,
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobProgress,
  type RetryPolicy,
} from './definition.ts';
export { classifyFailure, type FailureKind, failureMessage, JobInputError } from './failure.ts';
export { guardProcess, type StrayErrorListener } from './guard.ts';
export { type JobFinished, JobQueue, type JobQueueEvents, type WorkOptions } from './queue.ts';
