// How the command fails: a problem the user can fix is one clear line (and, for a wrong argument, the
// usage line, exit 2 as Unix tools do); anything else is a bug and keeps its stack.
// Recognised by name, not by class: importing the classes would load the database driver and the
// ORM into every command, `--help` included.

/** A problem the user can fix, said in one line (exit 1: the command ran and could not do it). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A wrong argument or option: the command did not run (exit 2, with the usage line). */
export class ArgumentError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** Exit status of a usage error, as for most Unix tools (and commander's own parse errors here). */
export const USAGE_EXIT = 2;

/** Errors of ours that say what the user can fix (ConfigError: server; the others: db). */
const USER_FIXABLE = new Set([
  'ConfigError',
  'DatabaseUnavailableError',
  'DataDirLockedError',
  'SchemaTooNewError',
  'SchemaNotCurrentError',
]);

/** Problems the user can fix get one clear line; anything else is a bug and keeps its stack. */
export function explain(e: unknown): string {
  if (e instanceof UsageError || (e instanceof Error && USER_FIXABLE.has(e.name))) return e.message;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** The usage line of the command that is running, set by main.ts before each action. */
let usageLine = '';
export function setUsageLine(line: string): void {
  usageLine = line;
}

/** Runs a command body: prints `songnodes: <why>` and sets exit 1 (2 for a wrong argument) when it fails. */
export async function run(body: () => Promise<unknown>): Promise<void> {
  try {
    const code = await body();
    if (typeof code === 'number') process.exitCode = code;
  } catch (e) {
    process.stderr.write(`songnodes: ${explain(e)}\n`);
    if (e instanceof ArgumentError) {
      if (usageLine) process.stderr.write(`usage: ${usageLine}\n`);
      process.exitCode = USAGE_EXIT;
    } else process.exitCode = 1;
  }
}
