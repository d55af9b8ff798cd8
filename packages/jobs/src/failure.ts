// How a failed job is settled. A failure that would happen again on every attempt (bad input, a
// payload that does not parse, a missing file) goes to the dead-letter queue at once: retrying it is a
// loop that only repeats the error. A failure of the surroundings (the database went away, a
// connection dropped, the worker is stopping) is retried with back-off. Anything else is retried too,
// up to the queue's limit: an unknown error may be either, and the limit bounds the cost.

/** A failure caused by the job's input: retrying cannot help. The message names file, line and field. */
export class JobInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JobInputError';
  }
}

// node-postgres / PGlite / socket errors that mean "the database is not there right now".
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
const TRANSIENT_MESSAGE =
  /connection terminated|connection (?:was )?closed|terminating connection|client has encountered a connection error|timeout exceeded when trying to connect|database is closing|PGlite is closed/i;

export type FailureKind = 'input' | 'transient' | 'unknown';

/** Sorts an error into input (dead letter now), transient (retry with back-off) or unknown (retry, bounded). */
export function classifyFailure(e: unknown): FailureKind {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof JobInputError) return 'input';
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return 'transient';
    if (cur instanceof Error && (cur.name === 'AbortError' || TRANSIENT_MESSAGE.test(cur.message)))
      return 'transient';
  }
  return 'unknown';
}

/** A one-line message for a user: the error's own message, with a line number when a parser gave one. */
export function failureMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const line = (e as { lines?: unknown; line?: unknown }).lines ?? (e as { line?: unknown }).line;
  const where = typeof line === 'number' && !/\bline \d+/.test(e.message) ? ` (line ${line})` : '';
  return `${e.message}${where}`;
}
