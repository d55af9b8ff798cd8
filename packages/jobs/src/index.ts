export {
  DEFAULT_RETRY,
  deadLetterQueue,
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobProgress,
  type RetryPolicy,
} from './definition.ts';
export { type JobFinished, JobQueue, type JobQueueEvents, type WorkOptions } from './queue.ts';
