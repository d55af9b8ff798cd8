import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('songnodes command', () => {
  it('lists its commands and every configuration variable', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    for (const c of ['start', 'api', 'worker', 'migrate', 'demo', 'generate', 'import']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
    expect(r.stdout).toContain('SONGNODES_DATA_DIR');
    expect(r.stdout).toContain('DATABASE_URL');
  });

  it('generates the same sets for the same seed', async () => {
    const a = await runCli(['generate', '--sets', '3', '--seed', '7'], {});
    const b = await runCli(['generate', '--sets', '3', '--seed', '7'], {});
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ format: 'songnodes.set/v1' });
  });
});
