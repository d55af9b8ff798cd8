// What every section of the suite gets: the profile, how often to repeat, the PostgreSQL server (if any).
import type { BenchPostgres } from './postgres.ts';
import type { Profile } from './results.ts';

export interface SuiteContext {
  profile: Profile;
  /** Runs per measurement: quick 3, full 5. */
  runs: number;
  postgres: BenchPostgres | null;
  /** Why PostgreSQL is not measured, when it is not. */
  postgresSkipped?: string;
  log(message: string): void;
}
