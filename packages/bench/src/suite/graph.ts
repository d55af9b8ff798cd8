// Graph section: a hook, not a benchmark of our own. The graph module measures itself with
// packages/graph/scripts/bench-index.ts; the suite runs it as a child process with `--json` and takes
// figures only from the JSON object it prints on its last line. Until that script prints one, the
// section records why it is pending instead of inventing figures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SuiteContext } from './context.ts';
import { measurement } from './measurement.ts';
import { spawnTracked, stopChild } from './resources.ts';
import type { SectionResult } from './results.ts';

export const GRAPH_SCRIPT = fileURLToPath(new URL('../../../graph/scripts/bench-index.ts', import.meta.url));

/** Sizes the graph figures are asked for (issue 5: 10K, 100K and 1M edges); tracks = edges / 10. */
export const GRAPH_SIZES = { quick: [10_000, 1_000_000], full: [10_000, 100_000, 1_000_000] } as const;

/** ForceAtlas2 iterations timed per run (the layout job's default is longer; 100 show the rate). */
export const LAYOUT_ITERATIONS = 100;

/**
 * Louvain and the layout take seconds to minutes per run at 1M edges: the full profile times them at
 * every size, the quick profile on the smallest graph only.
 */
export const timesCommunitiesAndLayout = (profile: 'quick' | 'full', edges: number) =>
  profile === 'full' || edges === GRAPH_SIZES.quick[0];

/** The JSON line the hook expects: numeric figures by name (e.g. buildMs, neighbourhoodP95Ms). */
export type GraphFigures = Record<string, number>;

/** The figures of the last stdout line when it is a JSON object of numbers, else null. */
export function readGraphFigures(stdout: string): GraphFigures | null {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const figures = Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number');
  return figures.length > 0 ? Object.fromEntries(figures) : null;
}

async function runScript(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTracked(process.execPath, [GRAPH_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-2000);
  });
  const timer = setTimeout(() => void stopChild(child), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

export async function graphSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'graph',
    title: 'Graph (packages/graph)',
    measurements: [],
    notes: [],
  };
  if (!existsSync(GRAPH_SCRIPT)) {
    section.notes.push('pending: packages/graph/scripts/bench-index.ts does not exist yet');
    return section;
  }
  for (const edges of GRAPH_SIZES[ctx.profile]) {
    const runs: GraphFigures[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const slow = timesCommunitiesAndLayout(ctx.profile, edges)
        ? ['--communities', `--layout=${LAYOUT_ITERATIONS}`]
        : [];
      const r = await runScript(
        ['--json', '--nodes', String(edges / 10), '--edges', String(edges), ...slow],
        30 * 60_000,
      );
      const figures = r.code === 0 ? readGraphFigures(r.stdout) : null;
      if (!figures) {
        const error =
          r.stderr
            .split('\n')
            .find((l) => /error/i.test(l))
            ?.trim() ?? r.stderr.trim();
        const why = r.code !== 0 ? `exit ${r.code}: ${error}` : 'no JSON object on its last stdout line';
        section.notes.push(
          `pending: bench-index.ts has no machine-readable output yet (\`--json\` → ${why}); its human-readable figures are not copied here. Run it directly: node packages/graph/scripts/bench-index.ts`,
        );
        return section;
      }
      runs.push(figures);
      ctx.log(`graph: ${edges} edges run ${i + 1}/${ctx.runs}`);
    }
    for (const name of Object.keys(runs[0]!)) {
      const values = runs.map((f) => f[name]).filter((v): v is number => v !== undefined);
      if (values.length !== runs.length) continue;
      section.measurements.push(
        measurement({
          section: 'graph',
          label: `${edges.toLocaleString('en-US')} edges: ${name}`,
          unit: /Ms$/.test(name) ? 'ms' : /Bytes$/.test(name) ? 'bytes' : '',
          better: 'lower',
          runs: values,
        }),
      );
    }
  }
  section.notes.push(
    'figures as printed by packages/graph/scripts/bench-index.ts --json (one child process per run): a random power-law graph of edges / 10 tracks',
    `louvainMs = Louvain communities (graphology) over the whole graph; layoutMs = ${LAYOUT_ITERATIONS} ForceAtlas2 iterations (Barnes-Hut, in a worker thread)${ctx.profile === 'quick' ? `; the quick profile times both at ${GRAPH_SIZES.quick[0].toLocaleString('en-US')} edges only` : ''}`,
  );
  return section;
}
