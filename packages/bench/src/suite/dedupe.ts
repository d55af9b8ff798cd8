// Dedupe section (issue 13, "Dedupe that scales"): a catalogue built by the real pipeline without dedupe
// (generated sets: quick ~100,000 entries, full ~1,000,000, or BENCH_DEDUPE_ENTRIES), then in a child
// process each: the post-import dedupe of two tracks (`runDedupe({ trackIds })`), and a full scan
// (`songnodes dedupe run --all`: every track, from the start). Targets at 1M entries: the scan in
// minutes (under 10), two tracks in seconds (under 5 s).
import { join } from 'node:path';
import { runJsonChild } from './child.ts';
import type { SuiteContext } from './context.ts';
import type { DedupeRunResult } from './dedupe-run.ts';
import { writeGeneratedFile } from './ingest.ts';
import type { IngestRunResult } from './ingest-run.ts';
import { measurement } from './measurement.ts';
import { removeFolder, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';

const SCAN_TARGET_S = 600;
const FEW_TARGET_S = 5;

/** Entries of the catalogue: quick ~100,000, full ~1,000,000, or BENCH_DEDUPE_ENTRIES. */
export function dedupeEntries(profile: 'quick' | 'full', env = process.env.BENCH_DEDUPE_ENTRIES): number {
  if (!env) return profile === 'full' ? 1_000_000 : 100_000;
  const n = Number(env);
  if (!Number.isInteger(n) || n < 1000)
    throw new Error(`BENCH_DEDUPE_ENTRIES: ${JSON.stringify(env)} is not an entry count of 1000 or more`);
  return n;
}

export async function dedupeSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'dedupe',
    title: 'Dedupe of a whole catalogue',
    measurements: [],
    notes: [],
  };
  const dir = tempFolder('dedupe');
  try {
    const sample = join(dir, 'sample.ndjson');
    const perSet = (await writeGeneratedFile(sample, 1000)) / 1000;
    const entries = dedupeEntries(ctx.profile);
    const sets = Math.ceil((entries / perSet) * 1.01);
    const file = join(dir, 'sets.ndjson');
    await writeGeneratedFile(file, sets);
    const engines: ('PGlite' | 'PostgreSQL')[] = ['PGlite'];
    if (ctx.postgres) engines.push('PostgreSQL');
    else section.notes.push(`PostgreSQL rows skipped: ${ctx.postgresSkipped}`);
    const target = entries >= 1_000_000;
    for (const engine of engines) {
      ctx.log(
        `dedupe (${engine}): building a catalogue of ~${entries.toLocaleString('en-US')} entries (${sets} sets)`,
      );
      const dataDir = join(dir, `data-${engine}`);
      const database = engine === 'PostgreSQL' ? await ctx.postgres!.freshDatabase() : null;
      const where = database ? ['--url', database.url] : ['--data-dir', dataDir];
      try {
        const built = await runJsonChild<IngestRunResult>(
          './ingest-run.ts',
          ['--mode', 'pipeline', '--file', file, ...where],
          { timeoutMs: 90 * 60_000 },
        );
        const few: DedupeRunResult[] = [];
        for (let r = 0; r < ctx.runs; r++)
          few.push(await runJsonChild<DedupeRunResult>('./dedupe-run.ts', ['--mode', 'few', ...where]));
        ctx.log(
          `dedupe (${engine}): two tracks in ${few.map((f) => f.seconds.toFixed(2)).join(', ')} s; scanning`,
        );
        // One scan: it merges, so a second would find another catalogue (and at 1M it takes minutes).
        const scan = await runJsonChild<DedupeRunResult>('./dedupe-run.ts', ['--mode', 'scan', ...where], {
          timeoutMs: 3 * 60 * 60_000,
        });
        const label = `${engine}, ${built.rows.toLocaleString('en-US')} entries, ${scan.tracks.toLocaleString('en-US')} tracks`;
        section.measurements.push(
          measurement(
            {
              section: 'dedupe',
              label: `${label}: two new tracks`,
              unit: 's',
              better: 'lower',
              runs: few.map((f) => f.seconds),
            },
            target ? { target: FEW_TARGET_S } : {},
          ),
          measurement(
            {
              section: 'dedupe',
              label: `${label}: full scan`,
              unit: 's',
              better: 'lower',
              runs: [scan.seconds],
            },
            target ? { target: SCAN_TARGET_S } : {},
          ),
          measurement({
            section: 'dedupe',
            label: `${label}: full scan rate`,
            unit: 'tracks/s',
            better: 'higher',
            runs: [scan.tracksScanned / scan.seconds],
          }),
          measurement({
            section: 'dedupe',
            label: `${label}: full scan peak memory`,
            unit: 'MB',
            better: 'lower',
            runs: [scan.peakRssBytes / 1e6],
          }),
        );
        section.notes.push(
          `${engine}: the scan scored ${scan.pairsScored.toLocaleString('en-US')} candidate pairs, merged ${scan.merges.toLocaleString('en-US')} and listed ${scan.reviewCandidates.toLocaleString('en-US')} for review`,
        );
      } finally {
        await database?.drop();
        removeFolder(dataDir);
      }
    }
    section.notes.push(
      'the catalogue is built by the real pipeline without dedupe (generated sets: titles repeat, typos of titles and names); one scan per engine, since it merges',
      `targets at 1M entries (issue 13): the full scan in minutes (under ${SCAN_TARGET_S / 60}), two new tracks in seconds (under ${FEW_TARGET_S})`,
    );
  } finally {
    removeFolder(dir);
  }
  return section;
}
