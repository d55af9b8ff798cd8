// A user's upload as the import job runs it (issue 10): every set of the file is theirs and private —
// entries stored, no transition written, the tracks it brings visible to them alone, no near-duplicate
// merges with the shared catalogue, and nothing announced to the graph.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobContext } from '@songnodes/jobs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { type GraphChange, importFileJob } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'songnodes-private-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two sets; "Horizons" is a typo of "Horizon" that a public import would merge. */
function historyFile(): string {
  const sets = [
    ['Kay Loom - Sundial', 'Kay Loom - Horizon', 'Mira Vale - Night Drive'],
    ['Kay Loom - Horizons', 'Mira Vale - Night Drive', 'Kay Loom - Sundial'],
  ].map((lines, i) =>
    JSON.stringify({
      format: 'songnodes.set/v1',
      source: 'upload',
      externalId: `h${i}`,
      performers: ['Me'],
      kind: 'history',
      entries: lines.map((raw, p) => ({ position: p + 1, raw })),
    }),
  );
  const file = join(dir, `history-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, `${sets.join('\n')}\n`);
  return file;
}

const ctx = (): JobContext => ({
  jobId: 'test',
  signal: new AbortController().signal,
  progress: async () => {},
  finalAttempt: true,
  previous: null,
});

describe.skipIf(noServer)('a private import job', () => {
  let t: TestDatabase;
  let userId: number;
  beforeEach(async () => {
    t = await testDatabase();
    const [u] = await t.db.query<{ id: number }>(
      `INSERT INTO users (email) VALUES ('me@example.org') RETURNING id`,
    );
    userId = u!.id;
  });
  afterEach(() => t.drop());

  it('stores the sets as the owner’s, private, with no transitions, merges or graph changes', async () => {
    const changes: GraphChange[] = [];
    const job = importFileJob({ db: t.db, onChange: (c) => changes.push(c) });
    const r = await job.handler(job.parse({ path: historyFile(), owner: { userId, private: true } }), ctx());
    expect(r.setsStored).toBe(2);
    expect(r.dedupe).toBeNull();
    const sets = await t.db.query<{ owner_id: number; visibility: string }>(
      'SELECT owner_id, visibility FROM sets ORDER BY id',
    );
    expect(sets).toEqual([
      { owner_id: userId, visibility: 'private' },
      { owner_id: userId, visibility: 'private' },
    ]);
    expect(await t.db.query('SELECT 1 FROM set_entries')).toHaveLength(6);
    expect(await t.db.query('SELECT 1 FROM set_transitions')).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM transitions')).toHaveLength(0);
    const tracks = await t.db.query<{
      title: string;
      private_to: number[] | null;
      merged_into: number | null;
    }>('SELECT title, private_to, merged_into FROM tracks ORDER BY title');
    expect(tracks).toEqual(
      ['Horizon', 'Horizons', 'Night Drive', 'Sundial'].map((title) => ({
        title,
        private_to: [userId],
        merged_into: null,
      })),
    );
    // The graph hears of nothing: no public node or edge came with it.
    expect(changes.flatMap((c) => [...c.newTrackIds, ...c.changedPairs])).toEqual([]);
  });

  it('refuses an owner that is not {userId, private}', () => {
    const job = importFileJob({ db: t.db });
    expect(() => job.parse({ path: historyFile(), owner: { userId: 'me', private: true } })).toThrow(
      /"owner" must be/,
    );
  });
});
