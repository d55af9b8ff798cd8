import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engine, noServer, testDatabase } from '../../../test/db.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/escaping-jobs.ts', import.meta.url));

function run(target: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FIXTURE, target]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(noServer)(`errors escaping a job never end the process (${engine})`, () => {
  it('fails the job the error came from, dead-letters input errors at once, and lives on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-guard-'));
    const t = engine === 'postgres' ? await testDatabase({ migrate: false }) : undefined;
    try {
      const r = await run(t?.url ?? join(dir, 'db'));
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      expect(out.states.rejection).toMatchObject({
        state: 'failed',
        progress: { message: 'Invalid Closing Quote (line 3)', failure: 'unknown' },
      });
      expect(out.states.thrown).toMatchObject({
        state: 'failed',
        progress: { message: 'thrown in a timer' },
      });
      // Bad input: one attempt, straight to the dead-letter queue (its retry limit was 3).
      expect(out.states.input).toMatchObject({
        state: 'failed',
        progress: { message: 'upload.csv: line 2, field "bpm": not a number', failure: 'input' },
      });
      expect(out.states.payload).toMatchObject({
        state: 'failed',
        progress: { message: `the job's payload is not valid: "n" must be a number`, failure: 'input' },
      });
      expect(out.dead.sort()).toEqual([out.ids.input, out.ids.payload].sort());
      expect(out.attempts).toBe(2); // one for the rejection job, one (not four) for the bad input
      // The escaped errors were reported, naming their jobs.
      expect(out.stray).toEqual(
        expect.arrayContaining([
          expect.stringContaining(`job ${out.ids.rejection} (escape.rejection): Invalid Closing Quote`),
          expect.stringContaining(`job ${out.ids.thrown} (escape.throw): thrown in a timer`),
        ]),
      );
    } finally {
      await t?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
