// Pure pieces of the benchmark suite: statistics, measurements, Markdown, machine description, and the
// parsers of what child processes print. The measuring itself runs only under `npm run bench`.
import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dedupeEntries } from '../src/suite/dedupe.ts';
import { GRAPH_SIZES, readGraphFigures, timesCommunitiesAndLayout } from '../src/suite/graph.ts';
import { assertLoopback, readAutocannonReport } from '../src/suite/http.ts';
import { describeMachine } from '../src/suite/machine.ts';
import { formatNumber, renderBenchmarksDoc, renderResults, renderTable } from '../src/suite/markdown.ts';
import { measurement } from '../src/suite/measurement.ts';
import { type BenchResults, type Measurement, mergeSections } from '../src/suite/results.ts';
import { median, percentile } from '../src/suite/stats.ts';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1, 1000, 11], 10],
    [[-2, -8], -5],
  ])('median(%j) = %d', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
  it('refuses no values', () => expect(() => median([])).toThrow(/no values/));
});

describe('percentile (nearest rank)', () => {
  const tenToHundred = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];
  it.each([
    [0, 10],
    [0.1, 10],
    [0.11, 20],
    [0.5, 50],
    [0.95, 100],
    [0.99, 100],
    [1, 100],
  ])('q=%d → %d', (q, expected) => {
    expect(percentile(tenToHundred, q)).toBe(expected);
  });
  it('refuses q outside [0, 1] and no values', () => {
    expect(() => percentile([1], 1.5)).toThrow(/q must be/);
    expect(() => percentile([1], Number.NaN)).toThrow(/q must be/);
    expect(() => percentile([], 0.5)).toThrow(/no values/);
  });
});

const rate = (label: string, runs: number[]) =>
  measurement({ section: 's', label, unit: 'rows/s', better: 'higher', runs });

describe('measurement', () => {
  it('takes the median and the ratio to the baseline median', () => {
    const base = rate('unnest', [100, 300, 200]);
    const m = measurement(
      { section: 's', label: 'pipeline', unit: 'entries/s', better: 'higher', runs: [50, 40, 60] },
      { baseline: base },
    );
    expect(m.median).toBe(50);
    expect(m.baseline).toEqual({ label: 'unnest', ratio: 0.25 });
  });
  it.each([
    ['higher', [30], 25, true],
    ['higher', [20], 25, false],
    ['lower', [20], 25, true],
    ['lower', [30], 25, false],
  ] as const)('better=%s runs=%j target %d → met %s', (better, runs, target, met) => {
    const m = measurement({ section: 's', label: 'x', unit: 'u', better, runs: [...runs] }, { target });
    expect(m.target).toEqual({ value: target, met });
  });
  it('gives no ratio against a baseline of 0', () => {
    const base = measurement({ section: 's', label: 'p50', unit: 'ms', better: 'lower', runs: [0, 0, 0] });
    const m = measurement(
      { section: 's', label: 'p50', unit: 'ms', better: 'lower', runs: [3] },
      { baseline: base },
    );
    expect(m.baseline).toBeUndefined();
  });
});

