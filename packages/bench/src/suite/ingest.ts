// Ingest section: set entries per second of the real pipeline (readSets → importItems) on PGlite and on
// PostgreSQL, next to the raw-row ceiling of the same engine measured in the same run (unnest batches,
// and COPY on PostgreSQL). Each run is a child process (ingest-run.ts) on a fresh database.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { writeNdjson } from '@songnodes/generator';
import { runJsonChild } from './child.ts';
import type { SuiteContext } from './context.ts';
import { type IngestRunResult, UNNEST_BATCH } from './ingest-run.ts';
import { measurement } from './measurement.ts';
import { removeFolder, tempFolder } from './resources.ts';
import type { Measurement, SectionResult } from './results.ts';

/** Issue 3's targets, identities and transitions included. */
export const TARGET_ENTRIES_PER_SECOND = { postgres: 50_000, pglite: 25_000 } as const;

export const REAL_SETS = fileURLToPath(
  new URL('../../../../../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz', import.meta.url),
);

const RUN_TIMEOUT_MS = 30 * 60_000;

/** Runs of the full profile's 100,000-set pipeline measurements. */
const LARGE_PIPELINE_RUNS = 3;

/** Writes `sets` generated sets (seed 1) as NDJSON; returns the entry count. */
export async function writeGeneratedFile(path: string, sets: number): Promise<number> {
  const out = createWriteStream(path);
  const summary = await writeNdjson({ sets, seed: 1 }, out);
  out.end();
  await finished(out);
  return summary.entries;
}

type Engine = 'pglite' | 'postgres';

export async function ingestSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = { id: 'ingest', title: 'Ingest', measurements: [], notes: [] };
  const sets = ctx.profile === 'full' ? 100_000 : 5_000;
  const dir = tempFolder('ingest');
  try {
    const generated = join(dir, 'generated.ndjson');
    ctx.log(`ingest: generating ${sets.toLocaleString('en-US')} sets`);
    const entries = await writeGeneratedFile(generated, sets);
    const datasets = [{ label: `generated, ${sets.toLocaleString('en-US')} sets`, file: generated }];
    if (existsSync(REAL_SETS))
      datasets.push({ label: 'djmix-mixesdb dev 1,000 mixes (real)', file: REAL_SETS });
    else section.notes.push(`real-data ingest skipped: ${REAL_SETS} is absent`);

    const engines: Engine[] = ['pglite'];
    if (ctx.postgres) engines.push('postgres');
    else section.notes.push(`PostgreSQL rows skipped: ${ctx.postgresSkipped}`);

    /** One run of `mode` on a fresh database of `engine`; returns rows/s and peak RSS. */
    const runOnce = async (engine: Engine, mode: IngestRunResult['mode'], file: string, i: number) => {
      let target: string[];
      let release: () => Promise<void>;
      if (engine === 'postgres') {
        const fresh = await ctx.postgres!.freshDatabase();
        target = ['--url', fresh.url];
        release = fresh.drop;
      } else {
        const dataDir = join(dir, `pglite-${mode}-${i}`);
        target = ['--data-dir', dataDir];
        release = async () => removeFolder(dataDir);
      }
      try {
        const r = await runJsonChild<IngestRunResult>(
          './ingest-run.ts',
          ['--mode', mode, '--file', file, ...target],
          {
            timeoutMs: RUN_TIMEOUT_MS,
          },
        );
        if (r.setsFailed)
          section.notes.push(`${engine} ${mode} run ${i + 1}: ${r.setsFailed} sets failed to import`);
        return r;
      } finally {
        await release();
      }
    };
    // The full profile's generated file takes minutes per pipeline run: 3 runs of it, not 5, keep the
    // profile near an hour. Everything else runs ctx.runs times.
    const runsOf = (mode: IngestRunResult['mode'], file: string) =>
      ctx.profile === 'full' && mode === 'pipeline' && file === generated ? LARGE_PIPELINE_RUNS : ctx.runs;
    const repeat = async (engine: Engine, mode: IngestRunResult['mode'], file: string) => {
      const results: IngestRunResult[] = [];
      const runs = runsOf(mode, file);
      for (let i = 0; i < runs; i++) {
        const r = await runOnce(engine, mode, file, i);
        ctx.log(`ingest: ${engine} ${mode} run ${i + 1}/${runs}: ${Math.round(r.rows / r.seconds)} rows/s`);
        results.push(r);
      }
      return {
        runs: results.map((r) => r.rows / r.seconds),
        peakRssBytes: Math.max(...results.map((r) => r.peakRssBytes)),
        rows: results[0]!.rows,
      };
    };

    for (const engine of engines) {
      const name = engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
      const raw = await repeat(engine, 'unnest', generated);
      const unnest = measurement({
        section: 'ingest',
        label: `${name}: raw rows, INSERT … SELECT FROM unnest (batches of ${UNNEST_BATCH.toLocaleString('en-US')})`,
        short: 'unnest',
        unit: 'rows/s',
        better: 'higher',
        runs: raw.runs,
        peakRssBytes: raw.peakRssBytes,
        note: `${raw.rows.toLocaleString('en-US')} rows`,
      });
      const rows: Measurement[] = [unnest];
      if (engine === 'postgres') {
        const copy = await repeat(engine, 'copy', generated);
        rows.push(
          measurement(
            {
              section: 'ingest',
              label: `${name}: raw rows, COPY FROM STDIN`,
              unit: 'rows/s',
              better: 'higher',
              runs: copy.runs,
              peakRssBytes: copy.peakRssBytes,
              note: `${copy.rows.toLocaleString('en-US')} rows`,
            },
            { baseline: unnest },
          ),
        );
      }
      for (const d of datasets) {
        const p = await repeat(engine, 'pipeline', d.file);
        rows.push(
          measurement(
            {
              section: 'ingest',
              label: `${name}: pipeline, ${d.label}`,
              unit: 'entries/s',
              better: 'higher',
              runs: p.runs,
              peakRssBytes: p.peakRssBytes,
              note: `${p.rows.toLocaleString('en-US')} entries`,
            },
            { baseline: unnest, target: TARGET_ENTRIES_PER_SECOND[engine] },
          ),
        );
      }
      section.measurements.push(...rows);
    }
    if (ctx.profile === 'full')
      section.notes.push(
        `the pipeline on the generated ${sets.toLocaleString('en-US')} sets ran ${LARGE_PIPELINE_RUNS} times per engine (minutes each); every other row ${ctx.runs} times`,
      );
    section.notes.push(
      `generated data: ${sets.toLocaleString('en-US')} sets, ${entries.toLocaleString('en-US')} entries, seed 1; every run on a fresh database (PGlite: a new folder on disk)`,
      'pipeline = readSets (NDJSON/JSON reader) → importItems (parse, identities, sets, entries, transitions), timed by importItems',
      'raw rows = the same generated entries flattened into a 10-column table without indexes (the width of set_entries as the pipeline fills it); the time to read the file is excluded',
      'peak RSS = the child process that ran the measurement (for PGlite this includes the embedded engine; a PostgreSQL server’s own memory is not included)',
    );
    if (ctx.postgres) section.notes.push(`PostgreSQL ${ctx.postgres.version}: ${ctx.postgres.origin}`);
  } finally {
    removeFolder(dir);
  }
  return section;
}
