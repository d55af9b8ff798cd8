// The planner's statistics after an import: PGlite has no autovacuum, so an import that leaves them
// missing or stale refreshes them itself, or the reads that follow run on guessed plans (a track page
// scanning every set). A small import into a database whose statistics are current leaves them be.
import { evidenceStatsStale } from '@songnodes/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { importItems } from '../src/index.ts';

const counted = async (t: TestDatabase) =>
  Number(
    (
      await t.db.query<{ n: number }>(
        `SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'set_entries'`,
      )
    )[0]?.n,
  );

describe.skipIf(noServer)('statistics after an import', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  it('gathers them when missing, and again only when the new entries are a tenth of those counted', async () => {
    expect(await evidenceStatsStale(t.db, 1)).toBe(true);
    const lines = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `Artist ${tag}${i} - Title ${i}`);
    await importItems(t.db, [testSet('a', lines(60, 'a'))]);
    expect(await counted(t)).toBe(60);
    expect(await evidenceStatsStale(t.db, 5)).toBe(false);
    // 10 more entries into 60 counted (< 50 and < 10%): left as they are.
    await importItems(t.db, [testSet('b', lines(10, 'b'))]);
    expect(await counted(t)).toBe(60);
    await importItems(t.db, [testSet('c', lines(60, 'c'))]);
    expect(await counted(t)).toBe(130);
  });
});
