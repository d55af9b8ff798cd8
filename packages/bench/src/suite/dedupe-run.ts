// One dedupe measurement in a process of its own (its peak memory is its own). The parent (dedupe.ts)
// runs it on a database the pipeline built without dedupe; it prints one JSON line (DedupeRunResult).
//
//   node dedupe-run.ts --mode few|scan (--url postgres://… | --data-dir DIR)
//
// few: what an upload of two tracks costs (`runDedupe({ trackIds })`, the post-import path) for two
//   tracks from the middle of the catalogue; scan: `dedupe run --all` (every track, from the start).
import { parseArgs } from 'node:util';
import { type Database, openPglite, openPostgres } from '@songnodes/db';
import { runDedupe } from '@songnodes/ingest';

export interface DedupeRunResult {
  mode: 'few' | 'scan';
  tracks: number;
  tracksScanned: number;
  pairsScored: number;
  merges: number;
  reviewCandidates: number;
  seconds: number;
  peakRssBytes: number;
}

async function main() {
  const { values } = parseArgs({
    options: { mode: { type: 'string' }, url: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const mode = values.mode;
  if (mode !== 'few' && mode !== 'scan') throw new Error(`--mode must be few or scan, got ${mode}`);
  const db: Database = values.url
    ? await openPostgres({ url: values.url, max: 2 })
    : await openPglite({ dataDir: values['data-dir'] });
  try {
    const [{ n }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tracks WHERE merged_into IS NULL',
    )) as [{ n: number }];
    const middle = await db.query<{ id: number }>(
      'SELECT id FROM tracks WHERE merged_into IS NULL ORDER BY id OFFSET $1 LIMIT 2',
      [Math.floor(n / 2)],
    );
    const s =
      mode === 'few'
        ? await runDedupe(db, { trackIds: middle.map((r) => r.id) })
        : await runDedupe(db, { resume: false });
    const result: DedupeRunResult = {
      mode,
      tracks: n,
      tracksScanned: s.tracksScanned,
      pairsScored: s.pairsScored,
      merges: s.merges.length,
      reviewCandidates: s.reviewCandidates,
      seconds: s.seconds,
      // maxRSS is in kilobytes: the peak of this whole process (for PGlite, the engine's memory too).
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

if (import.meta.main) await main();
