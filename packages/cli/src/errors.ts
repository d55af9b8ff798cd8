import {
  DatabaseUnavailableError,
  DataDirLockedError,
  SchemaNotCurrentError,
  SchemaTooNewError,
} from '@songnodes/db';
import { ConfigError } from '@songnodes/server';

/** Problems the user can fix get one clear line; anything else is a bug and keeps its stack. */
export function explain(e: unknown): string {
  if (
    e instanceof ConfigError ||
    e instanceof DatabaseUnavailableError ||
    e instanceof DataDirLockedError ||
    e instanceof SchemaTooNewError ||
    e instanceof SchemaNotCurrentError ||
    e instanceof UsageError
  ) {
    return e.message;
  }
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Runs a command body: prints `songnodes: <why>` and exits 1 when it fails. */
export async function run(body: () => Promise<unknown>): Promise<void> {
  try {
    const code = await body();
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    process.stderr.write(`songnodes: ${explain(e)}\n`);
    process.exitCode = 1;
  }
}
