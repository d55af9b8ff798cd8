// Vitest global setup for the `db-postgres` suite: a real PostgreSQL server.
// TEST_DATABASE_URL points at one if you have it; otherwise, when PostgreSQL's server binaries are
// installed (Debian: /usr/lib/postgresql/<v>/bin), a throwaway cluster is started in a temp folder.
// Without either the suite is skipped with a message — except under CI, where it must run.
import { findPgBin, startThrowawayCluster } from '@songnodes/db';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const bin = findPgBin();
  if (!bin) {
    if (process.env.CI)
      throw new Error('CI needs PostgreSQL: set TEST_DATABASE_URL or install the server binaries');
    console.warn(
      'db-postgres: no PostgreSQL server found (TEST_DATABASE_URL unset, no initdb): suite skipped',
    );
    project.provide('postgresUrl', '');
    return;
  }
  const cluster = await startThrowawayCluster(bin);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
