import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSets, parseGenerateArgs, runGenerate } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'songnodes-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseGenerateArgs', () => {
  it('reads --sets, --seed and --out', () => {
    expect(parseGenerateArgs(['--sets', '10', '--seed', '1'])).toEqual({ sets: 10, seed: 1 });
    // A negative value needs the `--seed=-3` form (node:util parseArgs reads "-3" as an option otherwise).
    expect(parseGenerateArgs(['--sets', '0', '--seed=-3', '--out', 'x.ndjson'])).toEqual({
      sets: 0,
      seed: -3,
      out: 'x.ndjson',
    });
  });

  it.each([
    [['--seed', '1'], /--sets is required/],
    [['--sets', '10'], /--seed is required/],
    [['--sets', 'ten', '--seed', '1'], /--sets must be an integer ≥ 0, got "ten"/],
    [['--sets=-1', '--seed', '1'], /--sets must be an integer ≥ 0, got "-1"/],
    [['--sets', '1', '--seed', '1.5'], /--seed must be an integer/],
    [['--sets', '1', '--seed', '1', '--size', '2'], /size/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseGenerateArgs(argv)).toThrow(message);
  });
});

describe('runGenerate', () => {
  it('writes NDJSON to a file, one set per line, as generateSets yields them', async () => {
    const out = join(dir, 'sets.ndjson');
    await runGenerate({ sets: 25, seed: 4, out });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    expect(lines.map((l) => JSON.parse(l))).toEqual([...generateSets({ sets: 25, seed: 4 })]);
  });
});
