// Dedupe in bounded batches: a full scan reports progress, stops when asked (its cursor saved) and a
// later run resumes after the last finished batch with the same outcome as one run start to end;
// an import's dedupe looks at the tracks it created, and only at those; the survivor of a merge is the
// spelling seen most often.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { testSet } from '../../../test/sets.ts';
import { type DedupeProgress, importItems, runDedupe } from '../src/index.ts';

/** 40 artists, each with a title and its typo: 40 sure merges spread over the whole id range. */
function typoSets() {
  const sets = [];
  for (let i = 0; i < 40; i++) {
    const artist = `Kay Loom ${String.fromCharCode(65 + (i % 26))}${i}`;
    // The right spelling is played twice, the typo once: the right one survives.
    sets.push(testSet(`right-${i}`, [`${artist} - Horizon Skyline`, `${artist} - Night Drive`]));
    sets.push(testSet(`again-${i}`, [`${artist} - Night Drive`, `${artist} - Horizon Skyline`]));
    sets.push(testSet(`typo-${i}`, [`${artist} - Horizon Skylnie`, `${artist} - Night Drive`]));
  }
  return sets;
}

/** Typos of artists as well as titles, a featured credit and a lost joiner: every kind of block. */
function mixedSets() {
  return [
    ...typoSets(),
    testSet('artist-typo-1', ['Fenwick Drummond - Glass Harbour', 'Fenwick Drummond - Glass Harbour']),
    testSet('artist-typo-2', ['Fenwick Drumond - Glass Harbour']),
    testSet('joiner-1', ['Tova & Renn Aldous - Slow Bloom', 'Tova & Renn Aldous - Slow Bloom']),
    testSet('joiner-2', ['Tova Renn Aldous - Slow Bloom']),
    testSet('feat-1', ['Ida Moss feat. Sam Vey - Copper Line', 'Ida Moss & Sam Vey - Copper Lnie']),
  ];
}

describe.skipIf(noServer)('dedupe in batches', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.drop());

  const mergedTitles = async () =>
    (
      await t.db.query<{ title: string }>(
        'SELECT title FROM tracks WHERE merged_into IS NOT NULL ORDER BY id',
      )
    ).map((r) => r.title);

  // Blocks fetched per batch, and the whole catalogue in memory (wholeCatalogueFrom 0): the cursor is
  // the same either way.
  it.each([
    ['blocks fetched per batch', Number.POSITIVE_INFINITY],
    ['the catalogue in memory', 0],
  ])(
    'stops when asked, keeps its place, and a second run finishes the same work (%s)',
    async (_, wholeCatalogueFrom) => {
      await importItems(t.db, typoSets());
      const stop = new AbortController();
      const seen: DedupeProgress[] = [];
      await expect(
        runDedupe(t.db, {
          wholeCatalogueFrom,
          batchSize: 20,
          signal: stop.signal,
          onProgress: (p) => {
            seen.push(p);
            if (seen.length === 2) stop.abort(new Error('stopped by the test'));
          },
        }),
      ).rejects.toThrow('stopped by the test');
      expect(seen.map((p) => p.tracksScanned)).toEqual([20, 40]);
      expect(seen[0]!.total).toBe(120);
      const partly = (await mergedTitles()).length;
      expect(partly).toBeGreaterThan(0);
      expect(partly).toBeLessThan(40);

      const rest = await runDedupe(t.db, { batchSize: 20, wholeCatalogueFrom });
      expect(rest.resumedAfter).toBeGreaterThan(0);
      // The second run did not look again at what the first one finished.
      expect(rest.tracksScanned).toBeLessThan(120);
      const titles = await mergedTitles();
      expect(titles).toHaveLength(40);
      // The typo went, the spelling played more often stayed.
      expect(new Set(titles)).toEqual(new Set(['Horizon Skylnie']));

      // Finished: the next full run starts over (nothing to merge) instead of resuming.
      const again = await runDedupe(t.db, { batchSize: 20, wholeCatalogueFrom });
      expect(again.resumedAfter).toBeNull();
      expect(again.merges).toEqual([]);
    },
  );

  it('an import dedupes the tracks created after the id it started from, and only those', async () => {
    await importItems(
      t.db,
      typoSets().filter((s) => !s.externalId!.startsWith('typo')),
    );
    const [row] = await t.db.query<{ max: number }>('SELECT max(id)::int AS max FROM tracks');
    const max = row!.max;
    await importItems(
      t.db,
      typoSets().filter((s) => s.externalId!.startsWith('typo')),
    );
    const s = await runDedupe(t.db, { afterTrackId: max, batchSize: 7 });
    // 40 new tracks (the typos; "Night Drive" was known), each compared once, plus the survivors again.
    expect(s.tracksScanned - s.merges.length).toBe(40);
    expect(s.merges).toHaveLength(40);
    expect(new Set(await mergedTitles())).toEqual(new Set(['Horizon Skylnie']));
  });

  it('finds the same pairs from the whole catalogue in memory as from blocks fetched per batch', async () => {
    const other = await testDatabase();
    try {
      await importItems(t.db, mixedSets());
      await importItems(other.db, mixedSets());
      const outcome = async (db: TestDatabase['db'], wholeCatalogueFrom: number) => {
        const run = await runDedupe(db, { wholeCatalogueFrom, batchSize: 25 });
        const merged = await db.query<{ kept: string; merged: string }>(
          `SELECT k.artist_name || ' - ' || k.title AS kept, m.artist_name || ' - ' || m.title AS merged
           FROM tracks m JOIN tracks k ON k.id = m.merged_into ORDER BY 2`,
        );
        return { pairs: run.pairsScored, review: run.reviewCandidates, merged };
      };
      const whole = await outcome(t.db, 0);
      const byKey = await outcome(other.db, Number.POSITIVE_INFINITY);
      expect(whole).toEqual(byKey);
      expect(whole.merged).toContainEqual({
        kept: 'Fenwick Drummond - Glass Harbour',
        merged: 'Fenwick Drumond - Glass Harbour',
      });
      expect(whole.merged.length).toBeGreaterThanOrEqual(41);
    } finally {
      await other.drop();
    }
  });
});