describe('Markdown', () => {
  it.each([
    [1234567.8, '1,234,568'],
    [123.4, '123'],
    [12.34, '12.3'],
    [1.234, '1.23'],
    [0.01234, '0.012'],
    [0, '0'],
  ])('formatNumber(%d) = %s', (x, s) => expect(formatNumber(x)).toBe(s));

  it('renders one row per measurement with runs, ratio, target and peak RSS', () => {
    const base = rate('unnest | batches', [400_000, 410_000, 390_000]);
    const m: Measurement = {
      ...measurement(
        {
          section: 's',
          label: 'pipeline',
          unit: 'entries/s',
          better: 'higher',
          runs: [30_000, 20_000, 26_000],
        },
        { baseline: base, target: 25_000 },
      ),
      peakRssBytes: 300 * 1024 * 1024,
    };
    const lines = renderTable([base, m]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('| measurement | median | unit | runs | vs baseline (same run) | details |');
    // The pipe in a label must not split the cell.
    expect(lines[2]).toBe('| unnest \\| batches | 400,000 | rows/s | 400,000, 410,000, 390,000 |  |  |');
    expect(lines[3]).toBe(
      '| pipeline | 26,000 | entries/s | 30,000, 20,000, 26,000 | 0.065× unnest \\| batches | target ≥ 25,000: met; peak RSS 300 MB |',
    );
  });

  const results: BenchResults = {
    format: 'songnodes.bench/v1',
    date: '2030-01-02',
    profile: 'quick',
    startedAt: '2030-01-02T03:04:05.000Z',
    seconds: 150,
    machine: {
      cpu: 'Made-up CPU 9000',
      cores: 2,
      memoryBytes: 8 * 1024 ** 3,
      os: 'linux 6.0 x64',
      node: 'v24.0.0',
      postgres: null,
      pglite: '0.5.0',
      loadAverage: [1, 2, 3],
    },
    sections: [
      {
        id: 'ingest',
        title: 'Ingest',
        measurements: [rate('unnest', [1, 2, 3])],
        notes: ['PostgreSQL rows skipped: none'],
      },
      { id: 'graph', title: 'Graph', measurements: [], notes: ['pending: no JSON'] },
    ],
    notes: ['a shared machine'],
  };

  it('renders the machine, every section, its table and notes', () => {
    const md = renderResults(results);
    expect(md).toContain('- CPU: Made-up CPU 9000, 2 logical cores');
    expect(md).toContain('- memory: 8 GB');
    expect(md).toContain('PostgreSQL (not measured); PGlite 0.5.0');
    expect(md).toContain('took 2.5 min');
    expect(md).toContain('### Ingest\n\n| measurement');
    expect(md).toContain('- PostgreSQL rows skipped: none');
    expect(md).toContain('### Graph\n\n- pending: no JSON');
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('writes the doc with how to reproduce and the result file it came from', () => {
    const doc = renderBenchmarksDoc(results, 'bench/results/2030-01-02.json');
    expect(doc).toMatch(/^# Benchmarks\n/);
    expect(doc).toContain('npm run bench -- --full');
    expect(doc).toContain('`bench/results/2030-01-02.json`');
    expect(doc).toContain(renderResults(results));
  });
});

describe('describeMachine', () => {
  it('describes this machine with every field', () => {
    const m = describeMachine({ postgres: '17.2', pglite: '0.5.16' });
    expect(Object.keys(m).sort()).toEqual(
      ['cores', 'cpu', 'loadAverage', 'memoryBytes', 'node', 'os', 'pglite', 'postgres'].sort(),
    );
    expect(m.cores).toBe(cpus().length);
    expect(m.cpu.length).toBeGreaterThan(0);
    expect(m.memoryBytes).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
    expect(m.os).toContain(process.platform);
    expect(m.postgres).toBe('17.2');
    expect(m.loadAverage).toHaveLength(3);
  });
});

describe('reading child output', () => {
  it('reads the figures of an autocannon --json report', () => {
    const report = JSON.stringify({
      requests: { average: 1234.5, total: 6172 },
      latency: { p50: 3, p99: 12, average: 3.4 },
      errors: 1,
      timeouts: 2,
      non2xx: 4,
    });
    expect(readAutocannonReport(report)).toEqual({
      requestsPerSecond: 1234.5,
      latencyP50Ms: 3,
      latencyP99Ms: 12,
      requests: 6172,
      errors: 3,
      non2xx: 4,
    });
  });

  it.each([
    ['human-readable lines', 'build: 1.2 s\nneighbourhood: { p50: 0.1, p95: 0.3 }\n', null],
    [
      'a JSON object on the last line',
      'graph: 10 tracks\n{"buildMs":12.5,"label":"x","edgeBytes":16}\n',
      { buildMs: 12.5, edgeBytes: 16 },
    ],
    ['a JSON array', '[1,2]\n', null],
    ['an object without numbers', '{"a":"b"}\n', null],
    ['nothing', '', null],
  ])('graph script output: %s', (_what, stdout, expected) => {
    expect(readGraphFigures(stdout)).toEqual(expected);
  });

  it.each(['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]:9/x'])('%s is loopback', (u) =>
    expect(() => assertLoopback(u)).not.toThrow(),
  );
  it.each(['http://10.0.0.1/x', 'http://example.org/x'])('%s is refused', (u) =>
    expect(() => assertLoopback(u)).toThrow(/not a loopback/),
  );
});

describe('merging a partial run into a result file', () => {
  const file = (profile: 'quick' | 'full', sections: string[], startedAt: string): BenchResults => ({
    format: 'songnodes.bench/v1',
    date: '2026-11-22',
    profile,
    startedAt,
    seconds: 120,
    machine: describeMachine({ postgres: null, pglite: null }),
    sections: sections.map((id) => ({ id, title: id, measurements: [], notes: [`${id} of ${startedAt}`] })),
    notes: [`measured the tree at commit ${startedAt === 'T1' ? 'aaa' : 'bbb'}`],
  });
  const order = ['ingest', 'startup', 'http', 'graph'];

  it('replaces the re-measured sections in place and says when and at which commit', () => {
    const merged = mergeSections(
      file('full', ['ingest', 'startup', 'graph'], 'T1'),
      file('full', ['graph'], 'T2'),
      order,
    );
    expect(merged.sections.map((s) => s.notes[0])).toEqual(['ingest of T1', 'startup of T1', 'graph of T2']);
    expect(merged.startedAt).toBe('T1');
    expect(merged.notes).toEqual([
      'measured the tree at commit aaa',
      'graph: measured again on T2 (2.0 min), measured the tree at commit bbb',
    ]);
  });

  it('adds a section the file did not have, in suite order', () => {
    const merged = mergeSections(
      file('quick', ['ingest', 'graph'], 'T1'),
      file('quick', ['http'], 'T2'),
      order,
    );
    expect(merged.sections.map((s) => s.id)).toEqual(['ingest', 'http', 'graph']);
  });

  it('refuses to mix profiles', () => {
    expect(() => mergeSections(file('full', ['graph'], 'T1'), file('quick', ['graph'], 'T2'), order)).toThrow(
      'the result file is a full profile, this run is quick',
    );
  });
});

describe('graph section sizes', () => {
  it('times Louvain and the layout at every size in the full profile, at the smallest only in the quick one', () => {
    expect(GRAPH_SIZES.full.map((e) => timesCommunitiesAndLayout('full', e))).toEqual([true, true, true]);
    expect(GRAPH_SIZES.quick.map((e) => timesCommunitiesAndLayout('quick', e))).toEqual([true, false]);
  });
});

describe('dedupe section size', () => {
  it('is ~100,000 entries quick, ~1,000,000 full, or what BENCH_DEDUPE_ENTRIES says', () => {
    expect(dedupeEntries('quick', undefined)).toBe(100_000);
    expect(dedupeEntries('full', undefined)).toBe(1_000_000);
    expect(dedupeEntries('quick', '250000')).toBe(250_000);
    expect(() => dedupeEntries('full', '1e9x')).toThrow('BENCH_DEDUPE_ENTRIES');
    expect(() => dedupeEntries('full', '10')).toThrow('1000 or more');
  });
});
