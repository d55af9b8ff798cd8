// One bad upload must cost nobody else anything: `songnodes start` runs as a real process, every class
// of bad input goes in through POST /api/v1/imports, and after each the server still answers and the
// job says what was wrong, and where. A good upload after them all still imports.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { type Served, serve, until } from './run-cli.ts';

interface JobRecord {
  state: string;
  progress: Record<string, unknown>;
}

// [name, filename, body, what the job must say (in its message or its issues)]
const BAD_INPUTS: [string, string, string | Buffer, RegExp][] = [
  ['empty file', 'empty.txt', '', /empty/],
  ['only whitespace', 'blank.txt', ' \n\n\t\n', /no content/],
  [
    'binary bytes',
    'image.png',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0]),
    /binary/,
  ],
  ['gzip that is not', 'sets.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]), /.+/],
  ['stray quote in CSV', 'stray.csv', 'artist,title\nKay Loom,"Sundial\nMira Vale,Tide"x\n', /line\D{0,3}\d/],
  ['CSV without artist or title', 'cols.csv', 'foo,bar\n1,2\n', /no artist or title column/],
  [
    'truncated Rekordbox XML',
    'lib.xml',
    '<?xml version="1.0"?><DJ_PLAYLISTS><COLLECTION><TRACK Name="x"',
    /.+/,
  ],
  ['broken JSON', 'set.json', '{"format":"songnodes.set/v1","entries":[{"raw":', /.+/],
];

describe.skipIf(noServer)(`bad uploads never take the server down (${engine})`, () => {
  let dataDir: string;
  let t: TestDatabase | undefined;
  let served: Served;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'songnodes-isolation-'));
    const env: Record<string, string> = { SONGNODES_DATA_DIR: dataDir, SONGNODES_DEMO: 'false' };
    if (engine === 'postgres') {
      t = await testDatabase({ migrate: false });
      env.DATABASE_URL = t.url!;
    }
    served = await serve('start', env);
  }, 90_000);
  afterAll(async () => {
    served?.child.kill('SIGKILL');
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (filename: string, body: string | Buffer) => {
    const res = await fetch(`${served.url}/api/v1/imports?filename=${encodeURIComponent(filename)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-songnodes-csrf': '1' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { jobId: string }).jobId;
  };
  const settled = (jobId: string) =>
    until(`job ${jobId} to settle`, async () => {
      const r = await fetch(`${served.url}/api/v1/jobs/${jobId}`);
      const j = (await r.json()) as JobRecord;
      return j.state === 'completed' || j.state === 'failed' ? j : null;
    });

  it.each(BAD_INPUTS)('%s: the job reports it, the server stays up', async (_name, filename, body, says) => {
    const job = await settled(await upload(filename, body));
    const told = JSON.stringify(job.progress);
    // Either the job failed with the reason, or it imported what it could and lists what it met.
    if (job.state === 'failed') {
      expect(job.progress.message).toEqual(expect.any(String));
      // Bad input is not retried: it went straight to the dead-letter queue.
      expect(job.progress.failure).toBe('input');
    } else {
      expect(told).toMatch(/"severity":"(error|warning)"/);
    }
    expect(told).toMatch(says);
    expect(told).not.toMatch(/\n\s+at /); // never a stack trace
    expect(served.child.exitCode).toBeNull();
    const live = await fetch(`${served.url}/health/live`);
    expect(live.status).toBe(200);
  });

  it('still imports a good file after all of them, and kept no upload', async () => {
    const job = await settled(await upload('good.txt', '01. Kay Loom - Sundial\n02. Mira Vale - Tide\n'));
    expect(job).toMatchObject({ state: 'completed', progress: { setsStored: 1, entries: 2 } });
    expect(served.child.exitCode).toBeNull();
    expect(served.stderr()).not.toMatch(/\n\s+at .*\(/);
  });
});
