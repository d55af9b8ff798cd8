// Start-up section: time from spawning `songnodes start` until /health/ready answers 200, and the idle
// resident memory of that process once it has settled; on an empty database, and (full profile) on one
// holding 1M set entries built with the generator and the real pipeline first.
import { join } from 'node:path';
import { runJsonChild } from './child.ts';
import type { SuiteContext } from './context.ts';
import { writeGeneratedFile } from './ingest.ts';
import type { IngestRunResult } from './ingest-run.ts';
import { measurement } from './measurement.ts';
import { removeFolder, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';
import { residentBytes, startSongnodes } from './songnodes-process.ts';

const MB = 1024 * 1024;
/** Size of the full profile's large database, in set entries (it ends up a little above). */
const ENTRIES_TARGET = 1_000_000;

async function measureStarts(ctx: SuiteContext, label: string, dataDir: () => string, settleMs: number) {
  const ready: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const dir = dataDir();
    const p = await startSongnodes({ dataDir: dir, demo: false });
    try {
      await new Promise((r) => setTimeout(r, settleMs));
      ready.push(p.readyMs);
      rss.push(residentBytes(p.child.pid!) / MB);
      ctx.log(
        `start-up: ${label} run ${i + 1}/${ctx.runs}: ready in ${Math.round(p.readyMs)} ms, idle RSS ${Math.round(rss.at(-1)!)} MB`,
      );
    } finally {
      await p.stop();
    }
  }
  return [
    measurement({
      section: 'startup',
      label: `${label}: time to ready`,
      unit: 'ms',
      better: 'lower',
      runs: ready,
    }),
    measurement({ section: 'startup', label: `${label}: idle RSS`, unit: 'MB', better: 'lower', runs: rss }),
  ];
}

export async function startupSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'startup',
    title: 'Start-up (`songnodes start`, embedded database)',
    measurements: [],
    notes: [],
  };
  const settleMs = ctx.profile === 'full' ? 10_000 : 3_000;
  const dir = tempFolder('startup');
  try {
    let n = 0;
    section.measurements.push(
      ...(await measureStarts(
        ctx,
        'empty database (first start: creates and migrates it)',
        () => join(dir, `empty-${n++}`),
        settleMs,
      )),
    );
    if (ctx.profile === 'full') {
      // Size the set count from the generator's own mean set length, then build the folder with the real pipeline.
      const sample = join(dir, 'sample.ndjson');
      const sampleEntries = await writeGeneratedFile(sample, 2000);
      const sets = Math.ceil((ENTRIES_TARGET / (sampleEntries / 2000)) * 1.01);
      const file = join(dir, 'million.ndjson');
      ctx.log(`start-up: building a database of ~1M entries (${sets.toLocaleString('en-US')} sets)`);
      await writeGeneratedFile(file, sets);
      const dataDir = join(dir, 'million');
      const built = await runJsonChild<IngestRunResult>(
        './ingest-run.ts',
        ['--mode', 'pipeline', '--file', file, '--data-dir', dataDir],
        {
          timeoutMs: 60 * 60_000,
        },
      );
      removeFolder(file);
      section.measurements.push(
        ...(await measureStarts(
          ctx,
          `database with ${built.rows.toLocaleString('en-US')} entries`,
          () => dataDir,
          settleMs,
        )),
      );
    } else {
      section.notes.push('the 1M-entry start-up runs in the full profile only (`npm run bench -- --full`)');
    }
    section.notes.push(
      `spawn \`node packages/cli/src/main.ts start\` (SONGNODES_DEMO=false, a fresh temp SONGNODES_DATA_DIR per empty run) → /health/ready 200, polled every 20 ms; idle RSS = VmRSS of that process ${settleMs / 1000} s after ready`,
    );
  } finally {
    removeFolder(dir);
  }
  return section;
}
