// `npm run bench` (quick profile) and `npm run bench -- --full`: runs the suite's sections, prints the
// Markdown table, and writes bench/results/<date>.json and docs/benchmarks.md. `--only a,b` runs some
// sections and writes nothing (a partial run must not replace the committed results), unless `--merge`
// is given too: then those sections replace their namesakes in today's result file of the same profile,
// with a note saying when and at which commit they were measured again. `--render FILE` rewrites
// docs/benchmarks.md from a result file without measuring anything.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { SuiteContext } from './suite/context.ts';
import { dedupeSection } from './suite/dedupe.ts';
import { framesSection } from './suite/frames.ts';
import { graphSection } from './suite/graph.ts';
import { httpSection } from './suite/http-section.ts';
import { ingestSection } from './suite/ingest.ts';
import { describeMachine } from './suite/machine.ts';
import { renderBenchmarksDoc, renderResults } from './suite/markdown.ts';
import { type BenchPostgres, openBenchPostgres } from './suite/postgres.ts';
import { releaseAll, releaseOnExit } from './suite/resources.ts';
import { responsivenessSection } from './suite/responsiveness.ts';
import { type BenchResults, mergeSections, type SectionResult } from './suite/results.ts';
import { searchSection } from './suite/search.ts';
import { startupSection } from './suite/startup.ts';
import { websocketSection } from './suite/websocket.ts';

const ROOT = new URL('../../../', import.meta.url);
const SECTIONS: Record<string, (ctx: SuiteContext) => Promise<SectionResult>> = {
  ingest: ingestSection,
  startup: startupSection,
  http: httpSection,
  search: searchSection,
  dedupe: dedupeSection,
  websocket: websocketSection,
  graph: graphSection,
  responsiveness: responsivenessSection,
  frames: framesSection,
};

function pgliteVersion(): string | null {
  try {
    const pkg = readFileSync(new URL('node_modules/@electric-sql/pglite/package.json', ROOT), 'utf8');
    return (JSON.parse(pkg) as { version: string }).version;
  } catch {
    return null;
  }
}

/** The commit measured, and whether the tree held uncommitted changes (others' work in progress). */
function sourceVersion(): { commit: string | null; uncommitted: boolean } {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return {
      commit: git(['rev-parse', '--short', 'HEAD']),
      uncommitted: git(['status', '--porcelain']) !== '',
    };
  } catch {
    return { commit: null, uncommitted: false };
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
      merge: { type: 'boolean', default: false },
      render: { type: 'string' },
    },
  });
  if (values.render) {
    // Re-renders docs/benchmarks.md from a result file (after a change of layout): no new figures.
    const results = JSON.parse(readFileSync(values.render, 'utf8')) as BenchResults;
    writeFileSync(new URL('docs/benchmarks.md', ROOT), renderBenchmarksDoc(results, values.render));
    console.log(renderResults(results));
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  if (values.merge && !only) throw new Error('--merge re-measures some sections: give them with --only');
  for (const name of only ?? [])
    if (!SECTIONS[name])
      throw new Error(`--only: unknown section "${name}" (known: ${Object.keys(SECTIONS).join(', ')})`);
  const profile = values.full ? 'full' : 'quick';
  const source = sourceVersion();
  const started = new Date();
  const t0 = performance.now();
  const log = (m: string) =>
    console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  releaseOnExit();

  let postgres: BenchPostgres | null = null;
  let postgresSkipped: string | undefined;
  const selected = Object.keys(SECTIONS).filter((s) => !only || only.includes(s));
  const machineAtStart = describeMachine({ postgres: null, pglite: pgliteVersion() });
  let failed = false;
  const sections: SectionResult[] = [];
  try {
    if (['ingest', 'search', 'dedupe'].some((s) => selected.includes(s))) {
      const opened = await openBenchPostgres();
      if ('skipped' in opened) postgresSkipped = opened.skipped;
      else postgres = opened;
    }
    const ctx: SuiteContext = { profile, runs: profile === 'full' ? 5 : 3, postgres, postgresSkipped, log };
    for (const name of selected) {
      log(`section ${name}`);
      try {
        sections.push(await SECTIONS[name]!(ctx));
      } catch (e) {
        failed = true;
        log(`section ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
        sections.push({
          id: name,
          title: name,
          measurements: [],
          notes: [`failed: ${e instanceof Error ? e.message : String(e)}`],
        });
      }
    }
  } finally {
    await postgres?.stop();
    await releaseAll();
  }

  const date = started.toISOString().slice(0, 10);
  const [end1 = 0] = loadavg();
  const results: BenchResults = {
    format: 'songnodes.bench/v1',
    date,
    profile,
    startedAt: started.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    machine: { ...machineAtStart, postgres: postgres?.version ?? null },
    sections,
    notes: [
      source.commit
        ? `measured the tree at commit ${source.commit}${source.uncommitted ? ', with uncommitted changes in the tree (other engineers’ work in progress)' : ''}`
        : 'not run from a git checkout',
      `a shared machine: other engineers' builds and tests ran alongside (load average ${end1.toFixed(2)} at the end), so absolute figures move between runs; the same-run ratios are steadier`,
    ],
  };
  const markdown = renderResults(results);
  console.log(`\n${markdown}\n`);
  if (only && values.merge) {
    const resultFile = `bench/results/${date}.json`;
    const merged = mergeSections(
      JSON.parse(readFileSync(new URL(resultFile, ROOT), 'utf8')) as BenchResults,
      results,
      Object.keys(SECTIONS),
    );
    writeFileSync(new URL(resultFile, ROOT), `${JSON.stringify(merged, null, 2)}\n`);
    writeFileSync(new URL('docs/benchmarks.md', ROOT), renderBenchmarksDoc(merged, resultFile));
    console.error(`bench: merged ${only.join(', ')} into ${resultFile} and rewrote docs/benchmarks.md`);
  } else if (only) {
    console.error(
      'bench: --only given, so nothing was written (bench/results and docs/benchmarks.md are for whole runs; --merge replaces sections of today’s file)',
    );
  } else {
    const resultFile = `bench/results/${date}.json`;
    mkdirSync(new URL('bench/results/', ROOT), { recursive: true });
    writeFileSync(new URL(resultFile, ROOT), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(new URL('docs/benchmarks.md', ROOT), renderBenchmarksDoc(results, resultFile));
    console.error(`bench: wrote ${resultFile} and docs/benchmarks.md`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
