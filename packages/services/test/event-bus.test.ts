import { NOTIFY_MAX_BYTES as NOTIFY_LIMIT_FOR_TESTS } from '@songnodes/db';
import { describe, expect, it } from 'vitest';
import { chunkEvent, LocalEventBus } from '../src/index.ts';

describe('event bus', () => {
  it('delivers to subscribers until they unsubscribe', () => {
    const bus = new LocalEventBus();
    const got: string[] = [];
    const off = bus.subscribe((e) => got.push(e.type));
    bus.publish({ type: 'graph.changed', newTrackIds: [1], changedPairs: [], cause: 'import' });
    off();
    bus.publish({ type: 'graph.changed', newTrackIds: [2], changedPairs: [], cause: 'import' });
    expect(got).toEqual(['graph.changed']);
  });

  it('splits a large graph change into pieces that each fit a NOTIFY payload and together hold it all', () => {
    const pairs: [number, number][] = Array.from({ length: 2500 }, (_, i) => [
      2_000_000_000 + i,
      2_000_000_001 + i,
    ]);
    const ids = Array.from({ length: 1000 }, (_, i) => 2_000_000_000 + i);
    const pieces = chunkEvent({
      type: 'graph.changed',
      newTrackIds: ids,
      changedPairs: pairs,
      cause: 'import',
    });
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces)
      expect(JSON.stringify({ o: 'x'.repeat(36), e: p }).length).toBeLessThan(NOTIFY_LIMIT_FOR_TESTS);
    const all = pieces.flatMap((p) => (p.type === 'graph.changed' ? p.changedPairs : []));
    expect(all).toEqual(pairs);
    expect(pieces.flatMap((p) => (p.type === 'graph.changed' ? p.newTrackIds : []))).toEqual(ids);
  });
});
