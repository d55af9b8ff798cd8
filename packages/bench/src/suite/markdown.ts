// Renders results as Markdown: the table printed at the end of a run and the body of docs/benchmarks.md.
// Every figure here comes from a BenchResults object; nothing is typed in by hand.
import type { MachineDescription } from './machine.ts';
import type { BenchResults, Measurement } from './results.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** A figure with a sensible number of digits for its size, thousands separated. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export const formatMegabytes = (bytes: number) => `${formatNumber(bytes / MB)} MB`;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function ratioText(m: Measurement): string {
  if (!m.baseline) return '';
  return `${formatNumber(m.baseline.ratio)}× ${cell(m.baseline.label)}`;
}

function detailText(m: Measurement): string {
  const parts: string[] = [];
  if (m.target)
    parts.push(
      `target ${m.better === 'higher' ? '≥' : '≤'} ${formatNumber(m.target.value)}: ${m.target.met ? 'met' : 'missed'}`,
    );
  if (m.peakRssBytes !== undefined) parts.push(`peak RSS ${formatMegabytes(m.peakRssBytes)}`);
  if (m.note) parts.push(m.note);
  return cell(parts.join('; '));
}

/** One table for a list of measurements: median, unit, every run, ratio to the baseline, details. */
export function renderTable(measurements: readonly Measurement[]): string {
  const rows = [
    '| measurement | median | unit | runs | vs baseline (same run) | details |',
    '| --- | ---: | --- | --- | --- | --- |',
  ];
  for (const m of measurements) {
    rows.push(
      `| ${cell(m.label)} | ${formatNumber(m.median)} | ${cell(m.unit)} | ${m.runs.map(formatNumber).join(', ')} | ${ratioText(m)} | ${detailText(m)} |`,
    );
  }
  return rows.join('\n');
}

export function renderMachine(m: MachineDescription): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- memory: ${formatNumber(m.memoryBytes / GB)} GB`,
    `- OS: ${m.os}`,
    `- Node ${m.node}; PostgreSQL ${m.postgres ?? '(not measured)'}; PGlite ${m.pglite ?? '(unknown)'}`,
    `- load average at start (1/5/15 min): ${m.loadAverage.join(' / ')}`,
  ].join('\n');
}

/** The results as Markdown: machine, then one table per section with its notes. */
export function renderResults(r: BenchResults): string {
  const out = [
    `Profile **${r.profile}**, run on ${r.date} (started ${r.startedAt}, took ${formatNumber(r.seconds / 60)} min).`,
    '',
    renderMachine(r.machine),
  ];
  for (const n of r.notes) out.push(`- ${n}`);
  for (const s of r.sections) {
    out.push('', `### ${s.title}`, '');
    if (s.measurements.length > 0) out.push(renderTable(s.measurements), '');
    for (const n of s.notes) out.push(`- ${n}`);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** docs/benchmarks.md: how to reproduce, then the latest results. */
export function renderBenchmarksDoc(r: BenchResults, resultFile: string): string {
  return `# Benchmarks

Written by \`npm run bench\`: every figure below was measured by the suite (packages/bench/src/suite)
in the run described, and the raw runs are in \`${resultFile}\`. Do not edit the figures by hand; run
the suite again.

## How to reproduce

\`\`\`sh
npm run bench              # quick profile: 3 runs per measurement, a few minutes
npm run bench -- --full    # (or npm run bench:full) full profile: 5 runs, 100,000-set ingest, 1M-entry start-up
npm run bench -- --only ingest,http   # some sections only (ingest, startup, http, graph); writes nothing
npm run bench -- --full --only graph --merge   # measure a section again into today's result file of that profile
npm run bench -- --render bench/results/<date>.json   # rewrite this page from a result file
\`\`\`

PostgreSQL: \`BENCH_DATABASE_URL\` (or \`TEST_DATABASE_URL\`) points at a server; otherwise a throwaway
cluster is started from the installed binaries (\`PG_BIN\`, or the newest \`/usr/lib/postgresql/<v>/bin\`)
in a temp folder with fsync off, and removed afterwards. Without either, the PostgreSQL rows are skipped.
The real-data ingest reads \`../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz\` when present.

The full profile's length is mostly its 100,000-set ingest (5 runs on each engine), so it follows
the pipeline's entries/s in the quick table: at low rates it takes well over an hour.

Each figure is the median of the runs listed next to it. Ratios compare with a baseline measured in the
same run on the same machine, so they say more than the absolute figures on a busy machine.

## Latest results

${renderResults(r)}
`;
}
