import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobContext } from '@songnodes/jobs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { importFileJob } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'songnodes-ingest-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** "Horizons" is a typo of "Horizon", played less often: a sure near-duplicate. */
function typoFile(): string {
  const sets = [
    ['Kay Loom - Sundial', 'Kay Loom - Horizon', 'Mira Vale - Night Drive'],
    ['Kay Loom - Horizons', 'Mira Vale - Night Drive', 'Kay Loom - Sundial'],
    ['Mira Vale - Night Drive', 'Kay Loom - Horizon', 'Kay Loom - Sundial'],
    ['Kay Loom - Horizon', 'Mira Vale - Night Drive'],
  ].map((lines, i) =>
    JSON.stringify({
      format: 'songnodes.set/v1',
      source: 'job-test',
      externalId: `s${i}`,
      performers: [`DJ ${i}`],
      kind: 'mix',
      entries: lines.map((raw, p) => ({ position: p + 1, raw })),
    }),
  );
  const file = join(dir, `sets-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, `${sets.join('\n')}\n`);
  return file;
}

const ctx = (): JobContext => ({
  jobId: 'test',
  signal: new AbortController().signal,
  progress: async () => {},
  finalAttempt: true,
  previous: null,
});

describe.skipIf(noServer)('import job', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  const merged = async () =>
    (await t.db.query<{ title: string }>('SELECT title FROM tracks WHERE merged_into IS NOT NULL')).map(
      (r) => r.title,
    );

  it('dedupes the tracks an import created, and reports the counts', async () => {
    const job = importFileJob({ db: t.db });
    const r = await job.handler(job.parse({ path: typoFile() }), ctx());
    expect(r.setsStored).toBe(4);
    expect(r.dedupe).toMatchObject({ merges: 1, reviewCandidates: 0 });
    expect(r.dedupe!.tracksScanned).toBeGreaterThanOrEqual(4);
    expect(await merged()).toEqual(['Horizons']);
    // The same file again stores nothing, so there is nothing to dedupe.
    const again = await job.handler(job.parse({ path: typoFile() }), ctx());
    expect(again.setsUnchanged).toBe(4);
    expect(again.dedupe).toBeNull();
  });

  it('skips dedupe when the job says dedupe: false', async () => {
    const job = importFileJob({ db: t.db });
    const r = await job.handler(job.parse({ path: typoFile(), dedupe: false }), ctx());
    expect(r.setsStored).toBe(4);
    expect(r.dedupe).toBeNull();
    expect(await merged()).toEqual([]);
  });

  it('refuses a dedupe option that is not a boolean', () => {
    expect(() => importFileJob({ db: t.db }).parse({ path: '/x', dedupe: 'no' })).toThrow(/"dedupe"/);
  });
});
