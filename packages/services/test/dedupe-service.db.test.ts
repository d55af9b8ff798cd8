// A person's merge, split and rejection through DedupeService on a real database: refused without
// merge:tracks (before anything is written), recorded in the audit log with who did it and the
// request (the same from REST, GraphQL and the CLI, which all call this service), and announced to
// the graph.
import type { ParsedSet } from '@songnodes/core';
import { importItems } from '@songnodes/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { GUEST, type Principal, SYSTEM } from '../src/auth/access.ts';
import { AuditService } from '../src/auth/audit-service.ts';
import { DedupeService } from '../src/dedupe-service.ts';
import { type DomainEvent, LocalEventBus } from '../src/events.ts';

const set = (externalId: string, lines: string[]): ParsedSet => ({
  source: 'test',
  externalId,
  title: `Set ${externalId}`,
  performers: ['Kay Loom'],
  date: '2024-05-01',
  kind: 'mix',
  entries: lines.map((raw, i) => ({ position: i + 1, raw })),
  issues: [],
});

const trackId = async (t: TestDatabase, title: string) => {
  const [r] = await t.db.query<{ id: number }>('SELECT id FROM tracks WHERE title = $1', [title]);
  if (!r) throw new Error(`no track ${title}`);
  return r.id;
};

describe.skipIf(noServer)('DedupeService', () => {
  let t: TestDatabase;
  let events: DomainEvent[];
  let dedupe: DedupeService;
  let audit: AuditService;
  const editor: Principal = { ...SYSTEM, label: 'cli:editor' };
  beforeEach(async () => {
    t = await testDatabase();
    const bus = new LocalEventBus();
    events = [];
    bus.subscribe((e) => events.push(e));
    audit = new AuditService({ db: t.db });
    dedupe = new DedupeService({ db: t.db, bus });
    await importItems(t.db, [
      set('a', ['Mira Vale - Tide', 'Ora - Horizon']),
      set('b', ['Mira Vale - Tyde', 'Ora - Horizon', 'Ora - Dusk']),
    ]);
  });
  afterEach(() => t.drop());

  it('refuses a guest before writing anything', async () => {
    const [kept, merged] = [await trackId(t, 'Tide'), await trackId(t, 'Tyde')];
    await expect(dedupe.merge(kept, merged, GUEST)).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'merging tracks needs merge:tracks',
    });
    await expect(dedupe.split(1, GUEST)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(dedupe.reject(kept, merged, GUEST)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await t.db.query('SELECT 1 FROM track_merges')).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('records a merge, its split and a rejection with who did them, and tells the graph', async () => {
    const [kept, merged, dusk] = [
      await trackId(t, 'Tide'),
      await trackId(t, 'Tyde'),
      await trackId(t, 'Dusk'),
    ];
    const m = await dedupe.merge(kept, merged, editor, { ip: '10.0.0.9', requestId: 'req-1' });
    const [row] = await t.db.query<{ actor: string }>('SELECT actor FROM track_merges WHERE id = $1', [
      m.mergeId,
    ]);
    expect(row?.actor).toBe('cli:editor');
    await dedupe.split(m.mergeId, editor);
    // An open review candidate, as `dedupe run` leaves one, to reject.
    await t.db.query(
      `INSERT INTO dedupe_candidates (track_id, candidate_track_id, score) VALUES (LEAST($1::int, $2::int), GREATEST($1::int, $2::int), 0.7)`,
      [kept, dusk],
    );
    await dedupe.reject(kept, dusk, editor);
    const log = await audit.list(SYSTEM);
    expect(log.items.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['tracks.reject', 'cli:editor', `track:${dusk}`],
      ['tracks.split', 'cli:editor', `track:${merged}`],
      ['tracks.merge', 'cli:editor', `track:${merged}`],
    ]);
    expect(log.items[2]).toMatchObject({ requestId: 'req-1', ip: '10.0.0.9' });
    expect(events.map((e) => e.type === 'graph.changed' && e.cause)).toEqual(['merge', 'split']);
  });
});
